import type { LoadedArticle } from '../corpus/built.ts';
import { openedArticle } from '../import/toArticle.ts';
import { readGraphFileAt } from './fileGraph.ts';
import { visible } from './terminal.ts';

/** Files smaller than this read in well under a second: no progress line for them. */
const PROGRESS_BYTES = 32 * 1024 * 1024;

/**
 * `kg --file g.graphml …`: a GraphML, GEXF or graphology JSON file as the graph the query core
 * answers on, made by the explorer's own openedArticle (labels, types, relations), so a file
 * reads the same in both. GraphML and GEXF stream from disk. No layout unless asked (a query
 * needs none). What the reader accepted of a loose file (ids given twice…) is said on stderr;
 * so is the progress of a large file, when stderr is a terminal.
 */
export async function fileArticle(path: string, options: { layout?: boolean } = {}): Promise<LoadedArticle> {
  const tty = process.stderr.isTTY === true;
  let shown = -1;
  const progress = (consumed: number, bytes: number) => {
    if (!tty || bytes < PROGRESS_BYTES) return;
    // Characters against bytes: exact for ASCII files, an estimate for others, never past 99% before the end.
    const percent = Math.min(99, Math.floor((consumed / bytes) * 100));
    if (percent !== shown) process.stderr.write(`\rreading ${visible(path)}: ${(shown = percent)}%`);
  };
  let read: Awaited<ReturnType<typeof readGraphFileAt>>;
  try {
    read = await readGraphFileAt(path, { progress });
  } finally {
    if (shown >= 0) process.stderr.write('\r\x1b[K');
  }
  for (const note of read.streamed?.notes ?? []) process.stderr.write(`kg: ${visible(path)}: ${visible(note)}\n`);
  return openedArticle(read.imported, { layout: options.layout ?? false });
}
