import toUndirected from 'graphology-operators/to-undirected.js';
import { bidirectional } from 'graphology-shortest-path/unweighted.js';
import { directedDensity } from 'graphology-metrics/graph/density.js';
import type pg from 'pg';
import type { LoadedArticle } from '../corpus/built.ts';
import { corpusMeta } from '../corpus/toGraph.ts';
import { EntityNotFoundError } from '../model/errors.ts';
import { CORPUS_SLUG, type KgGraph, type Vocabulary } from '../model/types.ts';
import { resolve, words } from '../query/resolve.ts';
import { meaningful } from '../query/search.ts';
import { useSearchIndex, type SearchDocument } from '../query/searchIndex.ts';
import { statsFrom, type GraphStats } from '../query/stats.ts';
import { foldCase } from '../text/fold.ts';
import { readAllNames, readArticleMetas, readEntityRows, readFirstOfEachType, readIncidentRelations, readRelations, readVocabulary } from './read.ts';
import { corpusGraph, valueStrings, type EntityRow, type RelationRow } from './rows.ts';
import { fuzzyDistance, partialIndex, queryTerms } from './searchRows.ts';

/**
 * The store's side of each query: read from SQL only the part of the corpus graph a query needs,
 * build it as the files would (rows.ts), and leave the answer to the query core, which then
 * answers as it does over the whole graph in memory.
 */

export interface StoreReader {
  client: pg.Client;
  vocabulary: Vocabulary;
}

export async function storeReader(client: pg.Client): Promise<StoreReader> {
  return { client, vocabulary: await readVocabulary(client) };
}

async function graphOf(store: StoreReader, entities: EntityRow[], relations: RelationRow[]): Promise<KgGraph> {
  return corpusGraph(store.vocabulary, await readArticleMetas(store.client), entities, relations);
}

const article = (store: StoreReader, graph: KgGraph): LoadedArticle => ({ text: '', vocabulary: store.vocabulary, graph });

/** Entity rows for these ids, and for the entities their typed values name (shown by label). */
async function withNamedValues(store: StoreReader, ids: Iterable<string>, relations: RelationRow[]): Promise<EntityRow[]> {
  const wanted = new Set(ids);
  const rows = await readEntityRows(store.client, [...wanted]);
  const named = valueStrings(rows, relations).filter((v) => !wanted.has(v));
  return [...rows, ...(await readEntityRows(store.client, named))];
}

/**
 * The entity a name means, as resolve() finds it in the whole graph: SQL finds every entity the
 * name could match (by id, by a folded name, by words), and resolve() chooses among them in the
 * graph they make. When none matches, resolve() is asked of every entity's names, which gives
 * the same suggestions as the whole graph.
 */
