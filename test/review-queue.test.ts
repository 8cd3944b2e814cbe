/**
 * The explorer's review walks the drafts in the order `kg review` lists them (issue 10), read from
 * the built graph where `kg review` reads the corpus model; after a saved change it resumes at the
 * next draft; the Drafts filter leaves only drafts and a drafted relation's two ends.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { draftQueue, resumeAt } from '../src/app/curation/draftQueue.ts';
import { computeVisibility } from '../src/app/view/visibility.ts';
import { listArticles, readCorpusSources } from '../src/cli/dataDir.ts';
import { buildCorpus, type CorpusModel } from '../src/corpus/buildCorpus.ts';
import { toCorpusGraph, toGraph } from '../src/corpus/toGraph.ts';
import { listDrafts } from '../src/curate/index.ts';
import { draftedData, DRAFT_SLUG } from './helpers/draftedArticle.ts';

const dir = mkdtempSync(join(tmpdir(), 'kg-review-queue-'));
let corpus: CorpusModel;
let slugs: string[];
beforeAll(() => {
  const data = draftedData(dir);
  corpus = buildCorpus(readCorpusSources(data));
  slugs = listArticles(data);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const state = { hiddenTypes: new Set<never>(), hiddenRelations: new Set<string>(), focusDepth: 0 as const, selection: null };

describe('the review queue', () => {
  it('is kg review\'s order, in one article\'s graph and in the corpus graph', () => {
    const expected = listDrafts(corpus, DRAFT_SLUG).map((d) => [d.kind, d.id, d.start]);
    expect(expected.length).toBeGreaterThan(5);
    const model = corpus.articles.find((a) => a.meta.slug === DRAFT_SLUG)!;
    // The relation types kg add proposed are in it, each after the relations using it.
    expect(expected.filter(([kind]) => kind === 'relationType').map(([, id]) => id).sort()).toEqual(['greeted', 'greeted_in', 'thanked']);
    expect(draftQueue(toGraph(model), [DRAFT_SLUG], DRAFT_SLUG, model.vocabulary).map((d) => [d.kind, d.key, d.start])).toEqual(expected);
    const whole = draftQueue(toCorpusGraph(corpus), slugs, '_corpus', corpus.vocabulary);
    expect(whole.map((d) => [d.kind, d.kind === 'relation' ? d.key.slice(DRAFT_SLUG.length + 1) : d.key, d.start])).toEqual(listDrafts(corpus).map((d) => [d.kind, d.id, d.start]));
    expect(whole.every((d) => d.article === DRAFT_SLUG)).toBe(true);
  });

  it('resumes at the same draft while it is one, else at the next one after where it stood, else at the first', () => {
    const model = corpus.articles.find((a) => a.meta.slug === DRAFT_SLUG)!;
    const queue = draftQueue(toGraph(model), [DRAFT_SLUG], DRAFT_SLUG, model.vocabulary);
    expect(resumeAt(queue, [DRAFT_SLUG], queue[3]!)).toBe(3);
    // Accepted (gone from the queue): the one after it comes next.
    const without = queue.filter((_, i) => i !== 3);
    expect(without[resumeAt(without, [DRAFT_SLUG], queue[3]!)]).toBe(queue[4]);
    const lastGone = queue.slice(0, -1);
    expect(resumeAt(lastGone, [DRAFT_SLUG], queue.at(-1)!)).toBe(0);
  });
});

describe('the Drafts filter', () => {
  it('leaves the drafted entities, the drafted relations and their ends', () => {
    const graph = toGraph(corpus.articles.find((a) => a.meta.slug === DRAFT_SLUG)!);
    const all = computeVisibility(graph, state);
    const drafts = computeVisibility(graph, { ...state, draftsOnly: true });
    expect(all.nodes.size).toBe(graph.order);
    expect([...drafts.edges].sort()).toEqual(graph.filterEdges((_, a) => a.draft !== undefined).sort());
    // Keir Starmer is the corpus's, curated, but the end of a drafted "greeted".
    expect(graph.getNodeAttribute('keir-starmer', 'draft')).toBeUndefined();
    expect(drafts.nodes.has('keir-starmer')).toBe(true);
    for (const node of drafts.nodes) expect(graph.getNodeAttribute(node, 'draft') !== undefined || graph.edges(node).some((e) => drafts.edges.has(e))).toBe(true);
    expect(drafts.nodes.size).toBeLessThan(graph.order);
  });
});

describe('a proposed relation type no relation uses', () => {
  it('comes last, in kg review and in the review queue', () => {
    const model = corpus.articles.find((a) => a.meta.slug === DRAFT_SLUG)!;
    const vocabulary = { ...model.vocabulary, relations: { ...model.vocabulary.relations, waved_to: { id: 'waved_to', label: 'waved to', inverse: 'waved to by', from: ['person' as const], to: ['person' as const], qualifiers: {}, draft: { confidence: 0.5, rule: 'proposed-type' } } } };
    const queue = draftQueue(toGraph(model), [DRAFT_SLUG], DRAFT_SLUG, vocabulary);
    expect(queue.at(-1)).toMatchObject({ kind: 'relationType', key: 'waved_to', article: DRAFT_SLUG, edges: [], start: 0 });
    const listed = listDrafts({ ...corpus, vocabulary }, DRAFT_SLUG);
    expect(listed.at(-1)).toMatchObject({ kind: 'relationType', id: 'waved_to', uses: [], start: 0, end: 0 });
    expect(queue.map((d) => [d.kind, d.key])).toEqual(listed.map((d) => [d.kind, d.id]));
  });
});
