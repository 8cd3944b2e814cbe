import { foldCase } from '../text/fold.ts';
import { type KgGraph, ENTITY_TYPES, type EntityType } from '../model/types.ts';
import { UsageError } from '../model/errors.ts';

export const DIRECTIONS = ['out', 'in', 'both'] as const;
export type Direction = (typeof DIRECTIONS)[number];

export interface NeighbourOptions {
  /** How many hops away (default 1). */
  depth?: number;
  /** Follow arrows out of the entity, into it, or both (default). */
  direction?: Direction;
  /** Only these relation types, by id ("invited_to") or label ("invited to"). */
  relations?: string[];
  /** Only report neighbours of these entity types. */
  types?: EntityType[];
}

export const NEIGHBOUR_DEFAULTS = { depth: 1, direction: 'both' } as const;

/** Checks options once at the boundary and normalises relation names to type ids. */
export function resolveNeighbourOptions(graph: KgGraph, options: NeighbourOptions = {}) {
  const depth = options.depth ?? NEIGHBOUR_DEFAULTS.depth;
  if (!Number.isInteger(depth) || depth < 1) throw new UsageError(`neighbours: depth must be a whole number >= 1, got ${depth}`);
  const direction = options.direction ?? NEIGHBOUR_DEFAULTS.direction;
  if (!DIRECTIONS.includes(direction)) throw new UsageError(`neighbours: direction must be one of ${DIRECTIONS.join(', ')}, got "${direction}"`);
  for (const type of options.types ?? []) {
    if (!ENTITY_TYPES.includes(type)) throw new UsageError(`neighbours: unknown entity type "${type}"; known: ${ENTITY_TYPES.join(', ')}`);
  }
  return {
    depth,
    direction,
    // An empty list means "no filter", as leaving the option out does.
    relations: options.relations?.length ? new Set(options.relations.map((r) => relationType(graph, r))) : undefined,
    types: options.types?.length ? new Set(options.types) : undefined,
  };
}

/** Relation types present in the graph, id -> label. */
export function relationTypes(graph: KgGraph): Map<string, string> {
  const types = new Map<string, string>();
  graph.forEachEdge((_, a) => types.set(a.relation, a.label));
  return types;
}

/** A relation type id from its id, its label or its inverse label ("invited to", "invited"). */
function relationType(graph: KgGraph, name: string): string {
  const key = (s: string) => foldCase(s.trim()).replace(/[\s-]+/g, '_');
  const wanted = key(name);
  const match = graph.findEdge((_, a) => a.relation === wanted || key(a.label) === wanted) ?? graph.findEdge((_, a) => key(a.inverse) === wanted);
  if (match) return graph.getEdgeAttribute(match, 'relation');
  throw new UsageError(`unknown relation "${name}"; known: ${[...relationTypes(graph).keys()].sort().join(', ')}`);
}
