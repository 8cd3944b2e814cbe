/**
 * The query core (src/query) on the real seed article and on the small fixture: what a user of
 * `kg`, its REPL or the browser's `window.kg` would see.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildArticle, buildModel, loadArticle, toGraph, type KgGraph } from '../src/corpus/index.ts';
import { EntityNotFoundError, UsageError } from '../src/model/errors.ts';
import { alongArrow, arrowSentence, bindQueries, neighbours, path, resolve, search, show, stats, type NeighbourOptions, type RelationView } from '../src/query/index.ts';
import { acronymsOf } from '../src/query/searchIndex.ts';
import { miniSources, REPO, SEED_SLUG, sources } from './helpers/sources.ts';

const seed = loadArticle(buildArticle(sources(join(REPO, 'data'), SEED_SLUG)));
const { graph, text, vocabulary } = seed;

/** The mini fixture plus an entity no relation touches ("Wire", the dateline's agency). */
const WIRE = '  - id: wire\n    type: organisation\n    label: Wire\n';
const mini: KgGraph = toGraph(buildModel(miniSources({ graph: (t) => t.replace('  - id: institute\n', `${WIRE}  - id: institute\n`) })));

/** The error `run` throws, for asserting its class and fields. */
function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

function notFound(run: () => unknown): EntityNotFoundError {
  const error = thrown(run);
  expect(error).toBeInstanceOf(EntityNotFoundError);
  expect((error as Error).name).toBe('EntityNotFoundError');
  return error as EntityNotFoundError;
}

/** A relation seen from `from` reads the right way: the label going out, the inverse coming in. */
function expectReadFrom(view: RelationView, from: string) {
  const type = vocabulary.relations[view.relation]!;
  expect(graph.source(view.id)).toBe(view.source);
  expect(graph.target(view.id)).toBe(view.target);
  if (view.direction === 'out') {
    expect([view.source, view.other.id, view.label]).toEqual([from, view.target, type.label]);
  } else {
    expect([view.target, view.other.id, view.label]).toEqual([from, view.source, type.inverse]);
  }
  // Grounded: the evidence is the article's own characters at its offsets.
  expect(text.slice(view.evidence.start, view.evidence.end)).toBe(view.evidence.text);
  expect(view.evidence.text).toBe(graph.getEdgeAttribute(view.id, 'evidence').text);
}

const ids = (list: { id: string }[]) => list.map((e) => e.id);
const sorted = (list: string[]) => [...list].sort();

