import { mkdirSync, mkdtempSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FILE_FIELDS, fileTimes } from '../src/cli/fileTimes.ts';

/** The cache stamp's numbers must be statSync's exactly, whichever way they were read. */
describe('fileTimes', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kg-file-times-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const files = Array.from({ length: 50 }, (_, i) => join(dir, `f${i}.yaml`));
  files.forEach((f, i) => writeFileSync(f, 'x'.repeat(i)));
  mkdirSync(join(dir, 'sub'));
  symlinkSync(files[3]!, join(dir, 'link'));
  symlinkSync(join(dir, 'nowhere'), join(dir, 'dangling'));
  const paths = [...files, join(dir, 'sub'), join(dir, 'link'), join(dir, 'missing'), join(dir, 'dangling'), join(files[0]!, 'under-a-file')];

  const expected = (path: string) => {
    try {
      const s = statSync(path);
      return [s.size, s.ino, s.mtimeMs, s.ctimeMs];
    } catch {
      return [NaN, NaN, NaN, NaN];
    }
  };

  it("gives statSync's size, inode and times for every path, NaN where it fails", () => {
    const out = fileTimes(paths);
    expect(out.length).toBe(paths.length * FILE_FIELDS);
    paths.forEach((path, i) => expect([...out.subarray(i * FILE_FIELDS, (i + 1) * FILE_FIELDS)]).toEqual(expected(path)));
  });

  it('sees an edit that keeps the size', () => {
    const before = fileTimes(files);
    writeFileSync(files[10]!, 'y'.repeat(10));
    const after = fileTimes(files);
    expect(after[10 * FILE_FIELDS]).toBe(before[10 * FILE_FIELDS]);
    expect(after[10 * FILE_FIELDS + 3]).not.toBe(before[10 * FILE_FIELDS + 3]);
    expect([...after.subarray(10 * FILE_FIELDS, 11 * FILE_FIELDS)]).toEqual(expected(files[10]!));
  });

  it('falls back to statSync for all when the first path cannot be seen', () => {
    const out = fileTimes([join(dir, 'missing'), ...files]);
    files.forEach((path, i) => expect([...out.subarray((i + 1) * FILE_FIELDS, (i + 2) * FILE_FIELDS)]).toEqual(expected(path)));
  });
});
