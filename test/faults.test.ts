import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cacheFile } from '../src/cli/cacheFiles.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kg, KG_BIN } from './helpers/kg.ts';
import { REPO } from './helpers/sources.ts';
import { scratchData } from './scratch.ts';

/**
 * The real `kg` bundle, run as a user runs it, against the faults a disk and a terminal really
 * produce: a file size limit, a full disk, a read-only one, a folder or no folder at the target,
 * and Ctrl-C, SIGTERM, SIGHUP and SIGKILL in the middle of an export.
 */

const scratch = mkdtempSync(join(tmpdir(), 'kg-faults-'));
const SEED_DATA = join(REPO, 'data');
const PREVIOUS = 'the previous export, which must survive\n';
const mounts: string[] = [];

/** A tmpfs of `size` at a fresh folder, or why there can be none here (not root, no mount namespace). */
function tmpfs(size: string): { dir: string } | { why: string } {
  const dir = mkdtempSync(join(scratch, 'mnt-'));
  const r = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir], { encoding: 'utf8' });
  if (r.status !== 0) return { why: `cannot mount a tmpfs here (${(r.stderr || r.error?.message || 'mount failed').trim()})` };
  mounts.push(dir);
  return { dir };
}

afterAll(() => {
  for (const dir of mounts) spawnSync('umount', [dir]);
  rmSync(scratch, { recursive: true, force: true });
});

/** A folder holding only the previous version of `name`. */
function withPrevious(dir: string, name = 'g.graphml'): string {
  mkdirSync(dir, { recursive: true });
  const target = join(dir, name);
  writeFileSync(target, PREVIOUS);
  return target;
}

const tempsIn = (dir: string) => readdirSync(dir).filter((name) => name.includes('.tmp-'));

/** What every failed export owes the user: one plain line, exit 1, the old file as it was, no temp file. */
function expectCleanFailure(result: { code: number | null; stdout: string; stderr: string }, target: string, reason: string) {
  expect(result.stderr).toBe(`kg: cannot write ${target}: ${reason}\n`);
  expect(result.code).toBe(1);
  expect(result.stdout).toBe('');
  expect(readFileSync(target, 'utf8')).toBe(PREVIOUS);
  expect(tempsIn(join(target, '..'))).toEqual([]);
}

describe('kg export when the file system fails', () => {
  beforeAll(() => {
    // Warm the seed's build cache, so that the faults below hit the export, not the cache write.
    expect(kg(['stats', '--data', SEED_DATA]).code).toBe(0);
  });

  it('refuses a short write under a file size limit (EFBIG) instead of reporting success', () => {
    const target = withPrevious(join(scratch, 'efbig'));
    // 16 KiB: the GraphML of the seed is about 64 KiB. Node ignores SIGXFSZ, so writes come back short.
    const r = spawnSync('bash', ['-c', 'ulimit -f 16; exec "$0" "$@"', process.execPath, KG_BIN, 'export', '--data', SEED_DATA, '--out', target], {
      cwd: REPO,
      encoding: 'utf8',
      timeout: 30_000,
    });
    expectCleanFailure({ code: r.status, stdout: r.stdout, stderr: r.stderr }, target, 'file too large');
  });

  it('reports a full disk (ENOSPC) in one line', (ctx) => {
    const mount = tmpfs('32k');
    if ('why' in mount) return ctx.skip(mount.why);
    const target = withPrevious(mount.dir);
    expectCleanFailure(kg(['export', '--data', SEED_DATA, '--out', target]), target, 'no space left on device');
  });

  it('reports a read-only file system (EROFS) in one line', (ctx) => {
    const mount = tmpfs('1m');
    if ('why' in mount) return ctx.skip(mount.why);
    const target = withPrevious(mount.dir);
    const remount = spawnSync('mount', ['-o', 'remount,ro', mount.dir], { encoding: 'utf8' });
    if (remount.status !== 0) return ctx.skip(`cannot remount read-only here (${remount.stderr.trim()})`);
    expectCleanFailure(kg(['export', '--data', SEED_DATA, '--out', target]), target, 'read-only file system');
  });

  it('reports a folder at the target (EISDIR) before writing anything', () => {
    const target = join(scratch, 'a-folder');
    mkdirSync(join(target, 'inside'), { recursive: true });
    const r = kg(['export', '--data', SEED_DATA, '--out', target]);
    expect(r.stderr).toBe(`kg: cannot write ${target}: is a directory\n`);
    expect(r.code).toBe(1);
    expect(readdirSync(target)).toEqual(['inside']);
    expect(tempsIn(scratch)).toEqual([]);
  });

  it('reports a missing folder (ENOENT) in one line', () => {
    const target = join(scratch, 'no-such-folder', 'g.graphml');
    const r = kg(['export', '--data', SEED_DATA, '--out', target]);
    expect(r.stderr).toBe(`kg: cannot write ${target}: no such file or directory\n`);
    expect(r.code).toBe(1);
  });
});

