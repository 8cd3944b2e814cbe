import { foldCase } from '../text/fold.ts';
import type { KgGraph, EntityType } from '../model/types.ts';
import { compareText } from './compare.ts';

export interface Suggestion {
  id: string;
  label: string;
  type: EntityType;
  /** The alias that matched, when it was not the label. */
  matched?: string;
}

/**
 * Completion as you type (the explorer's search box): entities whose label or an alias contains the query, case-insensitively: exact names first,
 * then names that start with it, then names with a word that starts with it, then the rest.
 */
export function complete(graph: KgGraph, query: string, limit = 8): Suggestion[] {
  const q = foldCase(query.trim());
  if (!q) return [];
  const ranked: (Suggestion & { rank: number })[] = [];
  graph.forEachNode((id, a) => {
    let best: { rank: number; name: string } | undefined;
    for (const name of [a.label, ...a.aliases]) {
      const lower = foldCase(name);
      const at = lower.indexOf(q);
      if (at === -1) continue;
      const rank = lower === q ? 0 : at === 0 ? 1 : /[^\p{L}\p{N}]/u.test(lower[at - 1]!) ? 2 : 3;
      if (!best || rank < best.rank) best = { rank, name };
    }
    if (best) ranked.push({ id, label: a.label, type: a.type, rank: best.rank, matched: best.name === a.label ? undefined : best.name });
  });
  return ranked
    .sort((x, y) => x.rank - y.rank || compareText(x.label, y.label))
    .slice(0, limit)
    .map(({ id, label, type, matched }) => ({ id, label, type, matched }));
}
