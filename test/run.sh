#!/usr/bin/env bash
# The project's test command (npm test): builds the kg bundle the end-to-end tests spawn, runs
# every vitest suite, and ends with the line "N passed, N failed" that CI reads.
set -uo pipefail
cd "$(dirname "$0")/.."
mkdir -p test/artifacts
rm -f test/artifacts/vitest.json
if ! npm run --silent build >test/artifacts/build.log 2>&1; then
  cat test/artifacts/build.log
  echo "0 passed, 1 failed"
  exit 1
fi
NO_COLOR=1 npx vitest run --reporter=default --reporter=json --outputFile.json=test/artifacts/vitest.json "$@"
code=$?
node -e '
  const fs = require("node:fs");
  let r = { numPassedTests: 0, numFailedTests: 1 };
  try { r = JSON.parse(fs.readFileSync("test/artifacts/vitest.json", "utf8")); } catch {}
  console.log(`${r.numPassedTests} passed, ${r.numFailedTests} failed`);
'
exit $code
