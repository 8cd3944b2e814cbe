import { spawnSync } from 'node:child_process';
import { lstatSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kg } from './helpers/kg.ts';
import { cacheFile as cacheFileOf } from '../src/cli/cacheFiles.ts';
import { kgBytes, scratchData } from './scratch.ts';

/**
 * The build cache (node_modules/.cache/article-kg: the whole build as JSON, and the same cut into
 * blocks for one-entity queries) is ours, but anything may end up there: a half-edited file, a
 * copy from another version, a FIFO or a link to a device. Each is a miss: the call rebuilds,
 * answers, and replaces the entry, without a stack and without hanging.
 */

const slug = `cache-test-${process.pid}`;
const data = scratchData(slug, [{ label: 'Ada Byron', description: 'Prime Minister of Freedonia.' }, { label: 'Bo Lind' }]);
const cacheFile = cacheFileOf(data, slug, 'json');
const blocksFile = cacheFileOf(data, slug, 'blocks');
let good: { key: string; built: Record<string, unknown> };
let goodBlocks: Buffer;

beforeAll(() => {
  expect(kg(['stats', '--data', data]).code).toBe(0);
  expect(kg(['show', 'Bo Lind', '--data', data]).code).toBe(0);
  good = JSON.parse(readFileSync(cacheFile, 'utf8'));
  goodBlocks = readFileSync(blocksFile);
});
afterAll(() => {
  for (const file of [cacheFile, blocksFile]) rmSync(file, { recursive: true, force: true });
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
      // Without blocks, `kg show` reads the whole build, and so the entry under test.
      rmSync(blocksFile, { recursive: true, force: true });
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

describe('unusable blocks are a miss', () => {
  const header = () => {
    const length = Number(goodBlocks.subarray(0, 12).toString());
    return { length, json: JSON.parse(goodBlocks.subarray(13, 13 + length).toString()) as Record<string, unknown> };
  };
  /** The good file with its header replaced (its length field rewritten to match). */
  const withHeader = (change: (h: Record<string, unknown>) => unknown) => {
    const { length, json } = header();
    const text = JSON.stringify(change(json));
    return Buffer.concat([Buffer.from(`${String(Buffer.byteLength(text)).padStart(12, '0')}\n${text}`), goodBlocks.subarray(13 + length)]);
  };
  const blocks: [string, () => void][] = [
    ['a header of another build', () => writeFileSync(blocksFile, withHeader((h) => ({ ...h, key: 'another' })))],
    ['a header of another format', () => writeFileSync(blocksFile, withHeader((h) => ({ ...h, format: 999 })))],
    ['a length past the end', () => writeFileSync(blocksFile, Buffer.concat([Buffer.from('999999999999\n'), goodBlocks.subarray(13)]))],
    ['a length that is no number', () => writeFileSync(blocksFile, Buffer.concat([Buffer.from('twelve bytes\n'), goodBlocks.subarray(13)]))],
    ['a block past the end', () => writeFileSync(blocksFile, withHeader((h) => ({ ...h, blocks: (h.blocks as number[][]).map(([o, n]) => [o! + 1_000_000, n]) })))],
    ['blocks cut short', () => writeFileSync(blocksFile, goodBlocks.subarray(0, goodBlocks.length - 40))],
    ['a relation to an entity the header lacks', () => writeFileSync(blocksFile, Buffer.from(goodBlocks.toString().replaceAll('"target":"country-00000"', '"target":"country-zzzzz"')))],
    ['a FIFO', () => expect(spawnSync('mkfifo', [blocksFile]).status).toBe(0)],
    ['a link to /dev/zero', () => symlinkSync('/dev/zero', blocksFile)],
    ['a folder', () => mkdirSync(blocksFile)],
  ];
  for (const [what, make] of blocks) {
    it(`answers and rewrites the blocks over ${what}`, () => {
      rmSync(blocksFile, { recursive: true, force: true });
      make();
      const r = showAda();
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(JSON.parse(r.stdout)).toMatchObject({ id: 'person-00000', description: 'Prime Minister of Freedonia.', out: { 'leader of': [{ target: 'country-00000' }] } });
      if (what !== 'a folder') expect(readFileSync(blocksFile).equals(goodBlocks)).toBe(true);
    });
  }
});

describe('the listing of article folders, reused within one process', () => {
  it('sees a folder added, removed or linked since the last listing', async () => {
    const { listArticles } = await import('../src/cli/dataDir.ts');
    const dir = scratchData(`listing-${process.pid}`, [{ label: 'Ada Byron' }]);
    try {
      const first = listArticles(dir);
      expect(listArticles(dir)).toEqual(first);
      mkdirSync(`${dir}/articles/zz-added`);
      expect(listArticles(dir)).toEqual([...first, 'zz-added']);
      rmSync(`${dir}/articles/zz-added`, { recursive: true });
      expect(listArticles(dir)).toEqual(first);
      // A link's target can change kind while the folder stays as it was: never reused.
      mkdirSync(`${dir}/target`);
      symlinkSync(`${dir}/target`, `${dir}/articles/zz-linked`);
      expect(listArticles(dir)).toEqual([...first, 'zz-linked']);
      rmSync(`${dir}/target`, { recursive: true });
      expect(() => listArticles(dir)).toThrow(/zz-linked/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
