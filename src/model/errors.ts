/**
 * Error classes by category, each with its own `name`, so callers and tests can tell them apart
 * without matching on message text (the pattern of graphology's errors.js).
 */

/** One problem found in a data file, located as precisely as the file allows. */
export interface DataIssue {
  file: string;
  /** 1-based line and column, when the place is known. */
  line?: number;
  column?: number;
  /** Path inside the file, e.g. `relations[3].evidence`. */
  path: string;
  message: string;
}

export function formatIssue(issue: DataIssue): string {
  const where = issue.line ? `${issue.file}:${issue.line}:${issue.column ?? 1}` : issue.file;
  return `${where}: ${issue.path ? `${issue.path}: ` : ''}${issue.message}`;
}

/** The data is invalid; `issues` lists every problem found, not just the first. */
export class DataValidationError extends Error {
  override name = 'DataValidationError';
  constructor(readonly issues: DataIssue[]) {
    super(
      `${issues.length} problem${issues.length === 1 ? '' : 's'} in the data:\n` +
        issues.map((issue) => `  ${formatIssue(issue)}`).join('\n'),
    );
  }
}

/** A name matched no entity, or matched several; `candidates` are the nearest entity ids. */
export class EntityNotFoundError extends Error {
  override name = 'EntityNotFoundError';
  constructor(
    readonly query: string,
    readonly candidates: { id: string; label: string; type: string }[],
    readonly ambiguous = false,
  ) {
    const list = candidates.map((c) => `${c.label} (${c.id})`).join(', ');
    super(
      ambiguous
        ? `"${query}" is ambiguous: it could be ${list}`
        : `No entity matches "${query}".${list ? ` Did you mean: ${list}?` : ''}`,
    );
  }
}

/** A query or command was called the wrong way (bad option value, unknown relation type...). */
export class UsageError extends Error {
  override name = 'UsageError';
}
