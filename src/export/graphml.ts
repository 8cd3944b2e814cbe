/**
 * GraphML writer for graphology graphs.
 *
 * graphology has no GraphML writer (graphology-graphml only exports `parse`), so this one is ours.
 * It is pure (no fs, no DOM) and streaming: `writeGraphML` yields chunks of about `chunkSize`
 * characters and never holds the whole document.
 *
 * Contract:
 * - One `<key>` per attribute per domain, `for="node" | "edge" | "graph"` (never `all`), typed with
 *   one of the six GraphML types. Declared types win; undeclared attributes are inferred from their
 *   values: all booleans -> boolean, all safe integers -> long, other numbers -> double, anything
 *   else -> string (arrays and objects as JSON). JavaScript cannot tell 1.0 from 1: declare
 *   float/double attributes whose values may be whole.
 * - Key ids: node keys use the attribute name (Gephi's label/x/y/size/r/g/b, TinkerPop's labelV);
 *   edge keys the name unless a node key has it (then `e_<name>`), except `labelE`, which the edge
 *   key always keeps; graph keys the name if free, else `g_<name>`. A further clash gets `_2`, `_3`…
 * - Attribute names, node ids and edge keys must be XML NMTOKENs (slug ids): anything else throws
 *   an Error naming it. Nothing is renamed silently.
 * - Values: booleans `true`/`false`; int/long as integers (a non-integer throws, naming the element
 *   and attribute); doubles as JS shortest round-trip text, `NaN`, `INF`, `-INF`, `-0`;
 *   undefined/null omitted. Text is escaped and sanitised as described in ./xml.ts.
 * - An empty string is omitted too, like a missing value. No reader can keep it apart: NetworkX
 *   reads `<data></data>` as no value (and a key `<default></default>` as the string "None", without
 *   applying it to elements), igraph has no missing strings and gives "" for any, graphology-graphml
 *   would give "". Omitted, NetworkX and graphology-graphml both see no value and igraph "":
 *   read a missing string as "". GEXF (graphology-gexf) omits empty values the same way.
 */
import type { AbstractGraph, Attributes } from 'graphology-types';
import { escapeAttr, escapeText, isNmtoken } from './xml.ts';

export type GraphMLType = 'boolean' | 'int' | 'long' | 'float' | 'double' | 'string';
export interface GraphMLKey {
  name: string;
  type: GraphMLType;
}
export interface GraphMLOptions {
  /** Declared attribute types per domain; attributes not declared are inferred from values (all booleans -> boolean, all safe integers -> long, other numbers -> double, else string; arrays/objects -> JSON string). */
  node?: GraphMLKey[];
  edge?: GraphMLKey[];
  graph?: GraphMLKey[];
  /** Approximate characters per yielded chunk (default 1 << 20). */
  chunkSize?: number;
}

type Domain = 'node' | 'edge' | 'graph';
const TYPES: readonly GraphMLType[] = ['boolean', 'int', 'long', 'float', 'double', 'string'];

