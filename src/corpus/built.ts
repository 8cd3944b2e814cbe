import { MultiDirectedGraph } from 'graphology';
import type { SerializedGraph } from 'graphology-types';
import type { KgEdgeAttributes, KgGraphAttributes, KgNodeAttributes, Vocabulary } from '../model/types.ts';
import type { KgGraph } from './toGraph.ts';
import { BUILT_FORMAT } from './builtFormat.ts';

export { BUILT_FORMAT };

/**
 * An article ready to use: the laid-out graph in graphology's serialized form, the article text
 * (for highlighting) and the vocabulary. This is what the CLI caches and the browser loads.
 */
export interface BuiltArticle {
  format: typeof BUILT_FORMAT;
  text: string;
  vocabulary: Vocabulary;
  graph: SerializedGraph<KgNodeAttributes, KgEdgeAttributes, KgGraphAttributes>;
}

export interface LoadedArticle {
  text: string;
  vocabulary: Vocabulary;
  graph: KgGraph;
}

/** Revives a built article; kept apart from the builder so loading needs no YAML or schema code. */
export function loadArticle(built: BuiltArticle): LoadedArticle {
  if (built.format !== BUILT_FORMAT) throw new Error(`built article has format ${built.format}, expected ${BUILT_FORMAT}: rebuild it`);
  const graph: KgGraph = MultiDirectedGraph.from(built.graph);
  return { text: built.text, vocabulary: built.vocabulary, graph };
}
