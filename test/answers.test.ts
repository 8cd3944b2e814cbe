import { spawnSync } from 'node:child_process';
import { lstatSync, mkdirSync, readFileSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cacheFile as cacheFileOf } from '../src/cli/cacheFiles.ts';
import { kgBytes, scratchData } from './scratch.ts';

/**
 * `kg neighbours NAME` as it is usually typed is answered from the answers file (the text of
 * every entity's answer, rendered when the view is built) without loading the query code. It
 * must print what the query code prints, byte for byte, follow every edit of the data at once,
 * and treat any file it cannot trust as absent.
 */

const slug = `answers-test-${process.pid}`;
const data = scratchData(slug, [{ label: 'Ada Byron', aliases: ['Countess'] }, { label: 'Bo Lind' }, { label: 'Ada Lind' }]);
const answers = cacheFileOf(data, slug, 'answers');
const graphFile = join(data, 'articles', slug, 'graph.yaml');

/** `kg neighbours ...` on the scratch data, as text. */
function neighbours(...args: string[]) {
  const r = kgBytes(['neighbours', ...args, '--data', data]);
  return { code: r.code, stdout: r.stdout.toString(), stderr: r.stderr.toString() };
}

/** The answer computed by the query code: `--depth 1` is the default, spelt out, which the answers file does not serve. */
const computed = (name: string) => neighbours(name, '--depth', '1');

beforeAll(() => {
  expect(neighbours('Ada Byron').code).toBe(0);
});
afterAll(() => {
  for (const kind of ['json', 'blocks', 'answers'] as const) rmSync(cacheFileOf(data, slug, kind), { recursive: true, force: true });
  rmSync(data, { recursive: true, force: true });
});

describe('kg neighbours from the answers file', () => {
  it('prints what the query code prints, for ids, labels, aliases, any case and a single word', () => {
    expect(lstatSync(answers).isFile()).toBe(true);
    for (const name of ['Ada Byron', 'ada byron', '  ADA BYRON ', 'Countess', 'byron', 'person-00001', 'Country 00002', 'bo']) {
      const quick = neighbours(name);
      expect(quick.stderr, name).toBe('');
      expect(quick.code, name).toBe(0);
      expect(quick.stdout, name).toBe(computed(name).stdout);
    }
    expect(neighbours('Countess').stdout).toMatch(/^Ada Byron \(person\): 1 neighbour\n {2}→ leader of +Country 00000 \(country\)\n/);
  });

  it('is what answers: a changed answer in the file is what kg prints', () => {
    const original = readFileSync(answers);
    try {
      writeFileSync(answers, Buffer.from(original.toString('latin1').replace('Bo Lind (person): 1 neighbour', 'Bo Lind (person): 7 neighbour'), 'latin1'));
      expect(neighbours('Bo Lind').stdout).toMatch(/^Bo Lind \(person\): 7 neighbour/);
    } finally {
      writeFileSync(answers, original);
    }
  });

  it('leaves a name it cannot settle to the query code: an ambiguous word, a typo', () => {
    const ambiguous = neighbours('Ada');
    expect(ambiguous.code).toBe(1);
    expect(ambiguous.stderr).toMatch(/Ada Byron \(person-00000\).*Ada Lind \(person-00002\)/);
    const typo = neighbours('Ada Byrn');
    expect(typo.code).toBe(1);
    expect(typo.stderr).toMatch(/did you mean.*Ada Byron/is);
  });

  it('follows an edit of the data at once, even one that keeps the size and the modification time', () => {
    const before = readFileSync(graphFile, 'utf8');
    try {
      writeFileSync(graphFile, before.replace('to: country-00001', 'to: country-00002'));
      expect(neighbours('Bo Lind').stdout).toMatch(/^Bo Lind \(person\): 1 neighbour\n.*Country 00002/);
      // The same size and the modification time set back: the change time still tells.
      const { mtime } = lstatSync(graphFile);
      writeFileSync(graphFile, before);
      utimesSync(graphFile, mtime, mtime);
      expect(neighbours('Bo Lind').stdout).toMatch(/^Bo Lind \(person\): 1 neighbour\n.*Country 00001/);
    } finally {
      writeFileSync(graphFile, before);
    }
  });

  const unusable: [string, () => void][] = [
    ['garbage', () => writeFileSync(answers, 'not an answers file at all')],
    ['a file cut short', () => writeFileSync(answers, good.subarray(0, good.length - 10))],
    ['a file grown', () => writeFileSync(answers, Buffer.concat([good, Buffer.from('more')]))],
    ['a header that is not JSON', () => writeFileSync(answers, Buffer.from(good.toString('latin1').replace('{"names"', '{"nam"s"'), 'latin1'))],
    ['another build\'s stamp', () => writeFileSync(answers, Buffer.from(good.toString('latin1').replace(slug, slug.replace('answers', 'answerz')), 'latin1'))],
    ['a FIFO', () => expect(spawnSync('mkfifo', [answers]).status).toBe(0)],
    ['a link to /dev/zero', () => symlinkSync('/dev/zero', answers)],
    ['a folder', () => mkdirSync(answers)],
  ];
  let good: Buffer;
  for (const [what, make] of unusable) {
    it(`answers right over ${what}, and writes the file again`, () => {
      // Rendered from the data as it is now: what the rewrite must give again.
      expect(neighbours('Bo Lind').code).toBe(0);
      good = readFileSync(answers);
      rmSync(answers, { recursive: true, force: true });
      make();
      const r = neighbours('Ada Byron');
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/^Ada Byron \(person\): 1 neighbour/);
      if (what !== 'a folder') expect(readFileSync(answers).equals(good)).toBe(true);
      rmSync(answers, { recursive: true, force: true });
    });
  }
});
