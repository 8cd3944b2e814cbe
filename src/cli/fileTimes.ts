import { statSync } from 'node:fs';

/**
 * Size, inode, modification and change times of many files, for the build cache's stamp.
 *
 * `kg neighbours` stats every data file (three per article) before it may trust the cache; on a
 * 1,000-article corpus Node 20's `statSync` spent more on building each Stats object (four Date
 * objects and all) than the query spent answering: 150M instructions, against 20M through the
 * native call underneath it, which returns the numbers alone. That call is Node's internal
 * binding, not public API, so it is used only where its signature is known (Node 20.20 and
 * later 20.x: a wrong signature could abort the process, not throw), and only after proving
 * itself: on the first file its numbers must equal `statSync`'s exactly (which also makes a stamp
 * the same whichever way it was taken), and a missing file must come back as no numbers. Any
 * other Node, or a binding that fails the proof, gets `statSync` for every file, and is slower.
 */

/** Per file, in this order; NaN where it could not be stat'ed. */
export const FILE_FIELDS = 4;

type RawStat = (path: string, bigint: false, request: undefined, throwIfNoEntry: boolean) => ArrayLike<number> | undefined;

/** Node's own layout of the numbers (lib/internal/fs/utils.js, getStatsFromBinding). */
const INO = 7;
const SIZE = 8;
const MTIME = 12;
const CTIME = 14;

const fromTimeSpec = (sec: number, nsec: number) => sec * 1e3 + nsec / 1e6;

let raw: RawStat | null | undefined;

/** Node versions whose `stat` binding takes (path, bigint, undefined, throwIfNoEntry) and throws its errors. */
const KNOWN_BINDING = (version: string) => {
  const [major, minor] = version.split('.').map(Number);
  return major === 20 && minor! >= 20;
};

function rawStat(): RawStat | undefined {
  if (raw !== undefined) return raw ?? undefined;
  raw = null;
  if (!KNOWN_BINDING(process.versions.node)) return undefined;
  try {
    const binding = (process as unknown as { binding?: (name: string) => { stat?: unknown } }).binding?.('fs');
    if (typeof binding?.stat === 'function') raw = binding.stat.bind(binding) as RawStat;
  } catch {
    // No binding: statSync it is.
  }
  return raw ?? undefined;
}

function viaRaw(stat: RawStat, path: string, out: Float64Array, at: number): void {
  try {
    const s = stat(path, false, undefined, false);
    if (s === undefined) return;
    out[at] = s[SIZE]!;
    out[at + 1] = s[INO]!;
    out[at + 2] = fromTimeSpec(s[MTIME]!, s[MTIME + 1]!);
    out[at + 3] = fromTimeSpec(s[CTIME]!, s[CTIME + 1]!);
  } catch {
    // Left NaN, as statSync's failures are.
  }
}

function viaStatSync(path: string, out: Float64Array, at: number): void {
  try {
    const s = statSync(path);
    out[at] = s.size;
    out[at + 1] = s.ino;
    out[at + 2] = s.mtimeMs;
    out[at + 3] = s.ctimeMs;
  } catch {
    // Left NaN: the caller decides whether an absent file is allowed.
  }
}

/** FILE_FIELDS numbers per path, in order. */
export function fileTimes(paths: readonly string[]): Float64Array {
  const out = new Float64Array(paths.length * FILE_FIELDS).fill(Number.NaN);
  if (paths.length === 0) return out;
  viaStatSync(paths[0]!, out, 0);
  const stat = rawStat();
  let trusted = false;
  if (stat && !Number.isNaN(out[0]!)) {
    const check = new Float64Array(FILE_FIELDS * 2).fill(Number.NaN);
    viaRaw(stat, paths[0]!, check, 0);
    viaRaw(stat, `${paths[0]!}.kg-no-such-file-${process.pid}`, check, FILE_FIELDS);
    trusted = check.every((value, i) => (i < FILE_FIELDS ? value === out[i] : Number.isNaN(value)));
  }
  for (let i = 1; i < paths.length; i++) {
    if (trusted) viaRaw(stat!, paths[i]!, out, i * FILE_FIELDS);
    else viaStatSync(paths[i]!, out, i * FILE_FIELDS);
  }
  return out;
}
