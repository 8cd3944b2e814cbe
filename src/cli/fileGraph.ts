import { createReadStream, readFileSync, statSync } from 'node:fs';
import { ImportError } from '../import/errors.ts';
import { formatOf } from '../import/format.ts';
import type { ImportedGraph } from '../import/imported.ts';
import { readGraphologyJson } from '../import/json.ts';
import { graphStream, importedFromStreamed } from '../import/stream.ts';
import { streamedGraph } from '../import/buildStreamed.ts';
import type { StreamedGraph } from '../import/streamed.ts';

/** Characters per chunk fed to the reader: large chunks keep the per-chunk cost of the XML scanner and the stream negligible. */
const CHUNK = 1 << 20;

/** JSON is parsed whole (JSON.parse has no streaming form); a graph file this large is no graphology JSON we can hold. */
const MAX_JSON_BYTES = 2 ** 29;

export interface FileGraphOptions {
  /** Called after each chunk with the characters read so far and the file's size in bytes. */
  progress?: (consumed: number, bytes: number) => void;
}

/** A regular file's size, or an ImportError saying what `path` is instead. */
function fileSize(path: string): number {
  const stats = statSync(path);
  if (stats.isDirectory()) throw new ImportError(path, 'is a folder, not a graph file');
  if (!stats.isFile()) throw new ImportError(path, 'is not a regular file (a pipe or a device?): name a .graphml, .gexf or .json file');
  return stats.size;
}

/**
 * A GraphML or GEXF file streamed from disk into the graph it holds, never whole in memory.
 * @throws ImportError (naming the file, line and column) or the system error of a file that cannot be read.
 */
export async function streamGraphFile(path: string, options: FileGraphOptions = {}): Promise<StreamedGraph> {
  const bytes = fileSize(path);
  const input = createReadStream(path, { encoding: 'utf8', highWaterMark: CHUNK });
  let reader: ReturnType<typeof graphStream> | undefined;
  try {
    for await (const chunk of input as AsyncIterable<string>) {
      if (reader === undefined) {
        const format = formatOf(path, chunk);
        if (format === 'json') throw new ImportError(path, 'holds JSON, not GraphML or GEXF: name it .json to read it as graphology JSON');
        reader = graphStream(path, format);
      }
      reader.feed(chunk);
      options.progress?.(reader.consumed, bytes);
    }
  } finally {
    input.destroy();
  }
  if (reader === undefined) throw new ImportError(path, 'is empty: no graph in it');
  return streamedGraph(reader.end());
}

/** Any graph file the explorer opens (GraphML, GEXF, graphology JSON), as an ImportedGraph for openedArticle. */
export async function readGraphFileAt(path: string, options: FileGraphOptions = {}): Promise<{ imported: ImportedGraph; streamed?: StreamedGraph }> {
  const bytes = fileSize(path);
  if (/\.json$/i.test(path)) {
    if (bytes > MAX_JSON_BYTES) throw new ImportError(path, `is ${bytes} bytes: graphology JSON is read whole, and at most ${MAX_JSON_BYTES} bytes; GraphML streams`);
    return { imported: readGraphologyJson(path, readFileSync(path, 'utf8')) };
  }
  const streamed = await streamGraphFile(path, options);
  return { imported: importedFromStreamed(streamed), streamed };
}
