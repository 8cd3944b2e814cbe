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

const temps = () => readdirSync(dir).filter((f) => f.includes('.tmp-'));

describe('writeFilesAtomic', () => {
  it('replaces files whole when every one is written', async () => {
    const a = join(dir, 'a.csv');
    writeFileSync(a, 'old');
    // More than one write call's worth, with multi-byte characters across the slice boundary.
    const big = 'é'.repeat(1 << 20);
    await writeFilesAtomic([{ path: a, chunks: ['new ', 'content', big] }, { path: join(dir, 'b.csv'), chunks: ['b'] }]);
    expect(readFileSync(a, 'utf8')).toBe(`new content${big}`);
    expect(readFileSync(join(dir, 'b.csv'), 'utf8')).toBe('b');
  });

  it('leaves an existing target untouched and no temp file when the writer fails part-way', async () => {
    const target = join(dir, 'g.graphml');
    writeFileSync(target, 'the previous export');
    const sibling = join(dir, 'new.nodes.csv');
    await expect(writeFilesAtomic([{ path: sibling, chunks: ['fine'] }, { path: target, chunks: failingAfter(['<graphml>', '<node/>']) }])).rejects.toThrow('part-way');
    expect(readFileSync(target, 'utf8')).toBe('the previous export');
    expect(existsSync(sibling)).toBe(false);
    expect(temps()).toEqual([]);
  });

  it('sweeps the temp files a killed run left beside the target, and only those', async () => {
    const target = join(dir, 'swept.graphml');
    // PID 2^22 + 1 is above Linux's pid_max ceiling: no process has it.
    const dead = `.swept.graphml.tmp-${2 ** 22 + 1}-1700000000000`;
    const alive = `.swept.graphml.tmp-${process.pid}-1700000000000`;
    const other = `.other.graphml.tmp-${2 ** 22 + 1}-1700000000000`;
    for (const name of [dead, alive, other]) writeFileSync(join(dir, name), 'half an export');
    await writeFilesAtomic([{ path: target, chunks: ['whole'] }]);
    expect(temps().sort()).toEqual([other, alive].sort());
    for (const name of [alive, other]) rmSync(join(dir, name));
  });

  it('names the target, not the temp file, when the file system refuses', async () => {
    await expect(writeFilesAtomic([{ path: join(dir, 'no-such-folder', 'g.graphml'), chunks: ['x'] }])).rejects.toThrow(
      `cannot write ${join(dir, 'no-such-folder', 'g.graphml')}: no such file or directory`,
    );
    await expect(writeFilesAtomic([{ path: dir, chunks: ['x'] }])).rejects.toThrow(`cannot write ${dir}: is a directory`);
    expect(temps()).toEqual([]);
  });
});
