import { ImportError } from '../import/errors.ts';
import type { ImportedGraph } from '../import/imported.ts';
import { streamedGraph } from '../import/buildStreamed.ts';
import { importedFromClone, importedFromStreamed, streamedFromClone } from '../import/stream.ts';
import type { FromReader, ToReader } from './openFileWorker.ts';

export interface FileReading {
  /** The file's graph; rejects with an ImportError (file, line, column) or the browser's error. Never settles once cancelled. */
  done: Promise<ImportedGraph>;
  /** Ends the reading at once (the worker is terminated): nothing it read is kept. */
  cancel(): void;
}

/** Reads a graph file (or a stored copy of one) in ./openFileWorker.ts, telling `onProgress` the fraction of its bytes read. */
export function readFileInWorker(file: Blob, name: string, onProgress?: (fraction: number) => void): FileReading {
  const worker = new Worker(new URL('./openFileWorker.ts', import.meta.url), { type: 'module' });
  const done = new Promise<ImportedGraph>((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<FromReader>) => {
      const message = event.data;
      if (message.kind === 'progress') return onProgress?.(message.fraction);
      worker.terminate();
      if (message.kind === 'done') return resolve(importedFromClone(message.imported));
      if (message.kind === 'streamed') {
        // Built here, from the reader's parts: a failure to build rejects like a failure to read.
        try {
          resolve(importedFromStreamed(streamedGraph(streamedFromClone(message.file))));
        } catch (error) {
          reject(error);
        }
        return;
      }
      const { importError, file, reason, line, column } = message.failure;
      reject(importError ? new ImportError(file, reason, line, column) : new Error(reason));
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(`the file reader stopped: ${event.message || 'the worker failed to start'}`));
    };
  });
  const message: ToReader = { file, name };
  worker.postMessage(message);
  return { done, cancel: () => worker.terminate() };
}