describe('resolve', () => {
  it('takes an id, a label or an alias, in any case and with stray spaces', () => {
    for (const name of ['keir-starmer', 'KEIR-STARMER', 'Keir Starmer', 'keir starmer', 'starmer', 'STARMER', ' Starmer ', 'British Prime Minister']) {
      expect(resolve(graph, name), name).toBe('keir-starmer');
    }
    for (const name of ['UK', 'uk', 'Britain', 'british', 'United Kingdom']) expect(resolve(graph, name), name).toBe('united-kingdom');
    expect(resolve(graph, 'IISS')).toBe('iiss');
    expect(resolve(mini, 'prime minister')).toBe('ada-byron');
  });

  it('takes a single word of exactly one entity\'s name', () => {
    expect(resolve(graph, 'olaf')).toBe('olaf-scholz');
    expect(resolve(graph, 'OLAF')).toBe('olaf-scholz');
    expect(resolve(graph, 'vladimir')).toBe('vladimir-putin');
    expect(resolve(graph, 'Keir')).toBe('keir-starmer');
    expect(resolve(mini, 'Institute')).toBe('institute'); // label "the Institute"
  });

  it('prefers a whole name over a word of another name', () => {
    // "EU" is also a word of "EU leaders"; "Paris" a word of "Paris summit".
    expect(resolve(graph, 'EU')).toBe('european-union');
    expect(resolve(graph, 'EU leaders')).toBe('eu-leaders');
    expect(resolve(mini, 'Paris')).toBe('paris');
    expect(resolve(mini, 'summit')).toBe('paris-summit');
  });

  it('refuses an ambiguous word, listing exactly the entities it could mean', () => {
    const missile = notFound(() => resolve(graph, 'missile'));
    expect(missile.ambiguous).toBe(true);
    expect(missile.query).toBe('missile');
    expect(sorted(ids(missile.candidates))).toEqual(['missile-factory-suppliers', 'putin-missile-factories']);
    const defence = notFound(() => resolve(graph, 'Defence'));
    expect(defence.ambiguous).toBe(true);
    expect(sorted(ids(defence.candidates))).toEqual(['defence-spending', 'eu-uk-defence']);
    // Candidates carry what a prompt needs to show them.
    expect(defence.candidates).toContainEqual({ id: 'eu-uk-defence', label: 'EU-UK defence', type: 'topic' });
  });

  it('suggests the nearest entities for an unknown name, the likely one first', () => {
    const typo = notFound(() => resolve(graph, 'Starmr'));
    expect(typo.ambiguous).toBe(false);
    expect(typo.candidates[0]).toEqual({ id: 'keir-starmer', label: 'Keir Starmer', type: 'person' });
    expect(notFound(() => resolve(graph, 'Scholtz')).candidates[0]!.id).toBe('olaf-scholz');

    const nobody = notFound(() => resolve(graph, 'Nobody'));
    expect(nobody.ambiguous).toBe(false);
    expect(nobody.candidates.length).toBeGreaterThan(0);
    expect(nobody.candidates.length).toBeLessThanOrEqual(5);
    for (const c of nobody.candidates) expect(graph.getNodeAttributes(c.id)).toMatchObject({ label: c.label, type: c.type });
    expect(new Set(ids(nobody.candidates)).size).toBe(nobody.candidates.length);
  });

  it('is what every other query resolves names with', () => {
    expect(notFound(() => neighbours(graph, 'Nobody')).ambiguous).toBe(false);
    expect(notFound(() => show(graph, 'missile')).ambiguous).toBe(true);
    expect(thrown(() => path(graph, 'Scholz', 'Nobody'))).toBeInstanceOf(EntityNotFoundError);
    expect(bindQueries(graph).resolve('Britain')).toBe('united-kingdom');
  });
});