export async function resolveInStore(store: StoreReader, name: string): Promise<string> {
  const query = name.trim();
  const lower = foldCase(query);
  const byName = await store.client.query<{ entity_id: string }>(
    'SELECT DISTINCT entity_id FROM kg_entities WHERE entity_id = $1 OR entity_id = $2 OR folded_names @> ARRAY[$2]',
    [query, lower],
  );
  let ids = byName.rows.map((r) => r.entity_id);
  const queryWords = words(query).join(' ');
  if (ids.length === 0 && queryWords) {
    const byWord = await store.client.query<{ entity_id: string }>("SELECT DISTINCT entity_id FROM kg_entities WHERE word_names LIKE $1 ESCAPE '\\'", [`%${escapeLike(` ${queryWords} `)}%`]);
    ids = byWord.rows.map((r) => r.entity_id);
  }
  if (ids.length > 0) {
    try {
      return resolve(await graphOf(store, await readEntityRows(store.client, ids), []), name);
    } catch (error) {
      if (!(error instanceof EntityNotFoundError) || error.ambiguous) throw error;
    }
  }
  const everyone = await graphOf(store, await readAllNames(store.client), []);
  useSearchIndex(everyone, await searchIndexFor(store, query));
  return resolve(everyone, name);
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * What `neighbours` or `show` needs around an entity, as loadNeighbourhood gives it from the
 * blocks cache: every relation of the entities within `levels - 1` hops (arrows and relation
 * types ignored, so any options find what they would in the whole graph), the other ends of those,
 * and, when relation types are asked for, the first relation of each type, so that the names of
 * types resolve as in the whole graph. Those are at `levels` hops or more, where no answer looks.
 */
export async function storeNeighbourhood(store: StoreReader, name: string, levels: number, relationTypes: boolean): Promise<LoadedArticle> {
  const seed = await resolveInStore(store, name);
  const near = await store.client.query<{ id: string }>(
    `WITH RECURSIVE near(id, depth) AS (
       SELECT $1::text COLLATE "C", 0
       UNION
       SELECT CASE WHEN r.source_id = n.id THEN r.target_id ELSE r.source_id END, n.depth + 1
       FROM near n JOIN kg_relations r ON r.source_id = n.id OR r.target_id = n.id
       WHERE n.depth < $2
     )
     SELECT DISTINCT id FROM near`,
    [seed, levels - 1],
  );
  const relations = await readIncidentRelations(store.client, near.rows.map((r) => r.id));
  if (relationTypes) relations.push(...(await readFirstOfEachType(store.client, Object.keys(store.vocabulary.relations))));
  const ends = new Set([seed, ...relations.flatMap((r) => [r.source_id, r.target_id])]);
  return article(store, await graphOf(store, await withNamedValues(store, ends, relations), relations));
}

/**
 * What `path` needs: the graph around both ends grown until graphology's bidirectional search,
 * run on it, only ever expands entities whose every relation is loaded. Its run is then the run
 * on the whole graph (it decides from the neighbours of the entities it expands, nothing else),
 * so the core's path() on this part finds the same path, ties included.
 */
export async function storePath(store: StoreReader, a: string, b: string, directed: boolean): Promise<LoadedArticle & { from: string; to: string }> {
  const from = await resolveInStore(store, a);
  const to = await resolveInStore(store, b);
  const loaded = new Set<string>();
  const relations = new Map<string, RelationRow>();
  let pending = [from, to];
  let graph: KgGraph;
  for (;;) {
    for (const r of await readIncidentRelations(store.client, pending)) relations.set(`${r.article}\0${r.relation_id}`, r);
    for (const id of pending) loaded.add(id);
    const rows = [...relations.values()];
    const ends = new Set([from, to, ...rows.flatMap((r) => [r.source_id, r.target_id])]);
    graph = await graphOf(store, await readEntityRows(store.client, [...ends]), rows);
    const expanded = expandedBy(directed ? graph : toUndirected(graph), from, to);
    pending = [...expanded].filter((id) => !loaded.has(id));
    if (pending.length === 0) break;
  }
  return { ...article(store, graph), from, to };
}

/** The entities graphology's bidirectional search asks the neighbours of, on this graph. */
function expandedBy(graph: KgGraph, from: string, to: string): Set<string> {
  const expanded = new Set<string>();
  const watch = (method: 'inboundNeighbors' | 'outboundNeighbors') => {
    const original = graph[method].bind(graph);
    graph[method] = ((node: string) => {
      expanded.add(node);
      return original(node);
    }) as typeof graph.inboundNeighbors;
  };
  watch('inboundNeighbors');
  watch('outboundNeighbors');
  bidirectional(graph, from, to);
  return expanded;
}

interface DocRow {
  entity_id: string;
  kind: number;
  key: string;
  article: string;
  doc: SearchDocument;
}

/**
 * An index of the documents holding a term `text` can match (itself, a word it begins, or one
 * within MiniSearch's edit distance), found in SQL, scoring as the whole corpus's index does.
 */
async function candidateDocs(store: StoreReader, text: string): Promise<DocRow[]> {
  const terms = queryTerms(text);
  if (terms.length === 0) return [];
  const matched = await store.client.query<{ term: string }>(
    `SELECT l.term FROM kg_lexicon l, unnest($1::text[], $2::integer[]) AS q(term, distance)
     WHERE starts_with(l.term, q.term)
        OR (q.distance > 0 AND abs(length(l.term) - length(q.term)) <= q.distance AND length(l.term) <= 255 AND length(q.term) <= 255
            AND levenshtein_less_equal(l.term, q.term, q.distance) <= q.distance)`,
    [terms, terms.map(fuzzyDistance)],
  );
  if (matched.rows.length === 0) return [];
  return (
    await store.client.query<DocRow>('SELECT entity_id, kind, key, article, doc FROM kg_search_docs WHERE terms && $1::text[] ORDER BY kind, article, pos', [
      [...new Set(matched.rows.map((r) => r.term))],
    ])
  ).rows;
}

async function searchIndexFor(store: StoreReader, text: string, docs?: DocRow[]) {
  const stats = await store.client.query<{ documents: number; avg_lengths: number[] }>('SELECT documents, avg_lengths FROM kg_view_stats WHERE view = $1', [CORPUS_SLUG]);
  const { documents, avg_lengths } = stats.rows[0]!;
  return partialIndex((docs ?? (await candidateDocs(store, text))).map((d) => d.doc), documents, avg_lengths);
}

/** What `search` needs: the entities and relations whose documents the query can match, with an index that scores them as the whole one does. */
export async function storeSearch(store: StoreReader, text: string): Promise<LoadedArticle> {
  const docs = text.trim() ? await candidateDocs(store, meaningful(text)) : [];
  const keys = docs.filter((d) => d.kind === 1).map((d) => ({ source: d.entity_id, article: d.article, id: d.key.slice(d.article.length + 1) }));
  const relations = await readRelations(store.client, keys);
  const ends = new Set([...docs.filter((d) => d.kind === 0).map((d) => d.key), ...relations.flatMap((r) => [r.source_id, r.target_id])]);
  const graph = await graphOf(store, await withNamedValues(store, ends, relations), relations);
  useSearchIndex(graph, await searchIndexFor(store, text, docs));
  return article(store, graph);
}

/** `stats` counted in SQL; the components were counted when the corpus was pushed. */
export async function storeStats(store: StoreReader, top = 5): Promise<GraphStats> {
  const { client } = store;
  const count = async (sql: string) => new Map((await client.query<{ k: string; n: number }>(sql)).rows.map((r) => [r.k, r.n]));
  const entityTypes = await count('SELECT type AS k, count(*)::integer AS n FROM (SELECT DISTINCT ON (entity_id) type FROM kg_entities ORDER BY entity_id, article) e GROUP BY type');
  const relationTypes = await count('SELECT type AS k, count(*)::integer AS n FROM kg_relations GROUP BY type');
  const entities = [...entityTypes.values()].reduce((a, b) => a + b, 0);
  const relations = [...relationTypes.values()].reduce((a, b) => a + b, 0);
  // Every entity whose degree reaches the top-th highest, in node order: the core breaks ties by label, then that order.
  const degrees = await client.query<{ id: string; label: string; type: string; degree: number }>(
    `WITH ends AS (SELECT source_id AS id FROM kg_relations UNION ALL SELECT target_id FROM kg_relations),
          degree AS (SELECT id, count(*)::integer AS n FROM ends GROUP BY id),
          entity AS (SELECT DISTINCT ON (entity_id) entity_id, article, pos, label, type FROM kg_entities ORDER BY entity_id, article),
          scored AS (SELECT e.*, coalesce(d.n, 0) AS degree FROM entity e LEFT JOIN degree d ON d.id = e.entity_id),
          cut AS (SELECT degree FROM scored ORDER BY degree DESC LIMIT 1 OFFSET $1)
     SELECT entity_id AS id, label, type, degree FROM scored WHERE degree >= coalesce((SELECT degree FROM cut), 0) ORDER BY article, pos`,
    [top - 1],
  );
  const view = await client.query<{ components: number[] }>('SELECT components FROM kg_view_stats WHERE view = $1', [CORPUS_SLUG]);
  return statsFrom(
    {
      meta: corpusMeta(await readArticleMetas(client)),
      entities,
      relations,
      entityTypes,
      relationTypes,
      degrees: degrees.rows.map((r) => ({ id: r.id, label: r.label, type: r.type as GraphStats['mostConnected'][number]['type'], degree: r.degree })),
      componentSizes: view.rows[0]!.components,
      density: directedDensity(entities, relations),
    },
    top,
  );
}
