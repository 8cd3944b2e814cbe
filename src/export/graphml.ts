/**
 * GraphML writer for graphology graphs.
 *
 * graphology has no GraphML writer (graphology-graphml only exports `parse`), so this one is ours.
 * It is pure (no fs, no DOM) and streaming: `writeGraphML` yields UTF-8 chunks (Uint8Array) of
 * about `chunkSize` bytes, each ending at an element boundary, and never holds the whole document.
 * Fast because it writes bytes, not strings (./graphmlSink.ts says why and how; numbers by
 * ./doubleText.ts), reads elements in batches before writing them (`gather`), from a key schema
 * turned once into flat arrays (./graphmlKeys.ts); not generated code, which the explorer's
 * Content-Security-Policy (no 'unsafe-eval') would refuse.
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
import { assignIds, collectKeys, type Domain, type GraphMLKey, type GraphMLType, type KeySet } from './graphmlKeys.ts';
import { ByteSink, chunksText, markup, NUMBER_ROOM, type Markup } from './graphmlSink.ts';
import { escapeAttr } from './xml.ts';

export type { GraphMLKey, GraphMLType } from './graphmlKeys.ts';
export interface GraphMLOptions {
  /** Declared attribute types per domain; attributes not declared are inferred from values (all booleans -> boolean, all safe integers -> long, other numbers -> double, else string; arrays/objects -> JSON string). */
  node?: GraphMLKey[];
  edge?: GraphMLKey[];
  graph?: GraphMLKey[];
  /** Approximate bytes per yielded chunk (default 1 << 20). */
  chunkSize?: number;
}

/**
 * How a value is written, as a small integer so that the writing loop is one switch. Kept in this
 * module: read across modules under tsx (the bench), each would be a getter call per value.
 */
const STRING = 0;
const DOUBLE = 1;
const INTEGER = 2;
const LONG = 3;
const BOOLEAN = 4;
const KIND: Record<GraphMLType, number> = { string: STRING, double: DOUBLE, float: DOUBLE, int: INTEGER, long: LONG, boolean: BOOLEAN };

/**
 * A domain's keys as the writing loop reads them. Each `<data>` start tag is written together with
 * what comes before it: `">` ending the element's start tag for the first, the previous `</data>`
 * for the others (one copy per value instead of three). `room`: the bytes an element's data can
 * take besides its strings' 3 bytes per code unit.
 */
interface DataKeys extends KeySet {
  kinds: number[];
  firsts: Markup[];
  nexts: Markup[];
  room: number;
}
function dataKeys(keys: KeySet): DataKeys {
  const firsts = keys.ids.map((id) => markup(`"><data key="${id}">`));
  const nexts = keys.ids.map((id) => markup(`</data><data key="${id}">`));
  // A number, a boolean or an integer past 2^53 (at most 20 characters) fits in NUMBER_ROOM.
  const room = nexts.reduce((sum, m, k) => sum + Math.max(m.length, firsts[k]!.length) + NUMBER_ROOM, 0);
  return { ...keys, kinds: keys.types.map((t) => KIND[t]), firsts, nexts, room };
}

function fail(domain: Domain, id: string, keys: DataKeys, k: number, v: unknown, expected: string): never {
  const where = domain === 'graph' ? 'graph' : `${domain} "${id}"`;
  const shown = typeof v === 'string' ? JSON.stringify(v.slice(0, 40)) : String(v);
  throw new Error(`GraphML: ${where} attribute "${keys.names[k]}" is declared ${keys.types[k]} but holds ${shown} (${expected} expected)`);
}

const INT_MIN = -(2 ** 31);
const INT_MAX = 2 ** 31 - 1;

/** int/long beyond safe integers: a bigint, or a number that is whole but past 2^53. */
function bigInteger(keys: DataKeys, k: number, v: unknown, domain: Domain, id: string): string {
  const big = typeof v === 'bigint' ? v : typeof v === 'number' && Number.isInteger(v) ? BigInt(v) : undefined;
  const limit = keys.kinds[k] === INTEGER ? 2n ** 31n : 2n ** 63n;
  if (big === undefined || big < -limit || big >= limit) return fail(domain, id, keys, k, v, `an integer in ${keys.types[k]} range`);
  return big.toString();
}

const TRUE = markup('true');
const FALSE = markup('false');

/** Elements read per batch: enough to overlap their cache misses, few enough to stay in cache. */
const BATCH = 64;

/**
 * Reads the values of elements `from` to `from + count` (at most BATCH), in key order, into
 * `values` (the i-th element's from i * keys.length), and the UTF-16 length of each one's strings
 * into `lengths`, for the room to reserve. Read before anything is written, for two reasons: an
 * element then takes one bounds check, and reading a batch at once lets the processor wait for
 * the cache misses of many elements' attributes together (most of what is left of the time).
 */
