import { closeSync, constants, fstatSync, lstatSync, openSync, readdirSync, readSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { DataIssue } from '../model/errors.ts';

/** Larger than any article and its graph; a bigger "data file" is a mistake, not data. */
export const MAX_DATA_FILE_BYTES = 32 * 1024 * 1024;

const REASONS: Record<string, string> = {
  EACCES: 'cannot be read: permission denied',
  EPERM: 'cannot be read: operation not permitted',
  ELOOP: 'is a symbolic link loop',
  ENAMETOOLONG: 'has a name too long for the file system',
  ENOTDIR: 'is inside something that is not a folder',
  EIO: 'cannot be read: input/output error',
  EMFILE: 'cannot be opened: too many open files',
};

/** Why a path cannot be read, in words: a link that points nowhere is named as such. */
function reasonFor(path: string, error: unknown, missing: string): string {
  const code = (error as NodeJS.ErrnoException).code ?? '';
  if (code === 'ENOENT') {
    try {
      if (lstatSync(path).isSymbolicLink()) return 'is a broken symbolic link (it points to nothing)';
    } catch {
      // Not there at all.
    }
    return missing;
  }
  return Object.hasOwn(REASONS, code) ? REASONS[code]! : `cannot be read (${code || String(error)})`;
}

function kindOf(stats: { isFile(): boolean; isDirectory(): boolean; isFIFO(): boolean; isSocket(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean }): string {
  if (stats.isFile()) return 'a file';
  if (stats.isDirectory()) return 'a folder';
  if (stats.isFIFO()) return 'a named pipe (FIFO)';
  if (stats.isSocket()) return 'a socket';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  return 'something other than a file or folder';
}

/**
 * The bytes of a regular file, or undefined with an issue naming it. Opened non-blocking and
 * checked before reading, so a FIFO or a device in the data folder is refused at once instead
 * of hanging or reading forever; symbolic links to regular files are followed.
 */
export function readRegularFile(path: string, issues: DataIssue[]): Uint8Array | undefined {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    issues.push({ file: path, path: '', message: reasonFor(path, error, 'file is missing') });
    return undefined;
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) {
      issues.push({ file: path, path: '', message: `is ${kindOf(stats)}, not a regular file` });
      return undefined;
    }
    if (stats.size > MAX_DATA_FILE_BYTES) {
      issues.push({ file: path, path: '', message: `is ${stats.size} bytes: a data file may have at most ${MAX_DATA_FILE_BYTES}` });
      return undefined;
    }
    const bytes = new Uint8Array(stats.size);
    let filled = 0;
    while (filled < bytes.length) {
      const n = readSync(fd, bytes, filled, bytes.length - filled, null);
      if (n === 0) break;
      filled += n;
    }
    return bytes.subarray(0, filled);
  } catch (error) {
    issues.push({ file: path, path: '', message: reasonFor(path, error, 'file is missing') });
    return undefined;
  } finally {
    closeSync(fd);
  }
}

export interface FolderEntry {
  name: string;
  kind: 'folder' | 'file' | 'broken';
  problem?: string;
  /** A symbolic link, followed: what it points at can change while the folder stays as it was. */
  linked?: boolean;
}

/** A folder's entries, links followed; the folder itself must exist and be one. */
export function listFolder(dir: string, issues: DataIssue[]): FolderEntry[] {
  try {
    const stats = statSync(dir);
    if (!stats.isDirectory()) {
      issues.push({ file: dir, path: '', message: `is ${kindOf(stats)}: it should be the folder of articles` });
      return [];
    }
    return readdirSync(dir, { withFileTypes: true }).map((entry): FolderEntry => {
      if (entry.isDirectory()) return { name: entry.name, kind: 'folder' };
      if (!entry.isSymbolicLink()) return { name: entry.name, kind: 'file' };
      const path = join(dir, entry.name);
      try {
        return { name: entry.name, kind: statSync(path).isDirectory() ? 'folder' : 'file', linked: true };
      } catch (error) {
        return { name: entry.name, kind: 'broken', problem: reasonFor(path, error, 'is a broken symbolic link'), linked: true };
      }
    });
  } catch (error) {
    issues.push({ file: dir, path: '', message: reasonFor(dir, error, 'folder is missing') });
    return [];
  }
}
