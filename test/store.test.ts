import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { toCorpusGraph } from '../src/corpus/toGraph.ts';
import { loadArticleData } from '../src/cli/load.ts';
import { main } from '../src/cli/main.ts';
import { formatNeighbours, formatPath, formatSearch, formatShow, formatStats, graphLabels } from '../src/cli/format.ts';
import { neighbours, path, search, show, stats } from '../src/query/index.ts';
import { openStore, pushCorpus, type OpenStore } from '../src/store/index.ts';
import { STORE_TABLES } from '../src/store/schema.ts';
import type { KgGraph, Vocabulary } from '../src/model/types.ts';
import { kg } from './helpers/kg.ts';
import { startPostgres, type PostgresServer } from './helpers/postgres.ts';
import { REPO } from './helpers/sources.ts';
import { syntheticCorpus } from './helpers/syntheticCorpus.ts';

/**
 * The PostgreSQL store answers as the files do: the project's corpus pushed into a private
 * server, then every query asked both ways and the outputs compared byte for byte; then a
 * synthetic 100k-entity / 500k-relation corpus, pushed by the same code; then articles pushed
 * again into a store holding others, which must give the rows a push of the whole corpus gives.
 */

let server: PostgresServer;
let data: string;

beforeAll(() => {
  server = startPostgres();
  data = mkdtempSync(join(tmpdir(), 'kg-store-data-'));
  cpSync(join(REPO, 'data'), data, { recursive: true });
});

afterAll(() => {
  server?.stop();
  if (data) rmSync(data, { recursive: true, force: true });
});

/** One `kg` call in this process (the CLI's own main), its output captured: thousands of calls, without a process each. */
async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const stdout = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((out += String(chunk)), true));
  const stderr = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((err += String(chunk)), true));
  try {
    return { code: await main(args), out, err };
  } finally {
    stdout.mockRestore();
    stderr.mockRestore();
  }
}

async function counts(): Promise<Record<string, number>> {
  const client = new pg.Client({ connectionString: server.url });
  await client.connect();
  try {
    const result: Record<string, number> = {};
    for (const table of ['kg_articles', 'kg_entities', 'kg_relations', 'kg_search_docs', 'kg_lexicon']) {
      result[table] = Number((await client.query(`SELECT count(*) AS n FROM ${table}`)).rows[0].n);
    }
    return result;
  } finally {
    await client.end();
  }
}

describe('the project corpus in PostgreSQL', () => {
  test('kg push writes every article and says how many rows it wrote', () => {
    const pushed = kg(['push', '--store', server.url, '--data', data]);
    expect(pushed.stderr).toBe('');
    expect(pushed.code).toBe(0);
    expect(pushed.stdout).toMatch(/^pushed 4 article\(s\) into localhost:\d+\/kg: \d+ rows in [\d.]+ s \(\d+ rows\/s\)\n$/);
  });

  test('every entity: neighbours (depth 1 and 2, each direction) and show answer the same from the store, as text and as JSON', async () => {
    const { graph } = await loadArticleData(data, undefined);
    const asked: string[][] = [];
    // Every entity at depth 1 and in show; every fourth at depth 2 and in each direction (each call
    // costs a connection and a build of its part of the graph, and the suite has a few minutes).
    graph.nodes().forEach((id, i) => {
      asked.push(['neighbours', id], ['show', id]);
      if (i % 4 === 0) for (const direction of ['both', 'out', 'in']) asked.push(['neighbours', id, '--depth', '2', '--direction', direction]);
    });
    // Names as people type them, relation filters, and names that resolve to none or several.
    asked.push(['neighbours', 'starmer', '-r', 'invited to', '-d', '2'], ['neighbours', 'olaf', '-r', 'met'], ['neighbours', 'eu', '-t', 'person'], ['show', 'zzzz'], ['show', 'EU']);
    expect(asked.length).toBeGreaterThan(250);
    for (const args of asked) {
      for (const json of [[], ['--json']]) {
        const memory = await cli([...args, ...json, '--data', data]);
        const stored = await cli([...args, ...json, '--store', server.url]);
        expect(stored, args.join(' ')).toEqual(memory);
      }
    }
  }, 120_000);

  test('through the kg bundle, --store before or after the command: path, search, stats and neighbours as in memory', () => {
    const asked = [
      ['path', 'scholz', 'iiss'],
      ['path', 'starmer', 'rutte', '--directed'],
      ['path', 'scholz', 'kellanova'],
      ['search', 'europ'],
      ['search', 'spoke at'],
      ['search', 'sch', '--limit', '5'],
      ['search', 'defence'],
      ['stats'],
      ['neighbours', 'Keir Starmer', '--depth', '3'],
    ];
    for (const args of asked) {
      for (const json of [[], ['--json']]) {
        const memory = kg([...args, ...json, '--data', data]);
        expect(memory.code, args.join(' ')).toBeLessThanOrEqual(1);
        expect(kg([...args, ...json, '--store', server.url]), args.join(' ')).toEqual(memory);
        expect(kg(['--store', server.url, ...args, ...json]), args.join(' ')).toEqual(memory);
      }
    }
  }, 120_000);

  test('pushing an article again replaces its rows: no count grows, and the answers stay the same', async () => {
    const before = await counts();
    expect(before.kg_entities).toBeGreaterThan(0);
    const pushed = kg(['push', '--store', server.url, '--data', data, '--article', '2025-02-03-starmer-eu-leaders-dinner']);
    expect(pushed.stdout).toMatch(/^pushed 1 article\(s\)/);
    expect(await counts()).toEqual(before);
    expect(await cli(['stats', '--json', '--store', server.url])).toEqual(await cli(['stats', '--json', '--data', data]));
  });

  test('a bad URL, a server that is down, a store never pushed to: one line, exit status 1', async () => {
    const said = (args: string[]) => {
      const r = kg(args);
      return { code: r.code, lines: r.stderr.trimEnd().split('\n').length, stderr: r.stderr, stdout: r.stdout };
    };
    const bad = said(['stats', '--store', 'not a url']);
    expect(bad).toMatchObject({ code: 1, lines: 1, stdout: '' });
    expect(bad.stderr).toMatch(/^kg: --store takes a URL/);
    const down = said(['neighbours', 'scholz', '--store', 'postgres://kg@127.0.0.1:1/kg']);
    expect(down).toMatchObject({ code: 1, lines: 1 });
    expect(down.stderr).toMatch(/^kg: cannot reach the store at 127\.0\.0\.1:1\/kg: no server is listening there/);
    const client = new pg.Client({ connectionString: server.url });
    await client.connect();
    await client.query('CREATE DATABASE empty');
    await client.end();
    const empty = said(['search', 'eu', '--store', server.url.replace('/kg?', '/empty?')]);
    expect(empty).toMatchObject({ code: 1, lines: 1 });
    expect(empty.stderr).toMatch(/holds no corpus: run kg push --store URL first/);
    expect(said(['push', '--data', data]).stderr).toMatch(/^kg: kg push needs --store URL/);
    expect(said(['export', '--store', server.url, '--data', data])).toMatchObject({ code: 2, lines: 1 });
  });
});

