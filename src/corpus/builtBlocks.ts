import { MultiDirectedGraph } from 'graphology';
import type { SerializedGraph } from 'graphology-types';
import type { KgEdgeAttributes, KgGraph, KgGraphAttributes, KgNodeAttributes, Mention, Scalar, Span, Vocabulary } from '../model/types.ts';
import { BUILT_FORMAT, type BuiltArticle } from './built.ts';
import { derivedRelationId } from './relationIds.ts';

/**
 * A built graph cut up for queries about one entity: a header with every entity's name, type and
 * description, then one block per entity holding its relations at either end (so a relation is in
 * two blocks), then its mentions and articles. `kg neighbours X` reads the header and the
 * relations of the entities it walks instead of the whole graph, and `kg show X` the mentions of
 * X too: on a 1,000-article corpus, parsing the whole graph took twice Node's own start-up. Bytes
 * in, bytes out; the shell does the reading.
 *
 * A relation is packed as a tuple (PackedRelation): its type, label and inverse and its article
 * by index into the header's tables, its key left out where the builder's rule derives it. The
 * hub of a corpus is in hundreds of articles: written out as objects, Starmer's 4,286 relations
 * took 2 MB, most of it keys and slugs repeated, and parsing them was a third of the query.
 *
 * Layout: the header's length in bytes (decimal, HEADER_DIGITS wide), a newline, the header (JSON),
 * then the blocks back to back, at the offsets the header gives from the end of the header; each
 * block is two JSON texts, its relations (an array of PackedRelation) and its mentions (BlockMentions).
 * Every character past ASCII is written as a JSON escape, so the file is ASCII and a reader may
 * take its bytes as Latin-1: a copy, where decoding UTF-8 cost as much as parsing.
 */
export const BLOCKS_FORMAT = 2;
export const HEADER_DIGITS = 12;

type Heavy = 'mentions' | 'articles';
export type LightNode = Omit<KgNodeAttributes, Heavy>;

export interface BlocksHeader {
  format: typeof BLOCKS_FORMAT;
  built: typeof BUILT_FORMAT;
  /** Whatever identifies the build this was cut from; a reader compares it with its own. */
  key: string;
  /** The article's text; empty for the corpus, as in the built view. */
  text: string;
  vocabulary: Vocabulary;
  options: SerializedGraph['options'];
  attributes: KgGraphAttributes;
  nodes: [key: string, attributes: LightNode][];
  /** Every [relation, label, inverse] the relations carry, which a packed relation names by index. */
  relationTypes: [relation: string, label: string, inverse: string][];
  /** Every article a relation comes from, which a packed relation names by index. */
  articles: string[];
  /** Per node, in `nodes` order: where its block is, in bytes from the end of the header, and the lengths of its two parts. */
  blocks: [offset: number, relations: number, mentions: number][];
}

/**
 * One relation in the block of one of its ends: its place in the whole graph's edge order (so a
 * part is built in the same order as the whole), its key (0: the one relationKey derives), 1
 * when this end is its source, the other end (index into the header's nodes), its type (index
 * into relationTypes), its evidence, its article (index, or -1), its qualifiers (0: none), and
 * any other attributes (0: none).
 */
export type PackedRelation = [
  order: number,
  key: string | 0,
  out: 0 | 1,
  other: number,
  type: number,
  start: number,
  end: number,
  text: string,
  article: number,
  qualifiers: Record<string, Scalar> | 0,
  rest: Record<string, unknown> | 0,
];

export interface BlockMentions {
  mentions: Mention[];
  articles?: string[];
}

/** The block reader a query passes in: the relations or the mentions part of the header's node at `index`, parsed. */
export type BlockReader = (index: number, part: 'relations' | 'mentions') => unknown;

/** The key the builder gives a relation of this triple (corpus/relationIds.ts), first of its kind; others are written out. */
const relationKey = (source: string, relation: string, target: string, article: string | undefined) =>
  `${article === undefined ? '' : `${article}:`}${derivedRelationId(source, relation, target)}`;

const isSpan = (e: unknown): e is Span => {
  if (!isRecord(e)) return false;
  const keys = Object.keys(e);
  return keys.length === 3 && keys[0] === 'start' && keys[1] === 'end' && keys[2] === 'text' && Number.isSafeInteger(e.start) && Number.isSafeInteger(e.end) && typeof e.text === 'string';
};

