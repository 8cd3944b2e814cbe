import type { z } from 'zod';
import type { DataIssue } from '../model/errors.ts';
import type { ParsedFiles } from './parsedFiles.ts';
import { parseSource, type ParsedSource, type SourceFile } from './yamlSource.ts';

export type Parsed<T extends z.ZodType> = { source: ParsedSource; data: z.infer<T> } | undefined;

/** A data file parsed and checked against its schema (or taken from `cache`); its problems go to `issues`. */
export function parseWith<T extends z.ZodType>(file: SourceFile, schema: T, issues: DataIssue[], what: string, cache?: ParsedFiles): Parsed<T> {
  const key = `${what}\0${file.path}\0${file.text}`;
  const cached = cache?.get(key);
  if (cached) {
    issues.push(...cached.issues);
    return cached.result as Parsed<T>;
  }
  const found: DataIssue[] = [];
  const source = parseSource(file, found, what);
  let parsed: Parsed<T>;
  if (source.value !== undefined) {
    const result = schema.safeParse(source.value);
    if (result.success) parsed = { source, data: result.data as z.infer<T> };
    else for (const issue of result.error.issues) found.push(source.issueAt(issue.path as (string | number)[], issue.message));
  }
  cache?.set(key, { issues: found, result: parsed });
  issues.push(...found);
  return parsed;
}
