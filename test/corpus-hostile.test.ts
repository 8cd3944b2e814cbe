import { describe, expect, it } from 'vitest';
import { buildArticle, buildModel, findMentions, loadArticle, locateQuote } from '../src/corpus/index.ts';
import { DataValidationError, type DataIssue } from '../src/model/errors.ts';
import { neighbours, path, resolve, show } from '../src/query/index.ts';
import { foldCase } from '../src/text/fold.ts';
import { decodeUtf8 } from '../src/text/utf8.ts';
import { miniSources } from './helpers/sources.ts';

/** Bad data must end in a DataValidationError whose every issue names a file and a line. */
function issuesOf(run: () => unknown): DataIssue[] {
  let caught: unknown;
  try {
    run();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(DataValidationError);
  const issues = (caught as DataValidationError).issues;
  for (const issue of issues) {
    expect(issue.file).toMatch(/\.(yaml|txt)$/);
    expect(issue.line).toBeGreaterThanOrEqual(1);
  }
  return issues;
}
const messages = (run: () => unknown) => issuesOf(run).map((i) => `${i.file.split('/').pop()}:${i.line}: ${i.path}: ${i.message}`);

describe('names of Object.prototype as data keys', () => {
  it('reports an undeclared attribute or qualifier named constructor or toString, without a TypeError', () => {
    const found = messages(() =>
      buildModel(miniSources({ graph: (t) => t.replace('role: Prime Minister', 'constructor: x\n      toString: y').replace('after: sylvania', 'after: sylvania\n      constructor: 1') })),
    );
    expect(found).toEqual(
      expect.arrayContaining([
        expect.stringContaining('attribute "constructor" is not declared'),
        expect.stringContaining('attribute "toString" is not declared'),
        expect.stringContaining('qualifier "constructor" is not declared'),
      ]),
    );
  });

  it('refuses a relation type named toString that the vocabulary does not have', () => {
    expect(messages(() => buildModel(miniSources({ graph: (t) => t.replace('type: held_in', 'type: toString') })))).toEqual([
      expect.stringMatching(/graph\.yaml:\d+: relations\[2\]\.type: unknown relation type "toString"/),
    ]);
  });

  it('refuses a __proto__ key with its line instead of dropping it', () => {
    const found = messages(() => buildModel(miniSources({ graph: (t) => t.replace('role: Prime Minister', 'role: Prime Minister\n      __proto__: x') })));
    expect(found).toEqual([expect.stringMatching(/graph\.yaml:9: : the key "__proto__" is not allowed/)]);
  });

  it('serves an entity whose id is constructor like any other: show, neighbours, path', () => {
    const built = buildArticle(miniSources({ graph: (t) => t.replaceAll('freedonia', 'constructor') }));
    const { graph } = loadArticle(built);
    expect(show(graph, 'constructor').out['projected by']).toHaveLength(1);
    expect(neighbours(graph, 'constructor').neighbours.map((n) => n.id)).toEqual(['ada-byron', 'institute']);
    expect(neighbours(graph, 'ada-byron').neighbours.map((n) => n.id)).toEqual(['constructor', 'paris-summit']);
    expect(path(graph, 'paris', 'institute').steps?.map((s) => s.to.id)).toEqual(['paris-summit', 'ada-byron', 'constructor', 'institute']);
  });

  it('keeps qualifiers and attributes named like prototype members', () => {
    const model = buildModel(
      miniSources({
        vocabulary: (t) => t.replace('  date: date', '  date: date\n  constructor: string').replace('      after: entity', '      after: entity\n      constructor: int'),
        graph: (t) => t.replace('role: Prime Minister', 'role: Prime Minister\n      constructor: builder').replace('after: sylvania', 'after: sylvania\n      constructor: 3'),
      }),
    );
    expect(Object.hasOwn(model.entities[0]!.attributes, 'constructor')).toBe(true);
    expect(model.entities[0]!.attributes.constructor).toBe('builder');
    expect(model.relations[3]!.qualifiers.constructor).toBe(3);
  });
});

describe('YAML that attacks the parser', () => {
  it('reports a billion-laughs block at its line, not with a stack trace', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x]', ...'bcdefgh'.split('').map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcdefgh'[i]}`).join(', ')}]`)].join('\n');
    const found = messages(() => buildModel(miniSources({ meta: (t) => `${t}\nlol:\n  ${bomb.replaceAll('\n', '\n  ')}\n` })));
    expect(found).toEqual([expect.stringMatching(/meta\.yaml:\d+: : YAML: Excessive alias count/)]);
  });

  it('reports an unresolved alias with the file and line', () => {
    expect(messages(() => buildModel(miniSources({ meta: (t) => t.replace('publisher: Wire', 'publisher: *nowhere') })))).toEqual([
      expect.stringMatching(/meta\.yaml:2: : YAML: Unresolved alias.*nowhere/),
    ]);
  });

  it('checks duplicate keys in linear time (50,000 keys in well under a second)', () => {
    const keys = Array.from({ length: 50_000 }, (_, i) => `  k${i}: v`).join('\n');
    const start = performance.now();
    const found = messages(() => buildModel(miniSources({ meta: (t) => `${t}\nextra:\n${keys}\n  k7: again\n` })));
    expect(performance.now() - start).toBeLessThan(3000);
    expect(found[0]).toMatch(/meta\.yaml:\d+: : duplicate key "k7" \(first at line \d+\)/);
  });

  it('names an empty or comment-only file and what it should hold', () => {
    for (const text of ['', '# nothing here\n', '\n\n']) {
      expect(messages(() => buildModel(miniSources({ graph: () => text })))).toEqual([
        expect.stringMatching(/graph\.yaml:1: : the file is empty .*entities and relations/),
      ]);
    }
  });

  it('reads CR-only line ends as line breaks (the leading comment no longer swallows the file)', () => {
    const model = buildModel(miniSources({ graph: (t) => `# a comment\n${t}`.replaceAll('\n', '\r') }));
    expect(model.entities).toHaveLength(6);
    const found = messages(() => buildModel(miniSources({ graph: (t) => `# a comment\n${t}`.replace('to: paris\n', 'to: pariss\n').replaceAll('\n', '\r') })));
    expect(found).toEqual([expect.stringMatching(/graph\.yaml:\d\d: relations\[2\]\.to: unknown entity "pariss"/)]);
  });
});

