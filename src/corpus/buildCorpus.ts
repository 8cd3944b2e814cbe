import type { z } from 'zod';
import { DataValidationError, type DataIssue } from '../model/errors.ts';
import { emptyRecord, own } from '../model/own.ts';
import type { ArticleModel, Entity, EntityType, Relation, Span, Vocabulary } from '../model/types.ts';
import { foldCase } from '../text/fold.ts';
import { graphemeBoundaries } from '../text/graphemes.ts';
import { collectDefinitions, formsFor, report, type Definition, type EntityTypes } from './definitions.ts';
import { findMentions, locateQuote } from './ground.ts';
import { parseWith } from './parseFile.ts';
import { relationIds } from './relationIds.ts';
import type { ParsedFiles } from './parsedFiles.ts';
import { entitiesFileSchema, graphFileSchema, metaSchema, vocabularySchema, type GraphFile } from './schema.ts';
import { checkValue } from './values.ts';
import { VOCABULARY_CONTENT, toVocabulary } from './vocabulary.ts';
import type { ParsedSource, SourceFile } from './yamlSource.ts';

/** One article's files, as a loader reads them from `data/articles/<slug>/`. */
export interface ArticleFiles {
  slug: string;
  meta: SourceFile;
  graph: SourceFile;
  article: SourceFile;
}

/** Every data file of a corpus: what a loader reads from `data/`. */
export interface CorpusSources {
  vocabulary: SourceFile;
  /** `data/entities.yaml`, the entities several articles share; a corpus may have none. */
  entities?: SourceFile;
  articles: ArticleFiles[];
}

/** A validated, grounded corpus: each article with the entities it mentions, wherever they are defined. */
export interface CorpusModel {
  vocabulary: Vocabulary;
  articles: ArticleModel[];
  /**
   * Every entity as defined (not with the names local to one article). `shared`: defined in
   * entities.yaml, so its names find it in every article; else they do in its own article only.
   */
  entities: { id: string; type: EntityType; label: string; aliases: string[]; shared: boolean }[];
}

/**
 * Validates a corpus and grounds every article in its text. An entity is defined once (in
 * entities.yaml or one article's graph.yaml) and is part of every article that names it; each
 * relation belongs to the article whose text states it. Every problem of every file is
 * collected before failing; cross-references are checked once each file has the right shape.
 * `ground`: ground (and return) only these articles; the others only define entities. For one
 * article checked on its own, and for articles added one by one to a corpus already valid,
 * without grounding all of it again each time.
 * @throws DataValidationError listing every problem, each with file, line and path.
 */
export function buildCorpus(sources: CorpusSources, options: { parsed?: ParsedFiles; ground?: ReadonlySet<string> } = {}): CorpusModel {
  const issues: DataIssue[] = [];
  const parse = <T extends z.ZodType>(file: SourceFile, schema: T, what: string) => parseWith(file, schema, issues, what, options.parsed);
  const vocabularyFile = parse(sources.vocabulary, vocabularySchema, VOCABULARY_CONTENT);
  const registry = sources.entities && parse(sources.entities, entitiesFileSchema, 'the entities articles share (entities:)');
  const articles = sources.articles.map((files) => ({
    files,
    meta: parse(files.meta, metaSchema, "the article's metadata (title:, publisher:, dateline:, date:)"),
    graph: parse(files.graph, graphFileSchema, 'the entities and relations (entities:, relations:)'),
  }));
  if (!vocabularyFile || (sources.entities && !registry) || articles.some((a) => !a.meta || !a.graph)) throw new DataValidationError(issues);

  const vocabulary = toVocabulary(vocabularyFile.data);
  const parsed = articles.map((a) => ({ slug: a.files.slug, source: a.graph!.source, file: a.graph!.data }));
  const { definitions, names, local } = collectDefinitions(registry && { source: registry.source, entities: registry.data.entities }, parsed, issues);
  const ids = new Set(definitions.keys());
  const types: EntityTypes = new Map([...definitions].map(([id, d]) => [id, d.entity.type]));
  const attributes = new Map([...definitions].map(([id, d]) => [id, checkAttributes(d, vocabulary, ids, issues)]));
  const mentionedAnywhere = new Set<string>();

  const grounded = options.ground ? articles.filter((a) => options.ground!.has(a.files.slug)) : articles;
  const models = grounded.map(({ files, meta, graph }): ArticleModel => {
    const text = files.article.text;
    const boundaries = graphemeBoundaries(text);
    const mentions = findMentions(text, formsFor(files.slug, definitions, names, local, issues), boundaries);
    for (const id of mentions.keys()) mentionedAnywhere.add(id);
    const localAliases = new Map<string, string[]>();
    for (const { form, entity } of local.get(files.slug)!.names.values()) localAliases.set(entity, [...(localAliases.get(entity) ?? []), form]);
    reportUnmentioned(graph!.data, graph!.source, definitions, mentions, text, issues);
    const entities: Entity[] = inArticleOrder(graph!.data, mentions).map((id) => {
      const { entity } = definitions.get(id)!;
      return { ...entity, aliases: [...entity.aliases, ...(localAliases.get(id) ?? [])], attributes: attributes.get(id)!, mentions: mentions.get(id)! };
    });
    const check = { file: graph!.data, source: graph!.source, vocabulary, text, ids, types, mentioned: mentions, issues };
    const relations = checkRelations(check, (quote, occurrence) => locateQuote(text, quote, occurrence, boundaries));
    return { meta: { slug: files.slug, ...meta!.data }, text, vocabulary, entities, relations };
  });
  // Only the whole corpus, grounded, can show that a shared entity is named nowhere.
  for (const [id, definition] of options.ground ? [] : definitions) {
    if (definition.home === undefined && !mentionedAnywhere.has(id)) {
      report(issues, definition.place, `entity "${id}" is never mentioned: no article names it by its label or an alias`);
    }
  }
  if (issues.length) throw new DataValidationError(issues);
  const entities = [...definitions.values()].map(({ entity: { id, type, label, aliases }, home }) => ({ id, type, label, aliases, shared: home === undefined }));
  return { vocabulary, articles: models, entities };
}


