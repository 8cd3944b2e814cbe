import { foldCase } from '../text/fold.ts';
import { compareText } from './compare.ts';
import { distance } from 'fastest-levenshtein';
import type { KgGraph } from '../model/types.ts';
import { EntityNotFoundError } from '../model/errors.ts';
import { summary, type EntitySummary } from './describe.ts';
import { searchIndex } from './searchIndex.ts';

/** The words of a name, folded: `resolve` matches a query's words against them, and so does the store's SQL. */
export const words = (s: string) => foldCase(s).split(/[^\p{L}\p{N}]+/u).filter(Boolean);

/**
 * Turns what a person types into an entity id: an id, a label or an alias, case-insensitive
 * ("starmer", "UK", "Britain"), or a single word of exactly one entity's name ("olaf").
 * @throws EntityNotFoundError with the nearest candidates, or all matches when ambiguous.
 */
export function resolve(graph: KgGraph, name: string): string {
  const query = name.trim();
  if (graph.hasNode(query)) return query;
  const lower = foldCase(query);
  const exact: string[] = [];
  const byWord: string[] = [];
  const queryWords = words(query).join(' ');
  graph.forEachNode((id, a) => {
    const names = [a.label, ...a.aliases];
    if (id === lower || names.some((n) => foldCase(n) === lower)) exact.push(id);
    else if (queryWords && names.some((n) => ` ${words(n).join(' ')} `.includes(` ${queryWords} `))) byWord.push(id);
  });
  for (const matches of [exact, byWord]) {
    if (matches.length === 1) return matches[0]!;
    if (matches.length > 1) throw new EntityNotFoundError(name, matches.map((id) => summary(graph, id)), true);
  }
  throw new EntityNotFoundError(name, suggest(graph, query));
}

/**
 * The entities whose names come closest to `query`, best first: full-text matches (fuzzy,
 * prefix) first, then the smallest edit distance to any name or word of a name, so that even
 * a name nothing like any entity gets suggestions.
 */
export function suggest(graph: KgGraph, query: string, limit = 5): EntitySummary[] {
  const found = searchIndex(graph)
    .search(query, { fields: ['label', 'aliases'], filter: (r) => r.kind === 'entity' })
    .map((r) => r.key as string);
  const lower = foldCase(query);
  const nearest = graph
    .mapNodes((id, a) => {
      const names = [a.label, ...a.aliases].flatMap((n) => [foldCase(n), ...words(n)]);
      return { id, score: Math.min(...names.map((n) => distance(lower, n) / Math.max(n.length, lower.length))) };
    })
    .sort((a, b) => a.score - b.score || compareText(a.id, b.id))
    .map((r) => r.id);
  return [...new Set([...found, ...nearest])].slice(0, limit).map((id) => summary(graph, id));
}
