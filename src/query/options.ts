import { distance } from 'fastest-levenshtein';
import { foldCase } from '../text/fold.ts';
import { own } from '../model/own.ts';
import { type KgGraph, ENTITY_TYPES, type EntityType } from '../model/types.ts';
import { UsageError } from '../model/errors.ts';
import { compareText } from './compare.ts';

export const DIRECTIONS = ['out', 'in', 'both'] as const;
export type Direction = (typeof DIRECTIONS)[number];

/** The other spellings people type for an entity type (the vocabulary is British English). */
export const ENTITY_TYPE_SPELLINGS: Readonly<Record<string, EntityType>> = { organization: 'organisation' };

export interface NeighbourOptions {
  /** How many hops away (default 1). */
  depth?: number;
  /** Follow arrows out of the entity, into it, or both (default); any case. */
  direction?: string;
  /** Only these relation types, by id ("invited_to") or label ("invited to"). */
  relations?: string | readonly string[];
  /** Only report neighbours of these entity types: any case, "organization" or "organisation". */
  types?: string | readonly string[];
}

export const NEIGHBOUR_DEFAULTS = { depth: 1, direction: 'both' } as const;
const NEIGHBOUR_OPTION_NAMES = ['depth', 'direction', 'relations', 'types'] as const;

/** Levenshtein distance, with two neighbouring letters swapped ("serach") counted as one slip, not two. */
function edits(a: string, b: string): number {
  const d = distance(a, b);
  if (d !== 2 || a.length !== b.length) return d;
  let i = 0;
  while (a[i] === b[i]) i++;
  return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2) ? 1 : d;
}

/**
 * The name in `names` a mistyped `word` most likely meant, or undefined when none is close:
 * the only name it begins, else the nearest by edits, allowing one per three letters
 * ("serach" -> "search", "deph" -> "depth"). Case is ignored.
 */
export function nearestName(word: string, names: readonly string[]): string | undefined {
  const typed = foldCase(word);
  if (!typed) return undefined;
  const starting = names.filter((n) => foldCase(n).startsWith(typed));
  if (starting.length === 1) return starting[0];
  let best: { name: string; d: number } | undefined;
  for (const name of names) {
    const d = edits(typed, foldCase(name));
    if (!best || d < best.d) best = { name, d };
  }
  return best && best.d <= Math.max(1, Math.floor(typed.length / 3)) ? best.name : undefined;
}

/**
 * `value` as one of a closed set of names, in any case and in any of its other `spellings`
 * ("GraphML", "organization"), so every caller (CLI, REPL, window.kg) takes the same words.
 * @throws UsageError naming the nearest name and every allowed one.
 */
export function oneOf<T extends string>(what: string, value: string, allowed: readonly T[], spellings: Readonly<Record<string, T>> = {}): T {
  const key = foldCase(String(value).trim());
  const found = allowed.find((name) => name === key) ?? own(spellings, key);
  if (found !== undefined) return found;
  const guess = nearestName(key, [...allowed, ...Object.keys(spellings)]);
  const meant = guess === undefined ? undefined : (own(spellings, guess) ?? guess);
  throw new UsageError(`unknown ${what} "${value}"; ${meant === undefined ? '' : `did you mean "${meant}"? `}known: ${allowed.join(', ')}`);
}

/** An entity type from what a person types: "Person", "organization". */
export const entityTypeOf = (name: string): EntityType => oneOf('entity type', name, ENTITY_TYPES, ENTITY_TYPE_SPELLINGS);

/**
 * An entity type as the graph has it: ours in any of their spellings; an opened file's own
 * categories ("Mr. Hi") in any case, when the graph has such.
 */
function typeIn(graph: KgGraph): (name: string) => EntityType {
  const present = [...new Set(graph.mapNodes((_, a) => String(a.type)))];
  const others = present.filter((t) => !(ENTITY_TYPES as readonly string[]).includes(t));
  if (!others.length) return entityTypeOf;
  const allowed = [...ENTITY_TYPES, ...others.sort(compareText)];
  return (name) => {
    const key = foldCase(String(name).trim());
    // The graph's own names are data: compared folded, never used as keys.
    return (allowed.find((t) => foldCase(t) === key) ?? oneOf('entity type', name, allowed, ENTITY_TYPE_SPELLINGS)) as EntityType;
  };
}

/** A direction from what a person types: "out", "IN". */
export const directionOf = (name: string): Direction => oneOf('direction', name, DIRECTIONS);

/**
 * Checks that `options` is an object holding only `known` keys: a misspelt key ("dept") would
 * otherwise be ignored without a word, and the answer look right.
 * @throws UsageError naming the nearest known key.
 */
export function checkOptionNames(what: string, options: unknown, known: readonly string[]): void {
  if (options === undefined) return;
  if (options === null || typeof options !== 'object' || Array.isArray(options)) throw new UsageError(`${what}: options must be an object such as {${known.join(', ')}}`);
  for (const key of Object.keys(options)) {
    if (known.includes(key)) continue;
    const guess = nearestName(key, known);
    throw new UsageError(`${what}: unknown option "${key}"; ${guess === undefined ? '' : `did you mean "${guess}"? `}known: ${known.join(', ')}`);
  }
}

/** Checks options once at the boundary and normalises them: relation names to type ids, spellings of types and directions. */
export function resolveNeighbourOptions(graph: KgGraph, options: NeighbourOptions = {}) {
  checkOptionNames('neighbours', options, NEIGHBOUR_OPTION_NAMES);
  const depth = options.depth ?? NEIGHBOUR_DEFAULTS.depth;
  if (!Number.isInteger(depth) || depth < 1) throw new UsageError(`neighbours: depth must be a whole number >= 1, got ${depth}`);
  const direction = directionOf(options.direction ?? NEIGHBOUR_DEFAULTS.direction);
  const typeNames = listOf('types', options.types);
  const types = typeNames.length ? typeNames.map(typeIn(graph)) : [];
  const relations = listOf('relations', options.relations);
  return {
    depth,
    direction,
    // An empty list means "no filter", as leaving the option out does.
    relations: relations.length ? new Set(relations.map((r) => relationType(graph, r))) : undefined,
    types: types.length ? new Set(types) : undefined,
  };
}

/** A list option; one name alone is taken as a list of one (`types: "person"` in a console). */
function listOf(name: string, value: string | readonly string[] | undefined): readonly string[] {
  if (value === undefined || typeof value === 'string') return value === undefined ? [] : [value];
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) throw new UsageError(`neighbours: ${name} must be a list of names, such as ["${name === 'types' ? 'person' : 'invited to'}"]`);
  return value;
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