describe('neighbours', () => {
  it('depth 1: the entities one relation away, each with the relations that join them', () => {
    const { entity, neighbours: found } = neighbours(graph, 'Scholz');
    expect(entity).toEqual({ id: 'olaf-scholz', label: 'Olaf Scholz', type: 'person' });
    expect(sorted(ids(found))).toEqual(['germany', 'keir-starmer', 'scholz-arrival-chequers']);
    for (const n of found) {
      expect(n.depth).toBe(1);
      for (const via of n.via) {
        expect(via.from).toBe('olaf-scholz');
        expect(via.other.id).toBe(n.id);
        expectReadFrom(via, via.from);
      }
    }
    const byId = Object.fromEntries(found.map((n) => [n.id, n.via.map((v) => [v.direction, v.label])]));
    expect(byId).toEqual({
      germany: [['out', 'leader of']],
      'keir-starmer': [['in', 'awaited by']],
      'scholz-arrival-chequers': [['in', 'involved in']],
    });
  });

  it('depth 2 adds the neighbours of neighbours, each reached from an entity at depth 1, nearest first', () => {
    const one = neighbours(graph, 'Scholz').neighbours;
    const two = neighbours(graph, 'Scholz', { depth: 2 }).neighbours;
    expect(two.filter((n) => n.depth === 1)).toEqual(one);
    const second = two.filter((n) => n.depth === 2);
    expect(ids(second)).toEqual(expect.arrayContaining(['iiss', 'chequers', 'eu-leaders-dinner', 'united-kingdom']));
    expect(two.map((n) => n.depth)).toEqual(two.map((n) => n.depth).sort((a, b) => a - b));
    expect(new Set(ids(two)).size).toBe(two.length);
    expect(ids(two)).not.toContain('olaf-scholz');
    const firstRing = new Set(ids(one));
    for (const n of second) {
      expect(n.via.length, n.id).toBeGreaterThan(0);
      for (const via of n.via) {
        expect(firstRing.has(via.from), `${n.id} via ${via.from}`).toBe(true);
        expectReadFrom(via, via.from);
      }
    }
    const iiss = second.find((n) => n.id === 'iiss')!;
    expect(iiss.via.map((v) => [v.from, v.direction, v.label])).toEqual([['germany', 'out', 'projected by']]);
    // Several facts may join the same pair: all are listed.
    const dinner = second.find((n) => n.id === 'eu-leaders-dinner')!;
    expect(sorted(dinner.via.map((v) => v.relation))).toEqual(['attended', 'invited_to', 'spoke_at']);
  });

  it('direction out follows arrows away from the entity, in follows them back', () => {
    expect(ids(neighbours(graph, 'Scholz', { direction: 'out' }).neighbours)).toEqual(['germany']);
    const outTwo = neighbours(graph, 'Scholz', { direction: 'out', depth: 2 }).neighbours;
    expect(outTwo.map((n) => [n.id, n.depth])).toEqual([['germany', 1], ['iiss', 2]]);
    expect(sorted(ids(neighbours(graph, 'Scholz', { direction: 'in' }).neighbours))).toEqual(['keir-starmer', 'scholz-arrival-chequers']);

    const ukIn = neighbours(graph, 'UK', { direction: 'in' }).neighbours;
    const ukOut = neighbours(graph, 'UK', { direction: 'out' }).neighbours;
    for (const n of ukIn) for (const v of n.via) expect([v.direction, v.target]).toEqual(['in', 'united-kingdom']);
    for (const n of ukOut) for (const v of n.via) expect([v.direction, v.source]).toEqual(['out', 'united-kingdom']);
    const label = (list: typeof ukIn, id: string) => list.find((n) => n.id === id)?.via.map((v) => v.label);
    expect(label(ukIn, 'keir-starmer')).toEqual(['led by']); // Starmer is leader of the UK
    expect(label(ukIn, 'aylesbury')).toEqual(['location of']);
    expect(label(ukOut, 'iiss')).toEqual(['projected by']);
    expect(label(ukOut, 'european-union')).toEqual(['left']);
    // Together, in and out are the whole first ring.
    expect(sorted([...ids(ukIn), ...ids(ukOut)])).toEqual(sorted(ids(neighbours(graph, 'UK').neighbours)));
  });

  it('every relation at depth 2, in every direction, reads from its near end and quotes the article', () => {
    for (const direction of ['out', 'in', 'both'] as const) {
      const { neighbours: found } = neighbours(graph, 'starmer', { depth: 2, direction });
      expect(found.length, direction).toBeGreaterThan(0);
      for (const n of found) {
        for (const via of n.via) {
          expectReadFrom(via, via.from);
          if (direction !== 'both') expect(via.direction).toBe(direction);
        }
      }
    }
  });

  it('filters relations by id or by label, and only walks those relations', () => {
    const byId = neighbours(graph, 'starmer', { relations: ['invited_to'] });
    const byLabel = neighbours(graph, 'Keir Starmer', { relations: ['Invited To'] });
    expect(byLabel).toEqual(byId);
    // The inverse label names the same relation type, read from the other end.
    expect(neighbours(graph, 'dinner', { relations: ['invited'] }).neighbours.map((n) => n.id)).toEqual(['keir-starmer']);
    expect(byId.neighbours.map((n) => [n.id, n.via.map((v) => v.relation)])).toEqual([['eu-leaders-dinner', ['invited_to']]]);
    expect(byId.neighbours[0]!.via[0]!.evidence.text).toBe("Starmer was invited to join the EU's 27 heads of state for dinner in Brussels");

    const two = neighbours(graph, 'starmer', { relations: ['spoke at', 'invited-to'] }).neighbours;
    expect(ids(two)).toEqual(['eu-leaders-dinner']);
    expect(sorted(two[0]!.via.map((v) => v.label))).toEqual(['invited to', 'spoke at']);

    // The filter limits the walk, not just the report: Scholz reaches the IISS only through leader_of + projected_by.
    expect(neighbours(graph, 'Scholz', { relations: ['projected_by'], depth: 2 }).neighbours).toEqual([]);
    const chain = neighbours(graph, 'Scholz', { relations: ['leader of', 'projected by'], depth: 2 }).neighbours;
    expect(chain.map((n) => [n.id, n.depth])).toEqual([['germany', 1], ['iiss', 2]]);
  });

  it('filters the reported entities by type, still walking through the others', () => {
    const events = neighbours(graph, 'starmer', { types: ['event'] }).neighbours;
    expect(sorted(ids(events))).toEqual(['eu-leaders-dinner', 'uk-election-2024']);
    const deeper = neighbours(graph, 'starmer', { types: ['event'], depth: 2 }).neighbours;
    expect(deeper.every((n) => n.type === 'event')).toBe(true);
    // Brexit is two hops away, through the UK or the EU (a country and an organisation).
    const brexit = deeper.find((n) => n.id === 'brexit')!;
    expect(brexit.depth).toBe(2);
    expect(sorted(brexit.via.map((v) => v.from))).toEqual(['european-union', 'united-kingdom']);
    const people = neighbours(graph, 'Scholz', { types: ['person', 'country'] }).neighbours;
    expect(sorted(ids(people))).toEqual(['germany', 'keir-starmer']);
  });

  it('treats an empty relations or types list as no filter', () => {
    const all = neighbours(graph, 'starmer').neighbours.length;
    expect(neighbours(graph, 'starmer', { relations: [] }).neighbours).toHaveLength(all);
    expect(neighbours(graph, 'starmer', { types: [] }).neighbours).toHaveLength(all);
  });

  it('rejects bad options with a UsageError, before looking anything up', () => {
    const bad: NeighbourOptions[] = [
      { depth: 0 },
      { depth: -1 },
      { depth: 1.5 },
      { depth: Number.NaN },
      { direction: 'up' as never },
      { types: ['animal' as never] },
      { relations: ['married to'] },
      { relations: ['invited_to', 'nope'] },
    ];
    for (const options of bad) {
      const error = thrown(() => neighbours(graph, 'starmer', options));
      expect(error, JSON.stringify(options)).toBeInstanceOf(UsageError);
      expect((error as Error).name).toBe('UsageError');
    }
  });

  it('has nothing to report for an entity no relation touches', () => {
    expect(neighbours(mini, 'Wire', { depth: 3 })).toEqual({ entity: { id: 'wire', label: 'Wire', type: 'organisation' }, neighbours: [] });
  });

  it('is also bound as neighbors, for US spelling in the console', () => {
    const q = bindQueries(graph);
    expect(q.neighbors('UK', { depth: 2 })).toEqual(q.neighbours('UK', { depth: 2 }));
  });
});