/** Typed attributes, checked once where the entity is defined. */
function checkAttributes(definition: Definition, vocabulary: Vocabulary, ids: ReadonlySet<string>, issues: DataIssue[]): Entity['attributes'] {
  const checkedAttributes: Entity['attributes'] = emptyRecord();
  for (const [name, value] of Object.entries(definition.entity.attributes)) {
    const type = own(vocabulary.attributes, name);
    const checked = type ? checkValue(type, value, ids) : { error: `attribute "${name}" is not declared in the vocabulary` };
    const place = { ...definition.place, path: [...definition.place.path, 'attributes', name] };
    if ('error' in checked) report(issues, place, checked.error);
    else checkedAttributes[name] = checked.value;
  }
  return checkedAttributes;
}

/** Entities an article defines or refers to must be mentioned in it; one defined elsewhere need not be. */
function reportUnmentioned(
  file: GraphFile,
  source: ParsedSource,
  definitions: ReadonlyMap<string, Definition>,
  mentions: Map<string, Span[]>,
  text: string,
  issues: DataIssue[],
): void {
  let folded: string | undefined;
  file.entities.forEach((entry, index) => {
    const definition = definitions.get(entry.id);
    if (mentions.has(entry.id) || !definition) return;
    const definedHere = definition.place.source === source && definition.place.path[1] === index;
    if (definedHere) issues.push(source.issueAt(['entities', index], unmentioned(definition.entity, (folded ??= foldCase(text)), mentions)));
    else if (entry.label === undefined && entry.type === undefined) {
      issues.push(source.issueAt(['entities', index], `entity "${entry.id}" is referred to here but never mentioned in this article`));
    }
  });
}

/** This article's own entries first, in file order (so a one-article corpus builds as it always did), then the rest as first mentioned. */
function inArticleOrder(file: GraphFile, mentions: Map<string, Span[]>): string[] {
  const order = new Set(file.entities.map((e) => e.id).filter((id) => mentions.has(id)));
  for (const id of mentions.keys()) order.add(id);
  return [...order];
}

interface RelationCheck {
  file: GraphFile;
  source: ParsedSource;
  vocabulary: Vocabulary;
  ids: ReadonlySet<string>;
  types: EntityTypes;
  /** What the article mentions: a relation's ends must be among them. */
  mentioned: ReadonlyMap<string, Span[]>;
  issues: DataIssue[];
}

function checkRelations({ file, source, vocabulary, ids, types, mentioned, issues }: RelationCheck, locate: (quote: string, occurrence?: number) => ReturnType<typeof locateQuote>): Relation[] {
  const relationIdList = relationIds(file.relations);
  const seen = new Set<string>();
  const relations: Relation[] = [];
  file.relations.forEach((relation, index) => {
    const at = (...path: (string | number)[]) => ['relations', index, ...path];
    const say = (path: (string | number)[], message: string) => issues.push(source.issueAt(path, message));
    const type = own(vocabulary.relations, relation.type);
    if (!type) say(at('type'), `unknown relation type "${relation.type}"; known: ${Object.keys(vocabulary.relations).join(', ')}`);
    for (const [end, allowed] of [['from', type?.from], ['to', type?.to]] as const) {
      const entityType = types.get(relation[end]);
      if (!entityType) say(at(end), `unknown entity "${relation[end]}"`);
      else if (allowed && !allowed.includes(entityType)) {
        say(at(end), `"${relation.type}" cannot ${end === 'from' ? 'start at' : 'end at'} a ${entityType} (${relation[end]}); allowed: ${allowed.join(', ')}`);
      } else if (!mentioned.has(relation[end])) say(at(end), `entity "${relation[end]}" is not mentioned in this article: a relation's ends must be`);
    }
    const qualifiers: Relation['qualifiers'] = emptyRecord();
    for (const [name, value] of Object.entries(relation.qualifiers)) {
      const qualifierType = own(type?.qualifiers, name);
      if (!qualifierType) {
        if (type) say(at('qualifiers', name), `qualifier "${name}" is not declared for "${relation.type}"`);
        continue;
      }
      const checked = checkValue(qualifierType, value, ids);
      if ('error' in checked) say(at('qualifiers', name), checked.error);
      else qualifiers[name] = checked.value;
    }
    const located = locate(relation.evidence, relation.occurrence);
    if ('error' in located) say(at('evidence'), located.error);
    const id = relationIdList[index]!;
    if (seen.has(id)) say(at('id'), `duplicate relation id "${id}"`);
    seen.add(id);
    if ('span' in located) {
      relations.push({ id, type: relation.type, source: relation.from, target: relation.to, evidence: located.span, qualifiers, ...(relation.draft ? { draft: relation.draft } : {}) });
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