/** A key as written: `open` is the precomputed `<data key="…">` tag. */
interface Key {
  name: string;
  id: string;
  type: GraphMLType;
  open: string;
  format: Format;
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

/** Declared keys first (in the given order), then undeclared ones in order of first appearance. */
function collectKeys(domain: Domain, declared: GraphMLKey[] = [], scan: (visit: (a: Attributes) => void) => void) {
  const types = new Map<string, GraphMLType>();
  for (const { name, type } of declared) {
    if (!TYPES.includes(type)) throw new Error(`GraphML: ${domain} attribute "${name}" declared with unknown type "${type}"`);
    types.set(name, type);
  }
  const flags = new Map<string, number>();
  scan((attrs) => {
    for (const name in attrs) {
      if (types.has(name)) continue;
      flags.set(name, (flags.get(name) ?? 0) | kindOf(attrs[name]));
    }
  });
  for (const [name, f] of flags) types.set(name, inferredType(f));
  for (const name of types.keys())
    if (!isNmtoken(name)) throw new Error(`GraphML: ${domain} attribute name ${JSON.stringify(name)} is not an XML NMTOKEN`);
  return types;
}

function assignIds(node: Map<string, GraphMLType>, edge: Map<string, GraphMLType>, graph: Map<string, GraphMLType>) {
  const used = new Set<string>();
  const claim = (wanted: string): string => {
    let id = wanted;
    for (let n = 2; used.has(id); n++) id = `${wanted}_${n}`;
    used.add(id);
    return id;
  };
  const make = (name: string, id: string, type: GraphMLType): Key => ({
    name,
    id,
    type,
    open: `<data key="${id}">`,
    format: FORMAT[type],
  });
  // TinkerPop reads edge labels from the key with id `labelE`: the edge key keeps it.
  const labelE = edge.has('labelE') ? make('labelE', claim('labelE'), edge.get('labelE')!) : undefined;
  const nodeKeys = [...node].map(([name, t]) => make(name, claim(used.has(name) ? `n_${name}` : name), t));
  const edgeKeys = [...edge].map(([name, t]) =>
    name === 'labelE' ? labelE! : make(name, claim(used.has(name) ? `e_${name}` : name), t),
  );
  const graphKeys = [...graph].map(([name, t]) => make(name, claim(used.has(name) ? `g_${name}` : name), t));
  return { nodeKeys, edgeKeys, graphKeys };
}

function fail(domain: Domain, id: string, key: Key, v: unknown, expected: string): never {
  const where = domain === 'graph' ? 'graph' : `${domain} "${id}"`;
  const shown = typeof v === 'string' ? JSON.stringify(v.slice(0, 40)) : String(v);
  throw new Error(`GraphML: ${where} attribute "${key.name}" is declared ${key.type} but holds ${shown} (${expected} expected)`);
}

const INT_MIN = -(2 ** 31);
const INT_MAX = 2 ** 31 - 1;
const LONG_LIMIT = 2n ** 63n;

type Format = (key: Key, v: unknown, domain: Domain, id: string) => string;

function formatDouble(key: Key, v: unknown, domain: Domain, id: string): string {
  if (typeof v !== 'number') return fail(domain, id, key, v, 'a number');
  if (v - v === 0) return v === 0 && 1 / v < 0 ? '-0' : '' + v; // finite
  return v !== v ? 'NaN' : v > 0 ? 'INF' : '-INF';
}

function formatInteger(key: Key, v: unknown, domain: Domain, id: string): string {
  if (typeof v === 'number' && Number.isSafeInteger(v) && (key.type === 'long' || (v >= INT_MIN && v <= INT_MAX)))
    return '' + v;
  const big = typeof v === 'bigint' ? v : typeof v === 'number' && Number.isInteger(v) ? BigInt(v) : undefined;
  const limit = key.type === 'int' ? 2n ** 31n : LONG_LIMIT;
  if (big === undefined || big < -limit || big >= limit) return fail(domain, id, key, v, `an integer in ${key.type} range`);
  return big.toString();
}

/** Value formatters by type, chosen once per key. Each throws an Error naming element and attribute. */
const FORMAT: Record<GraphMLType, Format> = {
  string: (_k, v) =>
    escapeText(typeof v === 'string' ? v : typeof v === 'object' ? (JSON.stringify(v) ?? String(v)) : String(v)),
  double: formatDouble,
  float: formatDouble,
  boolean: (key, v, domain, id) => (v === true ? 'true' : v === false ? 'false' : fail(domain, id, key, v, 'a boolean')),
  int: formatInteger,
  long: formatInteger,
};

/** `<data>` elements for `attrs`, in the precomputed key order. */
function dataOf(keys: Key[], attrs: Attributes, domain: Domain, id: string): string {
  let s = '';
  for (let k = 0; k < keys.length; k++) {
    const key = keys[k]!;
    const v = attrs[key.name];
    if (v === undefined || v === null || v === '') continue;
    s += key.open + key.format(key, v, domain, id) + '</data>';
  }
  return s;
}

function checkId(what: string, id: string): string {
  if (!isNmtoken(id)) throw new Error(`GraphML: ${what} id ${JSON.stringify(id)} is not an XML NMTOKEN (use slug ids)`);
  return id;
}

/**
 * Streams `graph` as a GraphML document, in chunks of about `options.chunkSize` characters.
 * Lazy like any generator: attribute names and types are checked on the first `next()`, ids as
 * elements are reached, so an error can come after some chunks (write to a temp file, then rename).
 */
export function* writeGraphML(graph: AbstractGraph, options: GraphMLOptions = {}): Generator<string> {
  const chunkSize = Math.max(1, options.chunkSize ?? 1 << 20);
  // One pass over each kind of element: the key types are inferred from it, and what the writing
  // loop reads (key, attributes, ends) is kept in flat arrays. A generator cannot yield inside
  // forEachEdge, and graphology's entry iterators cost twice that pass again per element.
  const nodes: string[] = [];
  const nodeAttributes: Attributes[] = [];
  const edges: string[] = [];
  const edgeAttributes: Attributes[] = [];
  const sources: string[] = [];
  const targets: string[] = [];
  const undirectedEdges: boolean[] = [];
  const { nodeKeys, edgeKeys, graphKeys } = assignIds(
    collectKeys('node', options.node, (visit) =>
      graph.forEachNode((node, a) => {
        nodes.push(node);
        nodeAttributes.push(a);
        visit(a);
      }),
    ),
    collectKeys('edge', options.edge, (visit) =>
      graph.forEachEdge((edge, a, source, target, _s, _t, undirected) => {
        edges.push(edge);
        edgeAttributes.push(a);
        sources.push(source);
        targets.push(target);
        undirectedEdges.push(undirected);
        visit(a);
      }),
    ),
    collectKeys('graph', options.graph, (visit) => visit(graph.getAttributes())),
  );

  let out =
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns"' +
    ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"' +
    ' xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n';
  for (const [domain, keys] of [['node', nodeKeys], ['edge', edgeKeys], ['graph', graphKeys]] as const)
    for (const k of keys)
      out += `  <key id="${k.id}" for="${domain}" attr.name="${escapeAttr(k.name)}" attr.type="${k.type}"/>\n`;

  const mixed = graph.type === 'mixed';
  out += `  <graph id="G" edgedefault="${graph.type === 'undirected' ? 'undirected' : 'directed'}">\n`;
  const graphData = dataOf(graphKeys, graph.getAttributes(), 'graph', 'G');
  if (graphData) out += `    ${graphData}\n`;

  for (let i = 0; i < nodes.length; i++) {
    const node = checkId('node', nodes[i]!);
    const data = dataOf(nodeKeys, nodeAttributes[i]!, 'node', node);
    out += data ? `    <node id="${node}">${data}</node>\n` : `    <node id="${node}"/>\n`;
    if (out.length >= chunkSize) {
      yield out;
      out = '';
    }
  }

  // Sources and targets are node ids, already checked above.
  for (let i = 0; i < edges.length; i++) {
    const edge = checkId('edge', edges[i]!);
    const data = dataOf(edgeKeys, edgeAttributes[i]!, 'edge', edge);
    const head = `    <edge id="${edge}" source="${sources[i]}" target="${targets[i]}"${mixed && undirectedEdges[i] ? ' directed="false"' : ''}`;
    out += data ? `${head}>${data}</edge>\n` : `${head}/>\n`;
    if (out.length >= chunkSize) {
      yield out;
      out = '';
    }
  }

  yield out + '  </graph>\n</graphml>\n';
}

/** The whole document as one string (joins the chunks): for small graphs and tests. */
export function graphMLString(graph: AbstractGraph, options?: GraphMLOptions): string {
  let s = '';
  for (const chunk of writeGraphML(graph, options)) s += chunk;
  return s;
}