describe('path', () => {
  it('joins Scholz to the IISS through Germany, ignoring arrows by default', () => {
    const result = path(graph, 'Scholz', 'IISS');
    expect(result.from.id).toBe('olaf-scholz');
    expect(result.to).toEqual({ id: 'iiss', label: 'International Institute for Strategic Studies', type: 'organisation' });
    expect(result.steps!.map((s) => [s.from.id, s.to.id])).toEqual([['olaf-scholz', 'germany'], ['germany', 'iiss']]);
    // (A Set: each relation is currently listed twice, see the failing test below.)
    expect(result.steps!.map((s) => [...new Set(s.relations.map((r) => r.label))])).toEqual([['leader of'], ['projected by']]);
    for (const step of result.steps!) for (const r of step.relations) expectReadFrom(r, step.from.id);
  });

  it('read backwards, the same chain uses the inverse labels', () => {
    const back = path(graph, 'IISS', 'Scholz');
    expect(back.steps!.map((s) => [s.from.id, s.to.id])).toEqual([['iiss', 'germany'], ['germany', 'olaf-scholz']]);
    for (const step of back.steps!) {
      for (const r of step.relations) {
        expect(r.direction).toBe('in');
        expectReadFrom(r, step.from.id);
      }
    }
    expect(back.steps![0]!.relations[0]!.label).toBe('projects');
    expect(back.steps![1]!.relations[0]!.label).toBe('led by');
  });

  it('with directed, follows arrows only', () => {
    const forward = path(graph, 'Scholz', 'IISS', { directed: true });
    expect(forward.steps!.map((s) => s.relations.map((r) => [r.direction, r.relation]))).toEqual([
      [['out', 'leader_of']],
      [['out', 'projected_by']],
    ]);
    expect(path(graph, 'IISS', 'Scholz', { directed: true }).steps).toBeNull();
    // A longer chain, every arrow forward: the photographer, Starmer, the UK he leads, its projection.
    const directed = path(graph, 'Ben Stansall', 'IISS', { directed: true }).steps!;
    expect(directed.map((s) => s.to.id)).toEqual(['keir-starmer', 'united-kingdom', 'iiss']);
    expect(directed.every((s) => s.relations.every((r) => r.direction === 'out'))).toBe(true);
  });

  // graphology's edges(a, b) on a directed graph holds both directions: a regression guard
  // against listing each relation twice.
  it('an undirected step lists each relation between the two entities once', () => {
    const step = path(graph, 'starmer', 'dinner').steps![0]!;
    expect(sorted(step.relations.map((r) => r.id))).toEqual([
      'keir-starmer--attended--eu-leaders-dinner',
      'keir-starmer--invited-to--eu-leaders-dinner',
      'keir-starmer--spoke-at--eu-leaders-dinner',
    ]);
  });

  it('an entity to itself is zero steps', () => {
    expect(path(graph, 'starmer', 'Keir Starmer').steps).toEqual([]);
  });

  it('gives null steps when nothing joins two entities, either way', () => {
    for (const directed of [false, true]) {
      const result = path(mini, 'Byron', 'Wire', { directed });
      expect(result).toEqual({
        from: { id: 'ada-byron', label: 'Ada Byron', type: 'person' },
        to: { id: 'wire', label: 'Wire', type: 'organisation' },
        steps: null,
      });
    }
    // Sanity: in the same graph, Byron does reach the Institute.
    expect(path(mini, 'Byron', 'Institute').steps!.map((s) => s.to.id)).toEqual(['freedonia', 'institute']);
  });
});