describe('names and quotes', () => {
  it('finds mentions beside a 10,000-character label in linear time, and refuses the long label clearly', () => {
    const long = 'x'.repeat(10_000);
    const found = messages(() => buildModel(miniSources({ graph: (t) => t.replace('label: Sylvania', `label: ${long}`) })));
    expect(found).toEqual([expect.stringMatching(/graph\.yaml:\d+: entities\[2\]\.label: a name may have at most 200 characters/)]);
    expect(messages(() => buildModel(miniSources({ vocabulary: (t) => t.replace('label: held in', `label: ${'z'.repeat(201)}`) }))))
      .toEqual([expect.stringMatching(/vocabulary\.yaml:\d+: relations\.held_in\.label: a name may have at most 200 characters/)]);
    const huge = 'y'.repeat(10_000_000);
    const t0 = performance.now();
    expect(messages(() => buildModel(miniSources({ graph: (t) => t.replace('label: Sylvania', `label: ${huge}`) })))[0]).toMatch(/at most 200 characters/);
    expect(performance.now() - t0).toBeLessThan(5000);
    const text = 'ab '.repeat(200_000);
    const start = performance.now();
    const mentions = findMentions(text, [{ form: 'ab '.repeat(66) + 'ab', entity: 'long' }, { form: 'ab', entity: 'ab' }]);
    expect(performance.now() - start).toBeLessThan(2000);
    expect(mentions.get('long')!.length).toBeGreaterThan(2000);
  });

  it('never cuts a character: a mention or quote may not end before a combining mark or inside a surrogate pair', () => {
    const text = 'Byron\u0301 met Byron. 😀x 😀';
    expect(findMentions(text, [{ form: 'Byron', entity: 'b' }]).get('b')!.map((m) => m.start)).toEqual([11]);
    expect(locateQuote('Byron\u0301 left', 'Byron')).toMatchObject({ error: expect.stringContaining('cuts a character in half') });
    expect(locateQuote(text, '\uDE00x')).toMatchObject({ error: expect.stringContaining('cuts a character in half') });
    expect(locateQuote(text, '😀x')).toEqual({ span: { start: 18, end: 21, text: "😀x" } });
    const found = messages(() => buildModel(miniSources({ article: (t) => t.replace('Byron said', 'Byron\u0301 said'), graph: (t) => t.replace('evidence: a summit in Paris\n', 'evidence: Paris. Byron\n') })));
    expect(found).toEqual([expect.stringMatching(/relations\[2\]\.evidence: evidence occurs at offset \d+ only inside other characters/)]);
  });

  it('matches İstanbul, written so in the article, case-insensitively with offsets intact', () => {
    const text = 'In İSTANBUL and İstanbul, and istanbul.';
    expect(foldCase(text)).toHaveLength(text.length);
    const spans = findMentions(text, [{ form: 'İstanbul', entity: 'ist' }]).get('ist')!;
    expect(spans.map((s) => s.text)).toEqual(['İSTANBUL', 'İstanbul', 'istanbul']);
    for (const s of spans) expect(text.slice(s.start, s.end)).toBe(s.text);
    const model = buildModel(miniSources({ article: (t) => `${t} İstanbul too.`, graph: (t) => t.replace('label: Paris\n', 'label: Paris\n  - id: istanbul\n    type: place\n    label: İstanbul\n') }));
    const istanbul = model.entities.find((e) => e.id === 'istanbul')!;
    expect(istanbul.mentions).toHaveLength(1);
    const graph = loadArticle(buildArticle(miniSources({ article: (t) => `${t} İstanbul too.`, graph: (t) => t.replace('label: Paris\n', 'label: Paris\n  - id: istanbul\n    type: place\n    label: İstanbul\n') }))).graph;
    expect(resolve(graph, 'istanbul')).toBe('istanbul');
    expect(resolve(graph, 'İSTANBUL')).toBe('istanbul');
  });

  it('refuses white space at either end of a label, alias or quote instead of trimming it', () => {
    const found = messages(() =>
      buildModel(miniSources({ graph: (t) => t.replace('label: Freedonia', 'label: "Freedonia "').replace('[Byron, Prime Minister]', '[" Byron", Prime Minister]').replace('evidence: a summit in Paris', 'evidence: "a summit in Paris\\t"') })),
    );
    expect(found).toHaveLength(3);
    for (const f of found) expect(f).toMatch(/must not start or end with white space/);
  });
});

describe('strict UTF-8', () => {
  it('refuses invalid bytes with their offset, keeps a BOM verbatim', () => {
    const bytes = new TextEncoder().encode('ok\nsecond ä line\n');
    const bad = new Uint8Array([...bytes.subarray(0, 12), 0xff, ...bytes.subarray(12)]);
    expect(decodeUtf8(bad)).toMatchObject({ byteOffset: 12, line: 2, column: 9, error: expect.stringContaining('invalid UTF-8 at byte 12') });
    for (const seq of [[0xc0, 0x80], [0xed, 0xa0, 0x80], [0xe2, 0x82], [0xf4, 0x90, 0x80, 0x80], [0x80]]) {
      expect(decodeUtf8(new Uint8Array([0x61, ...seq]))).toMatchObject({ byteOffset: 1 });
    }
    expect(decodeUtf8(new Uint8Array([0xef, 0xbb, 0xbf, 0x61]))).toEqual({ text: '\uFEFFa' });
  });
});
