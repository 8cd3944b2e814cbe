import { formatIssue } from '../model/errors.ts';

/**
 * A file that could not be read as a graph: not XML, XML cut short, JSON that is no graph, an
 * edge to a node that is not there. `line` and `column` (1-based) say where, when the parser
 * knows; the message names the file first, as a compiler would (`karate.graphml:3:5: …`).
 */
export class ImportError extends Error {
  override name = 'ImportError';
  constructor(
    readonly file: string,
    readonly reason: string,
    readonly line?: number,
    readonly column?: number,
  ) {
    super(formatIssue({ file, path: '', message: reason, ...(line ? { line } : {}), ...(column ? { column } : {}) }));
  }
}
