import type { LoadedArticle } from '../corpus/built.ts';
import { UsageError } from '../model/errors.ts';
import { toCsv } from './csv.ts';
import { flatSchema, flattenGraph, isCorpusGraph } from './flatten.ts';
import { gexfString } from './gexf.ts';
import { writeGraphML } from './graphml.ts';
import { wellFormedGraph } from './wellFormed.ts';

export const EXPORT_FORMATS = ['graphml', 'gexf', 'json', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** One output file: `suffix` is appended to the base name when a format writes several files. */
export interface ExportFile {
  suffix: string;
  chunks: Iterable<string>;
}

/**
 * An article's graph in one format, as chunks of text: the core does no I/O, so the CLI can
 * stream to a temp file and the browser can build a Blob.
 *
 * Every string is first made well-formed, once, for all formats (lone surrogates -> U+FFFD:
 * ./wellFormed.ts). Then GraphML and GEXF replace what XML 1.0 forbids by U+FFFD and write no
 * value for an empty string (./xml.ts, ./graphml.ts, ./gexf.ts); CSV quotes formula-like cells
 * (./csv.ts); JSON keeps everything else as it is.
 */
export function exportArticle(article: LoadedArticle, format: ExportFormat): ExportFile[] {
  const graph = wellFormedGraph(article.graph);
  switch (format) {
    case 'graphml': {
      return [{ suffix: '', chunks: writeGraphML(flattenGraph(graph), flatSchema(article.vocabulary, { corpus: isCorpusGraph(graph) })) }];
    }
    case 'gexf':
      return [{ suffix: '', chunks: [gexfString(flattenGraph(graph))] }];
    case 'json':
      return [{ suffix: '', chunks: [JSON.stringify(graph.export(), null, 2) + '\n'] }];
    case 'csv': {
      const { nodes, edges } = toCsv(flattenGraph(graph), flatSchema(article.vocabulary, { corpus: isCorpusGraph(graph) }));
      return [{ suffix: '.nodes.csv', chunks: [nodes] }, { suffix: '.edges.csv', chunks: [edges] }];
    }
    default:
      throw new UsageError(`unknown export format "${String(format)}"; known: ${EXPORT_FORMATS.join(', ')}`);
  }
}

export { flatSchema, flattenGraph, type FlatGraph, type FlatSchema } from './flatten.ts';
