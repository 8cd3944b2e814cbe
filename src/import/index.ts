/**
 * Opening a person's own graph file: a reader per format turns its text into an ImportedGraph,
 * `openedArticle` makes that the explorer's graph. Pure: the XML parser is passed in.
 */
import { formatOf } from './format.ts';
import { readGexf } from './gexf.ts';
import { readGraphML } from './graphml.ts';
import type { ImportedGraph } from './imported.ts';
import { readGraphologyJson } from './json.ts';
import type { ParseXml } from './xml.ts';

export { ImportError } from './errors.ts';
export { IMPORT_FORMATS, type ImportedEdge, type ImportedGraph, type ImportedNode, type ImportFormat } from './imported.ts';
export { defaultTypeAttribute, layoutIterations, MAX_TYPE_VALUES, NO_TYPE, openedArticle, typeCandidates, type OpenOptions, type TypeCandidate } from './toArticle.ts';
export { readGexf, readGraphML, readGraphologyJson, type ParseXml };
export { formatOf } from './format.ts';
export { graphStream, importedFromStreamed, type GraphStream } from './stream.ts';
export type { FileGraph, StreamedGraph, Visual } from './streamed.ts';

/**
 * Reads a graph file's text, whichever of the three formats it is.
 * @throws ImportError naming the file, and the line and column where the parser stopped.
 */
export function readGraphFile(name: string, text: string, parseXml: ParseXml): ImportedGraph {
  const format = formatOf(name, text);
  if (format === 'json') return readGraphologyJson(name, text);
  return format === 'gexf' ? readGexf(name, text, parseXml) : readGraphML(name, text, parseXml);
}
