import { DataValidationError, type DataIssue } from '../model/errors.ts';
import { recordOf } from '../model/own.ts';
import type { Vocabulary } from '../model/types.ts';
import { parseWith } from './parseFile.ts';
import type { ParsedFiles } from './parsedFiles.ts';
import { vocabularySchema, type VocabularyFile } from './schema.ts';
import type { SourceFile } from './yamlSource.ts';

/** What vocabulary.yaml should hold, for the message about an empty one. */
export const VOCABULARY_CONTENT = 'the relation types and attributes (relations:, attributes:)';

/** The checked file as the model holds it: every name an own key, safe to look up with any string. */
export function toVocabulary(data: VocabularyFile): Vocabulary {
  return {
    attributes: recordOf(Object.entries(data.attributes)),
    relations: recordOf(Object.entries(data.relations).map(([id, r]) => [id, { id, ...r, qualifiers: recordOf(Object.entries(r.qualifiers)) }])),
  };
}

/** vocabulary.yaml on its own, for callers that need the relation types without an article (drafting). */
export function parseVocabulary(file: SourceFile, options: { parsed?: ParsedFiles } = {}): Vocabulary {
  const issues: DataIssue[] = [];
  const parsed = parseWith(file, vocabularySchema, issues, VOCABULARY_CONTENT, options.parsed);
  if (!parsed) throw new DataValidationError(issues);
  return toVocabulary(parsed.data);
}