describe('search', () => {
  const scoresDescend = (hits: { score: number }[]) => {
    for (let i = 1; i < hits.length; i++) expect(hits[i]!.score).toBeLessThanOrEqual(hits[i - 1]!.score);
  };

  it('ranks the entity named by the query first', () => {
    const hits = search(graph, 'Scholz');
    expect(hits[0]).toMatchObject({ kind: 'entity', id: 'olaf-scholz', label: 'Olaf Scholz', type: 'person' });
    scoresDescend(hits);
    const rearm = search(graph, 'rearmament');
    expect(rearm[0]).toMatchObject({ kind: 'entity', id: 'cost-of-rearmament' });
    scoresDescend(rearm);
  });

  it('finds relations by the words of their evidence', () => {
    const hits = search(graph, 'rancorous');
    const relations = hits.filter((h) => h.kind === 'relation');
    expect(ids(relations)).toEqual(
      expect.arrayContaining(['brexit-talks--concerns--brexit', 'keir-starmer--worked-to-improve-ties-with--european-union']),
    );
    for (const hit of relations) {
      if (hit.kind !== 'relation') continue;
      expect(hit.evidence).toMatch(/rancorous/);
      expect(hit.evidence).toBe(graph.getEdgeAttribute(hit.id, 'evidence').text);
      expect(hit.source.id).toBe(graph.source(hit.id));
      expect(hit.target.id).toBe(graph.target(hit.id));
      expect(hit.label).toBe(graph.getEdgeAttribute(hit.id, 'label'));
    }
    // Nothing is named "rancorous": no entity outranks the relations but the one whose description quotes it.
    expect(hits.filter((h) => h.kind === 'entity').map((h) => h.id)).toEqual(['brexit-talks']);
  });

  it('respects the limit and returns nothing for blank or unmatched text', () => {
    expect(search(graph, 'dinner').length).toBeGreaterThan(2);
    expect(search(graph, 'dinner', 2)).toEqual(search(graph, 'dinner').slice(0, 2));
    expect(search(graph, '   ')).toEqual([]);
    expect(search(graph, 'zzqxj')).toEqual([]);
    expect(() => search(graph, 'dinner', -1)).toThrow(UsageError);
    expect(() => search(graph, 'dinner', 1.5)).toThrow(UsageError);
  });

  it('forgives a small misspelling', () => {
    expect(ids(search(graph, 'defense', 5))).toEqual(expect.arrayContaining(['defence-spending', 'eu-uk-defence']));
  });
});

