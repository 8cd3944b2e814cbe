/**
 * The GraphML writer's key schema: which `<key>` each attribute gets (id, type), declared or
 * inferred from the values, as ./graphml.ts documents. Built once per document, as flat arrays
 * the writing loop indexes.
 */
import type { Attributes } from 'graphology-types';
import { isNmtoken } from './xml.ts';

export type GraphMLType = 'boolean' | 'int' | 'long' | 'float' | 'double' | 'string';
export interface GraphMLKey {
  name: string;
  type: GraphMLType;
}
export type Domain = 'node' | 'edge' | 'graph';
const TYPES: readonly GraphMLType[] = ['boolean', 'int', 'long', 'float', 'double', 'string'];

/** One domain's keys as parallel arrays, in the order their `<data>` elements are written. */
export interface KeySet {
  names: string[];
  ids: string[];
  types: GraphMLType[];
}

// Inference flags: which kinds of values an undeclared attribute has held.
const BOOL = 1;
const INT = 2;
const NUM = 4;
const OTHER = 8;

function kindOf(v: unknown): number {
  switch (typeof v) {
    case 'boolean':
      return BOOL;
    case 'number':
      return Number.isSafeInteger(v) ? INT : NUM;
    case 'bigint':
      return INT;
    default:
      return v == null ? 0 : OTHER;
  }
}

function inferredType(flags: number): GraphMLType {
  if (flags === BOOL) return 'boolean';
  if (flags === INT) return 'long';
  if (flags === NUM || flags === (INT | NUM)) return 'double';
  return 'string';
}

/**
 * Declared keys first (in the given order), then undeclared ones in order of first appearance
 * among `elements` (every element's attributes).
 */
export function collectKeys(domain: Domain, declared: GraphMLKey[] = [], elements: readonly Attributes[]) {
  const types = new Map<string, GraphMLType>();
  for (const { name, type } of declared) {
    if (!TYPES.includes(type)) throw new Error(`GraphML: ${domain} attribute "${name}" declared with unknown type "${type}"`);
    types.set(name, type);
  }
  const flags = new Map<string, number>();
  // Most elements have the attribute names of the one before, in the same order: an identity
  // check against those skips the map lookup, which costs more than the whole scan otherwise.
  const declaredBefore: (string | undefined)[] = [];
  for (const attrs of elements) {
    let j = 0;
    for (const name in attrs) {
      if (declaredBefore[j] === name) {
        j++;
        continue;
      }
      if (types.has(name)) {
        declaredBefore[j++] = name;
        continue;
      }
      declaredBefore[j++] = undefined;
      flags.set(name, (flags.get(name) ?? 0) | kindOf(attrs[name]));
    }
  }
  for (const [name, f] of flags) types.set(name, inferredType(f));
  for (const name of types.keys())
    if (!isNmtoken(name)) throw new Error(`GraphML: ${domain} attribute name ${JSON.stringify(name)} is not an XML NMTOKEN`);
  return types;
}

/**
 * Key ids: node keys use the attribute name; edge keys the name unless a node key has it (then
 * `e_<name>`), except `labelE`, which the edge key always keeps (TinkerPop reads edge labels from
 * it); graph keys the name if free, else `g_<name>`. A further clash gets `_2`, `_3`…
 */
export function assignIds(node: Map<string, GraphMLType>, edge: Map<string, GraphMLType>, graph: Map<string, GraphMLType>) {
  const used = new Set<string>();
  const claim = (wanted: string): string => {
    let id = wanted;
    for (let n = 2; used.has(id); n++) id = `${wanted}_${n}`;
    used.add(id);
    return id;
  };
  const labelE = edge.has('labelE') ? claim('labelE') : undefined;
  const ids = (types: Map<string, GraphMLType>, prefix: string) =>
    [...types.keys()].map((name) => (prefix === 'e_' && name === 'labelE' ? labelE! : claim(used.has(name) ? `${prefix}${name}` : name)));
  return { nodeKeys: keySet(node, ids(node, 'n_')), edgeKeys: keySet(edge, ids(edge, 'e_')), graphKeys: keySet(graph, ids(graph, 'g_')) };
}

function keySet(types: Map<string, GraphMLType>, ids: string[]): KeySet {
  return { names: [...types.keys()], ids, types: [...types.values()] };
}
