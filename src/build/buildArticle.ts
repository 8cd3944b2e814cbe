import { layoutGraph, type LayoutOptions } from '../layout/layout.ts';
import { buildModel, type ArticleSources } from './buildModel.ts';
import { BUILT_FORMAT, type BuiltArticle } from './built.ts';
import { toGraph } from './toGraph.ts';

/** Data files -> validated model -> graph -> layout. Throws DataValidationError. */
export function buildArticle(sources: ArticleSources, options?: LayoutOptions): BuiltArticle {
  const model = buildModel(sources);
  const graph = toGraph(model);
  layoutGraph(graph, options);
  return { format: BUILT_FORMAT, text: model.text, vocabulary: model.vocabulary, graph: graph.export() };
}