// oxlint-disable-next-line no-control-regex -- the range is everything past ASCII
const NON_ASCII = /[^\x00-\x7f]/g;
/** JSON text in ASCII: the same value, parsed. */
const asciiJson = (value: unknown) => JSON.stringify(value).replace(NON_ASCII, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/** Tables of strings by index, filled as they are met. */
function table<T>(id: (value: T) => string) {
  const at = new Map<string, number>();
  const values: T[] = [];
  return {
    values,
    index(value: T): number {
      const k = id(value);
      let i = at.get(k);
      if (i === undefined) at.set(k, (i = values.push(value) - 1));
      return i;
    },
  };
}

/** The blocks file of a built view, as byte chunks to write in order. */
export function encodeBlocks(built: BuiltArticle, key: string): Uint8Array[] {
  const encoder = new TextEncoder();
  const nodes = built.graph.nodes;
  const at = new Map(nodes.map((n, i) => [n.key, i]));
  const types = table<[string, string, string]>((t) => JSON.stringify(t));
  const articles = table<string>((a) => a);
  const incident: PackedRelation[][] = nodes.map(() => []);
  built.graph.edges.forEach((edge, i) => {
    const source = at.get(edge.source);
    const target = at.get(edge.target);
    if (source === undefined || target === undefined) throw new Error(`relation ${edge.key ?? ''} names an entity the graph lacks`);
    if (edge.undirected) throw new Error(`relation ${edge.key ?? ''} is undirected: a built view has none`);
    const { relation, label, inverse, evidence, qualifiers, article, ...rest } = edge.attributes!;
    const span = isSpan(evidence);
    const packed = (out: 0 | 1): PackedRelation => [
      i,
      edge.key === relationKey(edge.source, relation, edge.target, article) ? 0 : edge.key!,
      out,
      out ? target : source,
      types.index([relation, label, inverse]),
      span ? evidence.start : 0,
      span ? evidence.end : 0,
      span ? evidence.text : '',
      article === undefined ? -1 : articles.index(article),
      Object.keys(qualifiers).length ? qualifiers : 0,
      span && Object.keys(rest).length === 0 ? 0 : { ...rest, ...(span ? {} : { evidence }) },
    ];
    incident[source]!.push(packed(1));
    if (target !== source) incident[target]!.push(packed(0));
  });
  const light: BlocksHeader['nodes'] = [];
  const bodies: Uint8Array[] = [];
  const offsets: BlocksHeader['blocks'] = [];
  let offset = 0;
  nodes.forEach((node, i) => {
    const { mentions, articles: appearsIn, ...rest } = node.attributes!;
    light.push([node.key, rest]);
    const relations = encoder.encode(asciiJson(incident[i]));
    const heavy: BlockMentions = { mentions, ...(appearsIn === undefined ? {} : { articles: appearsIn }) };
    const mentionBytes = encoder.encode(asciiJson(heavy));
    offsets.push([offset, relations.length, mentionBytes.length]);
    offset += relations.length + mentionBytes.length;
    bodies.push(relations, mentionBytes);
  });
  const header: BlocksHeader = {
    format: BLOCKS_FORMAT,
    built: BUILT_FORMAT,
    key,
    text: built.text,
    vocabulary: built.vocabulary,
    options: built.graph.options,
    attributes: built.graph.attributes ?? ({} as KgGraphAttributes),
    nodes: light,
    relationTypes: types.values,
    articles: articles.values,
    blocks: offsets,
  };
  const headerBytes = encoder.encode(asciiJson(header));
  return [encoder.encode(`${String(headerBytes.length).padStart(HEADER_DIGITS, '0')}\n`), headerBytes, ...bodies];
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The header if `value` is one cut from the build `key`; anything else is undefined (a stale or broken file). */
export function asHeader(value: unknown, key: string): BlocksHeader | undefined {
  if (!isRecord(value) || value.format !== BLOCKS_FORMAT || value.built !== BUILT_FORMAT || value.key !== key || typeof value.text !== 'string') return undefined;
  const { nodes, blocks, vocabulary, relationTypes, articles } = value;
  if (!Array.isArray(nodes) || !Array.isArray(blocks) || nodes.length !== blocks.length || !isRecord(vocabulary)) return undefined;
  const counts = (p: unknown) => Array.isArray(p) && p.length === 3 && p.every((n) => Number.isSafeInteger(n) && (n as number) >= 0);
  const strings = (p: unknown, length?: number) => Array.isArray(p) && (length === undefined || p.length === length) && p.every((s) => typeof s === 'string');
  if (!blocks.every(counts) || !nodes.every((n) => Array.isArray(n) && typeof n[0] === 'string' && isRecord(n[1]))) return undefined;
  if (!strings(articles) || !Array.isArray(relationTypes) || !relationTypes.every((t) => strings(t, 3))) return undefined;
  return value as unknown as BlocksHeader;
}

const index = (i: unknown, length: number): i is number => Number.isSafeInteger(i) && (i as number) >= 0 && (i as number) < length;

/** Thrown for a block that is not what the header says: the caller reads the whole build instead. */
const broken = (what: string): never => {
  throw new Error(`blocks file: ${what}`);
};

/** A block's mentions part, checked. */
export function asMentions(value: unknown): BlockMentions {
  if (!isRecord(value) || !Array.isArray(value.mentions) || (value.articles !== undefined && !Array.isArray(value.articles))) return broken('not a mentions part');
  return value as unknown as BlockMentions;
}

/**
 * A packed relation back as the edge it was, seen from `node`; any field out of place throws.
 * Indexed, not destructured, and built as one literal: this runs for each of a hub's thousands
 * of relations before the JIT has warmed up, where each spread and iterator step costs.
 */
interface Unpacked {
  order: number;
  key: string;
  source: string;
  target: string;
  attributes: KgEdgeAttributes;
}

function unpack(header: BlocksHeader, node: string, value: unknown): Unpacked {
  if (!Array.isArray(value) || value.length !== 11) return broken('not a packed relation');
  const t = value as PackedRelation;
  const order = t[0];
  const key = t[1];
  const out = t[2];
  const article = t[8];
  // Indexes are checked as indexes: a tampered file's "constructor" would find Array's.
  const other = index(t[3], header.nodes.length) ? header.nodes[t[3]] : undefined;
  const triple = index(t[4], header.relationTypes.length) ? header.relationTypes[t[4]] : undefined;
  const slug = article === -1 ? undefined : index(article, header.articles.length) ? header.articles[article] : null;
  const start = t[5];
  const end = t[6];
  const text = t[7];
  const qualifiers = t[9];
  const rest = t[10];
  if (!Number.isSafeInteger(order) || other === undefined || triple === undefined || slug === null || (out !== 0 && out !== 1)) return broken('a relation names what the header lacks');
  if (typeof key !== 'string' && key !== 0) return broken('a relation key is not a string');
  if (typeof text !== 'string' || !Number.isSafeInteger(start) || !Number.isSafeInteger(end)) return broken('a relation has no evidence');
  if ((qualifiers !== 0 && !isRecord(qualifiers)) || (rest !== 0 && !isRecord(rest))) return broken('a relation has bad attributes');
  const relation = triple[0];
  const source = out === 1 ? node : other[0];
  const target = out === 1 ? other[0] : node;
  const attributes: KgEdgeAttributes = { relation, label: triple[1], inverse: triple[2], evidence: { start, end, text }, qualifiers: qualifiers === 0 ? {} : qualifiers };
  if (slug !== undefined) attributes.article = slug;
  // Defined, not assigned: a key `__proto__` in a tampered file stays a key.
  if (rest !== 0) for (const k of Object.keys(rest)) Object.defineProperty(attributes, k, { value: rest[k], enumerable: true, writable: true, configurable: true });
  return { order, key: key === 0 ? relationKey(source, relation, target, slug) : key, source, target, attributes };
}

/**
 * A graph holding every entity (name, type and description; no mentions) and no relations yet:
 * enough to resolve a name, then grown with `growNeighbourhood`.
 */
export function skeletonGraph(header: BlocksHeader): KgGraph {
  return MultiDirectedGraph.from({
    options: header.options,
    attributes: header.attributes,
    nodes: header.nodes.map(([key, attributes]) => ({ key, attributes: attributes as KgNodeAttributes })),
    edges: [],
  }) as KgGraph;
}

/**
 * Adds what a query about `seed` needs: the relations of the entities within `levels - 1` hops
 * of it, so that every relation of those is there, in the same order as in the whole graph (the
 * queries' answers, ties included, come out the same), and with `mentions` their mentions and
 * articles too (`kg show`; `kg neighbours` has no use for them). `read` gives a part of the
 * block of the header's node at an index; an unusable one throws.
 */
export function growNeighbourhood(graph: KgGraph, header: BlocksHeader, read: BlockReader, seed: string, levels: number, mentions = true): void {
  const index = new Map(header.nodes.map(([key], i) => [key, i]));
  const edges = new Map<number, Unpacked>();
  const loaded = new Set<string>();
  let frontier = [seed];
  for (let level = 0; level < levels && frontier.length > 0; level++) {
    const next: string[] = [];
    for (const node of frontier) {
      const at = index.get(node);
      if (loaded.has(node) || at === undefined) continue;
      loaded.add(node);
      if (mentions) {
        const heavy = asMentions(read(at, 'mentions'));
        graph.mergeNodeAttributes(node, { mentions: heavy.mentions, ...(heavy.articles === undefined ? {} : { articles: heavy.articles }) });
      }
      const packed = read(at, 'relations');
      if (!Array.isArray(packed)) broken('not a relations part');
      for (const value of packed as unknown[]) {
        // Each relation is in the blocks of both its ends: the first one read stands.
        const seen = Array.isArray(value) ? edges.get(value[0] as number) : undefined;
        const edge = seen ?? unpack(header, node, value);
        if (!seen) edges.set(edge.order, edge);
        next.push(edge.source === node ? edge.target : edge.source);
      }
    }
    frontier = next;
  }
  // Straight in, in the whole graph's order: graph.import would check every edge's shape again.
  for (const order of [...edges.keys()].sort((a, b) => a - b)) {
    const { key, source, target, attributes } = edges.get(order)!;
    graph.addDirectedEdgeWithKey(key, source, target, attributes);
  }
}