function gather(keys: DataKeys, elements: readonly Attributes[], from: number, count: number, values: unknown[], lengths: Int32Array): void {
  const { names } = keys;
  const width = names.length;
  for (let i = 0; i < count; i++) {
    const attrs = elements[from + i]!;
    let length = 0;
    for (let k = 0, at = i * width; k < width; k++, at++) {
      const v: unknown = attrs[names[k]!];
      values[at] = v;
      if (typeof v === 'string') length += v.length;
    }
    lengths[i] = length;
  }
}

/**
 * The `<data>` elements of one element's gathered `values` (from `at`), in key order, after `">`
 * ending the start tag; returns false, writing nothing, if there are none. One switch on each
 * key's kind, in room reserved for them. Values:
 * booleans `true`/`false`; int/long as integers (else an Error naming element and attribute);
 * doubles as JavaScript's shortest round-trip text, `NaN`, `INF`, `-INF`, `-0`; strings escaped.
 */
function writeData(sink: ByteSink, keys: DataKeys, values: unknown[], at: number, domain: Domain, id: string): boolean {
  const { names, kinds, firsts, nexts } = keys;
  let any = false;
  for (let k = 0; k < names.length; k++) {
    const v = values[at + k];
    if (v === undefined || v === null || v === '') continue;
    sink.markup(any ? nexts[k]! : firsts[k]!);
    any = true;
    switch (kinds[k]) {
      case STRING:
        if (typeof v === 'string') sink.text(v);
        else {
          // Not counted when the room was reserved.
          const s = typeof v === 'object' ? (JSON.stringify(v) ?? String(v)) : String(v);
          sink.extend(3 * s.length);
          sink.text(s);
        }
        break;
      case DOUBLE:
        if (typeof v !== 'number') fail(domain, id, keys, k, v, 'a number');
        if (v === 0) sink.plain(1 / v < 0 ? '-0' : '0');
        else if (v - v === 0) sink.number(v);
        else sink.plain(v !== v ? 'NaN' : v > 0 ? 'INF' : '-INF');
        break;
      case INTEGER:
        if (typeof v === 'number' && Number.isSafeInteger(v) && v >= INT_MIN && v <= INT_MAX) sink.number(v);
        else sink.plain(bigInteger(keys, k, v, domain, id));
        break;
      case LONG:
        if (typeof v === 'number' && Number.isSafeInteger(v)) sink.number(v);
        else sink.plain(bigInteger(keys, k, v, domain, id));
        break;
      case BOOLEAN:
        sink.markup(v === true ? TRUE : v === false ? FALSE : fail(domain, id, keys, k, v, 'a boolean'));
        break;
    }
  }
  return any;
}

/** Writes an id, which must be an XML NMTOKEN. */
function writeId(sink: ByteSink, what: string, id: string): void {
  if (!sink.name(id)) throw new Error(`GraphML: ${what} id ${JSON.stringify(id)} is not an XML NMTOKEN (use slug ids)`);
}

const NODE_OPEN = markup('    <node id="');
const EDGE_OPEN = markup('    <edge id="');
const SOURCE = markup('" source="');
const TARGET = markup('" target="');
// The start tag's last attribute value is closed with what follows it: `"/>` or `"><data…`.
const UNDIRECTED = markup('" directed="false');
const EMPTY_END = markup('"/>\n');
const NODE_END = markup('</data></node>\n');
const EDGE_END = markup('</data></edge>\n');
const INDENT = markup('    ');
const GRAPH_DATA_END = markup('</data>\n');
const DOCUMENT_END = markup('  </graph>\n</graphml>\n');
const NODE_ROOM = NODE_OPEN.length + Math.max(NODE_END.length, EMPTY_END.length);
const EDGE_ROOM = EDGE_OPEN.length + SOURCE.length + TARGET.length + UNDIRECTED.length + Math.max(EDGE_END.length, EMPTY_END.length);

/** `n` empty slots to fill by index: half the time of pushing, at half a million edges. */
// oxlint-disable-next-line unicorn/no-new-array
const slots = <T>(n: number): T[] => new Array<T>(n);

/**
 * Streams `graph` as a GraphML document, in UTF-8 chunks of about `options.chunkSize` bytes.
 * Lazy like any generator: attribute names and types are checked on the first `next()`, ids as
 * elements are reached, so an error can come after some chunks (write to a temp file, then rename).
 */
