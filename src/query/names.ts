import { foldCase } from '../text/fold.ts';

/**
 * The name matching that `resolve` does, apart from the graph scan, so that the name index
 * (nameIndex.ts) answers exactly as it does and `kg` can use it without loading the query code.
 */

/** The words of a name, folded: `resolve` matches a query's words against them, and so does the store's SQL. */
export const words = (s: string): string[] => foldCase(s).split(/[^\p{L}\p{N}]+/u).filter(Boolean);

/** A name's words as one string: a query's are looked for as a run of whole words in a name's. */
export const wordRun = (s: string): string => words(s).join(' ');

/** A typed name as `resolve` compares it: trimmed against ids, then folded against names (and then as its wordRun). */
export interface NameQuery {
  raw: string;
  folded: string;
}

export function nameQuery(name: string): NameQuery {
  const raw = name.trim();
  return { raw, folded: foldCase(raw) };
}

/** The names an entity answers to. */
export const namesOf = (a: { label: string; aliases: readonly string[] }): string[] => [a.label, ...a.aliases];
