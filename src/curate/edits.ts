import { buildCorpus, type CorpusModel, type CorpusSources } from '../corpus/buildCorpus.ts';
import { locateQuote } from '../corpus/ground.ts';
import { relationIds } from '../corpus/relationIds.ts';
import { parseVocabulary } from '../corpus/vocabulary.ts';
import type { SourceFile } from '../corpus/yamlSource.ts';
import { slugify } from '../draft/slug.ts';
import { own } from '../model/own.ts';
import { ENTITY_TYPES, type EntityType, type Scalar } from '../model/types.ts';
import { foldCase } from '../text/fold.ts';
import { CurationError } from './errors.ts';
import { allRelations, articleFiles, entityFiles, findEntity, findRelation, isDefinition, listOf, type Entry } from './locate.ts';
import { coerceAttributes } from './attributes.ts';
import { isDraftType, isRelationType, mustBeUnused } from './relationTypes.ts';
import { addToList, appendItem, deleteItem, deleteKey, removeFromList, replaceValue, setMap, setScalar } from './yamlText.ts';

/** A curator's change to the data, as the explorer, window.kg and `kg accept`/`kg reject` ask for it. */
export type Edit =
  | { op: 'accept'; id: string; article?: string }
  | { op: 'reject'; id: string; article?: string }
  | { op: 'addEntity'; article: string; type: string; label?: string; mention: { start: number; end: number } }
  | { op: 'addAlias'; article: string; id: string; mention: { start: number; end: number } }
  | { op: 'addRelation'; article: string; from: string; type: string; to: string; evidence: { start: number; end: number } }
  | { op: 'merge'; keep: string; merged: string }
  /** One alias of an entity made an entity of its own, of the same type, where the alias was written. */
  | { op: 'splitAlias'; id: string; alias: string }
  | {
      op: 'editEntity';
      id: string;
      label?: string;
      type?: string;
      aliases?: string[];
      description?: string;
      /** The entity's typed attributes, whole: those left out go; each value is made and checked as the vocabulary types it. */
      attributes?: Record<string, Scalar>;
      accept?: boolean;
    }
  | {
      op: 'editRelation';
      id: string;
      article?: string;
      type?: string;
      /** Swaps `from` and `to`: the arrow points the other way. */
      reverse?: boolean;
      /** The relation's qualifiers, whole: those left out go. */
      qualifiers?: Record<string, Scalar>;
      evidence?: { start: number; end: number };
      accept?: boolean;
    };

export interface EditResult {
  /** The data files the edit changed, with their new text; nothing else is touched. */
  files: SourceFile[];
  /** The new entity's or relation's id, for the edits that add one. */
  id?: string;
  /** The relations a rejected or merged entity took with it (or the rejected relation), by `<article>:<id>`. */
  removed: string[];
  /** What an accept or reject acted on. */
  target?: 'entity' | 'relation' | 'relationType';
  /** The corpus as it will be once the files are written: validated. */
  corpus: CorpusModel;
}

/** The texts of a corpus's files by path, changed one edit at a time. */
class Changes {
  readonly texts = new Map<string, string>();
  constructor(readonly sources: CorpusSources) {}
  text(file: SourceFile): string {
    return this.texts.get(file.path) ?? file.text;
  }
  edit(file: SourceFile, change: (text: string) => string): void {
    this.texts.set(file.path, change(this.text(file)));
  }
  /** The sources with every change applied. */
  applied(): CorpusSources {
    const swap = (file: SourceFile) => (this.texts.has(file.path) ? { path: file.path, text: this.texts.get(file.path)! } : file);
    const { vocabulary, entities, articles } = this.sources;
    return { vocabulary: swap(vocabulary), ...(entities ? { entities: swap(entities) } : {}), articles: articles.map((a) => ({ ...a, graph: swap(a.graph), meta: swap(a.meta) })) };
  }
  /** The current file (with changes so far), to find entries again after an edit moved them. */
  current(file: SourceFile): SourceFile {
    return { path: file.path, text: this.text(file) };
  }
}

