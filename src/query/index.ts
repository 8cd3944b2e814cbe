/**
 * The query core: pure functions over the built graph. The `kg` CLI, its REPL and the browser's
 * `window.kg` all call these, so an answer is the same wherever it is asked.
 */
import type { KgGraph } from '../model/types.ts';
import { neighbours } from './neighbours.ts';
import type { NeighbourOptions } from './options.ts';
import { path } from './path.ts';
import { resolve, suggest } from './resolve.ts';
import { search } from './search.ts';
import { show } from './show.ts';
import { stats } from './stats.ts';

export { alongArrow, arrowSentence, summary, type ArrowReading, type EntitySummary, type RelationView } from './describe.ts';
export type { Neighbour, NeighboursResult } from './neighbours.ts';
export { DIRECTIONS, relationTypes, type Direction, type NeighbourOptions } from './options.ts';
export type { PathResult, PathStep } from './path.ts';
export type { SearchHit } from './search.ts';
export type { EntityDetails } from './show.ts';
export type { GraphStats } from './stats.ts';
export { neighbours, path, resolve, search, show, stats, suggest };
export { valueEntities, valueLabeller, type ValueLabeller } from './qualifiers.ts';
export { complete, type Suggestion } from './complete.ts';

/** The query functions bound to one graph: what a console user calls. */
export function bindQueries(graph: KgGraph) {
  return {
    resolve: (name: string) => resolve(graph, name),
    neighbours: (name: string, options?: NeighbourOptions) => neighbours(graph, name, options),
    neighbors: (name: string, options?: NeighbourOptions) => neighbours(graph, name, options),
    path: (a: string, b: string, options?: { directed?: boolean }) => path(graph, a, b, options),
    search: (text: string, limit?: number) => search(graph, text, limit),
    show: (name: string) => show(graph, name),
    stats: () => stats(graph),
  };
}
export type BoundQueries = ReturnType<typeof bindQueries>;
