export { buildArticle } from './buildArticle.ts';
export { buildModel, type ArticleSources } from './buildModel.ts';
export { BUILT_FORMAT, loadArticle, type BuiltArticle, type LoadedArticle } from './built.ts';
export { findMentions, locateQuote } from './ground.ts';
export { toGraph, type KgGraph } from './toGraph.ts';
export type { SourceFile } from './yamlSource.ts';
export { decodeSource } from './decodeSource.ts';
export { ParsedFiles } from './parsedFiles.ts';
export { parseVocabulary } from './vocabulary.ts';
