import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { listArticles, readCorpusSources } from '../src/cli/dataDir.ts';
import { DataValidationError } from '../src/model/errors.ts';
import { kg } from './helpers/kg.ts';
import { MINI } from './helpers/sources.ts';

const scratch = mkdtempSync(join(tmpdir(), 'kg-data-files-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
let count = 0;
/** A fresh copy of the mini data folder, and its article folder. */
function copy(): { data: string; article: string } {
  const data = join(scratch, `d${count++}`);
  cpSync(MINI, data, { recursive: true });
  return { data, article: join(data, 'articles', 'mini') };
}

function problems(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(DataValidationError);
    return (error as DataValidationError).issues.map((i) => `${i.file.slice(scratch.length)}${i.line ? `:${i.line}:${i.column}` : ''}: ${i.message}`);
  }
  throw new Error('expected a DataValidationError');
}

describe('data files that are not regular files', () => {
  it('refuses a FIFO and a device at once, naming them (no hang)', () => {
    const { data, article } = copy();
    unlinkSync(join(article, 'graph.yaml'));
    execFileSync('mkfifo', [join(article, 'graph.yaml')]);
    unlinkSync(join(article, 'meta.yaml'));
    symlinkSync('/dev/zero', join(article, 'meta.yaml'));
    expect(problems(() => readCorpusSources(data))).toEqual([
      expect.stringMatching(/mini\/meta\.yaml: is a device, not a regular file$/),
      expect.stringMatching(/mini\/graph\.yaml: is a named pipe \(FIFO\), not a regular file$/),
    ]);
  });

  it('names a symbolic link loop, a dangling link and a folder where a file should be', () => {
    const { data, article } = copy();
    unlinkSync(join(article, 'graph.yaml'));
    symlinkSync('graph.yaml', join(article, 'graph.yaml'));
    unlinkSync(join(article, 'meta.yaml'));
    symlinkSync('nowhere.yaml', join(article, 'meta.yaml'));
    unlinkSync(join(article, 'article.txt'));
    cpSync(join(MINI, 'articles'), join(article, 'article.txt'), { recursive: true });
    expect(problems(() => readCorpusSources(data))).toEqual([
      expect.stringMatching(/article\.txt: is a folder, not a regular file$/),
      expect.stringMatching(/meta\.yaml: is a broken symbolic link/),
      expect.stringMatching(/graph\.yaml: is a symbolic link loop$/),
    ]);
  });

  it('names an articles entry that is a broken link or not a slug, and an articles/ that is a file', () => {
    const { data } = copy();
    symlinkSync('gone', join(data, 'articles', 'broken'));
    cpSync(join(data, 'articles', 'mini'), join(data, 'articles', 'Not A Slug'), { recursive: true });
    writeFileSync(join(data, 'articles', 'README.md'), 'notes\n');
    expect(problems(() => listArticles(data)).sort()).toEqual([
      expect.stringMatching(/articles\/Not A Slug: an article folder name must be a slug/),
      expect.stringMatching(/articles\/broken: is a broken symbolic link/),
    ]);
    const other = copy().data;
    rmSync(join(other, 'articles'), { recursive: true });
    writeFileSync(join(other, 'articles'), 'not a folder\n');
    expect(problems(() => listArticles(other))).toEqual([expect.stringMatching(/articles: is a file: it should be the folder of articles$/)]);
  });

  it('refuses invalid UTF-8 in article.txt with its byte offset instead of replacing it', () => {
    const { data, article } = copy();
    const text = Buffer.from('PARIS (Wire) - Prime Minister Ada Byron of Freedonia\n\xff');
    writeFileSync(join(article, 'article.txt'), Buffer.concat([text.subarray(0, 53), Buffer.from([0xc3, 0x28]), text.subarray(53)]));
    expect(problems(() => readCorpusSources(data))).toEqual([expect.stringMatching(/article\.txt:2:1: invalid UTF-8 at byte 53 \(0xc3\): data files must be UTF-8$/)]);
  });

  it('kg validate answers a FIFO in the data with one clear problem, no stack, exit 1', () => {
    const { data, article } = copy();
    unlinkSync(join(article, 'graph.yaml'));
    execFileSync('mkfifo', [join(article, 'graph.yaml')]);
    const r = kg(['validate', data]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/graph\.yaml: is a named pipe \(FIFO\), not a regular file/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
