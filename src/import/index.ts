/**
 * Opening a person's own graph file: a reader per format turns its text into an ImportedGraph,
 * `openedArticle` makes that the explorer's graph. Pure: the XML parser is passed in.
 */
import { ImportError } from './errors.ts';
import { readGexf } from './gexf.ts';
import { readGraphML } from './graphml.ts';
import type { ImportedGraph, ImportFormat } from './imported.ts';
import { readGraphologyJson } from './json.ts';
import type { ParseXml } from './xml.ts';

export { ImportError } from './errors.ts';
export { IMPORT_FORMATS, type ImportedEdge, type ImportedGraph, type ImportedNode, type ImportFormat } from './imported.ts';
export { defaultTypeAttribute, layoutIterations, MAX_TYPE_VALUES, NO_TYPE, openedArticle, typeCandidates, type OpenOptions, type TypeCandidate } from './toArticle.ts';
export { readGexf, readGraphML, readGraphologyJson, type ParseXml };

/**
 * The format of a file: from its content when it says (`{`, `<graphml`, `<gexf`), else from its
 * extension; a name and content that say nothing are refused.
 */
export function formatOf(name: string, text: string): ImportFormat {
  const start = text.slice(0, 4096).replace(/^\uFEFF/, '').trimStart();
  if (start.startsWith('{') || start.startsWith('[')) return 'json';
  if (/<(\w+:)?graphml[\s>]/.test(start)) return 'graphml';
  if (/<(\w+:)?gexf[\s>]/.test(start)) return 'gexf';
  const extension = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase();
  if (extension === 'graphml' || extension === 'xml') return 'graphml';
  if (extension === 'gexf') return 'gexf';
  if (extension === 'json') return 'json';
  throw new ImportError(name, 'not a graph file the explorer knows: open GraphML (.graphml), GEXF (.gexf) or graphology JSON (.json)');
}

/**
 * Reads a graph file's text, whichever of the three formats it is.
 * @throws ImportError naming the file, and the line and column where the parser stopped.
 */
export function readGraphFile(name: string, text: string, parseXml: ParseXml): ImportedGraph {
  const format = formatOf(name, text);
  if (format === 'json') return readGraphologyJson(name, text);
  return format === 'gexf' ? readGexf(name, text, parseXml) : readGraphML(name, text, parseXml);
}
