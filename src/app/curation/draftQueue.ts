import type { DraftMarker, KgGraph } from '../../model/types.ts';

/** One draft on the review's way through the text. */
export interface QueuedDraft {
  kind: 'entity' | 'relation';
  /** The node or edge key in the graph on screen. */
  key: string;
  /** The article whose text states it (its offsets are in that text). */
  article: string;
  name: string;
  start: number;
  end: number;
  draft: DraftMarker;
}

/**
 * The drafts of the graph on screen in the order `kg review` lists them (src/curate/drafts.ts,
 * which reads the corpus model; this reads the built graph): article by article, in `articles`
 * order, an entity at its first mention in the first article that names it, a relation at its
 * evidence, each article's items by where they start.
 */
export function draftQueue(graph: KgGraph, articles: readonly string[], own: string): QueuedDraft[] {
  const items: QueuedDraft[] = [];
  graph.forEachNode((key, a) => {
    if (!a.draft) return;
    const article = a.articles?.[0] ?? own;
    const first = a.mentions.find((m) => (m.article ?? own) === article);
    if (first) items.push({ kind: 'entity', key, article, name: a.label, start: first.start, end: first.end, draft: a.draft });
  });
  graph.forEachEdge((key, a, source, target) => {
    if (!a.draft) return;
    const name = `${graph.getNodeAttribute(source, 'label')} → ${a.label} → ${graph.getNodeAttribute(target, 'label')}`;
    items.push({ kind: 'relation', key, article: a.article ?? own, name, start: a.evidence.start, end: a.evidence.end, draft: a.draft });
  });
  const rank = (slug: string) => {
    const at = articles.indexOf(slug);
    return at === -1 ? articles.length : at;
  };
  // Entities before relations at the same span, as listDrafts' stable sort leaves them.
  const kind = (d: QueuedDraft) => (d.kind === 'entity' ? 0 : 1);
  return items.sort((a, b) => rank(a.article) - rank(b.article) || a.start - b.start || a.end - b.end || kind(a) - kind(b));
}

/** Where the review goes on after a reload: the same item if it is still a draft, else the first one at or after where it stood. */
export function resumeAt(queue: readonly QueuedDraft[], articles: readonly string[], at: Pick<QueuedDraft, 'key' | 'article' | 'start' | 'end'>): number {
  const same = queue.findIndex((d) => d.key === at.key);
  if (same !== -1) return same;
  const rank = (slug: string) => articles.indexOf(slug);
  const after = queue.findIndex((d) => rank(d.article) > rank(at.article) || (d.article === at.article && (d.start > at.start || (d.start === at.start && d.end >= at.end))));
  return after === -1 ? 0 : after;
}
