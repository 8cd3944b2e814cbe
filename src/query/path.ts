import toUndirected from 'graphology-operators/to-undirected.js';
import { bidirectional } from 'graphology-shortest-path/unweighted.js';
import type { KgGraph } from '../model/types.ts';
import { summary, viewFrom, type EntitySummary, type RelationView } from './describe.ts';
import { resolve } from './resolve.ts';

export interface PathStep {
  from: EntitySummary;
  to: EntitySummary;
  /** Every relation between the two, read from `from`; one step may rest on several facts. */
  relations: RelationView[];
}

export interface PathResult {
  from: EntitySummary;
  to: EntitySummary;
  /** Null when no path joins them. */
  steps: PathStep[] | null;
}

/**
 * The shortest chain of relations between two entities. Arrows are ignored unless `directed`:
 * "how is Scholz connected to the IISS?" rarely follows the arrows' direction.
 */
export function path(graph: KgGraph, a: string, b: string, options: { directed?: boolean } = {}): PathResult {
  const from = resolve(graph, a);
  const to = resolve(graph, b);
  const nodes = bidirectional(options.directed ? graph : toUndirected(graph), from, to);
  const steps = nodes?.slice(1).map((node, i) => {
    const previous = nodes[i]!;
    // graphology's edges(a, b) already holds both directions; outEdges(a, b) only a -> b.
    const edges = options.directed ? graph.outEdges(previous, node) : graph.edges(previous, node);
    return { from: summary(graph, previous), to: summary(graph, node), relations: edges.map((e) => viewFrom(graph, previous, e)) };
  });
  return { from: summary(graph, from), to: summary(graph, to), steps: steps ?? null };
}
