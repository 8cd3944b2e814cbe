import { MultiDirectedGraph } from 'graphology';
import type { SerializedEdge, SerializedGraph } from 'graphology-types';
import type { KgEdgeAttributes, KgGraph, KgGraphAttributes, KgNodeAttributes, Mention, Vocabulary } from '../model/types.ts';
import { BUILT_FORMAT, type BuiltArticle } from './built.ts';

/**
 * A built graph cut up for queries about one entity: a header with every entity's name, type and
 * description, then one block per entity holding its mentions, its articles and every relation at
 * either end (so a relation is in two blocks). `kg neighbours X` reads the header and the blocks it
 * walks instead of the whole graph: on a 1,000-article corpus, parsing the whole graph took twice
 * Node's own start-up. Bytes in, bytes out; the shell does the reading.
 *
 * Layout: the header's length in bytes (decimal, HEADER_DIGITS wide), a newline, the header (JSON),
 * then the blocks (JSON each) back to back, at the offsets the header gives from the end of the header.
 */
export const BLOCKS_FORMAT = 1;
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
  /** Per node, in `nodes` order: [offset, length] in bytes from the end of the header. */
  blocks: [offset: number, length: number][];
}

export interface Block {
  mentions: Mention[];
  articles?: string[];
  edges: SerializedEdge<KgEdgeAttributes>[];
  /** Each edge's place in the whole graph's edge order, so a part is built in the same order as the whole. */
  order: number[];
}

/** The blocks file of a built view, as byte chunks to write in order. */
export function encodeBlocks(built: BuiltArticle, key: string): Uint8Array[] {
  const encoder = new TextEncoder();
  const nodes = built.graph.nodes;
  const at = new Map(nodes.map((n, i) => [n.key, i]));
  const incident: Pick<Block, 'edges' | 'order'>[] = nodes.map(() => ({ edges: [], order: [] }));
  built.graph.edges.forEach((edge, i) => {
    const ends = new Set([at.get(edge.source), at.get(edge.target)]);
    for (const end of ends) {
      if (end === undefined) throw new Error(`relation ${edge.key ?? ''} names an entity the graph lacks`);
      incident[end]!.edges.push(edge);
      incident[end]!.order.push(i);
    }
  });
  const light: BlocksHeader['nodes'] = [];
  const bodies: Uint8Array[] = [];
  const offsets: BlocksHeader['blocks'] = [];
  let offset = 0;
  nodes.forEach((node, i) => {
    const { mentions, articles, ...rest } = node.attributes!;
    light.push([node.key, rest]);
    const block: Block = { mentions, ...(articles === undefined ? {} : { articles }), ...incident[i]! };
    const bytes = encoder.encode(JSON.stringify(block));
    offsets.push([offset, bytes.length]);
    offset += bytes.length;
    bodies.push(bytes);
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
    blocks: offsets,
  };
  const headerBytes = encoder.encode(JSON.stringify(header));
  return [encoder.encode(`${String(headerBytes.length).padStart(HEADER_DIGITS, '0')}\n`), headerBytes, ...bodies];
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The header if `value` is one cut from the build `key`; anything else is undefined (a stale or broken file). */
export function asHeader(value: unknown, key: string): BlocksHeader | undefined {
  if (!isRecord(value) || value.format !== BLOCKS_FORMAT || value.built !== BUILT_FORMAT || value.key !== key || typeof value.text !== 'string') return undefined;
  const { nodes, blocks, vocabulary } = value;
  if (!Array.isArray(nodes) || !Array.isArray(blocks) || nodes.length !== blocks.length || !isRecord(vocabulary)) return undefined;
  const pair = (p: unknown) => Array.isArray(p) && p.length === 2 && p.every((n) => Number.isSafeInteger(n) && (n as number) >= 0);
  if (!blocks.every(pair) || !nodes.every((n) => Array.isArray(n) && typeof n[0] === 'string' && isRecord(n[1]))) return undefined;
  return value as unknown as BlocksHeader;
}

export function asBlock(value: unknown): Block | undefined {
  if (!isRecord(value) || !Array.isArray(value.mentions) || !Array.isArray(value.edges) || !Array.isArray(value.order)) return undefined;
  if (value.order.length !== value.edges.length || !value.order.every(Number.isSafeInteger)) return undefined;
  if (value.articles !== undefined && !Array.isArray(value.articles)) return undefined;
  return value as unknown as Block;
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
 * Adds what a query about `seed` needs: the blocks of the entities within `levels - 1` hops of it,
 * so that every relation of those is there, in the same order as in the whole graph (the queries'
 * answers, ties included, come out the same). `block` reads the block of the header's node at
 * that index; an unusable one throws.
 */
export function growNeighbourhood(graph: KgGraph, header: BlocksHeader, block: (index: number) => Block, seed: string, levels: number): void {
  const index = new Map(header.nodes.map(([key], i) => [key, i]));
  const edges = new Map<number, SerializedEdge<KgEdgeAttributes>>();
  const loaded = new Set<string>();
  let frontier = [seed];
  for (let level = 0; level < levels && frontier.length > 0; level++) {
    const next: string[] = [];
    for (const node of frontier) {
      const at = index.get(node);
      if (loaded.has(node) || at === undefined) continue;
      loaded.add(node);
      const { mentions, articles, edges: incident, order } = block(at);
      graph.mergeNodeAttributes(node, { mentions, ...(articles === undefined ? {} : { articles }) });
      incident.forEach((edge, i) => {
        edges.set(order[i]!, edge);
        next.push(edge.source === node ? edge.target : edge.source);
      });
    }
    frontier = next;
  }
  graph.import({ edges: [...edges].sort(([a], [b]) => a - b).map(([, edge]) => edge) });
}
