#!/usr/bin/env bash
# The project's test command (npm test): builds the kg bundle and the site that the end-to-end
# tests use, type-checks, lints, runs every vitest suite, and ends with the line
# "N passed, N failed" that CI reads.
set -uo pipefail
cd "$(dirname "$0")/.."
mkdir -p test/artifacts
rm -f test/artifacts/vitest.json
if ! npm run --silent build >test/artifacts/build.log 2>&1; then
  cat test/artifacts/build.log
  echo "0 passed, 1 failed"
  exit 1
fi
# Type checking and linting count as two more tests: a type error is a failure like any other.
checks_failed=0
for check in typecheck lint; do
  if ! npm run --silent "$check"; then
    echo "FAIL npm run $check"
    checks_failed=$((checks_failed + 1))
  fi
done
NO_COLOR=1 npx vitest run --reporter=default --reporter=json --outputFile.json=test/artifacts/vitest.json "$@"
code=$?
vitest_code=$code
[ "$checks_failed" -gt 0 ] && code=1
# Vitest can fail with every test passed (an unhandled error during the run): that is one failure too.
CHECKS_FAILED=$checks_failed VITEST_CODE=$vitest_code node -e '
  const fs = require("node:fs");
  let r = { numPassedTests: 0, numFailedTests: 1 };
  try { r = JSON.parse(fs.readFileSync("test/artifacts/vitest.json", "utf8")); } catch {}
  const failedChecks = Number(process.env.CHECKS_FAILED);
  const unhandled = Number(process.env.VITEST_CODE) !== 0 && r.numFailedTests === 0 ? 1 : 0;
  if (unhandled) console.log("FAIL vitest exited with status " + process.env.VITEST_CODE + " though every test passed (an unhandled error: see above)");
  console.log(`${r.numPassedTests + 2 - failedChecks} passed, ${r.numFailedTests + failedChecks + unhandled} failed`);
'
exit $code
