/**
 * The curation edits change only the characters they must: comments, order, flow lists and
 * aligned comments stay as written, and any value, however hostile, comes back as itself.
 */
import fc from 'fast-check';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { addToList, appendItem, deleteItem, deleteKey, setMap, setScalar, YamlEditError } from '../src/curate/yamlText.ts';

const FILE = `# Header comment: kept.
entities:
  # ===== People =====
  - id: ana            # aligned comment
    type: person
    label: Ana
    aliases: [A, "Ana R."]
    draft:
      confidence: 0.9
      rule: title

  - id: bo
    type: person
    label: Bo
    draft: { confidence: 0.5, rule: svo }
relations:
  - from: ana
    type: met
    to: bo
    evidence: Ana met Bo
`;

describe('splicing YAML text', () => {
  it('removes a draft marker, block or flow, and leaves every other line as it was', () => {
    const once = deleteKey(FILE, ['entities', 0], 'draft');
    expect(once).toBe(FILE.replace('    draft:\n      confidence: 0.9\n      rule: title\n', ''));
    const twice = deleteKey(once, ['entities', 1], 'draft');
    expect(twice).toBe(once.replace('    draft: { confidence: 0.5, rule: svo }\n', ''));
  });

  it('removes the first key of an item, which shares its line with the dash', () => {
    expect(deleteKey(FILE, ['relations', 0], 'from')).toContain('relations:\n  - type: met\n    to: bo\n');
  });

  it('removes an item with the blank line that set it apart, and turns an emptied list into []', () => {
    const out = deleteItem(FILE, ['entities'], 1);
    expect(out).toBe(FILE.replace('\n  - id: bo\n    type: person\n    label: Bo\n    draft: { confidence: 0.5, rule: svo }\n', ''));
    const none = deleteItem(FILE, ['relations'], 0);
    expect(parse(none).relations).toEqual([]);
    expect(none.startsWith(FILE.slice(0, FILE.indexOf('relations:')))).toBe(true);
  });

  it('appends an item indented and spaced like the others, and to `key: []` or a missing key', () => {
    const out = appendItem(FILE, 'entities', { id: 'cy', type: 'place', label: 'Cy', aliases: ['C'] });
    expect(out).toContain('    draft: { confidence: 0.5, rule: svo }\n\n  - id: cy\n    type: place\n    label: Cy\n    aliases: [C]\nrelations:');
    expect(parse(appendItem('entities: []\n', 'entities', { id: 'a' }))).toEqual({ entities: [{ id: 'a' }] });
    expect(parse(appendItem('entities: []\nrelations: []\n', 'entities', { id: 'a' }))).toEqual({ entities: [{ id: 'a' }], relations: [] });
    expect(parse(appendItem('# only a comment\nentities: []\n', 'relations', { from: 'a' }))).toEqual({ entities: [], relations: [{ from: 'a' }] });
  });

  it('adds to a flow list in flow style, replaces a scalar in place', () => {
    expect(addToList(FILE, ['entities', 0], 'aliases', 'the minister')).toContain('    aliases: [A, "Ana R.", the minister]\n');
    expect(addToList(FILE, ['entities', 1], 'aliases', 'B', 'label')).toContain('    label: Bo\n    aliases: [B]\n    draft:');
    expect(setScalar(FILE, ['relations', 0, 'to'], 'cy')).toBe(FILE.replace('    to: bo\n', '    to: cy\n'));
  });

  it('refuses flow-style lists it cannot splice an item out of', () => {
    expect(() => deleteItem('entities: [{ id: a }, { id: b }]\n', ['entities'], 0)).toThrow(YamlEditError);
    expect(() => deleteItem('entities: [\n', ['entities'], 0)).toThrow(/not valid YAML/);
  });

  it('writes any string back as itself: markup, YAML syntax, quotes, line breaks, prototype names', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }), fc.constantFrom('label', '__proto__', 'constructor'), (value, key) => {
        const added = appendItem(FILE, 'entities', { id: 'x', [key]: value, aliases: [value] });
        const item = parse(added).entities.at(-1);
        expect(Object.getOwnPropertyDescriptor(item, key)?.value).toBe(value);
        expect(item.aliases).toEqual([value]);
        expect(parse(addToList(FILE, ['entities', 0], 'aliases', value)).entities[0].aliases).toEqual(['A', 'Ana R.', value]);
        expect(parse(setScalar(FILE, ['relations', 0, 'evidence'], value)).relations[0].evidence).toBe(value);
      }),
      { numRuns: 300 },
    );
    const hostile = appendItem(FILE, 'entities', { id: 'x', label: '<script>alert(1)</script>: # not a comment' });
    expect(parse(hostile).entities.at(-1).label).toBe('<script>alert(1)</script>: # not a comment');
  });
});

describe('setting a map (typed attributes)', () => {
  const WITH = FILE.replace('    label: Ana\n', '    label: Ana\n    attributes:\n      role: Minister   # as the text says\n      kind: x\n');
  it('changes a value where it is, adds a key after the last and removes one, the comment kept', () => {
    expect(setMap(WITH, ['entities', 0], 'attributes', { role: 'Prime Minister', date: '2025' })).toBe(
      FILE.replace('    label: Ana\n', '    label: Ana\n    attributes:\n      role: Prime Minister   # as the text says\n      date: "2025"\n'),
    );
  });
  it('adds a missing map as a block after the key named, and an empty one removes the key', () => {
    expect(setMap(FILE, ['entities', 1], 'attributes', { role: 'a: b' }, 'label')).toContain('    label: Bo\n    attributes:\n      role: "a: b"\n    draft: { confidence: 0.5, rule: svo }\n');
    expect(setMap(WITH, ['entities', 0], 'attributes', {})).toBe(FILE);
  });
  it('rewrites a flow map on its line', () => {
    expect(setMap(FILE, ['entities', 1], 'draft', { confidence: 0.7, rule: 'svo' })).toContain('    draft: {confidence: 0.7, rule: svo}\n');
  });
});

describe('removing a key set apart by a blank line', () => {
  it('takes the blank line with it when nothing follows it there', () => {
    const text = 'relations:\n  a:\n    x: 1\n\n  b:\n    x: 2\n';
    expect(deleteKey(text, ['relations'], 'b')).toBe('relations:\n  a:\n    x: 1\n');
    expect(deleteKey(text, ['relations'], 'a')).toBe('relations:\n\n  b:\n    x: 2\n');
  });
});