const BIG = { entities: 100_000, relations: 500_000 };

/** A database of its own on the test server, and a client on it. */
async function database(name: string): Promise<{ url: string; client: pg.Client }> {
  const admin = new pg.Client({ connectionString: server.url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = server.url.replace('/kg?', `/${name}?`);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return { url, client };
}

const same = (a: unknown, b: unknown, what: string) => expect(JSON.stringify(a), what).toBe(JSON.stringify(b));

/** Every query kind, asked of the store and of the graph in memory, on these entities: the answers and their text equal. */
async function compareQueries(store: OpenStore, graph: KgGraph, vocabulary: Vocabulary, ids: string[], searches: string[], paths: [a: string, b: string, joined?: boolean][]): Promise<void> {
  const labels = graphLabels(graph, vocabulary);
  for (const id of ids) {
    for (const options of [{ depth: 1 }, { depth: 2 }, { depth: 2, direction: 'out' }, { depth: 1, relations: 'leader of' }]) {
      const near = await store.neighbourhood(id, options.depth, 'relations' in options);
      const part = neighbours(near.graph, id, options);
      const whole = neighbours(graph, id, options);
      same(part, whole, `neighbours ${id} ${JSON.stringify(options)}`);
      expect(formatNeighbours(part, graphLabels(near.graph, near.vocabulary))).toBe(formatNeighbours(whole, labels));
    }
    const around = await store.neighbourhood(id, 1, false);
    expect(formatShow(show(around.graph, id), graphLabels(around.graph, around.vocabulary)), `show ${id}`).toBe(formatShow(show(graph, id), labels));
  }
  for (const [a, b, joined] of paths) {
    for (const directed of [false, true]) {
      const near = await store.path(a, b, directed);
      const part = path(near.graph, near.from, near.to, { directed });
      const whole = path(graph, a, b, { directed });
      if (joined !== undefined && !directed) expect(whole.steps !== null, `path ${a} ${b}: joined`).toBe(joined);
      same(part, whole, `path ${a} ${b} ${directed}`);
      expect(formatPath(part)).toBe(formatPath(whole));
    }
  }
  for (const text of searches) {
    const hits = search((await store.search(text)).graph, text);
    const whole = search(graph, text);
    expect(hits.length, `search ${text}`).toBeGreaterThan(0);
    same(hits, whole, `search ${text}`);
    expect(formatSearch(text, hits)).toBe(formatSearch(text, whole));
    // The store builds only the hits shown: fewer asked, fewer built, the same first ones.
    if (text === searches[0]) same(search((await store.search(text, 3)).graph, text, 3), whole.slice(0, 3), `search ${text} --limit 3`);
  }
  same(await store.stats(), stats(graph), 'stats');
  expect(formatStats(await store.stats())).toBe(formatStats(stats(graph)));
}

describe(`a synthetic corpus of ${BIG.entities} entities and ${BIG.relations} relations`, () => {
  test('pushed by the same code, it answers a sample of every query as the graph in memory does', async () => {
    const corpus = syntheticCorpus(BIG.entities, BIG.relations);
    const { url, client } = await database('big');
    const report = await pushCorpus(client, corpus);
    await client.end();
    expect(report).toMatchObject({ articles: 10, rows: 110_000 + 500_000 + 600_000 });
    const graph = toCorpusGraph(corpus);
    expect([graph.order, graph.size]).toEqual([BIG.entities, BIG.relations]);
    const store = await openStore(url);
    try {
      // Shared entities (e-0, e-10, …) and ones of a single article, across the articles.
      const ids = Array.from({ length: 6 }, (_, i) => `e-${i * 16_447 + 10 * (i % 2)}`);
      // Relations stay inside an article and only a000 and a001 share entities, so e-2 and e-50002
      // (a002) are joined and e-33 (a003) and e-4441 (a001) are not: the store's search then walks
      // all of e-33's side, one SQL query per fringe.
      const paths: [string, string, boolean][] = [['e-2', 'e-50002', true], ['e-33', 'e-4441', false]];
      // Narrow (a name's number, an alias), broad (a word of one name in six: a third of the
      // documents), fuzzy (harbor: harbour; counsil: council).
      const searches = ['n3', 'e40', 'council', 'harbor', 'counsil alliance'];
      await compareQueries(store, graph, corpus.vocabulary, ids, searches, paths);
    } finally {
      await store.close();
    }
  }, 600_000);
});

/** Every row of every table, as text, per table: two stores with the same rows give the same. */
async function snapshot(client: pg.Client): Promise<Record<string, { rows: number; md5: string }>> {
  const result: Record<string, { rows: number; md5: string }> = {};
  for (const table of STORE_TABLES) {
    const { rows } = await client.query(`SELECT count(*)::integer AS rows, md5(coalesce(string_agg(t::text, E'\n' ORDER BY t::text), '')) AS md5 FROM ${table} t`);
    result[table] = rows[0];
  }
  return result;
}

describe('pushing some articles again, into a store holding others', () => {
  test('an article pushed again unchanged leaves every row as it was; changed, its rows and every document they touch become what a push of the whole changed corpus makes', async () => {
    const corpus = syntheticCorpus(3_000, 15_000);
    const { url, client } = await database('partial');
    await pushCorpus(client, corpus);
    const before = await snapshot(client);
    expect(before.kg_search_docs!.rows).toBe(18_000);
    expect((await pushCorpus(client, corpus, ['a004-synthetic'])).articles).toBe(1);
    expect(await snapshot(client)).toEqual(before);

    // a000 is the first article of every shared entity (e-0, e-10, …, also named in a001), and
    // `home` attributes anywhere name its entities: a change there reaches other articles' documents.
    const changed = structuredClone(corpus);
    const [a000, , a002] = changed.articles;
    const renamed = a000!.entities.find((e) => e.id === 'e-10')!;
    renamed.label = 'Quayside Renamed e10';
    const moved = a000!.entities.find((e) => e.id === 'e-30')!;
    const homes = changed.articles.flatMap((a) => a.entities.filter((e) => e.attributes.home === 'e-30' || e.attributes.home === 'e-10'));
    expect(homes.length).toBeGreaterThan(0);
    const dropped = new Set(['e-30', 'e-40']);
    a000!.entities = a000!.entities.filter((e) => !dropped.has(e.id));
    a000!.relations = a000!.relations.filter((r) => !dropped.has(r.source) && !dropped.has(r.target) && !dropped.has(String(r.qualifiers.at)));
    a000!.relations.push({ id: 'r-new', type: 'met', source: 'e-10', target: 'e-20', evidence: { start: 0, end: 3, text: 'Quayside Renamed e10 met e20' }, qualifiers: {} });
    a002!.entities.push({ ...moved, label: 'Moved Wharf e30', mentions: [{ start: 1, end: 2, text: 'w' }] });
    a002!.relations.push({ id: 'r-moved', type: 'funds', source: 'e-30', target: a002!.entities[0]!.id, evidence: { start: 0, end: 5, text: 'Moved Wharf e30 funds' }, qualifiers: { year: 2001 } });

    await pushCorpus(client, changed, ['a000-synthetic', 'a002-synthetic']);
    const fresh = await database('whole');
    await pushCorpus(fresh.client, changed);
    expect(await snapshot(client)).toEqual(await snapshot(fresh.client));
    expect(await snapshot(client)).not.toEqual(before);
    await fresh.client.end();
    await client.end();

    const graph = toCorpusGraph(changed);
    const store = await openStore(url);
    try {
      const ids = ['e-10', 'e-20', 'e-30', 'e-40', ...homes.map((e) => e.id)];
      await compareQueries(store, graph, changed.vocabulary, ids, ['quayside', 'moved wharf', 'harbour e77', 'e40'], [['e-10', 'e-30'], ['e-40', 'e-2999']]);
    } finally {
      await store.close();
    }
  }, 120_000);
});
