import MiniSearch from 'minisearch';
import { SEARCH_INDEX_OPTIONS, type SearchDocument } from '../query/searchIndex.ts';

/**
 * The search index split into rows and put together again, pure. At push time each document
 * is indexed by MiniSearch itself (the same options as the in-memory index), and what it made of
 * the document kept: its field lengths and its terms. At query time the documents holding a
 * term the query can match are indexed again, and the index is told the whole corpus's document
 * count and average field lengths: BM25 then scores each of them as the whole index does.
 */

export interface IndexedDocument {
  doc: SearchDocument;
  /** Per field, in SEARCH_FIELDS order: what MiniSearch counts as the field's length. */
  lengths: number[];
  terms: string[];
}

/** MiniSearch's own reading of each document: field lengths and terms. */
export function indexDocuments(docs: SearchDocument[]): IndexedDocument[] {
  const index = new MiniSearch<SearchDocument>(SEARCH_INDEX_OPTIONS);
  index.addAll(docs);
  const js = index.toJSON();
  const terms = docs.map(() => new Set<string>());
  for (const [term, fields] of js.index) {
    for (const postings of Object.values(fields)) for (const shortId of Object.keys(postings)) terms[Number(shortId)]!.add(term);
  }
  const fieldCount = SEARCH_INDEX_OPTIONS.fields.length;
  return docs.map((doc, i) => {
    const lengths = js.fieldLength[String(i)] ?? [];
    return { doc, lengths: Array.from({ length: fieldCount }, (_, f) => lengths[f] ?? 0), terms: [...terms[i]!] };
  });
}

/** MiniSearch's default `maxFuzzy` (a search option, which getDefault does not give). */
const MAX_FUZZY = 6;

/** What a query word can match in the index: itself, a longer word it begins, or one within this many edits (MiniSearch's rule for a fractional `fuzzy`). */
export function fuzzyDistance(term: string): number {
  return Math.min(MAX_FUZZY, Math.round(term.length * SEARCH_INDEX_OPTIONS.searchOptions.fuzzy));
}

/** The terms MiniSearch makes of a query, as it will when asked. */
export function queryTerms(text: string): string[] {
  const tokenize = MiniSearch.getDefault('tokenize') as (text: string) => string[];
  const processTerm = MiniSearch.getDefault('processTerm') as (term: string) => string | null | undefined | false;
  return [...new Set(tokenize(text).map((t) => processTerm(t)).filter((t): t is string => typeof t === 'string' && t !== ''))];
}

/** An index of these documents (in the whole index's order) that scores as the whole index of `documentCount` documents does. */
export function partialIndex(docs: SearchDocument[], documentCount: number, averageFieldLength: number[]): MiniSearch<SearchDocument> {
  const index = new MiniSearch<SearchDocument>(SEARCH_INDEX_OPTIONS);
  index.addAll(docs);
  const js = index.toJSON();
  return MiniSearch.loadJS({ ...js, documentCount, averageFieldLength }, SEARCH_INDEX_OPTIONS);
}
