/**
 * Curation edits the explorer's Edit dialog makes (issue 10): an entity's label, type, aliases,
 * description and typed attributes; a relation's type, direction, qualifiers and evidence. Each is applied to a scratch
 * copy of the data with a freshly drafted article, written back and checked with `kg validate`;
 * every byte the edit did not need to change stays, comments included.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CurationError } from '../src/curate/index.ts';
import { replaceValue } from '../src/curate/yamlText.ts';
import { DataValidationError } from '../src/model/errors.ts';
import { DRAFT_SLUG, DRAFT_TEXT, draftedScratch } from './helpers/draftedArticle.ts';

const TEXT = DRAFT_TEXT;
const SLUG = DRAFT_SLUG;

const scratch = draftedScratch('kg-curate-edit');
const { apply, validates, graphFile } = scratch;
const read = (path: string) => readFileSync(path, 'utf8');
const span = (text: string) => {
  const at = TEXT.indexOf(text);
  if (at === -1) throw new Error(`test text lacks "${text}"`);
  return { start: at, end: at + text.length };
};
/** The lines of one entry of graph.yaml, from its `- ` line to the next entry's. */
const entryOf = (text: string, first: string) => {
  const at = text.indexOf(first);
  const next = text.slice(at + first.length).search(/\n {2}- |\n\S/);
  return text.slice(at, next === -1 ? undefined : at + first.length + next + 1);
};
/** What a text keeps apart from one entry: the bytes an entry's edit must not touch. */
const outside = (text: string, first: string) => text.replace(entryOf(text, first), '');


