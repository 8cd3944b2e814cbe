import type { ArticleModel } from '../model/types.ts';
import { buildCorpus } from './buildCorpus.ts';
import type { ParsedFiles } from './parsedFiles.ts';
import type { SourceFile } from './yamlSource.ts';

/** The files that make up one article and the vocabulary: a corpus of one. */
export interface ArticleSources {
  slug: string;
  vocabulary: SourceFile;
  meta: SourceFile;
  graph: SourceFile;
  article: SourceFile;
  /** data/entities.yaml, when the article uses entities the corpus shares. */
  entities?: SourceFile;
}

/**
 * Validates one article on its own (every entity it uses defined in its graph.yaml or in
 * entities.yaml) and grounds it: the corpus builder with a corpus of one, so both follow the same rules.
 * @throws DataValidationError listing every problem, each with file, line and path.
 */
export function buildModel(sources: ArticleSources, options: { parsed?: ParsedFiles } = {}): ArticleModel {
  const { slug, vocabulary, meta, graph, article, entities } = sources;
  return buildCorpus({ vocabulary, ...(entities ? { entities } : {}), articles: [{ slug, meta, graph, article }] }, { ...options, ground: new Set([slug]) }).articles[0]!;
}