export function* writeGraphML(graph: AbstractGraph, options: GraphMLOptions = {}): Generator<Uint8Array<ArrayBuffer>> {
  const sink = new ByteSink(Math.max(1, options.chunkSize ?? 1 << 20));
  // One walk over each kind of element, keeping what the writing loops read (key, attributes,
  // ends) in flat arrays: a generator cannot yield inside forEachEdge, and graphology's entry
  // iterators cost twice that walk again per element. The key types are inferred from them after.
  const nodes = slots<string>(graph.order);
  const nodeAttributes = slots<Attributes>(graph.order);
  const edges = slots<string>(graph.size);
  const edgeAttributes = slots<Attributes>(graph.size);
  const sources = slots<string>(graph.size);
  const targets = slots<string>(graph.size);
  const mixed = graph.type === 'mixed';
  const undirectedEdges = slots<boolean>(mixed ? graph.size : 0);
  let n = 0;
  graph.forEachNode((node, a) => {
    nodes[n] = node;
    nodeAttributes[n++] = a;
  });
  let e = 0;
  graph.forEachEdge((edge, a, source, target, _s, _t, undirected) => {
    edges[e] = edge;
    edgeAttributes[e] = a;
    sources[e] = source;
    targets[e] = target;
    if (mixed) undirectedEdges[e] = undirected;
    e++;
  });
  const graphAttributes = graph.getAttributes();
  const { nodeKeys, edgeKeys, graphKeys } = assignIds(
    collectKeys('node', options.node, nodeAttributes),
    collectKeys('edge', options.edge, edgeAttributes),
    collectKeys('graph', options.graph, [graphAttributes]),
  );
  const [nodeData, edgeData, graphData] = [nodeKeys, edgeKeys, graphKeys].map(dataKeys) as [DataKeys, DataKeys, DataKeys];

  let head =
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns"' +
    ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"' +
    ' xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n';
  for (const [domain, keys] of [['node', nodeKeys], ['edge', edgeKeys], ['graph', graphKeys]] as const)
    for (let k = 0; k < keys.names.length; k++)
      head += `  <key id="${keys.ids[k]}" for="${domain}" attr.name="${escapeAttr(keys.names[k]!)}" attr.type="${keys.types[k]}"/>\n`;
  head += `  <graph id="G" edgedefault="${graph.type === 'undirected' ? 'undirected' : 'directed'}">\n`;
  const headMarkup = markup(head);
  sink.reserve(headMarkup.length);
  sink.markup(headMarkup);
  // The graph's data, if any, goes on a line of its own: written as an element's would be, less
  // the `">` that would end its start tag.
  const values: unknown[] = [];
  const lengths = new Int32Array(BATCH);
  const line = new ByteSink(1 << 10);
  gather(graphData, [graphAttributes], 0, 1, values, lengths);
  line.reserve(graphData.room + GRAPH_DATA_END.length + 3 * lengths[0]!);
  if (writeData(line, graphData, values, 0, 'graph', 'G')) {
    line.markup(GRAPH_DATA_END);
    sink.reserve(INDENT.length);
    sink.markup(INDENT);
    sink.bytes(line.take().subarray(2));
  }

  const nodeRoom = NODE_ROOM + nodeData.room;
  const nodeWidth = nodeData.names.length;
  for (let from = 0; from < nodes.length; from += BATCH) {
    const count = Math.min(BATCH, nodes.length - from);
    gather(nodeData, nodeAttributes, from, count, values, lengths);
    for (let i = 0; i < count; i++) {
      const node = nodes[from + i]!;
      sink.reserve(nodeRoom + 3 * (node.length + lengths[i]!));
      sink.markup(NODE_OPEN);
      writeId(sink, 'node', node);
      sink.markup(writeData(sink, nodeData, values, i * nodeWidth, 'node', node) ? NODE_END : EMPTY_END);
      if (sink.full) yield sink.take();
    }
  }

  // Sources and targets are node ids, checked above.
  const edgeRoom = EDGE_ROOM + edgeData.room;
  const edgeWidth = edgeData.names.length;
  for (let from = 0; from < edges.length; from += BATCH) {
    const count = Math.min(BATCH, edges.length - from);
    gather(edgeData, edgeAttributes, from, count, values, lengths);
    for (let i = 0; i < count; i++) {
      const j = from + i;
      const edge = edges[j]!;
      const source = sources[j]!;
      const target = targets[j]!;
      sink.reserve(edgeRoom + 3 * (edge.length + source.length + target.length + lengths[i]!));
      sink.markup(EDGE_OPEN);
      writeId(sink, 'edge', edge);
      sink.markup(SOURCE);
      sink.plain(source);
      sink.markup(TARGET);
      sink.plain(target);
      if (mixed && undirectedEdges[j]) sink.markup(UNDIRECTED);
      sink.markup(writeData(sink, edgeData, values, i * edgeWidth, 'edge', edge) ? EDGE_END : EMPTY_END);
      if (sink.full) yield sink.take();
    }
  }

  sink.reserve(DOCUMENT_END.length);
  sink.markup(DOCUMENT_END);
  yield sink.take();
}

/** The whole document as one string (decodes the chunks): for small graphs and tests. */
export const graphMLString = (graph: AbstractGraph, options?: GraphMLOptions): string => chunksText(writeGraphML(graph, options));
