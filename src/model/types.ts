import type { MultiDirectedGraph } from 'graphology';

/**
 * The article-kg model: what a curated article becomes once it is validated and grounded.
 * Pure types and closed vocabularies; no I/O.
 */

/** Entity types are closed: the explorer's palette, filters and legend are built on them. */
export const ENTITY_TYPES = ['person', 'country', 'organisation', 'place', 'event', 'topic'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

/**
 * Value types that typed attributes and qualifiers may declare. `date` is an ISO 8601 calendar
 * date of year, month or day precision (2020, 2024-07, 2025-02-03); `entity` is another entity's id.
 */
export const VALUE_TYPES = ['string', 'int', 'float', 'boolean', 'date', 'entity'] as const;
export type ValueType = (typeof VALUE_TYPES)[number];

export type Scalar = string | number | boolean;

/** Ids of entities and relations, and article folder names: they become URL hashes, module ids, file names and XML tokens. */
export const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The longest a label or alias may be: names are matched in every text, and a longer one is a pasted paragraph. */
export const MAX_NAME_LENGTH = 200;

/** On an item `kg add` drafted and no curator has reviewed: how sure the drafter was, and which rule made it. */
export interface DraftMarker {
  confidence: number;
  rule: string;
}

/** A half-open range of UTF-16 code units in the article text, with the text it covers. */
export interface Span {
  start: number;
  end: number;
  text: string;
}

export interface RelationType {
  id: string;
  label: string;
  inverse: string;
  description?: string;
  /** Entity types allowed at the tail and at the head of the arrow. */
  from: EntityType[];
  to: EntityType[];
  qualifiers: Record<string, ValueType>;
}

export interface Vocabulary {
  /** Typed entity attributes, shared by all entity types. */
  attributes: Record<string, ValueType>;
  relations: Record<string, RelationType>;
}

export interface ArticleMeta {
  slug: string;
  title: string;
  publisher: string;
  dateline: string;
  /** ISO 8601 date of publication. */
  date: string;
  url?: string;
  photoCaption?: string;
  photoCredit?: string;
}

export interface Entity {
  id: string;
  type: EntityType;
  label: string;
  aliases: string[];
  description: string;
  attributes: Record<string, Scalar>;
  /** Every place the article names the entity, by label or alias, in text order. */
  mentions: Span[];
  draft?: DraftMarker;
}

export interface Relation {
  id: string;
  type: string;
  source: string;
  target: string;
  evidence: Span;
  qualifiers: Record<string, Scalar>;
  draft?: DraftMarker;
}

/** A validated, grounded article: every entity mentioned, every relation's evidence located. */
export interface ArticleModel {
  meta: ArticleMeta;
  text: string;
  vocabulary: Vocabulary;
  entities: Entity[];
  relations: Relation[];
}

/** A mention; in a corpus graph it also says which article's text the offsets are in. */
export interface Mention extends Span {
  article?: string;
}

/** Attributes of a node in the built graphology graph. Layout adds x, y, size and color. */
export interface KgNodeAttributes {
  label: string;
  type: EntityType;
  description: string;
  aliases: string[];
  attributes: Record<string, Scalar>;
  mentions: Mention[];
  /** In a corpus graph: the articles that mention it, by slug. */
  articles?: string[];
  draft?: DraftMarker;
  x?: number;
  y?: number;
  size?: number;
  color?: string;
}

export interface KgEdgeAttributes {
  relation: string;
  label: string;
  inverse: string;
  evidence: Span;
  qualifiers: Record<string, Scalar>;
  /** In a corpus graph: the article whose text states it (its evidence offsets are in that text). */
  article?: string;
  draft?: DraftMarker;
  /** From an opened file whose edge has no direction: stored from the end the file lists first (src/import). */
  undirected?: true;
}

/** The corpus graph's slug, where an article's graph has its own: no article folder can be named so. */
export const CORPUS_SLUG = '_corpus';

/** One article's metadata; a corpus graph has the corpus's (slug CORPUS_SLUG, see corpus/toGraph.ts). */
export type KgGraphAttributes = ArticleMeta;

/** The built graph: entity ids are node keys, relation ids edge keys (`<article>:<relation>` in a corpus graph). */
export type KgGraph = MultiDirectedGraph<KgNodeAttributes, KgEdgeAttributes, KgGraphAttributes>;