/**
 * Applies one edit to the corpus's files and validates the result with the same builder as
 * `kg validate`: a change that would break the corpus throws its DataValidationError and
 * nothing is to be written. Pure: the caller reads the files and writes `files` back.
 */
export function applyEdit(sources: CorpusSources, edit: Edit): EditResult {
  const changes = new Changes(sources);
  let id: string | undefined;
  let removed: string[] = [];
  const target = edit.op === 'accept' || edit.op === 'reject' ? targetOf(sources, edit.id, edit.article) : edit.op === 'editEntity' ? 'entity' : edit.op === 'editRelation' ? 'relation' : undefined;
  switch (edit.op) {
    case 'accept':
      accept(changes, target!, edit.id, edit.article);
      break;
    case 'reject':
      removed = reject(changes, target!, edit.id, edit.article);
      break;
    case 'addEntity':
      id = addEntity(changes, edit);
      break;
    case 'addAlias':
      addAlias(changes, edit);
      break;
    case 'addRelation':
      id = addRelation(changes, edit);
      break;
    case 'merge':
      removed = merge(changes, edit.keep, edit.merged);
      break;
    case 'editEntity':
      editEntity(changes, edit);
      break;
    case 'splitAlias':
      id = splitAlias(changes, edit.id, edit.alias);
      break;
    case 'editRelation':
      id = editRelation(changes, edit);
      break;
  }
  const next = changes.applied();
  const corpus = buildCorpus(next);
  if (edit.op === 'addEntity' || edit.op === 'addAlias') mustMention(corpus, edit.article, edit.op === 'addAlias' ? edit.id : id!, edit.mention);
  const files = [...changes.texts].filter(([path, text]) => text !== original(sources, path)).map(([path, text]) => ({ path, text }));
  return { files, ...(id !== undefined ? { id } : {}), ...(target ? { target } : {}), removed, corpus };
}

const original = (sources: CorpusSources, path: string) =>
  [sources.vocabulary, sources.entities, ...sources.articles.flatMap((a) => [a.graph, a.meta])].find((f) => f?.path === path)?.text;

const entityPath = (entry: Entry) => ['entities', entry.index];
const relationPath = (entry: Entry) => ['relations', entry.index];
const hasEntity = (sources: CorpusSources, id: string) => entityFiles(sources).some(({ file }) => listOf(file, 'entities').some((e) => own(e, 'id') === id && isDefinition(e)));

type Target = NonNullable<EditResult['target']>;

/**
 * What an id names: an entity, else a relation, else a relation type of the vocabulary (ids
 * cannot tell a relation from a type: a relation's own `id:` may be a single word, as a type's is).
 */
function targetOf(sources: CorpusSources, id: string, article?: string): Target {
  if (hasEntity(sources, id)) return 'entity';
  if (!isRelationType(sources, id)) return 'relation';
  try {
    findRelation(sources, id, article);
    return 'relation';
  } catch {
    return 'relationType';
  }
}

/** Accepting clears the draft mark: the item is then the curator's. */
function accept(changes: Changes, target: Target, id: string, article?: string): void {
  if (target === 'relationType') {
    if (!isDraftType(changes.sources, id)) throw new CurationError(`relation type ${id} is not a draft: there is nothing to accept`);
    changes.edit(changes.sources.vocabulary, (text) => deleteKey(text, ['relations', id], 'draft'));
    return;
  }
  const entry = target === 'entity' ? findEntity(changes.sources, id).definition : findRelation(changes.sources, id, article);
  if (own(entry.value, 'draft') === undefined) throw new CurationError(`${id} is not a draft: there is nothing to accept`);
  changes.edit(entry.file, (text) => deleteKey(text, target === 'entity' ? entityPath(entry) : relationPath(entry), 'draft'));
}

/** Removes entries of one file, last first, so the indexes of those before stay right. */
function deleteEntries(changes: Changes, entries: readonly Entry[], key: 'entities' | 'relations'): void {
  const byFile = new Map<string, Entry[]>();
  for (const entry of entries) byFile.set(entry.file.path, [...(byFile.get(entry.file.path) ?? []), entry]);
  for (const list of byFile.values()) {
    for (const entry of [...list].sort((a, b) => b.index - a.index)) changes.edit(entry.file, (text) => deleteItem(text, [key], entry.index));
  }
}

