import { LineCounter, isNode, parseDocument, type Document } from 'yaml';
import type { DataIssue } from '../model/errors.ts';

/** A data file as the core sees it: a name to report and its text. Reading it is the caller's job. */
export interface SourceFile {
  path: string;
  text: string;
}

export type DataPath = readonly (string | number)[];

/** A parsed YAML (or JSON) file that can turn a path inside it into a line and column. */
export interface ParsedSource {
  file: string;
  value: unknown;
  issueAt(path: DataPath, message: string): DataIssue;
}

export function formatPath(path: DataPath): string {
  return path.reduce<string>(
    (out, part) => (typeof part === 'number' ? `${out}[${part}]` : out ? `${out}.${part}` : part),
    '',
  );
}

/**
 * Parses YAML keeping source positions, so that schema and reference errors found later on the
 * plain value can still be reported at the line the curator has to edit.
 */
export function parseSource(source: SourceFile, issues: DataIssue[]): ParsedSource {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source.text, { lineCounter, prettyErrors: true, uniqueKeys: true });
  for (const error of [...doc.errors, ...doc.warnings]) {
    const pos = error.linePos?.[0];
    issues.push({
      file: source.path,
      line: pos?.line,
      column: pos?.col,
      path: '',
      message: `YAML: ${error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')}`,
    });
  }
  const value = doc.errors.length ? undefined : doc.toJS();
  return {
    file: source.path,
    value,
    issueAt(path, message) {
      const offset = nearestOffset(doc, path);
      const pos = offset === undefined ? undefined : lineCounter.linePos(offset);
      return { file: source.path, line: pos?.line, column: pos?.col, path: formatPath(path), message };
    },
  };
}

/** The start of the deepest node along `path` that exists (a missing key reports its parent). */
function nearestOffset(doc: Document, path: DataPath): number | undefined {
  for (let depth = path.length; depth >= 0; depth--) {
    const node = depth === 0 ? doc.contents : doc.getIn(path.slice(0, depth), true);
    if (isNode(node) && node.range) return node.range[0];
  }
  return undefined;
}
