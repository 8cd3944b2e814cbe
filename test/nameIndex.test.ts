import fc from 'fast-check';
import { join } from 'node:path';
import { MultiDirectedGraph } from 'graphology';
import { describe, expect, it } from 'vitest';
import { EntityNotFoundError } from '../src/model/errors.ts';
import type { KgGraph } from '../src/model/types.ts';
import { AMBIGUOUS, lookUpName, nameIndex, nameLookup } from '../src/query/nameIndex.ts';
import { resolve } from '../src/query/resolve.ts';
import { buildArticle, loadArticle } from '../src/corpus/index.ts';
import { REPO, SEED_SLUG, sources } from './helpers/sources.ts';

/**
 * The name index answers `kg neighbours NAME` without the graph, so it must find exactly what
 * resolve() finds: the same entity, "ambiguous" where resolve lists several, and nothing where
 * resolve has only suggestions to give.
 */

type Outcome = { id: string } | 'ambiguous' | 'not found';

function byResolve(graph: KgGraph, name: string): Outcome {
  try {
    return { id: resolve(graph, name) };
  } catch (error) {
    if (!(error instanceof EntityNotFoundError)) throw error;
    return error.ambiguous ? 'ambiguous' : 'not found';
  }
}

function byIndex(graph: KgGraph, name: string): Outcome {
  const nodes = graph.mapNodes((id, a) => [id, a] as const);
  const entity = lookUpName(nameLookup(nameIndex(nodes)), name);
  if (entity === undefined) return 'not found';
  return entity === AMBIGUOUS ? 'ambiguous' : { id: nodes[entity]![0] };
}

function graphOf(entities: { id: string; label: string; aliases: string[] }[]): KgGraph {
  const graph = new MultiDirectedGraph() as unknown as KgGraph;
  for (const e of entities) if (!graph.hasNode(e.id)) graph.addNode(e.id, { type: 'person', label: e.label, aliases: e.aliases, description: '', attributes: {}, mentions: [] } as never);
  return graph;
}

describe('the name index', () => {
  it('finds what resolve finds for every name, word, id and case of the seed graph', () => {
    const { graph } = loadArticle(buildArticle(sources(join(REPO, 'data'), SEED_SLUG)));
    const names = graph.mapNodes((id, a) => [id, a.label, ...a.aliases, ...a.label.split(' '), a.label.toUpperCase(), ` ${a.label.toLowerCase()} `]).flat();
    for (const name of [...names, 'starmer', 'olaf', 'EU', 'nobody at all', '', '   ', '!!']) expect(byIndex(graph, name), name).toEqual(byResolve(graph, name));
    expect(byIndex(graph, 'Starmer')).toEqual({ id: 'keir-starmer' });
  });

  it('agrees with resolve on random graphs whose names share words, cases and ids', () => {
    // Few words, so names collide: shared words, a label that is another's id, names differing only in case.
    const word = fc.constantFrom('Ana', 'ana', 'Bo', 'Lind', 'lind', 'de', 'x-1', 'Ünal', 'ünal', 'İz', 'b');
    const name = fc.tuple(fc.array(word, { minLength: 1, maxLength: 4 }), fc.constantFrom(' ', '-', ', ')).map(([w, gap]) => w.join(gap));
    const entity = fc.record({ id: fc.oneof(word, name, fc.constantFrom('ana', 'bo lind', 'e1')), label: name, aliases: fc.array(name, { maxLength: 2 }) });
    const query = fc.oneof(name, word, fc.constantFrom('ana', 'ANA', ' bo ', 'bo lind', 'lind-de', 'e1', '', 'zz'));
    fc.assert(
      fc.property(fc.array(entity, { minLength: 1, maxLength: 6 }), fc.array(query, { minLength: 1, maxLength: 8 }), (entities, queries) => {
        const graph = graphOf(entities);
        for (const q of queries) expect(byIndex(graph, q), q).toEqual(byResolve(graph, q));
      }),
      { numRuns: 400 },
    );
  });
});