/**
 * Rejecting a relation removes it; rejecting an entity removes its definition, every reference
 * entry naming it, every relation at either end of it, and any qualifier or attribute whose
 * value it is. The relations it took are returned, for the confirmation that lists them.
 */
function reject(changes: Changes, target: Target, id: string, article?: string): string[] {
  if (target === 'relationType') {
    // The vocabulary's own types are the curators' to change in vocabulary.yaml; a proposed one is a draft like any other.
    if (!isDraftType(changes.sources, id)) throw new CurationError(`relation type ${id} is not a draft: remove it from vocabulary.yaml by hand if it should go`);
    mustBeUnused(changes.sources, id);
    changes.edit(changes.sources.vocabulary, (text) => deleteKey(text, ['relations'], id));
    return [];
  }
  if (target === 'relation') {
    const relation = findRelation(changes.sources, id, article);
    deleteEntries(changes, [relation], 'relations');
    return [`${relation.article}:${relationIds(listOf(relation.file, 'relations'))[relation.index]}`];
  }
  const { definition, references } = findEntity(changes.sources, id);
  const relations = allRelations(changes.sources).filter((r) => own(r.value, 'from') === id || own(r.value, 'to') === id);
  dropValues(changes, id, new Set(relations.map((r) => `${r.file.path}#${r.index}`)));
  deleteEntries(changes, relations, 'relations');
  deleteEntries(changes, [definition, ...references], 'entities');
  return relations.map((r) => `${r.article}:${r.id}`);
}

/** Qualifiers and attributes naming `id` lose that value (entries about to be deleted are skipped). */
function dropValues(changes: Changes, id: string, skip: ReadonlySet<string>, replacement?: string): void {
  const visit = (file: SourceFile, key: 'entities' | 'relations', field: 'qualifiers' | 'attributes') => {
    listOf(changes.current(file), key).forEach((entry, index) => {
      if (skip.has(`${file.path}#${index}`)) return;
      const values = own(entry, field);
      if (typeof values !== 'object' || values === null) return;
      for (const [name, value] of Object.entries(values)) {
        if (value !== id) continue;
        changes.edit(file, (text) => (replacement === undefined ? deleteKey(text, [key, index, field], name) : setScalar(text, [key, index, field, name], replacement)));
      }
    });
  };
  for (const { file } of entityFiles(changes.sources)) {
    visit(file, 'entities', 'attributes');
    if (file !== changes.sources.entities) visit(file, 'relations', 'qualifiers');
  }
}

/** The selection without the white space a mouse drags along, and its text. */
function selected(text: string, span: { start: number; end: number }, what: string): { start: number; end: number; text: string } {
  if (!Number.isInteger(span.start) || !Number.isInteger(span.end) || span.start < 0 || span.end > text.length || span.start >= span.end) {
    throw new CurationError(`${what} ${span.start}-${span.end} is not a span of the article's text (0-${text.length})`);
  }
  let { start, end } = span;
  while (start < end && /\s/u.test(text[start]!)) start++;
  while (end > start && /\s/u.test(text[end - 1]!)) end--;
  if (start === end) throw new CurationError(`${what} ${span.start}-${span.end} holds only white space`);
  return { start, end, text: text.slice(start, end) };
}

function entityType(type: string): EntityType {
  const wanted = type === 'organization' ? 'organisation' : type;
  const found = ENTITY_TYPES.find((t) => t === wanted);
  if (!found) throw new CurationError(`unknown entity type "${type}"; known: ${ENTITY_TYPES.join(', ')}`);
  return found;
}

