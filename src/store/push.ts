import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { MultiDirectedGraph } from 'graphology';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { CorpusModel } from '../corpus/buildCorpus.ts';
import { toCorpusGraph } from '../corpus/toGraph.ts';
import { CORPUS_SLUG, type ArticleModel, type KgGraph, type Scalar, type Vocabulary } from '../model/types.ts';
import { SEARCH_FIELDS, searchDocuments, type SearchDocument } from '../query/searchIndex.ts';
import { componentSizes } from '../query/stats.ts';
import { StoreError } from './errors.ts';
import { readArticleMetas, readEntityRows, readRelations } from './read.ts';
import { arrayLiteral, copyLine, corpusGraph, ENTITY_COLUMNS, entityLines, RELATION_COLUMNS, relationLines, valueStrings, type EntityRow } from './rows.ts';
import { indexSql, SCHEMA_SQL, STORE_FORMAT, STORE_INDEXES, STORE_KEYS } from './schema.ts';
import { indexDocument } from './searchRows.ts';

export interface PushReport {
  articles: number;
  /** Rows written: entity, relation and search-document rows. */
  rows: number;
  seconds: number;
}

/** Characters per COPY chunk sent: large enough that COPY, not the round trips, sets the pace. */
const CHUNK_CHARS = 1 << 20;

const byCodeUnit = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Writes articles of a validated corpus into the store: all of them, or those named. The whole
 * push is one transaction: the named articles' rows are replaced (pushing an article again
 * changes nothing), the search documents made from them are made again, then the tables derived
 * from all articles (lexicon, document statistics, components).
 *
 * When the store then holds no article but these (a first push, or the whole corpus again), the
 * tables are emptied and loaded with one COPY each, their indexes dropped before and built after,
 * and the search documents come from the corpus graph in memory. Otherwise only what the named
 * articles touch is replaced, and the documents are made from rows read back.
 */
export async function pushCorpus(client: pg.Client, corpus: CorpusModel, slugs?: readonly string[]): Promise<PushReport> {
  const started = performance.now();
  const articles = (slugs ? corpus.articles.filter((a) => slugs.includes(a.meta.slug)) : [...corpus.articles]).sort((a, b) => byCodeUnit(a.meta.slug, b.meta.slug));
  await prepare(client, corpus.vocabulary);
  // Durability of each commit is not what a bulk load needs: a crash loses the push, never corrupts the store.
  await client.query('SET synchronous_commit = off');
  await client.query('BEGIN');
  let rows: number;
  try {
    const pushed = new Set(articles.map((a) => a.meta.slug));
    const stored = await client.query<{ slug: string }>('SELECT slug FROM kg_articles');
    rows = stored.rows.every((r) => pushed.has(r.slug)) ? await replaceAll(client, corpus.vocabulary, articles) : await replaceSome(client, corpus.vocabulary, articles);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  }
  await client.query('ANALYZE kg_entities, kg_relations, kg_search_docs, kg_lexicon');
  return { articles: articles.length, rows, seconds: (performance.now() - started) / 1000 };
}

async function prepare(client: pg.Client, vocabulary: Vocabulary): Promise<void> {
  await client.query(SCHEMA_SQL);
  const { rows } = await client.query<{ value: unknown }>("SELECT value FROM kg_meta WHERE key = 'format'");
  if (rows.length && rows[0]!.value !== STORE_FORMAT) throw new StoreError(`this store was made by another version of kg (format ${String(rows[0]!.value)}, this one writes ${STORE_FORMAT}): push into an empty database`);
  await client.query("INSERT INTO kg_meta (key, value) VALUES ('format', $1::json), ('vocabulary', $2::json) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value", [
    JSON.stringify(STORE_FORMAT),
    JSON.stringify(vocabulary),
  ]);
}

const ENTITY_COPY = `COPY kg_entities (${ENTITY_COLUMNS.join(', ')}, folded_names, word_names) FROM STDIN`;
const RELATION_COPY = `COPY kg_relations (${RELATION_COLUMNS.join(', ')}) FROM STDIN`;
const DOC_COPY = 'COPY kg_search_docs (entity_id, kind, key, article, pos, doc, lengths, terms, refs) FROM STDIN';

/** The articles' own rows, one COPY per table over all of them. */
async function copyArticleRows(client: pg.Client, articles: ArticleModel[]): Promise<void> {
  await copy(client, 'COPY kg_articles (slug, meta, text) FROM STDIN', articles.map((a) => copyLine([a.meta.slug, JSON.stringify(a.meta), a.text])));
  await copy(client, ENTITY_COPY, (function* () {
    for (const a of articles) yield* entityLines(a);
  })());
  await copy(client, RELATION_COPY, (function* () {
    for (const a of articles) yield* relationLines(a);
  })());
}

