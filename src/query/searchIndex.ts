import MiniSearch from 'minisearch';
import type { KgGraph, Scalar } from '../model/types.ts';

/**
 * One searchable document. Entities and relations share the fields, each filling them with what
 * plays that part for it: a relation's `label` is its own label and its `aliases` the inverse
 * ("waited for" / "awaited by"), its `description` the values of its qualifiers, its `ends` the
 * names of the two entities it joins.
 */
export interface SearchDocument {
  id: string;
  kind: 'entity' | 'relation';
  key: string;
  label: string;
  aliases: string;
  acronyms: string;
  description: string;
  evidence: string;
  ends: string;
}

export const SEARCH_FIELDS = ['label', 'aliases', 'acronyms', 'description', 'evidence', 'ends'] as const;
export type SearchField = (typeof SEARCH_FIELDS)[number];

/** A name matters more than the words around it; the ends of a relation least (they are the entities' own hits). */
const BOOST: Partial<Record<SearchField, number>> = { label: 3, aliases: 2, acronyms: 2, ends: 0.5 };

const indexes = new WeakMap<KgGraph, MiniSearch<SearchDocument>>();

/**
 * The initials a reader may type for a name of several words: "IISS" for the International
 * Institute for Strategic Studies (its capitalised words), and "IIFSS" (every word), since
 * articles seldom spell out both the name and the acronym.
 */
export function acronymsOf(name: string): string[] {
  const words = name.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  if (words.length < 2) return [];
  const initials = (list: string[]) => list.map((w) => String.fromCodePoint(w.codePointAt(0)!)).join('').toUpperCase();
  const capitalised = words.filter((w) => /^\p{Lu}/u.test(w));
  return [...new Set([capitalised.length >= 2 ? initials(capitalised) : '', initials(words)].filter(Boolean))];
}

/** A value as a reader knows it: an entity's id (an `entity`-typed qualifier) by that entity's label. */
const valueText = (graph: KgGraph, value: Scalar) => (typeof value === 'string' && graph.hasNode(value) ? graph.getNodeAttribute(value, 'label') : String(value));

/** How every search index is built and asked, the store's partial ones included (src/store rebuilds them from its rows). */
export const SEARCH_INDEX_OPTIONS = {
  fields: [...SEARCH_FIELDS],
  storeFields: ['kind', 'key'],
  searchOptions: { boost: BOOST, prefix: true, fuzzy: 0.2 },
};

/** A full-text index over entities (names, initials, description, attributes) and relations (labels, qualifiers, evidence, ends), built once per graph. */
export function searchIndex(graph: KgGraph): MiniSearch<SearchDocument> {
  let index = indexes.get(graph);
  if (index) return index;
  index = new MiniSearch<SearchDocument>(SEARCH_INDEX_OPTIONS);
  index.addAll(searchDocuments(graph));
  indexes.set(graph, index);
  return index;
}

/**
 * Makes `index` the search index of `graph`: for a graph that is part of a larger one (the
 * PostgreSQL store's), whose index must score as the whole graph's does.
 */
export function useSearchIndex(graph: KgGraph, index: MiniSearch<SearchDocument>): void {
  indexes.set(graph, index);
}

/** The documents of a graph's index: its entities in node order, then its relations in edge order. */
export function searchDocuments(graph: KgGraph): SearchDocument[] {
  const documents: SearchDocument[] = [];
  graph.forEachNode((key, a) =>
    documents.push({
      id: `n:${key}`,
      kind: 'entity',
      key,
      label: a.label,
      aliases: a.aliases.join(' '),
      acronyms: acronymsOf(a.label).join(' '),
      description: [a.description, ...Object.values(a.attributes).map((v) => valueText(graph, v))].join(' '),
      evidence: '',
      ends: '',
    }),
  );
  graph.forEachEdge((key, a, source, target) =>
    documents.push({
      id: `e:${key}`,
      kind: 'relation',
      key,
      label: a.label,
      aliases: a.inverse,
      acronyms: '',
      description: Object.values(a.qualifiers).map((v) => valueText(graph, v)).join(' '),
      evidence: a.evidence.text,
      ends: `${graph.getNodeAttribute(source, 'label')} ${graph.getNodeAttribute(target, 'label')}`,
    }),
  );
  return documents;
}