describe('show', () => {
  it('gives an entity\'s details and its relations grouped by how they read from it', () => {
    const uk = show(graph, 'Britain');
    expect(uk).toMatchObject({ id: 'united-kingdom', label: 'United Kingdom', type: 'country' });
    expect(uk.aliases).toEqual(expect.arrayContaining(['UK', 'Britain']));
    expect(Object.keys(uk.out).sort()).toEqual(['left', 'projected by']);
    expect(Object.keys(uk.in).sort()).toEqual(['concerned by', 'has', 'involved in', 'led by', 'location of']);
    expect(uk.in['led by']!.map((r) => r.other.id)).toEqual(['keir-starmer']);
    const projected = uk.out['projected by']![0]!;
    expect(projected.other.id).toBe('iiss');
    expect(projected.qualifiers).toMatchObject({ rank: 2, year: 2025, after: 'germany' });
  });

  it('lists every relation once, on the side it reads from', () => {
    for (const name of ['Britain', 'starmer', 'dinner', 'IISS']) {
      const d = show(graph, name);
      const out = Object.values(d.out).flat();
      const inc = Object.values(d.in).flat();
      expect(sorted(ids(out))).toEqual(sorted(graph.outEdges(d.id)));
      expect(sorted(ids(inc))).toEqual(sorted(graph.inEdges(d.id)));
      for (const [label, views] of [...Object.entries(d.out), ...Object.entries(d.in)]) {
        for (const v of views) {
          expect(v.label).toBe(label);
          expectReadFrom(v, d.id);
        }
      }
      for (const v of out) expect(v.direction).toBe('out');
      for (const v of inc) expect(v.direction).toBe('in');
    }
    const starmer = show(graph, 'starmer');
    expect(starmer.out.outlined).toHaveLength(5);
    expect(sorted(starmer.out.advocated!.map((r) => r.other.id))).toEqual(['closer-security-ties', 'expanding-europes-defences', 'industrial-weight-and-clout']);
  });

  it('gives the mentions as spans of the article naming the entity', () => {
    const d = show(graph, 'Britain');
    const names = [d.label, ...d.aliases].map((n) => n.toLowerCase());
    expect(d.mentions.length).toBeGreaterThan(2);
    for (const m of d.mentions) {
      expect(text.slice(m.start, m.end)).toBe(m.text);
      expect(names).toContain(m.text.toLowerCase());
    }
  });
});

describe('stats', () => {
  it('counts add up to the graph', () => {
    const s = stats(graph);
    expect([s.entities, s.relations]).toEqual([graph.order, graph.size]);
    const sum = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);
    expect(sum(s.entitiesByType)).toBe(graph.order);
    expect(sum(s.relationsByType)).toBe(graph.size);
    expect(s.relationsByType.projected_by).toBe(2);
    expect(Object.keys(s.entitiesByType).sort()).toEqual(['country', 'event', 'organisation', 'person', 'place', 'topic']);
    expect(s.article).toEqual({ slug: SEED_SLUG, title: graph.getAttribute('title'), date: '2025-02-03' });
    expect(s.density).toBe(Math.round((graph.size / (graph.order * (graph.order - 1))) * 10000) / 10000);
  });

  it('names the most connected entities, by degree', () => {
    const s = stats(graph);
    expect(s.mostConnected).toHaveLength(5);
    expect(s.mostConnected[0]).toMatchObject({ id: 'keir-starmer', degree: graph.degree('keir-starmer') });
    for (const e of s.mostConnected) expect(e.degree).toBe(graph.degree(e.id));
    for (let i = 1; i < 5; i++) expect(s.mostConnected[i]!.degree).toBeLessThanOrEqual(s.mostConnected[i - 1]!.degree);
    const max = Math.max(...graph.mapNodes((n) => graph.degree(n)));
    expect(s.mostConnected[0]!.degree).toBe(max);
  });

  it('reports the connected components, largest first', () => {
    expect(stats(graph).components).toEqual({ count: 1, sizes: [graph.order] });
    // The mini fixture: Sylvania is only a qualifier value and Wire is added unconnected.
    const s = stats(mini);
    expect(s.components).toEqual({ count: 3, sizes: [5, 1, 1] });
    expect(s.entities).toBe(7);
  });
});