describe('editing an entity', () => {
  it('changes its label, aliases and description in place, and accepting clears the draft mark', () => {
    const before = read(graphFile());
    expect(entryOf(before, '  - id: ana-ribeiro')).toContain('    aliases:\n      - Ribeiro\n');
    const result = apply({ op: 'editEntity', id: 'ana-ribeiro', label: 'Ana Ribeiro', aliases: ['Ribeiro', 'the Portuguese premier'], description: 'Prime Minister of Portugal', accept: true });
    expect(result.target).toBe('entity');
    const after = read(graphFile());
    const entry = entryOf(after, '  - id: ana-ribeiro');
    expect(entry).toMatch(/^ {2}- id: ana-ribeiro\n {4}type: person\n {4}label: Ana Ribeiro\n {4}aliases: \[Ribeiro, the Portuguese premier\]\n {4}description: Prime Minister of Portugal\n {4}attributes:\n {6}role: Prime Minister\n$/);
    // Nothing outside the entry moved: comments, the other entries, their spacing.
    expect(outside(after, '  - id: ana-ribeiro')).toBe(outside(before, '  - id: ana-ribeiro'));
    expect(after).toContain('# Drafted by kg add');
    const model = result.corpus.articles.find((a) => a.meta.slug === SLUG)!.entities.find((e) => e.id === 'ana-ribeiro')!;
    expect(model.draft).toBeUndefined();
    expect(model.description).toBe('Prime Minister of Portugal');
    validates();
  });

  it('changes its type; emptying the aliases removes the key', () => {
    apply({ op: 'editEntity', id: 'defence-budget', type: 'event' });
    apply({ op: 'editEntity', id: 'portugal', aliases: [] });
    const after = read(graphFile());
    expect(entryOf(after, '  - id: defence-budget')).toContain('    type: event\n');
    expect(entryOf(after, '  - id: portugal')).not.toContain('aliases');
    validates();
  });

  it('refuses a type its relations do not allow, with the builder reason, and writes nothing', () => {
    const before = read(graphFile());
    let error: unknown;
    try {
      apply({ op: 'editEntity', id: 'portugal', type: 'topic' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DataValidationError);
    expect(String((error as Error).message)).toMatch(/leader_of/);
    expect(read(graphFile())).toBe(before);
  });

  it('refuses an empty label and an unknown type', () => {
    expect(() => apply({ op: 'editEntity', id: 'wire', label: '  ' })).toThrow(CurationError);
    expect(() => apply({ op: 'editEntity', id: 'wire', type: 'planet' })).toThrow(/unknown entity type "planet"/);
  });
});

describe("editing an entity's typed attributes", () => {
  const vocabularyFile = () => join(scratch.data, 'vocabulary.yaml');
  const model = (result: { corpus: { articles: { meta: { slug: string }; entities: { id: string; attributes: Record<string, unknown> }[] }[] } }, id: string) =>
    result.corpus.articles.find((a) => a.meta.slug === SLUG)!.entities.find((e) => e.id === id)!;

  it('changes one where it is, adds another after it and keeps the comment beside the first', () => {
    writeFileSync(graphFile(), read(graphFile()).replace('      role: Prime Minister\n', '      role: Prime Minister   # as the dateline gives it\n'));
    const before = read(graphFile());
    const result = apply({ op: 'editEntity', id: 'ana-ribeiro', attributes: { role: 'Prime Minister of Portugal', member_count: '3' } });
    const after = read(graphFile());
    expect(entryOf(after, '  - id: ana-ribeiro')).toContain('    attributes:\n      role: Prime Minister of Portugal   # as the dateline gives it\n      member_count: 3\n    draft:\n');
    expect(outside(after, '  - id: ana-ribeiro')).toBe(outside(before, '  - id: ana-ribeiro'));
    // The form's "3" is the int the vocabulary declares.
    expect(model(result, 'ana-ribeiro').attributes).toEqual({ role: 'Prime Minister of Portugal', member_count: 3 });
    validates();
  });

  it('removes one, and the whole key with the last', () => {
    apply({ op: 'editEntity', id: 'ana-ribeiro', attributes: { role: 'Prime Minister', kind: 'head of government' } });
    apply({ op: 'editEntity', id: 'ana-ribeiro', attributes: { kind: 'head of government' } });
    expect(entryOf(read(graphFile()), '  - id: ana-ribeiro')).toContain('    attributes:\n      kind: head of government\n    draft:\n');
    apply({ op: 'editEntity', id: 'ana-ribeiro', attributes: {} });
    expect(entryOf(read(graphFile()), '  - id: ana-ribeiro')).toBe('  - id: ana-ribeiro\n    type: person\n    label: Ana Ribeiro\n    aliases:\n      - Ribeiro\n    draft:\n      confidence: 0.9\n      rule: title\n');
    validates();
  });

  it('adds the first one as a block after the description or label, a date quoted so it stays a date', () => {
    const result = apply({ op: 'editEntity', id: 'lisbon', attributes: { date: '2025' } });
    expect(entryOf(read(graphFile()), '  - id: lisbon')).toBe('  - id: lisbon\n    type: place\n    label: Lisbon\n    attributes:\n      date: "2025"\n    draft:\n      confidence: 0.8\n      rule: dateline\n');
    expect(model(result, 'lisbon').attributes).toEqual({ date: '2025' });
    validates();
  });

  it('refuses an undeclared name, a value not of its type and an entity attribute naming no entity, writing nothing', () => {
    writeFileSync(vocabularyFile(), read(vocabularyFile()).replace('attributes:\n', 'attributes:\n  successor: entity\n'));
    const before = read(graphFile());
    expect(() => apply({ op: 'editEntity', id: 'ana-ribeiro', attributes: { mood: 'calm' } })).toThrow(/attribute "mood" is not declared in vocabulary.yaml \(attributes: successor, role, date, kind, member_count\)/);
    expect(() => apply({ op: 'editEntity', id: 'ana-ribeiro', attributes: { member_count: 'many' } })).toThrow(/member_count \(int\) must be an integer, got "many"/);
    expect(() => apply({ op: 'editEntity', id: 'ana-ribeiro', attributes: { member_count: '2.5' } })).toThrow(/must be an integer/);
    expect(() => apply({ op: 'editEntity', id: 'ana-ribeiro', attributes: { date: '4 March' } })).toThrow(/date \(date\) must be an ISO 8601 date/);
    expect(() => apply({ op: 'editEntity', id: 'ana-ribeiro', attributes: { successor: 'nobody-known' } })).toThrow(/successor \(entity\) must be the id of an entity/);
    expect(read(graphFile())).toBe(before);
    const result = apply({ op: 'editEntity', id: 'ana-ribeiro', attributes: { role: 'Prime Minister', successor: 'keir-starmer' } });
    expect(model(result, 'ana-ribeiro').attributes).toEqual({ role: 'Prime Minister', successor: 'keir-starmer' });
    validates();
  });

  it('rewrites a flow map on its line', () => {
    writeFileSync(graphFile(), read(graphFile()).replace('    attributes:\n      role: Prime Minister\n', '    attributes: {role: Prime Minister}\n'));
    apply({ op: 'editEntity', id: 'ana-ribeiro', attributes: { role: 'Premier', kind: 'head of government' } });
    expect(read(graphFile())).toContain('    attributes: {role: Premier, kind: head of government}\n    draft:\n');
    validates();
  });
});

describe('editing a relation', () => {
  const id = 'ana-ribeiro--greeted--keir-starmer';

  it('changes its type and answers the id it now has', () => {
    const result = apply({ op: 'editRelation', id, article: SLUG, type: 'held_news_conference_with' });
    expect(result.id).toBe('ana-ribeiro--held-news-conference-with--keir-starmer');
    expect(read(graphFile())).toContain('  - from: ana-ribeiro\n    type: held_news_conference_with\n    to: keir-starmer\n    evidence: Ana Ribeiro greeted Keir Starmer\n');
    validates();
  });

  it('reverses its direction', () => {
    const result = apply({ op: 'editRelation', id, article: SLUG, reverse: true, accept: true });
    expect(result.id).toBe('keir-starmer--greeted--ana-ribeiro');
    const after = read(graphFile());
    expect(entryOf(after, '  - from: keir-starmer')).toBe('  - from: keir-starmer\n    type: greeted\n    to: ana-ribeiro\n    evidence: Ana Ribeiro greeted Keir Starmer\n');
    validates();
  });

  it('takes a new evidence from a span of the text, with an occurrence when the words recur', () => {
    apply({ op: 'editRelation', id: 'ana-ribeiro--thanked--keir-starmer', article: SLUG, evidence: span('Ribeiro thanked Starmer for his support') });
    expect(read(graphFile())).toContain('    evidence: Ribeiro thanked Starmer for his support\n');
    const at = TEXT.indexOf('Starmer', TEXT.indexOf('thanked'));
    apply({ op: 'editRelation', id: 'ana-ribeiro--thanked--keir-starmer', article: SLUG, evidence: { start: at, end: at + 7 } });
    const entry = entryOf(read(graphFile()), '  - from: ana-ribeiro\n    type: thanked');
    expect(entry).toContain('    evidence: Starmer\n    occurrence: 3\n');
    validates();
  });

  it('sets qualifiers the vocabulary declares, and refuses one it does not', () => {
    const before = read(graphFile());
    expect(() => apply({ op: 'editRelation', id, article: SLUG, qualifiers: { mood: 'warm' } })).toThrow(DataValidationError);
    expect(read(graphFile())).toBe(before);
  });

  it('refuses a type the vocabulary does not allow between the two entity types', () => {
    expect(() => apply({ op: 'editRelation', id, article: SLUG, type: 'located_in' })).toThrow(/located_in/);
  });
});

describe('replacing a value in the YAML text', () => {
  const text = 'items:\n  - id: a # the first\n    names:\n      - x   # kept?\n      - y\n    note: n\n';
  it('writes a block list as a flow list where it stood, the other lines kept', () => {
    expect(replaceValue(text, ['items', 0], 'names', ['x', 'z'])).toBe('items:\n  - id: a # the first\n    names: [x, z]\n    note: n\n');
  });
  it('replaces a scalar in place and adds a missing key after the one named', () => {
    expect(replaceValue(text, ['items', 0], 'note', 'a: b')).toBe('items:\n  - id: a # the first\n    names:\n      - x   # kept?\n      - y\n    note: "a: b"\n');
    expect(replaceValue(text, ['items', 0], 'label', 'A', 'id')).toBe('items:\n  - id: a # the first\n    label: A\n    names:\n      - x   # kept?\n      - y\n    note: n\n');
  });
});