/** The store becomes these articles: emptied, loaded, indexed; its documents and statistics from their graph in memory. */
async function replaceAll(client: pg.Client, vocabulary: Vocabulary, articles: ArticleModel[]): Promise<number> {
  await client.query('TRUNCATE kg_articles, kg_entities, kg_relations, kg_search_docs, kg_lexicon');
  for (const index of STORE_INDEXES) await client.query(`DROP INDEX IF EXISTS ${index.name}`);
  for (const table of Object.keys(STORE_KEYS)) await client.query(`ALTER TABLE ${table} DROP CONSTRAINT IF EXISTS ${table}_pkey`);
  await copyArticleRows(client, articles);
  const graph = toCorpusGraph({ vocabulary, articles, entities: [] });
  const first = new Map<string, { article: string; pos: number }>();
  for (const a of articles) a.entities.forEach((e, pos) => first.has(e.id) || first.set(e.id, { article: a.meta.slug, pos }));
  const relationPos = new Map<string, number>();
  for (const a of articles) a.relations.forEach((r, pos) => relationPos.set(`${a.meta.slug}:${r.id}`, pos));
  const documents = new DocumentStatistics();
  await copy(client, DOC_COPY, docLines(graph, searchDocuments(graph), { entities: first, relations: relationPos }, documents));
  // Work memory for the index builds of a big load: PostgreSQL's default (64 MB) makes them spill to disk.
  await client.query("SET LOCAL maintenance_work_mem = '512MB'");
  for (const [table, columns] of Object.entries(STORE_KEYS)) await client.query(`ALTER TABLE ${table} ADD CONSTRAINT ${table}_pkey PRIMARY KEY (${columns})`);
  for (const index of STORE_INDEXES) await client.query(indexSql(index));
  await copy(client, 'COPY kg_lexicon (term) FROM STDIN', (function* () {
    for (const term of documents.terms) yield copyLine([term]);
  })());
  await saveStats(client, documents.count, documents.averages(), componentSizes(graph));
  let entityRows = 0;
  for (const a of articles) entityRows += a.entities.length;
  return entityRows + graph.size + documents.count;
}

/**
 * Only the named articles' rows are replaced; the other articles stay as pushed. The documents
 * made again are every one whose `refs` meet an entity these articles name or named (its own,
 * a relation's end, a value shown by label), and the new articles' relations.
 */
async function replaceSome(client: pg.Client, vocabulary: Vocabulary, articles: ArticleModel[]): Promise<number> {
  const slugs = articles.map((a) => a.meta.slug);
  const old = await client.query<{ entity_id: string }>('DELETE FROM kg_entities WHERE article = ANY($1::text[]) RETURNING entity_id', [slugs]);
  await client.query('DELETE FROM kg_relations WHERE article = ANY($1::text[])', [slugs]);
  await client.query('DELETE FROM kg_articles WHERE slug = ANY($1::text[])', [slugs]);
  await copyArticleRows(client, articles);

  const touched = [...new Set([...old.rows.map((r) => r.entity_id), ...articles.flatMap((a) => a.entities.map((e) => e.id))])];
  const stale = await client.query<{ entity_id: string; kind: number; key: string; article: string }>('DELETE FROM kg_search_docs WHERE EXISTS (SELECT FROM unnest(refs) AS r(id) WHERE r.id = ANY($1::text[])) RETURNING entity_id, kind, key, article', [touched]);
  const entityIds = new Set([...touched, ...stale.rows.filter((d) => d.kind === 0).map((d) => d.key)]);
  const relationKeys = new Map<string, { source: string; article: string; id: string }>();
  for (const d of stale.rows) if (d.kind === 1) relationKeys.set(d.key, { source: d.entity_id, article: d.article, id: d.key.slice(d.article.length + 1) });
  for (const a of articles) for (const r of a.relations) relationKeys.set(`${a.meta.slug}:${r.id}`, { source: r.source, article: a.meta.slug, id: r.id });
  // Relations of the other articles that were stale but whose article is pushed again are gone: read finds only what is there now.
  const relations = await readRelations(client, [...relationKeys.values()]);
  const ends = new Set([...entityIds, ...relations.flatMap((r) => [r.source_id, r.target_id])]);
  const rows = await readEntityRows(client, [...ends]);
  const named = valueStrings(rows, relations).filter((v) => !ends.has(v));
  const graph = corpusGraph(vocabulary, await readArticleMetas(client), [...rows, ...(await readEntityRows(client, named))], relations);
  const docs = searchDocuments(graph).filter((d) => d.kind === 'relation' || entityIds.has(d.key));
  const places = { entities: firstPlaces(rows), relations: new Map(relations.map((r) => [`${r.article}:${r.relation_id}`, r.pos])) };
  await copy(client, DOC_COPY, docLines(graph, docs, places, new DocumentStatistics()));
  await refreshDerived(client);
  let written = docs.length;
  for (const a of articles) written += a.entities.length + a.relations.length;
  return written;
}

/** Each entity's first article and place there: where its document comes in the index, as its node does in the graph. */
function firstPlaces(rows: EntityRow[]): Map<string, { article: string; pos: number }> {
  const first = new Map<string, { article: string; pos: number }>();
  for (const r of rows) {
    const seen = first.get(r.entity_id);
    if (!seen || r.article < seen.article) first.set(r.entity_id, { article: r.article, pos: r.pos });
  }
  return first;
}

