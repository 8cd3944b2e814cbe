import { closeSync, fsyncSync, lstatSync, openSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { asWriteError, FileWriteError } from './fsErrors.ts';
import { onInterrupt } from './signals.ts';

export interface FileToWrite {
  path: string;
  chunks: Iterable<string | Uint8Array>;
}

/** Bytes per write call: between two calls a signal handler gets its turn. */
const SLICE = 1 << 20;

const tempPrefix = (path: string) => `.${basename(path)}.tmp-`;

/**
 * Writes files so that a reader never sees half of one: each goes to a temp file beside its
 * target, is flushed to disk, and only when every file is complete are they renamed into place.
 * On any failure, and on Ctrl-C, SIGTERM or SIGHUP, the temp files are removed and the targets
 * are untouched. Asynchronous so that those signals are handled mid-write: a synchronous loop
 * would hold them off until it had finished.
 */
export async function writeFilesAtomic(files: FileToWrite[]): Promise<void> {
  const stamp = Date.now();
  const temps = files.map((file) => join(dirname(file.path), `${tempPrefix(file.path)}${process.pid}-${stamp}`));
  const removeTemps = () => temps.forEach(removeQuietly);
  const stopHandling = onInterrupt(() => {
    removeTemps();
    return `${files.map((f) => f.path).join(', ')} left unchanged`;
  });
  try {
    for (const { path } of files) {
      refuseFolder(path);
      sweepStaleTemps(path);
    }
    for (const [i, file] of files.entries()) await writeTemp(temps[i]!, file);
    // Synchronous from here: no signal can land between two renames.
    files.forEach((file, i) => sync(file.path, () => renameSync(temps[i]!, file.path)));
    for (const folder of new Set(files.map((f) => dirname(f.path)))) flushFolder(folder);
  } catch (error) {
    removeTemps();
    throw error;
  } finally {
    stopHandling();
  }
}

async function writeTemp(temp: string, file: FileToWrite): Promise<void> {
  // `wx`: never through a link or a file that someone else put at the temp name.
  const handle = await io(file.path, open(temp, 'wx'));
  try {
    for (const chunk of file.chunks) await writeAll(handle, typeof chunk === 'string' ? Buffer.from(chunk) : chunk, file.path);
    await io(file.path, handle.sync());
  } catch (error) {
    await handle.close().catch(() => undefined);
    throw error;
  }
  await io(file.path, handle.close());
}

/** A write may take fewer bytes than offered (a file size limit, a full disk): go on until all are written. */
async function writeAll(handle: FileHandle, bytes: Uint8Array, path: string): Promise<void> {
  for (let at = 0; at < bytes.length; ) {
    const { bytesWritten } = await io(path, handle.write(bytes, at, Math.min(SLICE, bytes.length - at)));
    if (bytesWritten <= 0) throw new FileWriteError(path, 'the device took no more bytes');
    at += bytesWritten;
  }
}

async function io<T>(path: string, operation: Promise<T>): Promise<T> {
  try {
    return await operation;
  } catch (error) {
    throw asWriteError(path, error);
  }
}

function sync<T>(path: string, operation: () => T): T {
  try {
    return operation();
  } catch (error) {
    throw asWriteError(path, error);
  }
}

/** A folder at the target would only fail the rename, after the whole export had been written. */
function refuseFolder(path: string): void {
  let folder = false;
  try {
    folder = lstatSync(path).isDirectory();
  } catch {
    // Nothing there yet, or nothing we can see: the write itself will say what is wrong.
  }
  if (folder) throw new FileWriteError(path, 'is a directory');
}

/** Removes temp files that an earlier run left beside `path` when it was killed (SIGKILL cannot be caught). */
function sweepStaleTemps(path: string): void {
  const folder = dirname(path);
  const prefix = tempPrefix(path);
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return;
  }
  for (const name of names) {
    const pid = name.startsWith(prefix) ? /^(\d+)-\d+$/.exec(name.slice(prefix.length))?.[1] : undefined;
    if (pid !== undefined && !isRunning(Number(pid))) removeQuietly(join(folder, name));
  }
}

/** Cleanup never hides the error that made it necessary. */
function removeQuietly(path: string): void {
  try {
    rmSync(path, { force: true });
  } catch {
    // A folder or a file we may not remove: not ours to force.
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as someone else.
    return (error as { code?: string }).code === 'EPERM';
  }
}

/** Makes the renames themselves durable. Some file systems cannot sync a folder; the files are safe regardless. */
function flushFolder(folder: string): void {
  try {
    const fd = openSync(folder, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Best effort.
  }
}
