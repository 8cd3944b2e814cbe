/**
 * Opening a person's own graph file: a streaming reader per XML format (graphmlStream.ts,
 * gexfStream.ts) or the JSON reader turns its text into an ImportedGraph, `openedArticle` makes
 * that the explorer's graph. Pure: no DOM, no Node API.
 */
import { formatOf } from './format.ts';
import type { ImportedGraph } from './imported.ts';
import { readGraphologyJson } from './json.ts';
import { streamedGraph } from './buildStreamed.ts';
import { graphStream, importedFromStreamed } from './stream.ts';

export { ImportError } from './errors.ts';
export { IMPORT_FORMATS, type ImportedEdge, type ImportedGraph, type ImportedNode, type ImportFormat } from './imported.ts';
export { defaultTypeAttribute, layoutIterations, MAX_TYPE_VALUES, NO_TYPE, openedArticle, typeCandidates, type OpenOptions, type TypeCandidate } from './toArticle.ts';
export { readGraphologyJson };
export { formatOf } from './format.ts';
export { graphStream, importedFromStreamed, type GraphStream } from './stream.ts';
export { streamedGraph };
export type { FileGraph, StreamedFile, StreamedGraph, Visual } from './streamed.ts';

/** Characters fed to a streaming reader at a time when the whole text is at hand. */
const CHUNK = 1 << 20;

/**
 * Reads a graph file's whole text, whichever of the three formats it is. GraphML and GEXF go
 * through the same streaming readers as a file read in chunks, so there is one reader per format.
 * @throws ImportError naming the file, and the line and column where the parser stopped.
 */
export function readGraphFile(name: string, text: string): ImportedGraph {
  const format = formatOf(name, text);
  if (format === 'json') return readGraphologyJson(name, text);
  const reader = graphStream(name, format);
  for (let i = 0; i < text.length; i += CHUNK) reader.feed(text.slice(i, i + CHUNK));
  return importedFromStreamed(streamedGraph(reader.end()));
}
