import { own } from '../model/own.ts';
import type { CorpusModel } from '../corpus/buildCorpus.ts';

/** One drafted item waiting for review, where the text states it. */
export interface DraftItem {
  kind: 'entity' | 'relation';
  id: string;
  article: string;
  /** The entity's label, or the relation as "from → label → to". */
  name: string;
  start: number;
  end: number;
  confidence: number;
  rule: string;
}

/**
 * The drafts of one article (or all) in text order: an entity at its first mention there, a
 * relation at its evidence. An entity mentioned in several articles is reviewed once, in the
 * first that names it.
 */
export function listDrafts(corpus: CorpusModel, article?: string): DraftItem[] {
  const all: DraftItem[] = [];
  const seen = new Set<string>();
  const labels = new Map(corpus.entities.map((e) => [e.id, e.label]));
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
    for (const relation of model.relations) {
      if (!relation.draft) continue;
      const label = own(model.vocabulary.relations, relation.type)?.label ?? relation.type;
      const name = `${labels.get(relation.source) ?? relation.source} → ${label} → ${labels.get(relation.target) ?? relation.target}`;
      items.push({ kind: 'relation', id: relation.id, article: slug, name, start: relation.evidence.start, end: relation.evidence.end, ...relation.draft });
    }
    all.push(...items.sort((a, b) => a.start - b.start || a.end - b.end));
  }
  return all;
}
