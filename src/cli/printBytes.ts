import { writeSync } from 'node:fs';

const pause = new Int32Array(new SharedArrayBuffer(4));

/**
 * Writes all of `bytes` to standard output, straight to file descriptor 1: `process.stdout`
 * is a stream (for a pipe, a socket) whose creation alone took `kg` 3 ms, as long as printing a
 * thousand-line answer. A descriptor left non-blocking by whoever made it says EAGAIN when the
 * reader lags: wait a millisecond and go on. A reader gone (EPIPE) ends the process quietly,
 * as SIGPIPE would (128 + 13), as kg.ts does for the stream; any other failure (a full disk) is
 * one line and status 1.
 */
export function printBytes(bytes: Uint8Array): void {
  let at = 0;
  while (at < bytes.length) {
    try {
      at += writeSync(1, bytes, at, bytes.length - at);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EPIPE') process.exit(141);
      if (code !== 'EAGAIN') {
        process.stderr.write(`kg: cannot write the answer to standard output: ${code ?? String(error)}\n`);
        process.exit(1);
      }
      Atomics.wait(pause, 0, 0, 1);
    }
  }
}
