import type { KgGraph } from '../model/types.ts';
import { UsageError } from '../model/errors.ts';
import { summary, type EntitySummary } from './describe.ts';
import { searchIndex } from './searchIndex.ts';

export type SearchHit =
  | ({ kind: 'entity'; score: number } & EntitySummary)
  | { kind: 'relation'; score: number; id: string; label: string; source: EntitySummary; target: EntitySummary; evidence: string };

/** Full-text search over entity names and descriptions and relation evidence, best first. */
export function search(graph: KgGraph, text: string, limit = 20): SearchHit[] {
  if (!Number.isInteger(limit) || limit < 1) throw new UsageError(`search: limit must be a whole number >= 1, got ${limit}`);
  if (!text.trim()) return [];
  return searchIndex(graph)
    .search(text)
    .slice(0, limit)
    .map((hit): SearchHit => {
      const key = hit.key as string;
      const score = Math.round(hit.score * 100) / 100;
      if (hit.kind === 'entity') return { kind: 'entity', score, ...summary(graph, key) };
      const a = graph.getEdgeAttributes(key);
      return {
        kind: 'relation',
        score,
        id: key,
        label: a.label,
        source: summary(graph, graph.source(key)),
        target: summary(graph, graph.target(key)),
        evidence: a.evidence.text,
      };
    });
}