describe('kg export interrupted', () => {
  // Large enough that writing the GraphML takes a good part of a second (about 45 MB: long
  // descriptions full of characters XML must escape), so a signal lands mid-write.
  const slug = `faults-big-${process.pid}`;
  let data = '';
  beforeAll(() => {
    const description = 'a<b&c>d '.repeat(12_500).trim();
    data = scratchData(slug, Array.from({ length: 200 }, (_, i) => ({ label: `Person ${i}`, description })));
    // Warm its build cache: the export below then starts writing within a fraction of a second.
    expect(kg(['stats', '--data', data]).code).toBe(0);
  });
  afterAll(() => {
    rmSync(data, { recursive: true, force: true });
    for (const kind of ['json', 'blocks'] as const) rmSync(cacheFile(data, slug, kind), { force: true });
  });

  /** Starts the export, waits until its temp file exists, sends `signal`, and reports how it ended. */
  async function interrupted(target: string, signal: NodeJS.Signals) {
    const child = spawn(process.execPath, [KG_BIN, 'export', '--data', data, '--out', target], {
      cwd: REPO,
      env: { ...process.env, NO_COLOR: '1', KG_DATA: '', KG_ARTICLE: '' },
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) => child.on('close', (code, sig) => done({ code, signal: sig })));
    let exited = false;
    void ended.then(() => (exited = true));
    while (!exited && tempsIn(join(target, '..')).length === 0) await new Promise((wait) => setTimeout(wait, 5));
    expect(exited, 'the export ended before its temp file was seen: the data set is too small').toBe(false);
    child.kill(signal);
    return { ...(await ended), stderr };
  }

  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    it(`on ${signal}: removes its temp file, says so in one line, exits 1, and leaves the old file as it was`, async () => {
      const target = withPrevious(join(scratch, signal));
      const r = await interrupted(target, signal);
      expect(r.stderr).toBe(`kg: interrupted: ${target} left unchanged\n`);
      expect(r).toMatchObject({ code: 1, signal: null });
      expect(readFileSync(target, 'utf8')).toBe(PREVIOUS);
      expect(tempsIn(join(target, '..'))).toEqual([]);
    });
  }

  it('after SIGKILL, which nothing can catch: the old file stands and the next run removes the stale temp file', async () => {
    const dir = join(scratch, 'SIGKILL');
    const target = withPrevious(dir);
    const r = await interrupted(target, 'SIGKILL');
    expect(r.signal).toBe('SIGKILL');
    expect(readFileSync(target, 'utf8')).toBe(PREVIOUS);
    expect(tempsIn(dir)).toHaveLength(1);
    const next = kg(['export', '--data', SEED_DATA, '--out', target]);
    expect(next.code).toBe(0);
    expect(readFileSync(target, 'utf8')).toMatch(/^<\?xml/);
    expect(tempsIn(dir)).toEqual([]);
  });
});
