import type { ArticleFiles, CorpusSources } from '../corpus/buildCorpus.ts';
import { relationIds } from '../corpus/relationIds.ts';
import type { SourceFile } from '../corpus/yamlSource.ts';
import { own } from '../model/own.ts';
import { CurationError } from './errors.ts';
import { valueOf } from './yamlText.ts';

/** An entry of a data file's `entities:` or `relations:` list, as the curation edits find it. */
export interface Entry {
  file: SourceFile;
  /** The article whose graph.yaml holds it; undefined for data/entities.yaml. */
  article?: string;
  index: number;
  value: Record<string, unknown>;
}


const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The records of one list of a file (`entities`, `relations`); a file that does not parse has none. */
export function listOf(file: SourceFile, key: 'entities' | 'relations'): Record<string, unknown>[] {
  let value: unknown;
  try {
    value = valueOf(file.text);
  } catch {
    return [];
  }
  const list = isRecord(value) ? own(value, key) : undefined;
  return Array.isArray(list) ? list.map((item) => (isRecord(item) ? item : {})) : [];
}

/** Every file that can hold entity entries: entities.yaml first, then each article's graph.yaml. */
export function entityFiles(sources: CorpusSources): { file: SourceFile; article?: string }[] {
  return [...(sources.entities ? [{ file: sources.entities }] : []), ...sources.articles.map((a) => ({ file: a.graph, article: a.slug }))];
}

export const isDefinition = (entry: Record<string, unknown>) => own(entry, 'type') !== undefined || own(entry, 'label') !== undefined;

/** Where an entity is defined (its one full entry), and every reference entry naming it. */
export function findEntity(sources: CorpusSources, id: string): { definition: Entry; references: Entry[] } {
  let definition: Entry | undefined;
  const references: Entry[] = [];
  for (const { file, article } of entityFiles(sources)) {
    listOf(file, 'entities').forEach((value, index) => {
      if (own(value, 'id') !== id) return;
      const entry = { file, ...(article !== undefined ? { article } : {}), index, value };
      if (isDefinition(value)) definition ??= entry;
      else references.push(entry);
    });
  }
  if (!definition) throw new CurationError(`unknown entity "${id}": no article and no entities.yaml defines it`);
  return { definition, references };
}

export function articleFiles(sources: CorpusSources, slug: string): ArticleFiles {
  const files = sources.articles.find((a) => a.slug === slug);
  if (!files) throw new CurationError(`no article "${slug}"; there are: ${sources.articles.map((a) => a.slug).join(', ') || 'none'}`);
  return files;
}

/**
 * A relation by id: its own (`id:`) or the one the builder derives; `<article>:<id>` (a corpus
 * graph's edge key) names the article too.
 */
export function findRelation(sources: CorpusSources, id: string, slug?: string): Entry {
  const colon = id.indexOf(':');
  const [article, relation] = colon === -1 ? [slug, id] : [id.slice(0, colon), id.slice(colon + 1)];
  const candidates = article !== undefined ? [articleFiles(sources, article)] : sources.articles;
  for (const files of candidates) {
    const relations = listOf(files.graph, 'relations');
    const index = relationIds(relations).indexOf(relation);
    if (index !== -1) return { file: files.graph, article: files.slug, index, value: relations[index]! };
  }
  throw new CurationError(`no entity, relation or relation type "${id}"${article !== undefined ? ` in article ${article}` : ''}`);
}

/** Every relation of every article, with where it is. */
export function allRelations(sources: CorpusSources): (Entry & { id: string })[] {
  return sources.articles.flatMap((files) => {
    const relations = listOf(files.graph, 'relations');
    const ids = relationIds(relations);
    return relations.map((value, index) => ({ file: files.graph, article: files.slug, index, value, id: ids[index]! }));
  });
}
