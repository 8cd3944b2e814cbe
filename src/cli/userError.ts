import { DataValidationError, EntityNotFoundError, UsageError } from '../model/errors.ts';
import { CurationError } from '../curate/errors.ts';
import { StoreError } from '../store/errors.ts';
import { formatDataError } from './format.ts';
import { describeSystemError, FileWriteError, isSystemError } from './fsErrors.ts';
import { visible } from './terminal.ts';

/** Exit status 2 is bad usage, 1 is anything else a user can act on (an unknown entity, bad data, a full disk). */
export interface UserError {
  message: string;
  status: 1 | 2;
}

/** A query asked the wrong way or about no entity: one line, in the CLI and the REPL alike. */
export function queryError(error: unknown): UserError | undefined {
  if (error instanceof UsageError) return { message: visible(error.message), status: 2 };
  if (error instanceof EntityNotFoundError) return { message: visible(error.message), status: 1 };
  return undefined;
}

/** What `kg` says about an error a user can act on, data made visible; undefined for a bug of ours, which keeps its stack. */
export function userError(error: unknown): UserError | undefined {
  const query = queryError(error);
  if (query) return query;
  // node:util parseArgs (an option without its value, say).
  if (error instanceof Error && (error as { code?: unknown }).code?.toString().startsWith('ERR_PARSE_ARGS')) return { message: visible(error.message), status: 2 };
  if (error instanceof DataValidationError) return { message: formatDataError(error), status: 1 };
  if (error instanceof CurationError) return { message: visible(error.message), status: 1 };
  if (error instanceof StoreError) return { message: visible(error.message), status: 1 };
  if (error instanceof FileWriteError) return { message: visible(error.message), status: 1 };
  if (isSystemError(error)) return { message: visible(describeSystemError(error)), status: 1 };
  return undefined;
}
