/**
 * The PostgreSQL store's tables, as SQL text (no I/O: push.ts runs it).
 *
 * Rows are kept per article, as the article's own model has them, so that pushing an article
 * again replaces exactly its rows; the corpus view (one node per entity, its aliases, mentions
 * and articles merged) is made from them when a query reads them, by the project's own builder
 * (corpus/toGraph.ts), so that it is the graph the files give.
 *
 * Sharding (Citus): every big table is distributed by an entity id and co-located, so the lookups
 * the queries make (an entity's rows, the relations out of it, its search documents) each go to
 * one shard:
 *   SELECT create_reference_table('kg_meta'); -- and kg_articles, kg_lexicon, kg_view_stats
 *   SELECT create_distributed_table('kg_entities', 'entity_id');
 *   SELECT create_distributed_table('kg_relations', 'source_id', colocate_with => 'kg_entities');
 *   SELECT create_distributed_table('kg_search_docs', 'entity_id', colocate_with => 'kg_entities');
 * Distributing by article instead would keep an article's push on one shard, but every entity
 * query (the common case) would then ask every shard, and the corpus merge of an entity would
 * always cross shards. Relations are found by their source on one shard and by their target
 * through kg_relations_target_idx on every shard: the price of storing each relation once.
 * Every primary key holds the distribution column, as Citus requires.
 *
 * Identifiers and slugs are compared byte for byte (COLLATE "C"): the core orders by code unit,
 * not by locale. Objects whose key order shows in answers (attributes, qualifiers, mentions) are
 * `json`, which keeps the text as written; `jsonb` would reorder the keys.
 */

/** Bumped whenever the tables change shape: a store made by another version is refused, not misread. */
export const STORE_FORMAT = 2;

/**
 * The primary keys of the big tables (each holds the distribution column, as Citus requires).
 * Named here so that a push into an empty store can drop them and build them after its load.
 */
export const STORE_KEYS = { kg_entities: 'entity_id, article', kg_relations: 'source_id, article, relation_id', kg_search_docs: 'entity_id, kind, key' } as const;

function primaryKey(table: keyof typeof STORE_KEYS): string {
  return `CONSTRAINT ${table}_pkey PRIMARY KEY (${STORE_KEYS[table]})`;
}

export const TABLES_SQL = `
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS fuzzystrmatch;

-- Reference tables (small, copied to every node under Citus).
CREATE TABLE IF NOT EXISTS kg_meta (
  key text COLLATE "C" PRIMARY KEY,
  value json NOT NULL
);
CREATE TABLE IF NOT EXISTS kg_articles (
  slug text COLLATE "C" PRIMARY KEY,
  meta json NOT NULL,
  text text NOT NULL
);

-- One row per entity per article that names it: its names, mentions and local aliases there.
CREATE TABLE IF NOT EXISTS kg_entities (
  entity_id text COLLATE "C" NOT NULL,
  article text COLLATE "C" NOT NULL,
  pos integer NOT NULL,
  type text NOT NULL,
  label text NOT NULL,
  description text NOT NULL,
  aliases json NOT NULL,
  attributes json NOT NULL,
  mentions json NOT NULL,
  draft json,
  -- The label and aliases case-folded, and as padded word strings ' keir starmer |': what resolve() compares.
  folded_names text[] NOT NULL,
  word_names text NOT NULL,
  ${primaryKey('kg_entities')}
);

-- One row per relation, in the article that states it; pos is its place in that article.
CREATE TABLE IF NOT EXISTS kg_relations (
  source_id text COLLATE "C" NOT NULL,
  article text COLLATE "C" NOT NULL,
  pos integer NOT NULL,
  relation_id text COLLATE "C" NOT NULL,
  target_id text COLLATE "C" NOT NULL,
  type text COLLATE "C" NOT NULL,
  evidence json NOT NULL,
  qualifiers json NOT NULL,
  draft json,
  ${primaryKey('kg_relations')}
);

-- The corpus view's search documents (query/searchIndex.ts), refreshed for the entities and
-- relations an article push touches: the document itself, MiniSearch's field lengths and terms.
-- Entity documents sit with their entity; relation documents with their source entity.
CREATE TABLE IF NOT EXISTS kg_search_docs (
  entity_id text COLLATE "C" NOT NULL,
  kind smallint NOT NULL,
  key text COLLATE "C" NOT NULL,
  -- Where the document comes in the index: an entity's first article and place, a relation's own.
  article text COLLATE "C" NOT NULL,
  pos integer NOT NULL,
  doc json NOT NULL,
  lengths integer[] NOT NULL,
  terms text[] NOT NULL,
  -- Every entity id whose rows the document was made from (its own, a relation's ends) and every
  -- string value that may name one (shown by its label): the documents a push must make again.
  refs text[] COLLATE "C" NOT NULL,
  ${primaryKey('kg_search_docs')}
);

-- Derived from the tables above after every push (reference tables).
CREATE TABLE IF NOT EXISTS kg_lexicon (
  term text COLLATE "C" PRIMARY KEY
);
CREATE TABLE IF NOT EXISTS kg_view_stats (
  view text COLLATE "C" PRIMARY KEY,
  documents integer NOT NULL,
  avg_lengths float8[] NOT NULL,
  components integer[] NOT NULL
);
`;

/**
 * The secondary indexes, each with the query it serves. Apart from the tables so that a push into
 * an empty store builds them once after loading its rows, which is several times faster than
 * keeping them up to date row by row.
 */
export const STORE_INDEXES: { name: string; on: string; serves: string }[] = [
  { name: 'kg_entities_article_idx', on: 'kg_entities (article, pos)', serves: "a push: the rows an article pushed again replaces" },
  { name: 'kg_entities_names_idx', on: 'kg_entities USING gin (folded_names)', serves: 'resolving a name typed whole (label or alias, any case)' },
  { name: 'kg_entities_words_idx', on: 'kg_entities USING gin (word_names gin_trgm_ops)', serves: 'resolving a name by some of its words (LIKE %…%)' },
  { name: 'kg_relations_target_idx', on: 'kg_relations (target_id)', serves: 'neighbours and path: the relations into an entity' },
  { name: 'kg_relations_article_idx', on: 'kg_relations (article, pos)', serves: 'a push: the rows an article pushed again replaces' },
  { name: 'kg_relations_type_idx', on: 'kg_relations (type, article, pos)', serves: 'neighbours -r: the first relation of each type' },
  { name: 'kg_search_docs_terms_idx', on: 'kg_search_docs USING gin (terms)', serves: 'search: the documents holding a matched term' },
];

export const indexSql = (i: (typeof STORE_INDEXES)[number]): string => `CREATE INDEX IF NOT EXISTS ${i.name} ON ${i.on};`;

export const SCHEMA_SQL = `${TABLES_SQL}\n${STORE_INDEXES.map(indexSql).join('\n')}\n`;

/** The tables a query needs: a store without them was never pushed to. */
export const STORE_TABLES = ['kg_meta', 'kg_articles', 'kg_entities', 'kg_relations', 'kg_search_docs', 'kg_lexicon', 'kg_view_stats'] as const;
