import type { z } from 'zod';
import { DataValidationError, type DataIssue } from '../model/errors.ts';
import type { ArticleModel, Entity, Relation, Span, Vocabulary } from '../model/types.ts';
import { emptyRecord, own, recordOf } from '../model/own.ts';
import { foldCase } from '../text/fold.ts';
import { graphemeBoundaries, type GraphemeBoundaries } from '../text/graphemes.ts';
import type { ParsedFiles } from './parsedFiles.ts';
import { findMentions, locateQuote, type SurfaceForm } from './ground.ts';
import { graphFileSchema, metaSchema, vocabularySchema, type GraphFile } from './schema.ts';
import { checkValue } from './values.ts';
import { parseSource, type ParsedSource, type SourceFile } from './yamlSource.ts';

/** The files that make up one article: what a loader reads from `data/`. */
export interface ArticleSources {
  slug: string;
  vocabulary: SourceFile;
  meta: SourceFile;
  graph: SourceFile;
  article: SourceFile;
}

/**
 * Validates an article's data files and grounds them in its text: every evidence quote and every
 * entity mention gets its character offsets. Collects every problem before failing, so a curator
 * fixes a file in one pass.
 * @throws DataValidationError listing every problem, each with file, line and path.
 */
export function buildModel(sources: ArticleSources, options: { parsed?: ParsedFiles } = {}): ArticleModel {
  const issues: DataIssue[] = [];
  const parse = <T extends z.ZodType>(file: SourceFile, schema: T, what: string) => parseWith(file, schema, issues, what, options.parsed);
  const parsedVocabulary = parse(sources.vocabulary, vocabularySchema, 'the relation types and attributes (relations:, attributes:)');
  const parsedMeta = parse(sources.meta, metaSchema, "the article's metadata (title:, publisher:, dateline:, date:)");
  const parsedGraph = parse(sources.graph, graphFileSchema, 'the entities and relations (entities:, relations:)');
  if (!parsedVocabulary || !parsedMeta || !parsedGraph) throw new DataValidationError(issues);

  const vocabulary: Vocabulary = {
    attributes: recordOf(Object.entries(parsedVocabulary.data.attributes)),
    relations: recordOf(
      Object.entries(parsedVocabulary.data.relations).map(([id, r]) => [id, { id, ...r, qualifiers: recordOf(Object.entries(r.qualifiers)) }]),
    ),
  };
  const text = sources.article.text;
  const boundaries = graphemeBoundaries(text);
  const entities = checkEntities(parsedGraph.data, parsedGraph.source, vocabulary, text, boundaries, issues);
  const relations = checkRelations(parsedGraph.data, parsedGraph.source, vocabulary, text, boundaries, issues);
  if (issues.length) throw new DataValidationError(issues);
  return { meta: { slug: sources.slug, ...parsedMeta.data }, text, vocabulary, entities, relations };
}

type Parsed<T extends z.ZodType> = { source: ParsedSource; data: z.infer<T> } | undefined;

