import { extname, resolve } from 'node:path';
import type { LoadedArticle } from '../corpus/built.ts';
import { EXPORT_FORMATS, exportArticle, exportSvg, IMAGE_FORMATS, type ExportFormat, type ImageFormat } from '../export/index.ts';
import { UsageError } from '../model/errors.ts';
import { own, recordOf } from '../model/own.ts';
import { oneOf } from '../query/options.ts';
import { writeFilesAtomic } from './atomicWrite.ts';
import { visible } from './terminal.ts';

/** What `kg export` writes: the data formats, and SVG, a picture of the graph as laid out. */
const FORMATS = [...EXPORT_FORMATS, ...IMAGE_FORMATS] as const;
type Format = ExportFormat | ImageFormat;
/** `x.gexf` is GEXF: each format's own extension names it. */
const FORMAT_OF_EXTENSION = recordOf<Format>(FORMATS.map((format) => [`.${format}`, format]));
const CSV_TABLES = ['nodes', 'edges'] as const;
type CsvTable = (typeof CSV_TABLES)[number];

export interface ExportRequest {
  format: Format;
  out: string | undefined;
  /** CSV only: the one table to write. */
  table: CsvTable | undefined;
}

/**
 * What `kg export` is asked to write, checked before any data is read, so a refusal writes nothing.
 * The format is `--format` (any case), else the extension of `--out`, else GraphML; a `--format`
 * the extension contradicts is refused rather than written under a misleading name. CSV is two
 * tables, and one stream can hold only one readable CSV file: to standard output it takes
 * `--table`, while `--out FILE` writes both (FILE.nodes.csv, FILE.edges.csv).
 * @throws UsageError
 */
export function exportRequest(values: { format?: string; out?: string; table?: string }): ExportRequest {
  const named = values.format === undefined ? undefined : oneOf('export format', values.format, FORMATS);
  const { out } = values;
  const extension = out === undefined ? '' : extname(out).toLowerCase();
  const implied = own(FORMAT_OF_EXTENSION, extension);
  if (named !== undefined && implied !== undefined && named !== implied) {
    throw new UsageError(`--format ${named} does not match --out ${out}, a ${implied} file name; name the file .${named}, or leave out --format`);
  }
  const table = values.table === undefined ? undefined : oneOf('CSV table', values.table, CSV_TABLES);
  // Only CSV has tables: asking for one says CSV.
  const format = named ?? implied ?? (table === undefined ? 'graphml' : 'csv');
  if (table !== undefined && format !== 'csv') throw new UsageError(`--table is for CSV; ${format} holds nodes and edges in one file`);
  if (format === 'csv' && table === undefined && out === undefined) {
    throw new UsageError('CSV is two tables, nodes and edges, and standard output holds one: choose it with --table nodes|edges, or write both with --out FILE (FILE.nodes.csv and FILE.edges.csv)');
  }
  return { format, out, table };
}

/** Writes the export to standard output, or atomically to the files named. */
export async function exportCommand(article: LoadedArticle, request: ExportRequest): Promise<number> {
  // SVG has no PNG sibling here: rasterising needs a browser or a native library (the explorer draws PNGs).
  const all = request.format === 'svg' ? [exportSvg(article)] : exportArticle(article, request.format);
  const files = request.table === undefined ? all : all.filter((file) => file.suffix === `.${request.table}.csv`);
  if (files.length === 0) throw new Error(`kg export: no ${request.table} table in the CSV export`);
  if (request.out === undefined) {
    for (const file of files) for (const chunk of file.chunks) process.stdout.write(chunk);
    return 0;
  }
  // One file goes where it was told; two share the name given, less its .csv.
  const base = files.length > 1 ? request.out.replace(/\.csv$/i, '') : request.out;
  const targets = files.map((file) => ({ path: resolve(files.length > 1 ? base + file.suffix : base), chunks: file.chunks }));
  await writeFilesAtomic(targets);
  for (const target of targets) process.stderr.write(`wrote ${visible(target.path)}\n`);
  return 0;
}
