import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { join, resolve as resolvePath } from 'node:path';
import { PACKAGE_ROOT } from './dataDir.ts';

/** Where `kg` keeps what it derives from a data folder: builds, blocks and rendered answers. */
export const CACHE_DIR = join(PACKAGE_ROOT, 'node_modules', '.cache', 'article-kg');

/**
 * FNV-1a of the UTF-16 code units, with two multipliers: a file name, not a secret, so a
 * collision costs a rebuild at worst (each cache file names the exact data it was made from).
 * Written here because node:crypto alone costs `kg` 3 ms of start-up, a tenth of Node's own.
 */
function nameHash(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x9e3779b9;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x85ebca6b);
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}

/**
 * Where a view of a data folder is cached: the whole build (`json`), cut into blocks
 * (`blocks`), or its rendered answers (`answers`). Named by the folder too, so that two data
 * folders with the same slugs (the corpus view above all) do not evict each other at every call.
 */
export function cacheFile(dataDir: string, view: string, kind: 'json' | 'blocks' | 'answers'): string {
  return join(CACHE_DIR, `${view}-${nameHash(resolvePath(dataDir))}.${kind}`);
}

/** V8 cannot hold a string much longer than 2^29 characters: a larger cache file is no build of ours. */
const MAX_CACHE_BYTES = 2 ** 29;

/**
 * `read` on the open cache file, or undefined when there is none usable: not there, a FIFO, a
 * device, a folder, a huge file, or anything `read` throws on (a truncated file, a body of the
 * wrong shape, a graph graphology refuses). Opened non-blocking so that a FIFO cannot hang us (and
 * never as our controlling terminal, should it be a tty), and checked as a regular file of sane
 * size before a byte is read.
 */
export function withCacheFile<T>(file: string, read: (fd: number, size: number) => T): T | undefined {
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOCTTY);
  } catch {
    return undefined;
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile() || stat.size > MAX_CACHE_BYTES) return undefined;
    return read(fd, stat.size);
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}

/** `size` bytes from `position` and no more, however the file changes meanwhile; a short file reads short. */
export function readBytes(fd: number, position: number, size: number): Buffer {
  const bytes = Buffer.allocUnsafe(size);
  let at = 0;
  while (at < size) {
    const n = readSync(fd, bytes, at, size - at, position + at);
    if (n === 0) break;
    at += n;
  }
  return bytes.subarray(0, at);
}

/** The same as text; a short file reads short and fails to parse. */
export const readAt = (fd: number, position: number, size: number, encoding: 'utf8' | 'latin1' = 'utf8'): string => readBytes(fd, position, size).toString(encoding);
