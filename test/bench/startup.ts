/**
 * `kg` start-up benchmark: how much slower is a real query than starting Node at all?
 *
 *   npx tsx test/bench/startup.ts [--runs=15] [--cold-runs=3] [--json]
 *   (or KG_BENCH_RUNS / KG_BENCH_COLD_RUNS)
 *
 * Runs `node dist/cli/kg.cjs neighbours Starmer` and `node -e 0` alternately, `runs` times each,
 * after one warm-up of each (which also fills the build cache in node_modules/.cache/article-kg),
 * and compares median wall times. The cold figure deletes that cache before each of `coldRuns`
 * runs, so it includes validating, grounding and laying out the article. Target: warm kg <= 1.5x
 * `node -e 0`. Every kg run must succeed and print Starmer's neighbours, or the bench fails:
 * a fast error is not a fast start.
 *
 * Node's own start-up depends on the environment: with NODE_EXTRA_CA_CERTS set (this workplace
 * sets it machine-wide, to a 220 kB bundle), every `node` parses those certificates before
 * running a line, 400M instructions, which made `node -e 0` 2.5x slower and every ratio to it
 * look better than it is. So each figure is measured twice, alternately: in the environment as it
 * is, and with that variable unset ("bare"); the targets are judged on the bare figures.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const KG_BUNDLE = path.join(REPO, 'dist/cli/kg.cjs');
export const BUILD_CACHE = path.join(REPO, 'node_modules/.cache/article-kg');
export const KG_ARGS = ['neighbours', 'Starmer'];
export const STARTUP_TARGET = 1.5;

export interface StartupOptions {
  runs?: number;
  coldRuns?: number;
}

/** The environment without what makes Node slower to start than Node is (see above). */
export const BARE_ENV: NodeJS.ProcessEnv = Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'NODE_EXTRA_CA_CERTS'));
/** What the environment adds to each `node` start here, in words, for the tables. */
export const ENV_NOTE = process.env.NODE_EXTRA_CA_CERTS ? 'NODE_EXTRA_CA_CERTS set' : 'nothing that slows Node';