/** The count, field lengths and terms of the documents written, for what BM25 needs of the whole index. */
class DocumentStatistics {
  count = 0;
  readonly terms = new Set<string>();
  private readonly sums = SEARCH_FIELDS.map(() => 0);
  add(lengths: number[], terms: string[]): void {
    this.count++;
    lengths.forEach((l, i) => (this.sums[i]! += l));
    for (const t of terms) this.terms.add(t);
  }
  averages(): number[] {
    return averages(this.sums, this.count);
  }
}

const averages = (sums: number[], count: number) => sums.map((s) => (count ? s / count : 0));

/** The strings a document was made from that may be entity ids: a value shown by its entity's label. */
function valueRefs(values: Record<string, Scalar>, into: string[]): string[] {
  for (const key in values) if (Object.hasOwn(values, key) && typeof values[key] === 'string') into.push(values[key]);
  return into;
}

/** Where each document comes in the index: an entity's first article and place there; a relation's place in its article (keyed as its edge). */
interface Places {
  entities: Map<string, { article: string; pos: number }>;
  relations: Map<string, number>;
}

/** The search documents' COPY lines: each with its place in the index, MiniSearch's reading of it, and what it refers to. */
function* docLines(graph: KgGraph, docs: SearchDocument[], places: Places, statistics: DocumentStatistics): Generator<string> {
  for (const doc of docs) {
    const { lengths, terms } = indexDocument(doc);
    statistics.add(lengths, terms);
    let line: (string | number)[];
    if (doc.kind === 'entity') {
      const place = places.entities.get(doc.key)!;
      line = [doc.key, 0, doc.key, place.article, place.pos, arrayLiteral(valueRefs(graph.getNodeAttribute(doc.key, 'attributes'), [doc.key]))];
    } else {
      const a = graph.getEdgeAttributes(doc.key);
      const source = graph.source(doc.key);
      line = [source, 1, doc.key, a.article!, places.relations.get(doc.key)!, arrayLiteral(valueRefs(a.qualifiers, [source, graph.target(doc.key)]))];
    }
    yield copyLine([line[0]!, line[1]!, line[2]!, line[3]!, line[4]!, JSON.stringify(doc), `{${lengths.join(',')}}`, arrayLiteral(terms), line[5]!]);
  }
}

/** One COPY of these lines, sent in chunks of about CHUNK_CHARS: the lines are made while PostgreSQL takes the last chunk. */
async function copy(client: pg.Client, sql: string, lines: Iterable<string>): Promise<void> {
  function* chunks() {
    let buffer = '';
    for (const line of lines) {
      buffer += line;
      if (buffer.length >= CHUNK_CHARS) {
        yield buffer;
        buffer = '';
      }
    }
    if (buffer) yield buffer;
  }
  await pipeline(Readable.from(chunks()), client.query(copyFrom(sql)));
}

async function saveStats(client: pg.Client, documents: number, averages: number[], components: number[]): Promise<void> {
  await client.query(
    'INSERT INTO kg_view_stats (view, documents, avg_lengths, components) VALUES ($1, $2, $3, $4) ON CONFLICT (view) DO UPDATE SET documents = EXCLUDED.documents, avg_lengths = EXCLUDED.avg_lengths, components = EXCLUDED.components',
    [CORPUS_SLUG, documents, averages, components],
  );
}

/**
 * What depends on every article at once, worked out again from the tables after a push of some
 * articles: the lexicon (every term of the documents: what a query word is matched against), the
 * document count and average field lengths BM25 needs, and the connected components' sizes (kept
 * here rather than found per query).
 */
async function refreshDerived(client: pg.Client): Promise<void> {
  await client.query('TRUNCATE kg_lexicon');
  await client.query('INSERT INTO kg_lexicon (term) SELECT DISTINCT unnest(terms) FROM kg_search_docs');
  // Sums, divided here as a push into an empty store divides them: the same averages to the last bit.
  const docs = await client.query<{ n: number; sums: string[] }>(
    `SELECT count(*)::integer AS n, ARRAY[${SEARCH_FIELDS.map((_, i) => `coalesce(sum(lengths[${i + 1}]), 0)`).join(', ')}]::bigint[] AS sums FROM kg_search_docs`,
  );
  const graph = new MultiDirectedGraph();
  const nodes = await client.query<[string]>({ text: 'SELECT DISTINCT entity_id FROM kg_entities', rowMode: 'array' });
  for (const [id] of nodes.rows) graph.addNode(id);
  const edges = await client.query<[string, string]>({ text: 'SELECT source_id, target_id FROM kg_relations', rowMode: 'array' });
  for (const [source, target] of edges.rows) graph.addEdge(source, target);
  const { n, sums } = docs.rows[0]!;
  await saveStats(client, n, averages(sums.map(Number), n), componentSizes(graph));
}
