import { foldCase } from '../text/fold.ts';
import { compareText } from './compare.ts';
import { distance } from 'fastest-levenshtein';
import type { KgGraph } from '../model/types.ts';
import { EntityNotFoundError } from '../model/errors.ts';
import { summary, type EntitySummary } from './describe.ts';
import { searchIndex } from './searchIndex.ts';
import { nameQuery, namesOf, wordRun, words } from './names.ts';

/**
 * Turns what a person types into an entity id: an id, a label or an alias, case-insensitive
 * ("starmer", "UK", "Britain"), or a single word of exactly one entity's name ("olaf").
 * @throws EntityNotFoundError with the nearest candidates, or all matches when ambiguous.
 */
export function resolve(graph: KgGraph, name: string): string {
  const query = nameQuery(name);
  if (graph.hasNode(query.raw)) return query.raw;
  const queryWords = wordRun(query.raw);
  const exact: string[] = [];
  const byWord: string[] = [];
  graph.forEachNode((id, a) => {
    const names = namesOf(a);
    if (id === query.folded || names.some((n) => foldCase(n) === query.folded)) exact.push(id);
    else if (queryWords && names.some((n) => ` ${wordRun(n)} `.includes(` ${queryWords} `))) byWord.push(id);
  });
  for (const matches of [exact, byWord]) {
    if (matches.length === 1) return matches[0]!;
    if (matches.length > 1) throw new EntityNotFoundError(name, matches.map((id) => summary(graph, id)), true);
  }
  throw new EntityNotFoundError(name, suggest(graph, query.raw));
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
