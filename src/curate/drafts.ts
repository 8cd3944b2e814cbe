import { own } from '../model/own.ts';
import type { CorpusModel } from '../corpus/buildCorpus.ts';
import type { DraftMarker, RelationType } from '../model/types.ts';

/** One drafted item waiting for review, where the text states it. */
export interface DraftItem {
  kind: 'entity' | 'relation' | 'relationType';
  id: string;
  article: string;
  /** The entity's label, the relation as "from → label → to", or the type's label and the entity types it joins. */
  name: string;
  /** A relation type's relations, as "from → label → to" (`<article>:<id>` in `relations`). */
  uses?: string[];
  relations?: string[];
  start: number;
  end: number;
  confidence: number;
  rule: string;
}

/** toVocabulary keeps each type as the file gives it, its draft marker too. */
const draftOf = (type: RelationType) => (type as RelationType & { draft?: DraftMarker }).draft;

/**
 * The drafts of one article (or all) in text order: an entity at its first mention there, a
 * relation at its evidence. An entity mentioned in several articles is reviewed once, in the
 * first that names it. A relation type `kg add` proposed is reviewed in the first article whose
 * relations use it, after the last of them there (so those come first: rejecting them frees
 * it); one no relation uses is reviewed with whichever article is asked for, last.
 */
export function listDrafts(corpus: CorpusModel, article?: string): DraftItem[] {
  const all: DraftItem[] = [];
  const seen = new Set<string>();
  const labels = new Map(corpus.entities.map((e) => [e.id, e.label]));
  const sentence = (relation: { source: string; type: string; target: string }) =>
    `${labels.get(relation.source) ?? relation.source} → ${own(corpus.vocabulary.relations, relation.type)?.label ?? relation.type} → ${labels.get(relation.target) ?? relation.target}`;
  const draftTypes = Object.values(corpus.vocabulary.relations).filter((t) => draftOf(t) !== undefined);
  const typeItem = (type: RelationType, at: { article: string; start: number; end: number }): DraftItem => {
    const users = corpus.articles.flatMap((m) => m.relations.filter((r) => r.type === type.id).map((r) => ({ article: m.meta.slug, relation: r })));
    return {
      kind: 'relationType',
      id: type.id,
      ...at,
      name: `${type.label} (${type.from.join('/')} → ${type.to.join('/')})`,
      uses: users.map((u) => sentence(u.relation)),
      relations: users.map((u) => `${u.article}:${u.relation.id}`),
      ...draftOf(type)!,
    };
  };
  const placed = new Set<string>();
  for (const model of corpus.articles) {
    const slug = model.meta.slug;
    const items: DraftItem[] = [];
    const wanted = article === undefined || article === slug;
    for (const entity of model.entities) {
      if (!entity.draft || seen.has(entity.id)) continue;
      seen.add(entity.id);
      const first = entity.mentions[0]!;
      if (wanted) items.push({ kind: 'entity', id: entity.id, article: slug, name: entity.label, start: first.start, end: first.end, ...entity.draft });
    }
    if (!wanted) continue;
    for (const type of draftTypes) {
      const uses = model.relations.filter((r) => r.type === type.id);
      if (!uses.length || placed.has(type.id)) continue;
      const last = uses.reduce((a, b) => (b.evidence.start > a.evidence.start || (b.evidence.start === a.evidence.start && b.evidence.end > a.evidence.end) ? b : a));
      placed.add(type.id);
      if (wanted) items.push(typeItem(type, { article: slug, start: last.evidence.start, end: last.evidence.end }));
    }
    if (!wanted) continue;
    for (const relation of model.relations) {
      if (!relation.draft) continue;
      items.push({ kind: 'relation', id: relation.id, article: slug, name: sentence(relation), start: relation.evidence.start, end: relation.evidence.end, ...relation.draft });
    }
    // Stable: at the same span an entity comes before a relation, and a relation before its type.
    const rank = { entity: 0, relation: 1, relationType: 2 } as const;
    all.push(...items.sort((a, b) => a.start - b.start || a.end - b.end || rank[a.kind] - rank[b.kind]));
  }
  // A type no relation uses is stated nowhere in the text: it comes last, at no place (0-0).
  const home = article ?? corpus.articles[0]?.meta.slug;
  if (home !== undefined) for (const type of draftTypes) if (!placed.has(type.id)) all.push(typeItem(type, { article: home, start: 0, end: 0 }));
  return all;
}
