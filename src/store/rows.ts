import type { CorpusModel } from '../corpus/buildCorpus.ts';
import { toCorpusGraph } from '../corpus/toGraph.ts';
import type { ArticleMeta, ArticleModel, DraftMarker, Entity, KgGraph, Relation, Scalar, Span, Vocabulary } from '../model/types.ts';
import { foldCase } from '../text/fold.ts';
import { namesOf, wordRun } from '../query/names.ts';

/**
 * Rows of the store's tables (schema.ts) and the graph they make: pure, no I/O. An article's
 * model becomes rows when pushed; rows read back become the corpus graph, or the part of it a
 * query needs, through the same builder the files go through (corpus/toGraph.ts).
 */

export interface EntityRow {
  entity_id: string;
  article: string;
  pos: number;
  type: string;
  label: string;
  description: string;
  aliases: string[];
  attributes: Record<string, Scalar>;
  mentions: Span[];
  draft: DraftMarker | null;
}

export interface RelationRow {
  source_id: string;
  article: string;
  pos: number;
  relation_id: string;
  target_id: string;
  type: string;
  evidence: Span;
  qualifiers: Record<string, Scalar>;
  draft: DraftMarker | null;
}

export const ENTITY_COLUMNS = ['entity_id', 'article', 'pos', 'type', 'label', 'description', 'aliases', 'attributes', 'mentions', 'draft'] as const;
export const RELATION_COLUMNS = ['source_id', 'article', 'pos', 'relation_id', 'target_id', 'type', 'evidence', 'qualifiers', 'draft'] as const;

/** The names resolve() compares, folded, and each as the padded word string it looks for a query's words in. */
export function nameColumns(label: string, aliases: readonly string[]): { folded: string[]; words: string } {
  const names = namesOf({ label, aliases });
  return { folded: names.map(foldCase), words: names.map((n) => ` ${wordRun(n)} `).join('|') };
}

const COPY_SPECIAL = /[\\\t\n\r]/;

/** A value as one field of COPY's text format: backslash, tab and line breaks escaped; null as \N. */
export function copyField(value: string | number | null): string {
  if (value === null) return '\\N';
  const text = typeof value === 'string' ? value : String(value);
  // Most fields need no escape: tested first, so that they are not copied.
  if (!COPY_SPECIAL.test(text)) return text;
  return text.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'));
}

/** A text[] literal ({"a","b"}), before COPY's own escaping. */
export function arrayLiteral(values: readonly string[]): string {
  let literal = '{';
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    literal += `${i ? ',' : ''}"${v.includes('"') || v.includes('\\') ? v.replace(/["\\]/g, (c) => `\\${c}`) : v}"`;
  }
  return `${literal}}`;
}

/** One COPY line of these fields. */
export function copyLine(fields: (string | number | null)[]): string {
  let line = copyField(fields[0]!);
  for (let i = 1; i < fields.length; i++) line += `\t${copyField(fields[i]!)}`;
  return `${line}\n`;
}

const json = (value: unknown) => (value === undefined ? null : JSON.stringify(value));

/** The rows of one article's entities, in the article's order, as COPY lines (columns: ENTITY_COLUMNS, folded_names, word_names). */
export function* entityLines(article: ArticleModel): Generator<string> {
  const slug = article.meta.slug;
  for (let pos = 0; pos < article.entities.length; pos++) {
    const e = article.entities[pos]!;
    const names = nameColumns(e.label, e.aliases);
    yield copyLine([e.id, slug, pos, e.type, e.label, e.description, json(e.aliases), json(e.attributes), json(e.mentions), json(e.draft), arrayLiteral(names.folded), names.words]);
  }
}

/** The rows of one article's relations, in its order, as COPY lines (columns: RELATION_COLUMNS). */
export function* relationLines(article: ArticleModel): Generator<string> {
  const slug = article.meta.slug;
  for (let pos = 0; pos < article.relations.length; pos++) {
    const r = article.relations[pos]!;
    yield copyLine([r.source, slug, pos, r.id, r.target, r.type, json(r.evidence), json(r.qualifiers), json(r.draft)]);
  }
}

const byPlace = (a: { article: string; pos: number }, b: { article: string; pos: number }) => (a.article < b.article ? -1 : a.article > b.article ? 1 : a.pos - b.pos);

/**
 * The corpus graph of these rows: the entities and relations given, merged across articles and
 * ordered as the whole corpus graph orders them (articles by slug, then each article's own
 * order), so a query on this part meets ties in the same order as on the whole. `metas` are every
 * article's, in slug order (the graph's own attributes describe the whole corpus). Rows may
 * repeat; every relation's ends must be among the entities.
 */
export function corpusGraph(vocabulary: Vocabulary, metas: ArticleMeta[], entities: EntityRow[], relations: RelationRow[]): KgGraph {
  const entityRows = new Map(entities.map((r) => [`${r.entity_id}\0${r.article}`, r]));
  const relationRowsByKey = new Map(relations.map((r) => [`${r.article}\0${r.relation_id}`, r]));
  const perArticle = new Map(metas.map((meta) => [meta.slug, { entities: [] as EntityRow[], relations: [] as RelationRow[] }]));
  for (const r of entityRows.values()) perArticle.get(r.article)?.entities.push(r);
  for (const r of relationRowsByKey.values()) perArticle.get(r.article)?.relations.push(r);
  const articles = metas.map((meta): ArticleModel => {
    const rows = perArticle.get(meta.slug)!;
    return {
      meta,
      text: '',
      vocabulary,
      entities: rows.entities.sort(byPlace).map(toEntity),
      relations: rows.relations.sort(byPlace).map(toRelation),
    };
  });
  const corpus: CorpusModel = { vocabulary, articles, entities: [] };
  return toCorpusGraph(corpus);
}

function toEntity(r: EntityRow): Entity {
  const entity: Entity = { id: r.entity_id, type: r.type as Entity['type'], label: r.label, aliases: r.aliases, description: r.description, attributes: r.attributes, mentions: r.mentions };
  if (r.draft) entity.draft = r.draft;
  return entity;
}

function toRelation(r: RelationRow): Relation {
  const relation: Relation = { id: r.relation_id, type: r.type, source: r.source_id, target: r.target_id, evidence: r.evidence, qualifiers: r.qualifiers };
  if (r.draft) relation.draft = r.draft;
  return relation;
}

/** The strings among these rows' attribute and qualifier values: any of them may be an entity id, shown by its label. */
export function valueStrings(entities: EntityRow[], relations: RelationRow[]): string[] {
  const found = new Set<string>();
  for (const r of entities) for (const v of Object.values(r.attributes)) if (typeof v === 'string') found.add(v);
  for (const r of relations) for (const v of Object.values(r.qualifiers)) if (typeof v === 'string') found.add(v);
  return [...found];
}
