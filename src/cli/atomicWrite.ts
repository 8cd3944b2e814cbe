import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

export interface FileToWrite {
  path: string;
  chunks: Iterable<string>;
}

/**
 * Writes files so that a reader never sees half of one: each goes to a temp file beside its
 * target, and only when every file is complete are they renamed into place. On any failure the
 * temp files are removed and the targets are untouched.
 */
export function writeFilesAtomic(files: FileToWrite[]): void {
  const temps: { temp: string; path: string }[] = [];
  try {
    for (const file of files) {
      const temp = join(dirname(file.path), `.${basename(file.path)}.tmp-${process.pid}-${Date.now()}`);
      temps.push({ temp, path: file.path });
      const fd = openSync(temp, 'w');
      try {
        for (const chunk of file.chunks) writeSync(fd, chunk);
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
    }
    for (const { temp, path } of temps) renameSync(temp, path);
  } catch (error) {
    for (const { temp } of temps) rmSync(temp, { force: true });
    throw error;
  }
}
