import { MultiDirectedGraph } from 'graphology';
import type { KgGraph, Scalar, ValueType, Vocabulary } from '../model/types.ts';
import { hexToRgb } from '../layout/palette.ts';
import type { GraphMLKey, GraphMLType } from './graphml.ts';

export type FlatGraph = MultiDirectedGraph<Record<string, Scalar>, Record<string, Scalar>, Record<string, Scalar>>;

/** Attribute names and types per domain, in column order: what GraphML keys and CSV headers are made of. */
export interface FlatSchema {
  node: GraphMLKey[];
  edge: GraphMLKey[];
  graph: GraphMLKey[];
}

const TYPE_OF: Record<ValueType, GraphMLType> = {
  // The vocabulary's int is any safe integer: GraphML's 32-bit int could not hold them all.
  string: 'string', int: 'long', float: 'double', boolean: 'boolean', date: 'string', entity: 'string',
};

const NODE_KEYS: GraphMLKey[] = [
  { name: 'label', type: 'string' },
  // TinkerPop reads vertex and edge labels from these two keys.
  { name: 'labelV', type: 'string' },
  { name: 'type', type: 'string' },
  { name: 'description', type: 'string' },
  { name: 'aliases', type: 'string' },
  { name: 'mentions', type: 'string' },
  { name: 'mention_count', type: 'int' },
  { name: 'x', type: 'double' },
  { name: 'y', type: 'double' },
  { name: 'size', type: 'double' },
  { name: 'color', type: 'string' },
  // Gephi draws node colours from r, g, b.
  { name: 'r', type: 'int' },
  { name: 'g', type: 'int' },
  { name: 'b', type: 'int' },
];
const EDGE_KEYS: GraphMLKey[] = [
  { name: 'label', type: 'string' },
  { name: 'labelE', type: 'string' },
  { name: 'relation', type: 'string' },
  { name: 'inverse', type: 'string' },
  { name: 'evidence', type: 'string' },
  { name: 'evidence_start', type: 'int' },
  { name: 'evidence_end', type: 'int' },
];
const GRAPH_KEYS = ['slug', 'title', 'publisher', 'dateline', 'date', 'url', 'photoCaption', 'photoCredit', 'text'];

/**
 * One article's whole text, as a graph attribute: the file then carries its evidence whole, and
 * `kg import` can make the article again from it (src/import/exportedArticle.ts). A corpus has
 * none (its relations quote many texts), nor a graph opened from a file.
 */
export const ARTICLE_TEXT_KEY = 'text';

/** Provenance keys, declared only for a corpus graph: one article's export stays as it always was. */
const PROVENANCE = { node: [{ name: 'articles', type: 'string' }], edge: [{ name: 'article', type: 'string' }] } as const satisfies Record<string, GraphMLKey[]>;

/** Whether `graph` is a corpus graph: its edges and nodes say which article they come from. */
export const isCorpusGraph = (graph: KgGraph) => graph.someNode((_, a) => a.articles !== undefined);

/** The declared types of every attribute an exported graph can carry, taken from the vocabulary. */
export function flatSchema(vocabulary: Vocabulary, options: { corpus?: boolean } = {}): FlatSchema {
  const qualifiers = new Map<string, GraphMLType>();
  for (const relation of Object.values(vocabulary.relations)) {
    for (const [name, type] of Object.entries(relation.qualifiers)) {
      const previous = qualifiers.get(`q_${name}`);
      // Two relation types may give one qualifier name different types: a string holds both.
      qualifiers.set(`q_${name}`, previous && previous !== TYPE_OF[type] ? 'string' : TYPE_OF[type]);
    }
  }
  const provenance = options.corpus ? PROVENANCE : { node: [], edge: [] };
  return {
    node: [...NODE_KEYS, ...provenance.node, ...Object.entries(vocabulary.attributes).map(([name, type]) => ({ name: `attr_${name}`, type: TYPE_OF[type] }))],
    edge: [...EDGE_KEYS, ...provenance.edge, ...[...qualifiers].map(([name, type]) => ({ name, type }))],
    graph: GRAPH_KEYS.map((name) => ({ name, type: 'string' as const })),
  };
}

/**
 * The graph with every attribute a scalar, for formats with flat, typed columns (GraphML, GEXF,
 * CSV): lists become JSON strings, typed attributes `attr_*`, qualifiers `q_*`, the colour r, g, b.
 */
export function flattenGraph(graph: KgGraph): FlatGraph {
  const flat: FlatGraph = new MultiDirectedGraph();
  flat.replaceAttributes(defined({ ...graph.getAttributes() }));
  graph.forEachNode((id, a) => {
    const rgb = a.color ? hexToRgb(a.color) : undefined;
    flat.addNode(id, defined({
      label: a.label,
      labelV: a.type,
      type: a.type,
      description: a.description,
      aliases: JSON.stringify(a.aliases),
      // In a corpus graph each mention also names its article: [start, end, article].
      mentions: JSON.stringify(a.mentions.map((m) => (m.article === undefined ? [m.start, m.end] : [m.start, m.end, m.article]))),
      articles: a.articles && JSON.stringify(a.articles),
      mention_count: a.mentions.length,
      x: a.x,
      y: a.y,
      size: a.size,
      color: a.color,
      ...rgb,
      ...prefixed('attr_', a.attributes),
    }));
  });
  graph.forEachEdge((id, a, source, target) => {
    flat.addDirectedEdgeWithKey(id, source, target, {
      label: a.label,
      labelE: a.relation,
      relation: a.relation,
      inverse: a.inverse,
      evidence: a.evidence.text,
      evidence_start: a.evidence.start,
      evidence_end: a.evidence.end,
      ...(a.article === undefined ? {} : { article: a.article }),
      ...prefixed('q_', a.qualifiers),
    });
  });
  return flat;
}

function prefixed(prefix: string, values: Record<string, Scalar>): Record<string, Scalar> {
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [prefix + k, v]));
}

function defined(values: Record<string, Scalar | undefined>): Record<string, Scalar> {
  return Object.fromEntries(Object.entries(values).filter((e): e is [string, Scalar] => e[1] !== undefined));
}
