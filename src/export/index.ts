import writeGexf from 'graphology-gexf/common/writer.js';
import type { LoadedArticle } from '../build/built.ts';
import { UsageError } from '../model/errors.ts';
import { toCsv } from './csv.ts';
import { flatSchema, flattenGraph } from './flatten.ts';
import { writeGraphML } from './graphml.ts';

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
 */
export function exportArticle(article: LoadedArticle, format: ExportFormat): ExportFile[] {
  switch (format) {
    case 'graphml': {
      return [{ suffix: '', chunks: writeGraphML(flattenGraph(article.graph), flatSchema(article.vocabulary)) }];
    }
    case 'gexf':
      return [{ suffix: '', chunks: [writeGexf(flattenGraph(article.graph), { pretty: true })] }];
    case 'json':
      return [{ suffix: '', chunks: [JSON.stringify(article.graph.export(), null, 2) + '\n'] }];
    case 'csv': {
      const { nodes, edges } = toCsv(flattenGraph(article.graph), flatSchema(article.vocabulary));
      return [{ suffix: '.nodes.csv', chunks: [nodes] }, { suffix: '.edges.csv', chunks: [edges] }];
    }
    default:
      throw new UsageError(`unknown export format "${String(format)}"; known: ${EXPORT_FORMATS.join(', ')}`);
  }
}

export { flatSchema, flattenGraph, type FlatGraph, type FlatSchema } from './flatten.ts';
