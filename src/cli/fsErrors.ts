import { getSystemErrorMap } from 'node:util';
import { own, recordOf } from '../model/own.ts';

/** An error from the operating system, as Node's fs raises it: a code such as ENOSPC and its errno. */
export interface SystemError extends Error {
  code: string;
  errno: number;
  syscall?: string;
  path?: string;
}

export function isSystemError(error: unknown): error is SystemError {
  if (!(error instanceof Error)) return false;
  const { code, errno } = error as Partial<SystemError>;
  return typeof code === 'string' && /^E[A-Z0-9]+$/.test(code) && typeof errno === 'number';
}

// libuv's wording, except where the C library's reads better or libuv has none.
const REASONS = recordOf([['EISDIR', 'is a directory'], ['EDQUOT', 'disk quota exceeded']]);

/** What went wrong, in the words a person reads: `no space left on device`, never a stack. */
export function systemReason(error: SystemError): string {
  return own(REASONS, error.code) ?? getSystemErrorMap().get(error.errno)?.[1] ?? error.code;
}

/** A file could not be written; its target is named, not the temp file that was being written. */
export class FileWriteError extends Error {
  override name = 'FileWriteError';
  constructor(
    readonly path: string,
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(`cannot write ${path}: ${reason}`, options);
  }
}

/** `error` as a FileWriteError for `path` when it is a system error; anything else is left as it is. */
export function asWriteError(path: string, error: unknown): unknown {
  return isSystemError(error) ? new FileWriteError(path, systemReason(error), { cause: error }) : error;
}

const VERBS = recordOf(
  Object.entries({ open: 'open', read: 'read', scandir: 'read', stat: 'read', lstat: 'read', mkdir: 'create', write: 'write', rename: 'write' }),
);

/** One line for a system error raised anywhere else: `cannot read DIR: permission denied`. */
export function describeSystemError(error: SystemError): string {
  const verb = (error.syscall && own(VERBS, error.syscall)) || 'access';
  return error.path === undefined ? `${error.syscall ?? verb} failed: ${systemReason(error)}` : `cannot ${verb} ${error.path}: ${systemReason(error)}`;
}
