import { ImportError } from '../import/errors.ts';
import { formatOf } from '../import/format.ts';
import type { ImportedGraph } from '../import/imported.ts';
import { readGraphologyJson } from '../import/json.ts';
import { graphStream, type GraphStream } from '../import/stream.ts';
import type { StreamedFile } from '../import/streamed.ts';

/**
 * Reads a graph file off the main thread: the page stays responsive, shows how far the reading
 * is and can end it (terminating this worker) at any point. GraphML and GEXF stream through
 * their readers chunk by chunk, never whole in memory as text; JSON has no streaming parser and
 * is read whole.
 */

export interface ToReader {
  file: Blob;
  name: string;
}

/** What went wrong, as fields: an Error's class does not survive a structured clone. */
export interface ReadFailure {
  importError: boolean;
  file: string;
  reason: string;
  line?: number;
  column?: number;
}

/**
 * A JSON file comes back read (`done`); a GraphML or GEXF file as its reader's parts (`streamed`),
 * for the page to build: building the graph takes graphology, which this worker then need not
 * ship a copy of (the page has its own).
 */
export type FromReader = { kind: 'progress'; fraction: number } | { kind: 'done'; imported: ImportedGraph } | { kind: 'streamed'; file: StreamedFile } | { kind: 'failed'; failure: ReadFailure };

/** Characters looked at to tell the format (formatOf reads the first 4096). */
const SNIFF = 4096;
/** At most one progress message per this many ms: more would only queue on the main thread. */
const PROGRESS_MS = 50;

const post = (message: FromReader) => (self as unknown as { postMessage(message: FromReader): void }).postMessage(message);

async function read({ file, name }: ToReader): Promise<FromReader> {
  const bytes = file.size;
  const source = file.stream().getReader();
  const decoder = new TextDecoder();
  let read = 0;
  let posted = 0;
  // Text held until there is enough to tell the format; afterwards each chunk goes straight in.
  let head = '';
  let reader: GraphStream | undefined;
  let json: string[] | undefined;
  const take = (text: string) => {
    if (reader) reader.feed(text);
    else json!.push(text);
  };
  const start = (ended: boolean) => {
    if (reader || json || (!ended && head.length < SNIFF)) return;
    const format = formatOf(name, head);
    if (format === 'json') json = [];
    else reader = graphStream(name, format);
    take(head);
    head = '';
  };
  for (;;) {
    const { done, value } = await source.read();
    if (done) break;
    read += value.byteLength;
    const text = decoder.decode(value, { stream: true });
    if (reader || json) take(text);
    else {
      head += text;
      start(false);
    }
    const now = performance.now();
    if (now - posted >= PROGRESS_MS) {
      posted = now;
      post({ kind: 'progress', fraction: bytes > 0 ? read / bytes : 1 });
    }
  }
  head += decoder.decode();
  if (!reader && !json) {
    if (head.trim() === '') throw new ImportError(name, 'is empty: no graph in it');
    start(true);
  } else if (head) take(head);
  post({ kind: 'progress', fraction: 1 });
  if (json) return { kind: 'done', imported: readGraphologyJson(name, json.join('')) };
  return { kind: 'streamed', file: reader!.end() };
}

function failureOf(error: unknown, name: string): ReadFailure {
  if (error instanceof ImportError) return { importError: true, file: error.file, reason: error.reason, line: error.line, column: error.column };
  return { importError: false, file: name, reason: error instanceof Error ? error.message : String(error) };
}

self.onmessage = (event: MessageEvent<ToReader>) => {
  read(event.data).then(
    (message) => post(message),
    (error: unknown) => post({ kind: 'failed', failure: failureOf(error, event.data.name) }),
  );
};
