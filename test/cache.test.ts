import { spawnSync } from 'node:child_process';
import { lstatSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kg } from './helpers/kg.ts';
import { REPO } from './helpers/sources.ts';
import { kgBytes, scratchData } from './scratch.ts';

/**
 * The build cache (node_modules/.cache/article-kg/<slug>.json) is ours, but anything may end up
 * there: a half-edited file, a copy from another version, a FIFO or a link to a device. Each
 * is a miss: the call rebuilds, answers, and replaces the entry, without a stack and without hanging.
 */

const slug = `cache-test-${process.pid}`;
const cacheFile = join(REPO, 'node_modules/.cache/article-kg', `${slug}.json`);
const data = scratchData(slug, [{ label: 'Ada Byron', description: 'Prime Minister of Freedonia.' }, { label: 'Bo Lind' }]);
let good: { key: string; built: Record<string, unknown> };

beforeAll(() => {
  expect(kg(['stats', '--data', data]).code).toBe(0);
  good = JSON.parse(readFileSync(cacheFile, 'utf8'));
});
afterAll(() => {
  rmSync(cacheFile, { recursive: true, force: true });
  rmSync(data, { recursive: true, force: true });
});

/** `kg show`, which needs the graph; a hang is cut off after 20 s and fails the test. */
function showAda() {
  const r = kgBytes(['show', 'Ada Byron', '--data', data, '--json']);
  return { ...r, stdout: r.stdout.toString(), stderr: r.stderr.toString() };
}

const entries: [string, () => void][] = [
  ['a null body', () => writeFileSync(cacheFile, JSON.stringify({ key: good.key, built: null }))],
  ['a body of another format', () => writeFileSync(cacheFile, JSON.stringify({ key: good.key, built: { ...good.built, format: 999 } }))],
  ['a graph graphology cannot import', () =>
    writeFileSync(cacheFile, JSON.stringify({ key: good.key, built: { ...good.built, graph: { nodes: [{ key: 'a' }], edges: [{ source: 'a', target: 'nowhere' }] } } }))],
  ['a truncated file', () => writeFileSync(cacheFile, JSON.stringify(good).slice(0, 100))],
  ['a FIFO', () => expect(spawnSync('mkfifo', [cacheFile]).status).toBe(0)],
  ['a link to /dev/zero', () => symlinkSync('/dev/zero', cacheFile)],
  ['a folder', () => mkdirSync(cacheFile)],
];

describe('an unusable cache entry is a miss', () => {
  for (const [what, make] of entries) {
    it(`rebuilds over ${what}`, () => {
      rmSync(cacheFile, { recursive: true, force: true });
      make();
      const r = showAda();
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(JSON.parse(r.stdout)).toMatchObject({ id: 'person-00000', description: 'Prime Minister of Freedonia.' });
      // Replaced by a good entry, except a folder, which a rename cannot replace.
      if (what !== 'a folder') {
        expect(lstatSync(cacheFile).isFile()).toBe(true);
        expect(JSON.parse(readFileSync(cacheFile, 'utf8')).built.format).toBe(good.built.format);
      }
    });
  }
});
