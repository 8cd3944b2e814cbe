import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeFilesAtomic } from '../src/cli/atomicWrite.ts';

const dir = mkdtempSync(join(tmpdir(), 'kg-atomic-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function* failingAfter(chunks: string[]): Generator<string> {
  yield* chunks;
  throw new Error('writer failed part-way');
}

describe('writeFilesAtomic', () => {
  it('replaces files whole when every one is written', () => {
    const a = join(dir, 'a.csv');
    writeFileSync(a, 'old');
    writeFilesAtomic([{ path: a, chunks: ['new ', 'content'] }, { path: join(dir, 'b.csv'), chunks: ['b'] }]);
    expect(readFileSync(a, 'utf8')).toBe('new content');
    expect(readFileSync(join(dir, 'b.csv'), 'utf8')).toBe('b');
  });

  it('leaves an existing target untouched and no temp file when the writer fails part-way', () => {
    const target = join(dir, 'g.graphml');
    writeFileSync(target, 'the previous export');
    const sibling = join(dir, 'new.nodes.csv');
    expect(() => writeFilesAtomic([{ path: sibling, chunks: ['fine'] }, { path: target, chunks: failingAfter(['<graphml>', '<node/>']) }])).toThrow('part-way');
    expect(readFileSync(target, 'utf8')).toBe('the previous export');
    expect(existsSync(sibling)).toBe(false);
    expect(readdirSync(dir).filter((f) => f.includes('.tmp-'))).toEqual([]);
  });
});
