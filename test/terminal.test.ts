import fc from 'fast-check';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cacheFile } from '../src/cli/cacheFiles.ts';
import { afterAll, describe, expect, it } from 'vitest';
import { visible, visibleData, visibleJson } from '../src/cli/terminal.ts';
import { kgBytes, scratchData } from './scratch.ts';

/** Characters that must never reach a terminal raw; a newline is ours and allowed. */
// oxlint-disable-next-line no-control-regex -- matching control characters is the point
const RAW_CONTROL = /[\0-\t\v-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]|\p{Cs}/u;
const JSON_RAW = /[\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]|\p{Cs}/u;

describe('visible', () => {
  it('writes each control character as an escape one can read', () => {
    expect(visible('a\x1b]0;owned\x07b')).toBe('a\\x1b]0;owned\\x07b');
    expect(visible('\u009b2J \x7f \r\n\t')).toBe('\\x9b2J \\x7f \\r\\n\\t');
    expect(visible('abc\u202edcba\u2066\u2028')).toBe('abc\\u202edcba\\u2066\\u2028');
    expect(visible('lone \ud800 and \udc00, a pair 😀 kept')).toBe('lone \\ud800 and \\udc00, a pair 😀 kept');
    expect(visible('Zürich – “quoted” 東京')).toBe('Zürich – “quoted” 東京');
  });

  it('leaves no raw control character in any string, and JSON that parses back to the same string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        expect(visible(s)).not.toMatch(RAW_CONTROL);
        const json = visibleJson(JSON.stringify({ s }, null, 2));
        expect(json).not.toMatch(JSON_RAW);
        expect(JSON.parse(json)).toEqual({ s });
      }),
    );
  });
});

describe('visibleData', () => {
  /** Every key and string in `value`, however deep. */
  const strings = (value: unknown): string[] =>
    typeof value === 'string' ? [value] : value !== null && typeof value === 'object' ? Object.entries(value).flatMap(([k, v]) => [k, ...strings(v)]) : [];
  const hostileString = fc.oneof(fc.string({ unit: 'binary' }), fc.string(), fc.constantFrom('a\\nb', '\\', '\\\x1b', 'x\\u001b', '\u202e', '\ud800', '😀'));
  const data = fc.anything({ key: hostileString, values: [hostileString, fc.integer(), fc.boolean(), fc.constant(null)], maxDepth: 4 });

  it('escapes every string that needs it, keys included, however deep, and leaves plain data as it is', () => {
    fc.assert(
      fc.property(data, (value) => {
        const out = visibleData(value);
        for (const s of strings(out)) expect(s).not.toMatch(RAW_CONTROL);
        if (strings(value).every((s) => visible(s) === s)) expect(out).toBe(value);
        else expect(strings(out)).toEqual(strings(value).map(visible));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('kg prints data from hostile files visibly', () => {
  const slug = `terminal-test-${process.pid}`;
  const hostile = {
    label: 'Evil\x1b]0;pwned\x07 Corp\x1b[31m',
    aliases: ['Mr \u202eX\u202c Y', 'Csi\u009b2J Man'],
    description: 'Red \x1b[31mALERT\x1b[0m, clear \u009b2J, \u202eesrever\u202c, line\u2028two\rover\x7f.',
  };
  const title = 'Title \x1b]0;retitled\x07 here';
  const data = scratchData(slug, [hostile, { label: 'Plain Person' }], { title });
  afterAll(() => {
    rmSync(data, { recursive: true, force: true });
    for (const kind of ['json', 'blocks'] as const) rmSync(cacheFile(data, slug, kind), { force: true });
  });

  const run = (...args: string[]) => {
    const r = kgBytes([...args, '--data', data]);
    const out = r.stdout.toString('utf8');
    const err = r.stderr.toString('utf8');
    // Bytes: valid UTF-8, so that decoding hid nothing, and no control byte but newline.
    expect(Buffer.from(out).equals(r.stdout) && Buffer.from(err).equals(r.stderr)).toBe(true);
    expect([...r.stdout, ...r.stderr].filter((b) => (b < 0x20 && b !== 0x0a) || b === 0x7f)).toEqual([]);
    expect(out).not.toMatch(RAW_CONTROL);
    expect(err).not.toMatch(RAW_CONTROL);
    return { code: r.code, out, err };
  };

  it('in show, neighbours, path, search and stats', () => {
    const show = run('show', 'person-00000');
    expect(show.code).toBe(0);
    expect(show.out).toContain('Evil\\x1b]0;pwned\\x07 Corp\\x1b[31m (person)');
    expect(show.out).toContain('Red \\x1b[31mALERT\\x1b[0m, clear \\x9b2J, \\u202eesrever\\u202c, line\\u2028two\\rover\\x7f.');
    expect(show.out).toContain('aliases: Mr \\u202eX\\u202c Y, Csi\\x9b2J Man');
    const neighbours = run('neighbours', 'person-00000');
    expect(neighbours.code).toBe(0);
    expect(neighbours.out).toContain('"Evil\\x1b]0;pwned\\x07 Corp\\x1b[31m leads Country 00000."');
    expect(run('path', 'country-00000', 'person-00000').out).toContain('Evil\\x1b]0;pwned\\x07 Corp\\x1b[31m');
    expect(run('search', 'evil').out).toContain('Evil\\x1b]0;pwned\\x07 Corp');
    expect(run('stats').out).toContain('Title \\x1b]0;retitled\\x07 here');
  });

  it('in an error that quotes what was typed and the labels it suggests', () => {
    const r = run('show', 'Evil\x1b]0;pwned\x07 Corq');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^kg: No entity matches "Evil\\x1b\]0;pwned\\x07 Corq"\. Did you mean: Evil\\x1b\]0;pwned\\x07 Corp\\x1b\[31m \(person-00000\)/);
  });

  it('in a data error that quotes the evidence, one line per problem', () => {
    const broken = scratchData(`${slug}-broken`, [hostile]);
    const article = join(broken, 'articles', `${slug}-broken`, 'article.txt');
    // The label and aliases are still mentioned, but the evidence is quoted nowhere.
    writeFileSync(article, readFileSync(article, 'utf8').replace(' leads ', ' led '));
    try {
      for (const args of [['validate', broken], ['show', 'person-00000', '--data', broken]]) {
        const r = kgBytes(args);
        const err = r.stderr.toString('utf8');
        expect(r.code).toBe(1);
        expect(err).not.toMatch(RAW_CONTROL);
        expect(err).toMatch(/^(FAIL|kg:) .*1 problem in the data:\n {2}\S+graph\.yaml:\d+:\d+: relations\[0\]\.evidence: .*"Evil\\x1b\]0;pwned\\x07 Corp\\x1b\[31m leads Country 00000\."\n$/);
      }
    } finally {
      rmSync(broken, { recursive: true, force: true });
    }
  });

  it('in --json, as \\u escapes that parse back to the very strings of the data', () => {
    const r = run('show', 'person-00000', '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject(hostile);
    expect(JSON.parse(run('stats', '--json').out).article.title).toBe(title);
  });
});
