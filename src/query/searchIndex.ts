import MiniSearch from 'minisearch';
import type { KgGraph } from '../model/types.ts';

export interface SearchDocument {
  id: string;
  kind: 'entity' | 'relation';
  key: string;
  label: string;
  aliases: string;
  description: string;
  evidence: string;
}

const indexes = new WeakMap<KgGraph, MiniSearch<SearchDocument>>();

/** A full-text index over entities (names, description) and relations (label, evidence), built once per graph. */
export function searchIndex(graph: KgGraph): MiniSearch<SearchDocument> {
  let index = indexes.get(graph);
  if (index) return index;
  index = new MiniSearch<SearchDocument>({
    fields: ['label', 'aliases', 'description', 'evidence'],
    storeFields: ['kind', 'key'],
    searchOptions: { boost: { label: 3, aliases: 2 }, prefix: true, fuzzy: 0.2 },
  });
  const documents: SearchDocument[] = [];
  graph.forEachNode((key, a) =>
    documents.push({ id: `n:${key}`, kind: 'entity', key, label: a.label, aliases: a.aliases.join(' '), description: a.description, evidence: '' }),
  );
  graph.forEachEdge((key, a) =>
    documents.push({ id: `e:${key}`, kind: 'relation', key, label: a.label, aliases: '', description: '', evidence: a.evidence.text }),
  );
  index.addAll(documents);
  indexes.set(graph, index);
  return index;
}