/** A new entity defined in the article, named by the selection (its label, or an alias when the label differs). */
function addEntity(changes: Changes, edit: Extract<Edit, { op: 'addEntity' }>): string {
  const files = articleFiles(changes.sources, edit.article);
  const mention = selected(files.article.text, edit.mention, 'mention');
  const label = (edit.label ?? mention.text).trim();
  if (!label) throw new CurationError('an entity needs a label');
  const taken = new Set(entityFiles(changes.sources).flatMap(({ file }) => listOf(file, 'entities').map((e) => String(own(e, 'id')))));
  const base = slugify(label);
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  const aliases = foldCase(mention.text) === foldCase(label) ? [] : [mention.text];
  changes.edit(files.graph, (text) => appendItem(text, 'entities', { id, type: entityType(edit.type), label, ...(aliases.length ? { aliases } : {}) }));
  return id;
}

/** The selection as another name of an entity, in this article only (a reference entry, or the article's own definition). */
function addAlias(changes: Changes, edit: Extract<Edit, { op: 'addAlias' }>): void {
  const files = articleFiles(changes.sources, edit.article);
  const mention = selected(files.article.text, edit.mention, 'mention');
  const { definition, references } = findEntity(changes.sources, edit.id);
  const local = definition.article === edit.article ? definition : references.find((r) => r.article === edit.article);
  if (local) changes.edit(files.graph, (text) => addToList(text, entityPath(local), 'aliases', mention.text, 'label'));
  else changes.edit(files.graph, (text) => appendItem(text, 'entities', { id: edit.id, aliases: [mention.text] }));
}

/** A relation grounded in the selection: its `evidence` is the selected text, its `occurrence` set when the text recurs. */
function addRelation(changes: Changes, edit: Extract<Edit, { op: 'addRelation' }>): string {
  const files = articleFiles(changes.sources, edit.article);
  const evidence = selected(files.article.text, edit.evidence, 'evidence');
  const occurrence = occurrenceOf(files.article.text, evidence);
  changes.edit(files.graph, (text) => appendItem(text, 'relations', { from: edit.from, type: edit.type, to: edit.to, evidence: evidence.text, ...(occurrence ? { occurrence } : {}) }));
  const relations = listOf(changes.current(files.graph), 'relations');
  return relationIds(relations).at(-1)!;
}

/** Which occurrence of its text a span is (undefined when the text occurs once), as `occurrence:` counts them. */
function occurrenceOf(text: string, span: { start: number; text: string }): number | undefined {
  if ('span' in locateQuote(text, span.text)) return undefined;
  for (let n = 1; ; n++) {
    const located = locateQuote(text, span.text, n);
    if (!('span' in located)) throw new CurationError(`the evidence at ${span.start} cannot be grounded: ${located.error}`);
    if (located.span.start === span.start) return n;
  }
}

/**
 * Merges `merged` into `keep`: its label and aliases become names of `keep` (in the article that
 * defined them when that is not where `keep` is defined, so a local name stays local), every
 * relation, reference, qualifier and attribute naming it names `keep`, and its definition goes.
 */
