import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { MultiDirectedGraph } from 'graphology';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { CorpusModel } from '../corpus/buildCorpus.ts';
import { CORPUS_SLUG, type ArticleModel, type Vocabulary } from '../model/types.ts';
import { searchDocuments } from '../query/searchIndex.ts';
import { componentSizes } from '../query/stats.ts';
import { StoreError } from './errors.ts';
import { readArticleMetas, readEntityRows } from './read.ts';
import { arrayLiteral, copyLine, corpusGraph, ENTITY_COLUMNS, entityLines, RELATION_COLUMNS, relationLine, relationRows, valueStrings, type EntityRow } from './rows.ts';
import { SCHEMA_SQL, STORE_FORMAT } from './schema.ts';
import { indexDocuments } from './searchRows.ts';

export interface PushReport {
  articles: number;
  /** Rows written: entity, relation and search-document rows. */
  rows: number;
  seconds: number;
}

/** Rows per COPY chunk sent: large enough that COPY, not the round trips, sets the pace. */
const CHUNK_CHARS = 1 << 20;
/** Documents indexed at once when their terms are worked out: bounds the memory of a big article. */
const INDEX_BATCH = 20_000;

/**
 * Writes articles of a validated corpus into the store: all of them, or those named. Each article
 * is one transaction that replaces its rows (pushing it again changes nothing), then the tables
 * derived from all articles (lexicon, document statistics, components) are recomputed.
 */
export async function pushCorpus(client: pg.Client, corpus: CorpusModel, slugs?: readonly string[]): Promise<PushReport> {
  const started = performance.now();
  const articles = slugs ? corpus.articles.filter((a) => slugs.includes(a.meta.slug)) : corpus.articles;
  await prepare(client, corpus.vocabulary);
  let rows = 0;
  for (const article of articles) rows += await pushArticle(client, corpus.vocabulary, article);
  await refreshDerived(client);
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

async function pushArticle(client: pg.Client, vocabulary: Vocabulary, article: ArticleModel): Promise<number> {
  const slug = article.meta.slug;
  await client.query('BEGIN');
  try {
    await client.query('INSERT INTO kg_articles (slug, meta, text) VALUES ($1, $2::json, $3) ON CONFLICT (slug) DO UPDATE SET meta = EXCLUDED.meta, text = EXCLUDED.text', [slug, JSON.stringify(article.meta), article.text]);
    const old = await client.query<{ entity_id: string }>('DELETE FROM kg_entities WHERE article = $1 RETURNING entity_id', [slug]);
    await client.query('DELETE FROM kg_relations WHERE article = $1', [slug]);
    await client.query('DELETE FROM kg_search_docs WHERE kind = 1 AND article = $1', [slug]);
    await copyLines(client, `COPY kg_entities (${ENTITY_COLUMNS.join(', ')}, folded_names, word_names) FROM STDIN`, entityLines(article));
    const relations = relationRows(article);
    await copyLines(client, `COPY kg_relations (${RELATION_COLUMNS.join(', ')}) FROM STDIN`, relations.map(relationLine));

    // The corpus documents of every entity this article names or named: their merged names change with it.
    const touched = [...new Set([...old.rows.map((r) => r.entity_id), ...article.entities.map((e) => e.id)])];
    await client.query('DELETE FROM kg_search_docs WHERE kind = 0 AND entity_id = ANY($1::text[])', [touched]);
    const entityRows = await readEntityRows(client, touched);
    const touchedSet = new Set(touched);
    const named = valueStrings(entityRows, relations).filter((v) => !touchedSet.has(v));
    const valueRows = named.length ? await readEntityRows(client, named) : [];
    const graph = corpusGraph(vocabulary, await readArticleMetas(client), [...entityRows, ...valueRows], relations);
    const first = firstPlaces(entityRows);
    const docs = searchDocuments(graph).filter((d) => d.kind === 'relation' || first.has(d.key));
    const relationAt = new Map(relations.map((r) => [`${slug}:${r.relation_id}`, r]));
    const lines: string[] = [];
    for (let i = 0; i < docs.length; i += INDEX_BATCH) {
      for (const { doc, lengths, terms } of indexDocuments(docs.slice(i, i + INDEX_BATCH))) {
        const relation = relationAt.get(doc.key);
        const place = relation ? { entity: relation.source_id, article: slug, pos: relation.pos } : first.get(doc.key)!;
        lines.push(copyLine([place.entity, doc.kind === 'entity' ? 0 : 1, doc.key, place.article, place.pos, JSON.stringify(doc), `{${lengths.join(',')}}`, arrayLiteral(terms)]));
      }
    }
    await copyLines(client, 'COPY kg_search_docs (entity_id, kind, key, article, pos, doc, lengths, terms) FROM STDIN', lines);
    await client.query('COMMIT');
    return article.entities.length + relations.length + docs.length;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  }
}

/** Each entity's first article and place there: where its document comes in the index, as its node does in the graph. */
function firstPlaces(rows: EntityRow[]): Map<string, { entity: string; article: string; pos: number }> {
  const first = new Map<string, { entity: string; article: string; pos: number }>();
  for (const r of rows) {
    const seen = first.get(r.entity_id);
    if (!seen || r.article < seen.article) first.set(r.entity_id, { entity: r.entity_id, article: r.article, pos: r.pos });
  }
  return first;
}

async function copyLines(client: pg.Client, sql: string, lines: Iterable<string>): Promise<void> {
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

/**
 * What depends on every article at once, worked out again after a push: the lexicon (every term of
 * the documents: what a query word is matched against), the document count and average field
 * lengths BM25 needs, and the connected components' sizes (kept here rather than found per query).
 */
async function refreshDerived(client: pg.Client): Promise<void> {
  await client.query('BEGIN');
  try {
    await client.query('TRUNCATE kg_lexicon');
    await client.query('INSERT INTO kg_lexicon (term) SELECT DISTINCT unnest(terms) FROM kg_search_docs');
    const docs = await client.query<{ n: number; avg: number[] | null }>(
      'SELECT count(*)::integer AS n, ARRAY[avg(lengths[1]), avg(lengths[2]), avg(lengths[3]), avg(lengths[4]), avg(lengths[5]), avg(lengths[6])]::float8[] AS avg FROM kg_search_docs',
    );
    const graph = new MultiDirectedGraph();
    const nodes = await client.query<[string]>({ text: 'SELECT DISTINCT entity_id FROM kg_entities', rowMode: 'array' });
    for (const [id] of nodes.rows) graph.addNode(id);
    const edges = await client.query<[string, string]>({ text: 'SELECT source_id, target_id FROM kg_relations', rowMode: 'array' });
    for (const [source, target] of edges.rows) graph.addEdge(source, target);
    const { n, avg } = docs.rows[0]!;
    await client.query(
      'INSERT INTO kg_view_stats (view, documents, avg_lengths, components) VALUES ($1, $2, $3, $4) ON CONFLICT (view) DO UPDATE SET documents = EXCLUDED.documents, avg_lengths = EXCLUDED.avg_lengths, components = EXCLUDED.components',
      [CORPUS_SLUG, n, (avg ?? []).map((a) => a ?? 0), componentSizes(graph)],
    );
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  }
  await client.query('ANALYZE kg_entities, kg_relations, kg_search_docs, kg_lexicon');
}
