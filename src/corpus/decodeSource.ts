import type { DataIssue } from '../model/errors.ts';
import { decodeUtf8 } from '../text/utf8.ts';
import type { SourceFile } from './yamlSource.ts';

/** A data file's bytes as a source: strict UTF-8, or an issue naming the file, line and byte. */
export function decodeSource(path: string, bytes: Uint8Array, issues: DataIssue[]): SourceFile | undefined {
  const decoded = decodeUtf8(bytes);
  if ('text' in decoded) return { path, text: decoded.text };
  issues.push({ file: path, line: decoded.line, column: decoded.column, path: '', message: `${decoded.error}: data files must be UTF-8` });
  return undefined;
}