function merge(changes: Changes, keep: string, merged: string): string[] {
  if (keep === merged) throw new CurationError(`cannot merge ${keep} into itself`);
  const kept = findEntity(changes.sources, keep);
  const gone = findEntity(changes.sources, merged);
  if (gone.definition.article === undefined && kept.definition.article !== undefined) {
    throw new CurationError(`${merged} is shared (entities.yaml) and ${keep} is defined in ${kept.definition.article} only: merge ${keep} into ${merged} instead`);
  }
  const names = [own(gone.definition.value, 'label'), ...aliasesOf(gone.definition.value)].filter((n): n is string => typeof n === 'string');
  // Relations at the merged entity now start or end at the kept one; one between the two would join it to itself, and goes.
  const relations = allRelations(changes.sources).filter((r) => own(r.value, 'from') === merged || own(r.value, 'to') === merged);
  const loops = relations.filter((r) => [own(r.value, 'from'), own(r.value, 'to')].every((end) => end === keep || end === merged));
  for (const r of relations) {
    if (loops.includes(r)) continue;
    for (const end of ['from', 'to'] as const) if (own(r.value, end) === merged) changes.edit(r.file, (text) => setScalar(text, [...relationPath(r), end], keep));
  }
  dropValues(changes, merged, new Set(loops.map((r) => `${r.file.path}#${r.index}`)), keep);
  deleteEntries(changes, loops, 'relations');

  // The names, and each reference entry of the merged entity, go to the kept one's entry in the same file.
  const keptNames = new Set([own(kept.definition.value, 'label'), ...aliasesOf(kept.definition.value)].map((n) => foldCase(String(n))));
  const give = (file: SourceFile, extra: readonly string[]) => {
    const fresh = extra.filter((n) => !keptNames.has(foldCase(n)));
    if (!fresh.length) return;
    const entries = listOf(changes.current(file), 'entities');
    const index = entries.findIndex((e) => own(e, 'id') === keep);
    for (const name of fresh) {
      keptNames.add(foldCase(name));
      if (index !== -1) changes.edit(file, (text) => addToList(text, ['entities', index], 'aliases', name, isDefinition(entries[index]!) ? 'label' : 'id'));
    }
    if (index === -1) changes.edit(file, (text) => appendItem(text, 'entities', { id: keep, aliases: fresh }));
  };
  const sameFile = gone.definition.file.path === kept.definition.file.path;
  const removedEntries: Entry[] = [gone.definition];
  if (sameFile || gone.definition.article === undefined) give(kept.definition.file, names);
  else give(gone.definition.file, names);
  for (const reference of gone.references) {
    give(reference.file, aliasesOf(reference.value));
    removedEntries.push(reference);
  }
  // Entries were found before the names were added: added ones come after them, so the indexes hold.
  deleteEntries(changes, removedEntries.map((e) => ({ ...e, file: changes.current(e.file) })), 'entities');
  return loops.map((r) => `${r.article}:${r.id}`);
}

const aliasesOf = (entry: Record<string, unknown>): string[] => {
  const aliases = own(entry, 'aliases');
  return Array.isArray(aliases) ? aliases.filter((a): a is string => typeof a === 'string') : [];
};

/** A new name must find the entity at the selection: a name inside a longer one, or half a word, does not. */
function mustMention(corpus: CorpusModel, article: string, id: string, span: { start: number; end: number }): void {
  const model = corpus.articles.find((a) => a.meta.slug === article);
  const at = selected(model?.text ?? '', span, 'mention');
  const entity = model?.entities.find((e) => e.id === id);
  if (!entity?.mentions.some((m) => m.start === at.start && m.end === at.end)) {
    throw new CurationError(`"${at.text}" at ${at.start}-${at.end} would not be a mention of ${id}: it lies inside a longer name or word there`);
  }
}


/**
 * Splits an alias off into a new entity: the name leaves the entity's aliases (in its definition,
 * or in the article's reference entry that gave it) and becomes the label of a new entity of the
 * same type, defined in that same file, so a corpus-wide name stays corpus-wide and a local one
 * local. Relations stay with the entity; its mentions by that name now find the new one.
 */
function splitAlias(changes: Changes, id: string, alias: string): string {
  const { definition, references } = findEntity(changes.sources, id);
  const holder = [definition, ...references].find((entry) => aliasesOf(entry.value).includes(alias));
  if (!holder) throw new CurationError(`"${alias}" is not an alias of ${id}`);
  const index = aliasesOf(holder.value).indexOf(alias);
  changes.edit(holder.file, (text) => removeFromList(text, [...entityPath(holder), 'aliases'], index));
  const taken = new Set(entityFiles(changes.sources).flatMap(({ file }) => listOf(changes.current(file), 'entities').map((e) => String(own(e, 'id')))));
  const base = slugify(alias);
  let fresh = base;
  for (let n = 2; taken.has(fresh); n++) fresh = `${base}-${n}`;
  const type = own(definition.value, 'type');
  changes.edit(holder.file, (text) => appendItem(text, 'entities', { id: fresh, type, label: alias }));
  return fresh;
}

/**
 * Changes what an entity's definition says: its label, type, aliases (the whole list),
 * description or typed attributes (the whole set); an empty list, description or set removes
 * the key. `accept` also clears the draft mark, for a curator who fixed a draft and so reviewed it.
 */
