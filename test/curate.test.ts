/**
 * Curation edits (issue 10): accept, reject (of entities, relations and the relation types
 * `kg add` proposed), new entity and alias from a selection, new relation from a selection, merge. Each is applied to a scratch copy of the data with a freshly drafted
 * article (`kg add`), written back, and the data folder checked with `kg validate`; the files
 * keep every byte the edit did not need to change.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCorpusSources } from '../src/cli/dataDir.ts';
import { CurationError, listDrafts } from '../src/curate/index.ts';
import { buildCorpus } from '../src/corpus/buildCorpus.ts';
import { DataValidationError } from '../src/model/errors.ts';
import { DRAFT_SLUG, DRAFT_TEXT, draftedScratch } from './helpers/draftedArticle.ts';
import { kg } from './helpers/kg.ts';
import { REPO } from './helpers/sources.ts';

const TEXT = DRAFT_TEXT;
const SLUG = DRAFT_SLUG;

const scratch = draftedScratch('kg-curate');
const { apply, validates, graphFile } = scratch;
const read = (path: string) => readFileSync(path, 'utf8');

const drafts = () => listDrafts(buildCorpus(readCorpusSources(scratch.data)), SLUG);
const span = (text: string, nth = 1) => {
  let at = -1;
  for (let i = 0; i < nth; i++) at = TEXT.indexOf(text, at + 1);
  if (at === -1) throw new Error(`test text lacks "${text}"`);
  return { start: at, end: at + text.length };
};


describe('the drafts of an article', () => {
  it('lists every drafted entity and relation in text order, with confidence and rule', () => {
    const items = drafts();
    expect(items.length).toBeGreaterThan(4);
    expect(items.map((d) => d.start)).toEqual(items.map((d) => d.start).sort((a, b) => a - b));
    expect(items.some((d) => d.kind === 'entity' && d.id === 'ana-ribeiro')).toBe(true);
    expect(items.some((d) => d.kind === 'relation' && d.name === 'Ana Ribeiro → greeted → Keir Starmer')).toBe(true);
    for (const d of items) {
      expect(d.confidence).toBeGreaterThan(0);
      expect(d.rule).not.toBe('');
      expect(TEXT.slice(d.start, d.end).length).toBeGreaterThan(0);
    }
  });
});

describe('accept', () => {
  it('clears the draft mark of an entity and of a relation, and nothing else in the file', () => {
    const before = read(graphFile());
    apply({ op: 'accept', id: 'ana-ribeiro' });
    const after = read(graphFile());
    const removed = before.split('\n').filter((line, i, all) => !after.includes(line) || all.indexOf(line) !== i);
    expect(after.length).toBeLessThan(before.length);
    // Every comment line is still there, and the file is the old one less the marker's three lines.
    for (const line of before.split('\n').filter((l) => l.trim().startsWith('#'))) expect(after).toContain(line);
    expect(before.split('\n').length - after.split('\n').length).toBe(3);
    expect(removed.length).toBeGreaterThan(0);
    expect(drafts().some((d) => d.id === 'ana-ribeiro')).toBe(false);

    const relation = drafts().find((d) => d.kind === 'relation')!;
    apply({ op: 'accept', id: relation.id, article: SLUG });
    expect(drafts().some((d) => d.id === relation.id)).toBe(false);
    validates();
  });

  it('refuses what is not a draft, and an unknown id, writing nothing', () => {
    apply({ op: 'accept', id: 'ana-ribeiro' });
    const before = read(graphFile());
    expect(() => apply({ op: 'accept', id: 'ana-ribeiro' })).toThrow(/not a draft/);
    expect(() => apply({ op: 'accept', id: 'no-such-thing', article: SLUG })).toThrow(CurationError);
    expect(read(graphFile())).toBe(before);
  });

  it('takes every draft of the article to reviewed, and the data then validates with no drafts left', () => {
    for (const item of drafts()) apply({ op: 'accept', id: item.id, article: item.article });
    expect(drafts()).toEqual([]);
    expect(read(graphFile())).not.toMatch(/^\s+draft:/m);
    validates();
  });
});

describe('reject', () => {
  it('removes a relation', () => {
    const relation = drafts().find((d) => d.name === 'Ana Ribeiro → greeted → Keir Starmer')!;
    const result = apply({ op: 'reject', id: relation.id, article: SLUG });
    expect(result.removed).toEqual([`${SLUG}:${relation.id}`]);
    expect(drafts().some((d) => d.id === relation.id)).toBe(false);
    validates();
  });

  it('removes an entity with every relation at it, and says which', () => {
    const result = apply({ op: 'reject', id: 'ana-ribeiro' });
    expect(result.removed.length).toBeGreaterThanOrEqual(3);
    for (const id of result.removed) expect(id).toContain('ana-ribeiro');
    const graph = read(graphFile());
    expect(graph).not.toContain('ana-ribeiro');
    expect(graph).toContain('# Drafted by kg add');
    validates();
  });
});

describe('new entity and alias from a selection', () => {
  it('"New entity" on a selection defines the entity in the article, the selection one of its mentions', () => {
    const result = apply({ op: 'addEntity', article: SLUG, type: 'topic', mention: span('support') });
    expect(result.id).toBe('support');
    const model = result.corpus.articles.find((a) => a.meta.slug === SLUG)!;
    const entity = model.entities.find((e) => e.id === result.id)!;
    expect(entity.mentions).toEqual([{ ...span('support'), text: 'support' }]);
    expect(read(graphFile())).toMatch(/- id: support\n {4}type: topic\n {4}label: support\n(?! {4}aliases)/);
    validates();
  });

  it('trims the white space a selection drags along, and keeps a label that differs as the label, the selection an alias', () => {
    const plan = span('the plan');
    const trimmed = apply({ op: 'addEntity', article: SLUG, type: 'topic', mention: { start: plan.start - 1, end: plan.end } });
    expect(trimmed.id).toBe('the-plan');
    expect(read(graphFile())).toMatch(/- id: the-plan\n {4}type: topic\n {4}label: the plan\n(?! {4}aliases)/);

    const support = apply({ op: 'addEntity', article: SLUG, type: 'topic', label: "Starmer's support", mention: span('his support') });
    expect(read(graphFile())).toMatch(/- id: starmer-s-support\n {4}type: topic\n {4}label: Starmer's support\n {4}aliases: \[his support\]\n/);
    expect(support.corpus.articles.find((a) => a.meta.slug === SLUG)!.entities.find((e) => e.id === 'starmer-s-support')!.mentions).toEqual([{ ...span('his support'), text: 'his support' }]);
    validates();
  });

  it('refuses a selection that would not be a mention, or that names another entity already, and writes nothing', () => {
    const before = read(graphFile());
    // Half a word: "Starm" is inside "Starmer".
    expect(() => apply({ op: 'addEntity', article: SLUG, type: 'person', mention: { start: span('Starmer welcomed').start, end: span('Starmer welcomed').start + 5 } })).toThrow(/"starm" is never mentioned on its own: "Starm" occurs only inside a longer name of "keir-starmer"/);
    // A name the corpus already has means that entity: a second one of the same name would make mentions ambiguous.
    expect(() => apply({ op: 'addEntity', article: SLUG, type: 'topic', mention: span('defence spending') })).toThrow(/"defence spending" names both defence-spending and defence-spending-2/);
    expect(() => apply({ op: 'addEntity', article: SLUG, type: 'planet', mention: span('Lisbon to') })).toThrow(/unknown entity type "planet"/);
    expect(() => apply({ op: 'addEntity', article: SLUG, type: 'person', mention: { start: 5, end: 5 } })).toThrow(/not a span/);
    expect(read(graphFile())).toBe(before);
  });

  it('"Add as alias" gives an entity defined elsewhere a name in this article only', () => {
    const result = apply({ op: 'addAlias', article: SLUG, id: 'keir-starmer', mention: span('his') });
    const model = result.corpus.articles.find((a) => a.meta.slug === SLUG)!;
    expect(model.entities.find((e) => e.id === 'keir-starmer')!.mentions).toContainEqual({ ...span('his'), text: 'his' });
    expect(read(join(scratch.data, 'entities.yaml'))).toBe(read(join(REPO, 'data/entities.yaml')));
    validates();
  });
});

describe('new relation from a selection', () => {
  it('adds a relation whose evidence is the selection, with occurrence when its text recurs', () => {
    const result = apply({ op: 'addRelation', article: SLUG, from: 'keir-starmer', type: 'greeted', to: 'ana-ribeiro', evidence: span('Starmer') });
    const model = result.corpus.articles.find((a) => a.meta.slug === SLUG)!;
    const relation = model.relations.find((r) => r.id === result.id)!;
    expect(relation).toMatchObject({ source: 'keir-starmer', target: 'ana-ribeiro', evidence: { ...span('Starmer'), text: 'Starmer' } });
    expect(read(graphFile())).toMatch(/evidence: Starmer\n {4}occurrence: 1\n/);

    const second = apply({ op: 'addRelation', article: SLUG, from: 'ana-ribeiro', type: 'greeted', to: 'keir-starmer', evidence: span('Starmer', 3) });
    const again = second.corpus.articles.find((a) => a.meta.slug === SLUG)!.relations.find((r) => r.id === second.id)!;
    expect(again.evidence.start).toBe(span('Starmer', 3).start);
    validates();
  });

  it('refuses a relation the vocabulary does not allow between those types, with the builder\'s reason, writing nothing', () => {
    const before = read(graphFile());
    let error: unknown;
    try {
      apply({ op: 'addRelation', article: SLUG, from: 'lisbon', type: 'leader_of', to: 'portugal', evidence: span('Lisbon to') });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DataValidationError);
    expect((error as DataValidationError).issues.map((i) => i.message).join('\n')).toMatch(/"leader_of" cannot start at a place \(lisbon\)/);
    expect(read(graphFile())).toBe(before);
  });
});

describe('merge', () => {
  it('moves names and relations to the entity kept, and removes the other', () => {
    // The drafter took "Wire" (the dateline's agency) for an organisation of its own: merge it into Reuters for the test.
    const result = apply({ op: 'merge', keep: 'reuters', merged: 'wire' });
    const model = result.corpus.articles.find((a) => a.meta.slug === SLUG)!;
    expect(model.entities.some((e) => e.id === 'wire')).toBe(false);
    expect(model.entities.find((e) => e.id === 'reuters')!.mentions.map((m) => m.text)).toContain('Wire');
    // Wire was this article's own name, so it stays this article's: entities.yaml is untouched.
    expect(read(join(scratch.data, 'entities.yaml'))).toBe(read(join(REPO, 'data/entities.yaml')));
    validates();
  });

  it('points every relation of the merged entity at the kept one, and the merged one\'s names find the kept one', () => {
    apply({ op: 'addEntity', article: SLUG, type: 'person', mention: span('Prime Minister') });
    const relations = () => buildCorpus(readCorpusSources(scratch.data)).articles.find((a) => a.meta.slug === SLUG)!.relations;
    const hers = relations().filter((r) => r.source === 'ana-ribeiro' || r.target === 'ana-ribeiro');
    expect(hers.length).toBeGreaterThan(2);
    const result = apply({ op: 'merge', keep: 'prime-minister', merged: 'ana-ribeiro' });
    expect(result.removed).toEqual([]);
    const now = relations();
    expect(now.filter((r) => r.source === 'ana-ribeiro' || r.target === 'ana-ribeiro')).toEqual([]);
    expect(now.filter((r) => r.source === 'prime-minister' || r.target === 'prime-minister').map((r) => r.evidence)).toEqual(expect.arrayContaining(hers.map((r) => r.evidence)));
    const kept = result.corpus.articles.find((a) => a.meta.slug === SLUG)!.entities.find((e) => e.id === 'prime-minister')!;
    expect(kept.aliases).toEqual(expect.arrayContaining(['Ana Ribeiro', 'Ribeiro']));
    expect(kept.mentions.map((m) => m.text)).toEqual(expect.arrayContaining(['Ana Ribeiro', 'Ribeiro']));
    validates();
  });

  it('refuses to merge an entity into itself or into an unknown one', () => {
    expect(() => apply({ op: 'merge', keep: 'portugal', merged: 'portugal' })).toThrow(/into itself/);
    expect(() => apply({ op: 'merge', keep: 'atlantis', merged: 'portugal' })).toThrow(/unknown entity "atlantis"/);
  });
});

describe('split an alias off', () => {
  it('makes a block-list alias an entity of its own, of the same type, in the same file', () => {
    const result = apply({ op: 'splitAlias', id: 'ana-ribeiro', alias: 'Ribeiro' });
    expect(result.id).toBe('ribeiro');
    const model = result.corpus.articles.find((a) => a.meta.slug === SLUG)!;
    expect(model.entities.find((e) => e.id === 'ribeiro')).toMatchObject({ type: 'person', label: 'Ribeiro' });
    expect(model.entities.find((e) => e.id === 'ribeiro')!.mentions.map((m) => m.start)).toEqual([span('Ribeiro said').start, span('Ribeiro thanked').start]);
    expect(model.entities.find((e) => e.id === 'ana-ribeiro')!.aliases).toEqual([]);
    validates();
  });

  it('takes a name out of a flow list without touching the others, in entities.yaml for a corpus-wide name', () => {
    const before = read(join(scratch.data, 'entities.yaml'));
    expect(before).toContain('    aliases: [Starmer, Sir Keir Starmer, Sir Keir]\n');
    const result = apply({ op: 'splitAlias', id: 'keir-starmer', alias: 'Sir Keir Starmer' });
    const after = read(join(scratch.data, 'entities.yaml'));
    expect(after).toContain('    aliases: [Starmer, Sir Keir]\n');
    expect(after).toMatch(new RegExp(`  - id: ${result.id}\\n    type: person\\n    label: Sir Keir Starmer\\n`));
    expect(() => apply({ op: 'splitAlias', id: 'keir-starmer', alias: 'Nobody' })).toThrow('"Nobody" is not an alias of keir-starmer');
  });
});

describe('relation types kg add proposed', () => {
  const vocabularyFile = () => join(scratch.data, 'vocabulary.yaml');

  it('are drafts to review, each after the relations using it, with those relations', () => {
    const items = drafts();
    const types = items.filter((d) => d.kind === 'relationType');
    expect(types.map((d) => d.id).sort()).toEqual(['greeted', 'greeted_in', 'thanked']);
    const greeted = types.find((d) => d.id === 'greeted')!;
    expect(greeted).toMatchObject({ name: 'greeted (person → person)', rule: 'proposed-type', confidence: 0.5, uses: ['Ana Ribeiro → greeted → Keir Starmer'], relations: [`${SLUG}:ana-ribeiro--greeted--keir-starmer`] });
    expect(items.indexOf(greeted)).toBeGreaterThan(items.findIndex((d) => d.id === 'ana-ribeiro--greeted--keir-starmer'));
  });

  it('accepting one clears its draft mark in vocabulary.yaml, and nothing else', () => {
    const before = read(vocabularyFile());
    const result = apply({ op: 'accept', id: 'greeted' });
    expect(result.target).toBe('relationType');
    const after = read(vocabularyFile());
    expect(after).toBe(before.replace(/( {2}greeted:\n(?: {4}.*\n)*?) {4}draft:\n {6}confidence: 0\.5\n {6}rule: proposed-type\n/, '$1'));
    expect(after).not.toBe(before);
    expect(drafts().some((d) => d.id === 'greeted')).toBe(false);
    expect(() => apply({ op: 'accept', id: 'greeted' })).toThrow('relation type greeted is not a draft: there is nothing to accept');
    expect(() => apply({ op: 'accept', id: 'leader_of' })).toThrow(/relation type leader_of is not a draft/);
    validates();
  });

  it('rejecting one is refused while a relation uses it, naming the relation; once none does it goes, and the last leaves vocabulary.yaml as it was before kg add', () => {
    const before = read(vocabularyFile());
    expect(() => apply({ op: 'reject', id: 'thanked' })).toThrow(`relation type thanked is used by 1 relation (${SLUG}:ana-ribeiro--thanked--keir-starmer): retype or reject it first; nothing was written`);
    expect(read(vocabularyFile())).toBe(before);
    expect(() => apply({ op: 'reject', id: 'leader_of' })).toThrow(/leader_of is not a draft/);

    for (const relation of ['ana-ribeiro--greeted--keir-starmer', 'ana-ribeiro--greeted-in--lisbon', 'ana-ribeiro--thanked--keir-starmer']) apply({ op: 'reject', id: relation, article: SLUG });
    expect(apply({ op: 'reject', id: 'thanked' }).target).toBe('relationType');
    expect(read(vocabularyFile())).not.toContain('  thanked:');
    validates();
    apply({ op: 'reject', id: 'greeted' });
    apply({ op: 'reject', id: 'greeted_in' });
    expect(read(vocabularyFile())).toBe(read(join(REPO, 'data/vocabulary.yaml')));
    expect(drafts().filter((d) => d.kind === 'relationType')).toEqual([]);
    validates();
  });

  it('kg review lists them with the relations using them; kg accept and kg reject take them', () => {
    const review = kg(['review', '--data', scratch.data, '--article', SLUG]).stdout;
    expect(review).toContain('  type     thanked (person → person)  [thanked]\n      0.50 proposed-type  used by 1: Ana Ribeiro → thanked → Keir Starmer\n');
    expect(kg(['accept', 'greeted', '--data', scratch.data]).stdout).toBe('accepted relation type greeted\n');
    const refused = kg(['reject', 'thanked', '--data', scratch.data]);
    expect(refused).toMatchObject({ code: 1, stdout: '' });
    expect(refused.stderr).toMatch(/^kg: relation type thanked is used by 1 relation \(.*ana-ribeiro--thanked--keir-starmer\): retype or reject it first/);
    kg(['reject', 'ana-ribeiro--thanked--keir-starmer', '--data', scratch.data, '--article', SLUG]);
    expect(kg(['reject', 'thanked', '--data', scratch.data]).stdout).toBe('rejected relation type thanked\n');
    const left = kg(['review', '--data', scratch.data, '--article', SLUG]).stdout;
    expect(left).toContain('[greeted_in]');
    expect(left).not.toMatch(/\[greeted\]|\[thanked\]/);
    validates();
  });
});

describe('kg review, kg accept, kg reject', () => {
  it('lists the drafts in text order with their evidence; accepting them all leaves none, and the data validates', () => {
    const review = kg(['review', '--data', scratch.data, '--article', SLUG]);
    expect(review.code).toBe(0);
    expect(review.stdout).toMatch(new RegExp(`^${SLUG}: \\d+ drafts\\n`));
    expect(review.stdout).toContain('  relation Ana Ribeiro → greeted → Keir Starmer  [ana-ribeiro--greeted--keir-starmer]\n      0.50 svo  "Ana Ribeiro greeted Keir Starmer"');
    const listed = JSON.parse(kg(['review', '--data', scratch.data, '--article', SLUG, '--json']).stdout) as { id: string; start: number }[];
    expect(listed.map((d) => d.start)).toEqual(listed.map((d) => d.start).sort((a, b) => a - b));

    const accepted = kg(['accept', ...listed.map((d) => d.id), '--data', scratch.data, '--article', SLUG]);
    expect(accepted.stderr).toBe('');
    expect(accepted.stdout.trim().split('\n')).toHaveLength(listed.length);
    expect(kg(['review', '--data', scratch.data, '--article', SLUG]).stdout).toBe(`No drafts in ${SLUG}: everything is reviewed.\n`);
    validates();
  });

  it('rejecting an entity lists the relations it would take and writes nothing without --yes; with it, removes them', () => {
    const before = read(graphFile());
    const refused = kg(['reject', 'ana-ribeiro', '--data', scratch.data]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/^kg: rejecting ana-ribeiro also removes \d+ relations: .*ana-ribeiro--greeted--keir-starmer.*--yes/);
    expect(read(graphFile())).toBe(before);

    const done = kg(['reject', 'ana-ribeiro', '--yes', '--data', scratch.data]);
    expect(done.stdout).toMatch(/^rejected ana-ribeiro and its \d+ relations\n$/);
    expect(read(graphFile())).not.toContain('ana-ribeiro');
    validates();
  });

  it('an unknown id is one line naming it, status 1, nothing written', () => {
    const before = read(graphFile());
    const run = kg(['accept', 'no-such-thing', '--data', scratch.data]);
    expect(run).toMatchObject({ code: 1, stdout: '', stderr: 'kg: no entity, relation or relation type "no-such-thing"\n' });
    expect(read(graphFile())).toBe(before);
  });
});