describe('search, as readers type', () => {
  const first = (text: string) => search(graph, text)[0];

  it('finds an organisation by its initials, though the article never spells them', () => {
    expect(text).not.toContain('IISS');
    expect(first('IISS')).toMatchObject({ kind: 'entity', id: 'iiss', fields: ['acronyms'] });
    expect(first('iiss')).toMatchObject({ id: 'iiss' });
    expect(acronymsOf('International Institute for Strategic Studies')).toEqual(['IISS', 'IIFSS']);
    expect(acronymsOf('Chequers')).toEqual([]);
  });

  it('forgives a misspelt name and finds an entity by the words of its description', () => {
    expect(first('Scholtz')).toMatchObject({ kind: 'entity', id: 'olaf-scholz' });
    expect(first('think tank')).toMatchObject({ kind: 'entity', id: 'iiss', fields: ['description'] });
  });

  it('finds a relation by its label, and by its inverse', () => {
    expect(first('spoke at')).toMatchObject({ kind: 'relation', id: 'keir-starmer--spoke-at--eu-leaders-dinner', label: 'spoke at', relation: 'spoke_at' });
    // "awaited by" is how Scholz's side reads Starmer's "waited for".
    expect(first('awaited by')).toMatchObject({ kind: 'relation', id: 'keir-starmer--waited-for--olaf-scholz', label: 'waited for', fields: ['label', 'aliases'] });
  });

  it('finds a relation by an entity its qualifiers name, by label, not by id', () => {
    const qualified = graph.filterEdges((_, a) => a.qualifiers.at === 'chequers');
    expect(qualified.length).toBeGreaterThan(0);
    const hits = search(graph, 'Chequers', 40).filter((h) => h.kind === 'relation' && h.fields.includes('description')).map((h) => h.id);
    expect(hits).toEqual(expect.arrayContaining(qualified));
  });

  it('puts the entity named exactly what was typed before longer names holding it', () => {
    expect(first('EU')).toMatchObject({ id: 'european-union' });
    expect(first('UK')).toMatchObject({ id: 'united-kingdom' });
    expect(first('EU leaders')).toMatchObject({ id: 'eu-leaders' });
  });
});

describe('relations read along their arrows', () => {
  it('a relation seen from its target still reads source → label → target', () => {
    const scholz = show(graph, 'Scholz');
    const waited = scholz.in['awaited by']![0]!;
    expect(waited).toMatchObject({ direction: 'in', label: 'awaited by', arrowLabel: 'waited for' });
    const reading = alongArrow(waited, { id: scholz.id, label: scholz.label, type: scholz.type });
    expect(reading.source.id).toBe(graph.source(waited.id));
    expect(reading.target.id).toBe(graph.target(waited.id));
    expect(arrowSentence(reading)).toBe('Keir Starmer → waited for → Olaf Scholz');
  });

  it('every step of a path, walked either way, reads the way its arrow points', () => {
    for (const [a, b] of [['Scholz', 'Putin'], ['Putin', 'Scholz']] as const) {
      const steps = path(graph, a, b).steps!;
      expect(steps.length).toBeGreaterThan(1);
      for (const step of steps) {
        for (const r of step.relations) {
          const reading = alongArrow(r, step.from);
          expect([reading.source.id, reading.target.id]).toEqual([graph.source(r.id), graph.target(r.id)]);
          expect(reading.label).toBe(graph.getEdgeAttribute(r.id, 'label'));
        }
      }
    }
    const first = path(graph, 'Scholz', 'Putin').steps![0]!;
    expect(first.relations.map((r) => arrowSentence(alongArrow(r, first.from)))).toEqual(['Keir Starmer → waited for → Olaf Scholz']);
  });
});
