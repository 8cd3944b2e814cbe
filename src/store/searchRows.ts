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

/** Below this many terms a field is first searched for them as text, which is cheaper than splitting it into words. */
const FEW_TERMS = 16;
const ASCII = /^\p{ASCII}*$/u;

/**
 * Whether a field may hold one of `terms` as a word. Only ASCII text is looked at: its lower case
 * is that of each of its words, so a word's term is in the text's lower case (outside ASCII, case
 * depends on context: a final sigma, say).
 */
function mayHold(text: string, terms: readonly string[]): boolean {
  if (text === '') return false;
  if (terms.length > FEW_TERMS || !ASCII.test(text)) return true;
  const lower = text.toLowerCase();
  return terms.some((t) => lower.includes(t));
}

/**
 * An index of these documents (in the whole index's order) that scores as the whole index of
 * `documentCount` documents does, holding only `terms` (those the query can reach: the others
 * cannot change a score). Made as MiniSearch.add makes it (the field lengths are those indexDocument
 * gave at the push; term frequencies per field) and loaded with loadJS, which skips adding the
 * documents' other terms to its tree.
 */
export function partialIndex(docs: { doc: SearchDocument; lengths: number[] }[], terms: ReadonlySet<string>, documentCount: number, averageFieldLength: number[]): MiniSearch<SearchDocument> {
  const fields = SEARCH_INDEX_OPTIONS.fields;
  const termList = [...terms];
  const fieldIds = Object.fromEntries(fields.map((f, i) => [f, i]));
  const documentIds: Record<number, string> = {};
  const fieldLength: Record<number, number[]> = {};
  const storedFields: Record<number, Partial<SearchDocument>> = {};
  // Terms in the order the documents first hold them, as add() would put them in its tree.
  const index = new Map<string, Record<number, Record<number, number>>>();
  docs.forEach(({ doc, lengths }, shortId) => {
    documentIds[shortId] = doc.id;
    // The fields the in-memory index stores (SEARCH_INDEX_OPTIONS), as its add() would.
    storedFields[shortId] = Object.fromEntries(SEARCH_INDEX_OPTIONS.storeFields.map((f) => [f, doc[f as keyof SearchDocument]])) as Partial<SearchDocument>;
    fieldLength[shortId] = lengths;
    fields.forEach((field, fieldId) => {
      const text = doc[field];
      if (!mayHold(text, termList)) return;
      for (const token of tokenize(text, field)) {
        const term = processTerm(token, field);
        if (!term || !terms.has(term)) continue;
        let byField = index.get(term);
        if (!byField) index.set(term, (byField = {}));
        const counts = (byField[fieldId] ??= {});
        counts[shortId] = (counts[shortId] ?? 0) + 1;
      }
    });
  });
  return MiniSearch.loadJS<SearchDocument>(
    { documentCount, nextId: docs.length, documentIds, fieldIds, fieldLength, averageFieldLength, storedFields, dirtCount: 0, index: [...index], serializationVersion: 2 },
    SEARCH_INDEX_OPTIONS,
  );
}