/** A data file parsed and checked against its schema (or taken from `cache`); its problems go to `issues`. */
function parseWith<T extends z.ZodType>(file: SourceFile, schema: T, issues: DataIssue[], what: string, cache?: ParsedFiles): Parsed<T> {
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

function checkEntities(
  file: GraphFile,
  source: ParsedSource,
  vocabulary: Vocabulary,
  text: string,
  boundaries: GraphemeBoundaries,
  issues: DataIssue[],
): Entity[] {
  const ids = new Set(file.entities.map((e) => e.id));
  const seen = new Set<string>();
  const forms = new Map<string, SurfaceForm & { index: number }>();
  file.entities.forEach((entity, index) => {
    if (seen.has(entity.id)) issues.push(source.issueAt(['entities', index, 'id'], `duplicate entity id "${entity.id}"`));
    seen.add(entity.id);
    for (const form of [entity.label, ...entity.aliases]) {
      const key = foldCase(form);
      const owner = forms.get(key);
      if (owner && owner.entity !== entity.id) {
        issues.push(
          source.issueAt(['entities', index], `"${form}" names both ${owner.entity} and ${entity.id}: mentions would be ambiguous`),
        );
      } else forms.set(key, { form, entity: entity.id, index });
    }
  });
  const mentions = findMentions(text, [...forms.values()], boundaries);
  let folded: string | undefined;

  return file.entities.map((entity, index) => {
    const attributes: Entity['attributes'] = emptyRecord();
    for (const [name, value] of Object.entries(entity.attributes)) {
      const type = own(vocabulary.attributes, name);
      const checked = type ? checkValue(type, value, ids) : { error: `attribute "${name}" is not declared in the vocabulary` };
      if ('error' in checked) issues.push(source.issueAt(['entities', index, 'attributes', name], checked.error));
      else attributes[name] = checked.value;
    }
    const found = mentions.get(entity.id) ?? [];
    if (found.length === 0) issues.push(source.issueAt(['entities', index], unmentioned(entity, (folded ??= foldCase(text)), mentions)));
    return { ...entity, attributes, mentions: found };
  });
}

function checkRelations(
  file: GraphFile,
  source: ParsedSource,
  vocabulary: Vocabulary,
  text: string,
  boundaries: GraphemeBoundaries,
  issues: DataIssue[],
): Relation[] {
  const entityTypes = new Map(file.entities.map((e) => [e.id, e.type]));
  const ids = new Set(entityTypes.keys());
  const relationIds = new Set<string>();
  const relations: Relation[] = [];
  file.relations.forEach((relation, index) => {
    const at = (...path: (string | number)[]) => ['relations', index, ...path];
    const report = (path: (string | number)[], message: string) => issues.push(source.issueAt(path, message));
    const type = own(vocabulary.relations, relation.type);
    if (!type) report(at('type'), `unknown relation type "${relation.type}"; known: ${Object.keys(vocabulary.relations).join(', ')}`);
    for (const [end, allowed] of [['from', type?.from], ['to', type?.to]] as const) {
      const entityType = entityTypes.get(relation[end]);
      if (!entityType) report(at(end), `unknown entity "${relation[end]}"`);
      else if (allowed && !allowed.includes(entityType)) {
        report(at(end), `"${relation.type}" cannot ${end === 'from' ? 'start at' : 'end at'} a ${entityType} (${relation[end]}); allowed: ${allowed.join(', ')}`);
      }
    }
    const qualifiers: Relation['qualifiers'] = emptyRecord();
    for (const [name, value] of Object.entries(relation.qualifiers)) {
      const qualifierType = own(type?.qualifiers, name);
      if (!qualifierType) {
        if (type) report(at('qualifiers', name), `qualifier "${name}" is not declared for "${relation.type}"`);
        continue;
      }
      const checked = checkValue(qualifierType, value, ids);
      if ('error' in checked) report(at('qualifiers', name), checked.error);
      else qualifiers[name] = checked.value;
    }
    const located = locateQuote(text, relation.evidence, relation.occurrence, boundaries);
    if ('error' in located) report(at('evidence'), located.error);
    const id = relation.id ?? uniqueId(`${relation.from}--${relation.type.replaceAll('_', '-')}--${relation.to}`, relationIds);
    if (relationIds.has(id)) report(at('id'), `duplicate relation id "${id}"`);
    relationIds.add(id);
    if ('span' in located) {
      relations.push({ id, type: relation.type, source: relation.from, target: relation.to, evidence: located.span, qualifiers });
    }
  });
  return relations;
}

/** Why an entity has no mention: its names are absent, inside another entity's longer name, or inside a longer word. */
function unmentioned(entity: { id: string; label: string; aliases: string[] }, folded: string, mentions: Map<string, Span[]>): string {
  let inWord: { name: string; at: number } | undefined;
  for (const name of [entity.label, ...entity.aliases]) {
    const at = folded.indexOf(foldCase(name));
    if (at === -1) continue;
    const owner = [...mentions].find(([, spans]) => spans.some((s) => s.start <= at && at < s.end));
    if (owner) return `entity "${entity.id}" is never mentioned on its own: "${name}" occurs only inside a longer name of "${owner[0]}"`;
    inWord ??= { name, at };
  }
  if (inWord) return `entity "${entity.id}" is never mentioned as a whole word: "${inWord.name}" occurs at offset ${inWord.at} only as part of a longer word or character`;
  return `entity "${entity.id}" is never mentioned: neither its label nor an alias occurs in the article`;
}

/** Derived relation ids must be stable across runs: the same triple twice gets -2, -3 in file order. */
function uniqueId(base: string, taken: ReadonlySet<string>): string {
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return id;
}
