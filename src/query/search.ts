import type { KgGraph } from '../model/types.ts';
import { foldCase } from '../text/fold.ts';
import { UsageError } from '../model/errors.ts';
import { summary, type EntitySummary } from './describe.ts';
import { SEARCH_FIELDS, searchIndex, type SearchField } from './searchIndex.ts';

interface HitBase {
  score: number;
  /** Where the words were found: a name (`label`, `aliases`, `acronyms`) or the text around it. */
  fields: SearchField[];
}

export type SearchHit =
  | (HitBase & { kind: 'entity' } & EntitySummary)
  | (HitBase & { kind: 'relation'; id: string; relation: string; label: string; source: EntitySummary; target: EntitySummary; evidence: string });

/**
 * Words that join a name or a relation's label ("spoke at", "leader of") but find nothing by
 * themselves: dropped from a query that has other words, so "spoke at" is not also every name
 * holding "at". A query of these alone is searched as typed.
 */
const JOINING_WORDS = new Set(['a', 'an', 'and', 'at', 'by', 'for', 'from', 'in', 'into', 'of', 'on', 'the', 'to', 'with']);

/** The words of a query that carry its meaning: what the index is asked. */
export function meaningful(text: string): string {
  const words = text.trim().split(/\s+/);
  const kept = words.filter((w) => !JOINING_WORDS.has(foldCase(w)));
  return kept.length ? kept.join(' ') : text;
}

/** An entity named exactly what was typed (a label or an alias, any case) comes before longer names that hold it: "EU" finds the European Union before EU leaders. */
const EXACT_NAME_BOOST = 3;

/**
 * Full-text search, best first: fuzzy and by prefix, over entity names, initials ("IISS"),
 * descriptions and attributes, and over relations: their label and its inverse, qualifiers,
 * evidence and the names of their ends.
 */
export function search(graph: KgGraph, text: string, limit = 20): SearchHit[] {
  if (!Number.isInteger(limit) || limit < 1) throw new UsageError(`search: limit must be a whole number >= 1, got ${limit}`);
  if (!text.trim()) return [];
  const wanted = foldCase(text.trim());
  const named = (key: string) => graph.hasNode(key) && [graph.getNodeAttribute(key, 'label'), ...graph.getNodeAttribute(key, 'aliases')].some((n) => foldCase(n) === wanted);
  const hits = searchIndex(graph)
    .search(meaningful(text), { boostDocument: (_, __, stored) => (stored?.kind === 'entity' && named(stored.key as string) ? EXACT_NAME_BOOST : 1) })
    .map((hit) => ({ hit, score: Math.round(hit.score * 100) / 100, key: hit.key as string }));
  // Equal scores (as shown) in one fixed order, entities first, then by id: the index's own order
  // of ties follows how its terms were reached, which another index (the store's) cannot repeat.
  hits.sort((a, b) => b.score - a.score || (a.hit.kind === b.hit.kind ? (a.key < b.key ? -1 : a.key > b.key ? 1 : 0) : a.hit.kind === 'entity' ? -1 : 1));
  return hits
    .slice(0, limit)
    .map(({ hit, score, key }): SearchHit => {
      const matched = new Set(Object.values(hit.match).flat());
      const fields = SEARCH_FIELDS.filter((f) => matched.has(f));
      if (hit.kind === 'entity') return { kind: 'entity', score, fields, ...summary(graph, key) };
      const a = graph.getEdgeAttributes(key);
      return {
        kind: 'relation',
        score,
        fields,
        id: key,
        relation: a.relation,
        label: a.label,
        source: summary(graph, graph.source(key)),
        target: summary(graph, graph.target(key)),
        evidence: a.evidence.text,
      };
    });
}
