import { compareText } from './compare.ts';
import { bfsFromNode } from 'graphology-traversal';
import type { KgGraph } from '../model/types.ts';
import { relationView, summary, type EntitySummary, type RelationView } from './describe.ts';
import { resolveNeighbourOptions, type NeighbourOptions } from './options.ts';
import { resolve } from './resolve.ts';

export interface Neighbour extends EntitySummary {
  depth: number;
  /** The relations that reach this entity from one at the previous depth, read from that side. */
  via: (RelationView & { from: string })[];
}

export interface NeighboursResult {
  entity: EntitySummary;
  neighbours: Neighbour[];
}

const TRAVERSAL_MODE = { out: 'outbound', in: 'inbound', both: 'directed' } as const;
/** The edges by which a walk in that direction reaches a node. */
const EDGES_REACHING = { out: 'forEachInEdge', in: 'forEachOutEdge', both: 'forEachEdge' } as const;

/**
 * The entities within `depth` hops of an entity, each with the relations (label and evidence)
 * that connect it, nearest first.
 * @throws EntityNotFoundError for an unknown name; UsageError for bad options.
 */
export function neighbours(graph: KgGraph, name: string, options?: NeighbourOptions): NeighboursResult {
  const id = resolve(graph, name);
  const { depth, direction, relations, types } = resolveNeighbourOptions(graph, options);
  // Traverse a copy holding only the wanted relations, so the library's BFS does the walking.
  const view = relations ? graph.emptyCopy() : graph;
  if (relations) graph.forEachEdge((e, a, s, t) => relations.has(a.relation) && view.addDirectedEdgeWithKey(e, s, t, a));

  const depths = new Map<string, number>();
  bfsFromNode(view, id, (node, _, d) => {
    depths.set(node, d);
    return d >= depth;
  }, { mode: TRAVERSAL_MODE[direction] });

  const result: Neighbour[] = [];
  for (const [node, d] of depths) {
    if (d === 0 || (types && !types.has(graph.getNodeAttribute(node, 'type')))) continue;
    const via: Neighbour['via'] = [];
    const seen = summary(graph, node);
    view[EDGES_REACHING[direction]](node, (edge, attributes, source, target) => {
      const from = source === node ? target : source;
      if (depths.get(from) === d - 1) via.push({ from, ...relationView(graph, from, edge, attributes, source, target, seen) });
    });
    result.push({ ...seen, depth: d, via });
  }
  result.sort((a, b) => a.depth - b.depth || compareText(a.label, b.label));
  return { entity: summary(graph, id), neighbours: result };
}