function editEntity(changes: Changes, edit: Extract<Edit, { op: 'editEntity' }>): void {
  const { definition } = findEntity(changes.sources, edit.id);
  const path = entityPath(definition);
  if (edit.label !== undefined) {
    const label = edit.label.trim();
    if (!label) throw new CurationError('an entity needs a label');
    changes.edit(definition.file, (text) => replaceValue(text, path, 'label', label, 'type'));
  }
  if (edit.type !== undefined) changes.edit(definition.file, (text) => replaceValue(text, path, 'type', entityType(edit.type!), 'id'));
  if (edit.aliases !== undefined) {
    const aliases = [...new Set(edit.aliases.map((a) => a.trim()).filter(Boolean))];
    changes.edit(definition.file, (text) => (aliases.length ? replaceValue(text, path, 'aliases', aliases, 'label') : deleteKey(text, path, 'aliases')));
  }
  if (edit.description !== undefined) {
    const description = edit.description.trim();
    changes.edit(definition.file, (text) => (description ? replaceValue(text, path, 'description', description, own(valueAt(changes, definition), 'aliases') !== undefined ? 'aliases' : 'label') : deleteKey(text, path, 'description')));
  }
  if (edit.attributes !== undefined) {
    const ids = new Set(entityFiles(changes.sources).flatMap(({ file }) => listOf(file, 'entities').filter(isDefinition).map((e) => String(own(e, 'id')))));
    const attributes = coerceAttributes(parseVocabulary(changes.sources.vocabulary), ids, edit.attributes);
    const entry = valueAt(changes, definition);
    const after = ['description', 'aliases', 'label'].find((key) => own(entry, key) !== undefined);
    changes.edit(definition.file, (text) => setMap(text, path, 'attributes', attributes, after));
  }
  if (edit.accept) changes.edit(definition.file, (text) => deleteKey(text, path, 'draft'));
}

/** The entry as the changes so far left it. */
const valueAt = (changes: Changes, entry: Entry) => listOf(changes.current(entry.file), 'entities')[entry.index] ?? {};

/**
 * Changes a relation: its type, its direction, its qualifiers (the whole set) or its evidence
 * (a new span of the text, grounded as `addRelation` grounds one). Answers the relation's id
 * afterwards: a derived id follows the triple, so a new type or direction renames it.
 */
function editRelation(changes: Changes, edit: Extract<Edit, { op: 'editRelation' }>): string {
  const entry = findRelation(changes.sources, edit.id, edit.article);
  const path = relationPath(entry);
  const file = entry.file;
  if (edit.type !== undefined) changes.edit(file, (text) => setScalar(text, [...path, 'type'], edit.type));
  if (edit.reverse) {
    const from = own(entry.value, 'from');
    const to = own(entry.value, 'to');
    changes.edit(file, (text) => setScalar(setScalar(text, [...path, 'from'], to), [...path, 'to'], from));
  }
  if (edit.qualifiers !== undefined) {
    const qualifiers = Object.fromEntries(Object.entries(edit.qualifiers).filter(([, v]) => v !== ''));
    changes.edit(file, (text) => (Object.keys(qualifiers).length ? replaceValue(text, path, 'qualifiers', qualifiers, 'evidence') : deleteKey(text, path, 'qualifiers')));
  }
  if (edit.evidence !== undefined) {
    const articleText = articleFiles(changes.sources, entry.article!).article.text;
    const evidence = selected(articleText, edit.evidence, 'evidence');
    const occurrence = occurrenceOf(articleText, evidence);
    changes.edit(file, (text) => replaceValue(text, path, 'evidence', evidence.text, 'to'));
    changes.edit(file, (text) => (occurrence ? replaceValue(text, path, 'occurrence', occurrence, 'evidence') : deleteKey(text, path, 'occurrence')));
  }
  if (edit.accept) changes.edit(file, (text) => deleteKey(text, path, 'draft'));
  return relationIds(listOf(changes.current(file), 'relations'))[entry.index]!;
}
