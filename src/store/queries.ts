import { directedDensity } from 'graphology-metrics/graph/density.js';
import type MiniSearch from 'minisearch';
import type pg from 'pg';
import type { LoadedArticle } from '../corpus/built.ts';
import { corpusMeta } from '../corpus/toGraph.ts';
import { EntityNotFoundError } from '../model/errors.ts';
import { CORPUS_SLUG, type KgGraph, type Vocabulary } from '../model/types.ts';
import { nameQuery, wordRun } from '../query/names.ts';
import { resolve } from '../query/resolve.ts';
import { meaningful, search } from '../query/search.ts';
import { useSearchIndex, type SearchDocument } from '../query/searchIndex.ts';
import { statsFrom, type GraphStats } from '../query/stats.ts';
import { foldCase } from '../text/fold.ts';
import { bidirectionalPath, neighbourLists, type EdgeRow, type Fringes } from './path.ts';
import { readAllNames, readArticleMetas, readEdgeEnds, readEntityRows, readFirstOfEachType, readIncidentRelations, readRelations, readRelationsAmong, readVocabulary } from './read.ts';
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
  // Every query here is index lookups of milliseconds, but the planner prices a lookup per search
  // term at a guessed 3,000 rows each (it cannot know the terms' frequencies in a join), which
  // takes a search over the JIT thresholds: compiling then costs more than the query (170 ms
  // against 120 ms for a thousand terms).
  await client.query('SET jit = off');
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
  const { raw: query, folded } = nameQuery(name);
  const byName = await store.client.query<{ entity_id: string }>(
    'SELECT DISTINCT entity_id FROM kg_entities WHERE entity_id = $1 OR entity_id = $2 OR folded_names @> ARRAY[$2]',
    [query, folded],
  );
  let ids = byName.rows.map((r) => r.entity_id);
  const queryWords = wordRun(query);
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
 * What `path` needs: the path's entities and every relation among them. graphology's
 * bidirectional search is run here on neighbour lists read one fringe at a time (path.ts), as it
 * runs on the whole graph; the core's path() on the part then finds that same path, the only
 * shortest one there (a shortest path's entities are joined by no shortcut), and every relation
 * of each step.
 */
export async function storePath(store: StoreReader, a: string, b: string, directed: boolean): Promise<LoadedArticle & { from: string; to: string }> {
  const from = await resolveInStore(store, a);
  const to = await resolveInStore(store, b);
  const { client } = store;
  const both = (r: EdgeRow): [string, string][] => [[r[0], r[1]], [r[1], r[0]]];
  const fringes: Fringes = directed
    ? {
        successors: async (ids) => neighbourLists(ids, await readEdgeEnds(client, ids, 'source'), (r) => [[r[0], r[1]]]),
        predecessors: async (ids) => neighbourLists(ids, await readEdgeEnds(client, ids, 'target'), (r) => [[r[1], r[0]]]),
      }
    : { successors: async (ids) => neighbourLists(ids, await readEdgeEnds(client, ids, 'both'), both), predecessors: async (ids) => neighbourLists(ids, await readEdgeEnds(client, ids, 'both'), both) };
  const nodes = (await bidirectionalPath(from, to, fringes)) ?? [from, to];
  const relations = await readRelationsAmong(client, nodes);
  return { ...article(store, await graphOf(store, await readEntityRows(client, nodes), relations)), from, to };
}

interface DocRow {
  entity_id: string;
  kind: number;
  key: string;
  article: string;
  doc: SearchDocument;
  lengths: number[];
}

/**
 * The documents holding a term `text` can match (itself, a word it begins, or one within
 * MiniSearch's edit distance), found in SQL, in the whole index's order, and those terms.
 *
 * The documents are looked up term by term (one GIN probe each) rather than with `terms && all`:
 * PostgreSQL prices an overlap with each term missing from its most-common-elements statistics
 * at half the rarest frequency it keeps (0.04% of rows here, 20 times a name's real share), so a
 * query word that begins a thousand terms looks like a third of the table, is planned as a
 * sequential scan, and that scan compares every row with every term (minutes at 600k documents).
 * A document holding several of the terms comes once per term and is kept once.
 */
async function candidateDocs(store: StoreReader, text: string): Promise<{ docs: DocRow[]; terms: Set<string> }> {
  const queried = queryTerms(text);
  if (queried.length === 0) return { docs: [], terms: new Set() };
  const matched = await store.client.query<{ term: string }>(
    `SELECT l.term FROM kg_lexicon l, unnest($1::text[], $2::integer[]) AS q(term, distance)
     WHERE starts_with(l.term, q.term)
        OR (q.distance > 0 AND abs(length(l.term) - length(q.term)) <= q.distance AND length(l.term) <= 255 AND length(q.term) <= 255
            AND levenshtein_less_equal(l.term, q.term, q.distance) <= q.distance)`,
    [queried, queried.map(fuzzyDistance)],
  );
  const terms = new Set(matched.rows.map((r) => r.term));
  if (terms.size === 0) return { docs: [], terms };
  const docs = await store.client.query<DocRow>(
    `SELECT DISTINCT ON (d.kind, d.article, d.pos) d.entity_id, d.kind, d.key, d.article, d.doc, to_json(d.lengths) AS lengths
     FROM unnest($1::text[]) AS q(term) JOIN kg_search_docs d ON d.terms @> ARRAY[q.term]
     ORDER BY d.kind, d.article, d.pos`,
    [[...terms]],
  );
  return { docs: docs.rows, terms };
}

async function searchIndexFor(store: StoreReader, text: string, found?: { docs: DocRow[]; terms: Set<string> }) {
  const stats = await store.client.query<{ documents: number; avg_lengths: number[] }>('SELECT documents, avg_lengths FROM kg_view_stats WHERE view = $1', [CORPUS_SLUG]);
  const { documents, avg_lengths } = stats.rows[0]!;
  const { docs, terms } = found ?? (await candidateDocs(store, text));
  return partialIndex(docs, terms, documents, avg_lengths);
}

/**
 * What `search` needs: an index of the documents the query can match, scoring as the whole one
 * does, and the graph of the hits shown (the first `limit`) and of the entities named exactly
 * what was typed (the core ranks those higher, so it must see them).
 *
 * Which hits are shown is asked of the core's own search(), on a stand-in graph that answers its
 * questions about names from the exactly-named entities and notes the hits it then describes:
 * the ranking stays the core's alone. The index keeps that search's answer, which the core's
 * second ask, on the graph built for those hits, would compute again the same.
 */
export async function storeSearch(store: StoreReader, text: string, limit = 20): Promise<LoadedArticle> {
  const found = text.trim() ? await candidateDocs(store, meaningful(text)) : { docs: [], terms: new Set<string>() };
  const index = rememberingLastSearch(await searchIndexFor(store, text, found));
  const named = await graphOf(store, await readEntityRows(store.client, await exactlyNamed(store, text, found.docs)), []);
  const shown = hitsShown(named, index, text, limit);
  const byKey = new Map(found.docs.filter((d) => d.kind === 1).map((d) => [d.key, d]));
  const relations = await readRelations(
    store.client,
    [...shown.relations].map((key) => {
      const d = byKey.get(key)!;
      return { source: d.entity_id, article: d.article, id: key.slice(d.article.length + 1) };
    }),
  );
  const ends = new Set([...named.nodes(), ...shown.entities, ...relations.flatMap((r) => [r.source_id, r.target_id])]);
  const graph = await graphOf(store, await readEntityRows(store.client, [...ends]), relations);
  useSearchIndex(graph, index);
  return article(store, graph);
}

/** The entities among the matched documents that are named exactly `text` (a label or an alias, any case): a superset, from every article's names. */
async function exactlyNamed(store: StoreReader, text: string, docs: DocRow[]): Promise<string[]> {
  const wanted = foldCase(text.trim());
  if (!wanted) return [];
  const rows = await store.client.query<{ entity_id: string }>('SELECT DISTINCT entity_id FROM kg_entities WHERE folded_names @> ARRAY[$1]', [wanted]);
  const matched = new Set(docs.filter((d) => d.kind === 0).map((d) => d.key));
  return rows.rows.map((r) => r.entity_id).filter((id) => matched.has(id));
}

/** The entities and relations the core's search() shows, asked of it on a stand-in graph: names from `named`, every hit it describes noted. */
function hitsShown(named: KgGraph, index: MiniSearch<SearchDocument>, text: string, limit: number): { entities: Set<string>; relations: Set<string> } {
  const entities = new Set<string>();
  const relations = new Set<string>();
  const END = '\0end';
  const standIn = {
    hasNode: (key: string) => named.hasNode(key),
    getNodeAttribute: (key: string, name: 'label' | 'aliases') => named.getNodeAttribute(key, name),
    getNodeAttributes: (key: string) => {
      if (key !== END) entities.add(key);
      return { label: '', type: 'topic' };
    },
    getEdgeAttributes: (key: string) => {
      relations.add(key);
      return { relation: '', label: '', evidence: { text: '' } };
    },
    source: () => END,
    target: () => END,
  } as unknown as KgGraph;
  useSearchIndex(standIn, index);
  search(standIn, text, limit);
  return { entities, relations };
}

/** The index, answering the next ask of the query it last answered (the core's, with the same boosts) from that answer, once. */
function rememberingLastSearch(index: MiniSearch<SearchDocument>): MiniSearch<SearchDocument> {
  const original = index.search.bind(index);
  let last: { query: unknown; results: ReturnType<typeof original> } | undefined;
  index.search = ((query, options) => {
    const kept = last?.query === query ? last.results : undefined;
    last = kept ? undefined : { query, results: original(query, options) };
    return kept ?? last!.results;
  }) as typeof index.search;
  return index;
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
