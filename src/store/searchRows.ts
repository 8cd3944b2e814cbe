import MiniSearch from 'minisearch';
import { SEARCH_INDEX_OPTIONS, type SearchDocument } from '../query/searchIndex.ts';

/**
 * The search index split into rows and put together again, pure. At push time what MiniSearch
 * makes of each document (the same options as the in-memory index) is kept: its field lengths and
 * its terms. At query time the documents holding a
 * term the query can match are indexed again, and the index is told the whole corpus's document
 * count and average field lengths: BM25 then scores each of them as the whole index does.
 */

const tokenize = MiniSearch.getDefault('tokenize') as (text: string, field: string) => string[];
const processTerm = MiniSearch.getDefault('processTerm') as (term: string, field: string) => string | null | undefined | false;

/**
 * What MiniSearch makes of a document when it adds it (MiniSearch.add, with SEARCH_INDEX_OPTIONS,
 * which keep its default tokenizer and term processing): per field the count of distinct tokens,
 * and every term. Worked out here rather than by indexing the documents, which costs ten times
 * as much at a push of hundreds of thousands of documents; the store tests compare the scores.
 */
export function indexDocument(doc: SearchDocument): { lengths: number[]; terms: string[] } {
  const lengths: number[] = [];
  const terms = new Set<string>();
  for (const field of SEARCH_INDEX_OPTIONS.fields) {
    const tokens = tokenize(doc[field], field);
    lengths.push(new Set(tokens).size);
    for (const token of tokens) {
      const term = processTerm(token, field);
      if (term) terms.add(term);
    }
  }
  return { lengths, terms: [...terms] };
}

/** MiniSearch's default `maxFuzzy` (a search option, which getDefault does not give). */
const MAX_FUZZY = 6;

/** What a query word can match in the index: itself, a longer word it begins, or one within this many edits (MiniSearch's rule for a fractional `fuzzy`). */
export function fuzzyDistance(term: string): number {
  return Math.min(MAX_FUZZY, Math.round(term.length * SEARCH_INDEX_OPTIONS.searchOptions.fuzzy));
}

/** The terms MiniSearch makes of a query, as it will when asked. */
export function queryTerms(text: string): string[] {
  return [...new Set(tokenize(text, '').map((t) => processTerm(t, '')).filter((t): t is string => typeof t === 'string' && t !== ''))];
}

/** An index of these documents (in the whole index's order) that scores as the whole index of `documentCount` documents does. */
export function partialIndex(docs: SearchDocument[], documentCount: number, averageFieldLength: number[]): MiniSearch<SearchDocument> {
  const index = new MiniSearch<SearchDocument>(SEARCH_INDEX_OPTIONS);
  index.addAll(docs);
  const js = index.toJSON();
  return MiniSearch.loadJS({ ...js, documentCount, averageFieldLength }, SEARCH_INDEX_OPTIONS);
}
