import { z } from 'zod';
import { ENTITY_TYPES, MAX_NAME_LENGTH, SLUG, VALUE_TYPES } from '../model/types.ts';

/** Shapes of the curated data files. Cross-references are checked later, in buildModel.ts. */

const SNAKE = /^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$/;
/** ISO 8601 calendar date of year, month or day precision. */
export const ISO_DATE = /^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$/;

const slug = z.string().regex(SLUG, 'must be a slug: lower-case letters and digits joined by single hyphens');
/**
 * Text is kept exactly as written: white space at either end is refused, not trimmed, because a
 * name or quote that silently lost characters would no longer be what the curator wrote.
 */
/** Whether a string is kept as written: not empty, no white space at either end. */
export const isExactText = (s: string) => s.length > 0 && !/^\s|\s$/u.test(s);
const exact = (schema: z.ZodString) =>
  schema.min(1, 'must not be empty').refine(isExactText, 'must not start or end with white space (remove it, or quote more of the text)');
const text = exact(z.string());
export { MAX_NAME_LENGTH };
const name = exact(z.string().max(MAX_NAME_LENGTH, `a name may have at most ${MAX_NAME_LENGTH} characters`));
const scalar = z.union([z.string(), z.number(), z.boolean()]);
/**
 * Marks what `kg add` drafted and no curator has reviewed yet: how sure the drafter was and the
 * rule that produced it. A curator accepts an item by deleting its marker.
 */
const draftMarker = z.strictObject({ confidence: z.number().min(0).max(1), rule: z.string().min(1) }).optional();
const entityType = z.enum(ENTITY_TYPES);
const valueType = z.enum(VALUE_TYPES);
/** YAML reads an unquoted 2025-02-03 as a string here (core schema), but an unquoted 2020 as a number. */
const isoDate = z.union([z.string(), z.number().int()]).transform(String).pipe(
  z.string().regex(ISO_DATE, 'must be an ISO 8601 date: YYYY, YYYY-MM or YYYY-MM-DD'),
);

export const vocabularySchema = z.strictObject({
  attributes: z.record(z.string().regex(SNAKE, 'must be snake_case'), valueType).default({}),
  relations: z.record(
    z.string().regex(SNAKE, 'must be snake_case'),
    z.strictObject({
      // Drawn on edges: the same cap as entity names.
      label: name,
      inverse: name,
      description: z.string().optional(),
      from: z.array(entityType).min(1),
      to: z.array(entityType).min(1),
      qualifiers: z.record(z.string().regex(SNAKE, 'must be snake_case'), valueType).default({}),
      draft: draftMarker,
    }),
  ),
});

export const metaSchema = z.strictObject({
  title: text,
  publisher: text,
  dateline: text,
  date: isoDate,
  url: z.url().optional(),
  photoCaption: z.string().optional(),
  photoCredit: z.string().optional(),
});

/** An entity as curated: identity, type, names, description and typed attributes, stated once. */
const entityDefinition = z.strictObject({
  id: slug,
  type: entityType,
  label: name,
  aliases: z.array(name).default([]),
  description: z.string().default(''),
  attributes: z.record(z.string(), scalar).default({}),
  draft: draftMarker,
});

/**
 * An entry of an article's `entities`: a definition (with `type` and `label`), or a reference to
 * an entity defined elsewhere in the corpus (`id`, and `aliases` that name it in this article
 * only, such as "the bloc"). Told apart in buildCorpus.ts, which reports a half definition.
 */
const articleEntity = z.strictObject({
  id: slug,
  type: entityType.optional(),
  label: name.optional(),
  aliases: z.array(name).default([]),
  description: z.string().optional(),
  attributes: z.record(z.string(), scalar).optional(),
  draft: draftMarker,
});

export const graphFileSchema = z.strictObject({
  entities: z.array(articleEntity).default([]),
  relations: z.array(
    z.strictObject({
      id: slug.optional(),
      from: z.string(),
      type: z.string(),
      to: z.string(),
      evidence: text,
      occurrence: z.number().int().min(1).optional(),
      qualifiers: z.record(z.string(), scalar).default({}),
      draft: draftMarker,
    }),
  ).default([]),
});

/** data/entities.yaml: the entities several articles share, each defined once. */
export const entitiesFileSchema = z.strictObject({
  entities: z.array(entityDefinition),
});

export type VocabularyFile = z.infer<typeof vocabularySchema>;
export type MetaFile = z.infer<typeof metaSchema>;
export type GraphFile = z.infer<typeof graphFileSchema>;
export type EntitiesFile = z.infer<typeof entitiesFileSchema>;
export type EntityDefinition = z.infer<typeof entityDefinition>;
