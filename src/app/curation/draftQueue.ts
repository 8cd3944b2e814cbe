import type { DraftMarker, KgGraph, RelationType, Vocabulary } from '../../model/types.ts';

/** One draft on the review's way through the text. */
export interface QueuedDraft {
  kind: 'entity' | 'relation' | 'relationType';
  /** The node or edge key in the graph on screen; a relation type's id. */
  key: string;
  /** A relation type's relations: edge keys of the graph on screen. */
  edges?: string[];
  /** The article whose text states it (its offsets are in that text). */
  article: string;
  name: string;
  start: number;
  end: number;
  draft: DraftMarker;
}

/** At the same span: an entity, then a relation, then its type, as listDrafts' order has them. */
const KIND_ORDER = { entity: 0, relation: 1, relationType: 2 } as const;

/** The vocabulary keeps each type as the file gives it, its draft marker too. */
const draftOf = (type: RelationType) => (type as RelationType & { draft?: DraftMarker }).draft;

/**
 * The drafts of the graph on screen in the order `kg review` lists them (src/curate/drafts.ts,
 * which reads the corpus model; this reads the built graph): article by article, in `articles`
 * order, an entity at its first mention in the first article that names it, a relation at its
 * evidence, a proposed relation type after the last of its relations in the first article
 * that uses it (one nothing uses, last), each article's items by where they start.
 */
export function draftQueue(graph: KgGraph, articles: readonly string[], own: string, vocabulary?: Vocabulary): QueuedDraft[] {
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
  const unused: QueuedDraft[] = [];
  for (const type of Object.values(vocabulary?.relations ?? {})) {
    const draft = draftOf(type);
    if (!draft) continue;
    const edges = graph.filterEdges((_, a) => a.relation === type.id);
    const item = { kind: 'relationType' as const, key: type.id, edges, name: `${type.label} (${type.from.join('/')} → ${type.to.join('/')})`, draft };
    const article = edges.map((e) => graph.getEdgeAttribute(e, 'article') ?? own).sort((a, b) => rank(a) - rank(b))[0];
    if (article === undefined) {
      // Reviewed with the article on screen, or in the corpus view with the first.
      unused.push({ ...item, article: articles.includes(own) ? own : (articles[0] ?? own), start: 0, end: 0 });
      continue;
    }
    const there = edges.map((e) => graph.getEdgeAttributes(e)).filter((a) => (a.article ?? own) === article);
    const last = there.reduce((a, b) => (b.evidence.start > a.evidence.start || (b.evidence.start === a.evidence.start && b.evidence.end > a.evidence.end) ? b : a));
    items.push({ ...item, article, start: last.evidence.start, end: last.evidence.end });
  }
  return [...items.sort((a, b) => rank(a.article) - rank(b.article) || a.start - b.start || a.end - b.end || KIND_ORDER[a.kind] - KIND_ORDER[b.kind]), ...unused];
}

/** Where the review goes on after a reload: the same item if it is still a draft, else the first one at or after where it stood. */
export function resumeAt(queue: readonly QueuedDraft[], articles: readonly string[], at: Pick<QueuedDraft, 'key' | 'article' | 'start' | 'end'> & { kind?: QueuedDraft['kind'] }): number {
  const same = queue.findIndex((d) => d.key === at.key);
  if (same !== -1) return same;
  const rank = (slug: string) => articles.indexOf(slug);
  const kind = KIND_ORDER[at.kind ?? 'entity'];
  const later = (d: QueuedDraft) => d.start > at.start || (d.start === at.start && (d.end > at.end || (d.end === at.end && KIND_ORDER[d.kind] >= kind)));
  const after = queue.findIndex((d) => rank(d.article) > rank(at.article) || (d.article === at.article && later(d)));
  return after === -1 ? 0 : after;
}