export interface StartupResult {
  runs: number;
  /** The same, in BARE_ENV. */
  bare: { node_ms: number; kg_warm_ms: number; warm_ratio: number };
  coldRuns: number;
  /** Median wall times in milliseconds. */
  node_ms: number;
  kg_warm_ms: number;
  kg_cold_ms: number;
  /** Spread of the warm samples: [min, max]. */
  node_range_ms: [number, number];
  kg_warm_range_ms: [number, number];
  warm_ratio: number;
  cold_ratio: number;
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Wall time of one child process, in ms; throws if it fails or says the wrong thing. */
export function timeRun(args: string[], expect?: RegExp, env: NodeJS.ProcessEnv = process.env): number {
  return timeCommand(process.execPath, args, expect, env);
}

/** The same for any command, run from the repository. */
export function timeCommand(command: string, args: string[], expect?: RegExp, env: NodeJS.ProcessEnv = process.env): number {
  const t0 = performance.now();
  const r = spawnSync(command, args, {
    cwd: REPO,
    encoding: 'utf8',
    env: { ...env, NO_COLOR: '1', KG_DATA: '', KG_ARTICLE: '' },
    timeout: 120_000,
  });
  const ms = performance.now() - t0;
  if (r.status !== 0 || (expect && !expect.test(r.stdout))) {
    throw new Error(`${path.basename(command)} ${args.join(' ')} exited ${r.status}: ${(r.stderr || r.stdout || String(r.error)).trim().slice(0, 500)}`);
  }
  return ms;
}

const round = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d;

export function runStartupBench(options: StartupOptions = {}): StartupResult {
  const runs = options.runs ?? 15;
  const coldRuns = options.coldRuns ?? 3;
  for (const [name, n] of [['runs', runs], ['coldRuns', coldRuns]] as const) {
    if (!Number.isInteger(n) || n < 1) throw new Error(`startup bench: ${name} must be a whole number >= 1, got ${n}`);
  }
  if (!existsSync(KG_BUNDLE)) throw new Error(`${KG_BUNDLE} is missing: run npm run build:cli first`);
  const kgArgs = [KG_BUNDLE, ...KG_ARGS];
  const answered = /^Keir Starmer \(person\): \d+ neighbours/;
  const nodeArgs = ['-e', '0'];

  // Cold: no build cache, so this run validates, grounds and lays out the article.
  const cold: number[] = [];
  for (let i = 0; i < coldRuns; i++) {
    rmSync(BUILD_CACHE, { recursive: true, force: true });
    cold.push(timeRun(kgArgs, answered));
  }
  // Warm-up (the last cold run has refilled the cache; one more run reads it), then alternate.
  timeRun(kgArgs, answered);
  timeRun(nodeArgs);
  const warm: number[] = [];
  const node: number[] = [];
  const bareWarm: number[] = [];
  const bareNode: number[] = [];
  for (let i = 0; i < runs; i++) {
    node.push(timeRun(nodeArgs));
    warm.push(timeRun(kgArgs, answered));
    bareNode.push(timeRun(nodeArgs, undefined, BARE_ENV));
    bareWarm.push(timeRun(kgArgs, answered, BARE_ENV));
  }
  const nodeMs = median(node);
  return {
    runs,
    bare: { node_ms: round(median(bareNode)), kg_warm_ms: round(median(bareWarm)), warm_ratio: round(median(bareWarm) / median(bareNode), 2) },
    coldRuns,
    node_ms: round(nodeMs),
    kg_warm_ms: round(median(warm)),
    kg_cold_ms: round(median(cold)),
    node_range_ms: [round(Math.min(...node)), round(Math.max(...node))],
    kg_warm_range_ms: [round(Math.min(...warm)), round(Math.max(...warm))],
    warm_ratio: round(median(warm) / nodeMs, 2),
    cold_ratio: round(median(cold) / nodeMs, 2),
  };
}

export interface TypedResult {
  runs: number;
  node_ms: number;
  /** `kg …` on the PATH after `npm link` (linked into a scratch prefix, so nothing global changes). */
  linked_ms: number;
  npx_ms: number;
  linked_ratio: number;
  npx_ratio: number;
}

/**
 * `kg` as users type it: after `npm link` (the README's way), and through `npx kg`, each against
 * `node -e 0`, alternately, median wall times, warm build cache.
 */
export function runTypedBench(runs = 9): TypedResult {
  const prefix = mkdtempSync(path.join(tmpdir(), 'kg-link-'));
  try {
    const link = spawnSync('npm', ['link', '--no-audit', '--no-fund'], { cwd: REPO, encoding: 'utf8', env: { ...process.env, NPM_CONFIG_PREFIX: prefix } });
    const linked = path.join(prefix, 'bin', 'kg');
    if (link.status !== 0 || !existsSync(linked)) throw new Error(`npm link failed: ${(link.stderr || link.stdout).trim().slice(0, 500)}`);
    const answered = /^Keir Starmer \(person\): \d+ neighbours/;
    timeCommand(linked, KG_ARGS, answered);
    timeCommand('npx', ['kg', ...KG_ARGS], answered);
    const node: number[] = [];
    const viaLink: number[] = [];
    const viaNpx: number[] = [];
    for (let i = 0; i < runs; i++) {
      node.push(timeRun(['-e', '0']));
      viaLink.push(timeCommand(linked, KG_ARGS, answered));
      viaNpx.push(timeCommand('npx', ['kg', ...KG_ARGS], answered));
    }
    const nodeMs = median(node);
    return { runs, node_ms: round(nodeMs), linked_ms: round(median(viaLink)), npx_ms: round(median(viaNpx)), linked_ratio: round(median(viaLink) / nodeMs, 2), npx_ratio: round(median(viaNpx) / nodeMs, 2) };
  } finally {
    // The prefix holds a link to the checkout, not a copy: removing it leaves the checkout alone.
    rmSync(prefix, { recursive: true, force: true });
  }
}

function arg(name: string): string | undefined {
  return process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const r = runStartupBench({
    runs: Number(arg('runs') ?? process.env.KG_BENCH_RUNS ?? 15),
    coldRuns: Number(arg('cold-runs') ?? process.env.KG_BENCH_COLD_RUNS ?? 3),
  });
  console.log(`node -e 0: ${r.node_ms} ms; kg ${KG_ARGS.join(' ')}: warm ${r.kg_warm_ms} ms (${r.warm_ratio}x, target <= ${STARTUP_TARGET}), cold ${r.kg_cold_ms} ms (${r.cold_ratio}x)`);
  if (process.argv.includes('--json')) console.log(JSON.stringify(r));
}
