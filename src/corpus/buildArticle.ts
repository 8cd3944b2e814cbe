import { layoutGraph, type LayoutOptions } from '../layout/layout.ts';
import type { CorpusModel } from './buildCorpus.ts';
import { buildModel, type ArticleSources } from './buildModel.ts';
import { BUILT_FORMAT, type BuiltArticle } from './built.ts';
import { toCorpusGraph, toGraph } from './toGraph.ts';

/** One article on its own: data files -> validated model -> graph -> layout. Throws DataValidationError. */
export function buildArticle(sources: ArticleSources, options?: LayoutOptions): BuiltArticle {
  const model = buildModel(sources);
  const graph = toGraph(model);
  layoutGraph(graph, options);
  return { format: BUILT_FORMAT, text: model.text, vocabulary: model.vocabulary, graph: graph.export() };
}

/**
 * A view of a validated corpus, laid out: one article (`slug`) as its own graph, exactly as it
 * reads on its own, or (no slug) the corpus graph, whose `text` is empty: each mention and
 * evidence names the article whose text its offsets are in.
 * @throws Error for a slug the corpus lacks (callers check it first).
 */
export function viewOf(corpus: CorpusModel, slug: string | undefined, options: LayoutOptions = {}): BuiltArticle {
  const article = slug === undefined ? undefined : corpus.articles.find((a) => a.meta.slug === slug);
  if (slug !== undefined && !article) throw new Error(`no article "${slug}" in the corpus`);
  const graph = article ? toGraph(article) : toCorpusGraph(corpus);
  layoutGraph(graph, options);
  return { format: BUILT_FORMAT, text: article?.text ?? '', vocabulary: corpus.vocabulary, graph: graph.export() };
}
