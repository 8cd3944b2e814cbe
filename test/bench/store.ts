/**
 * The PostgreSQL store: kg push rows per second, and kg --store neighbours --depth 2 against the
 * in-memory answer on a synthetic 100k/500k corpus. Registered in run.ts as the `store` section.
 *
 * The corpus is made in process (test/helpers/syntheticCorpus.ts) and pushed by the code
 * `kg push` runs (pushCorpus), into a private server of its own (test/helpers/postgres.ts):
 * written out as YAML and read back, 100k entities would time the file loader, not the push. Its
 * peer is the build of the same corpus's graph in memory. The neighbours query is timed three
 * ways, each output checked equal to the in-memory one: the real CLI as a user runs it (a
 * process: start-up, connection, query), the same store query in process, and the in-memory
 * query on the graph already built. Then `path` (a joined pair, and a pair with no path, whose
 * search walks a whole component) and `search` (narrow, broad, fuzzy), in process, each output
 * checked equal to the in-memory one on the built graph and index.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import pg from 'pg';
import { formatNeighbours, graphLabels } from '../../src/cli/format.ts';
import { toCorpusGraph } from '../../src/corpus/toGraph.ts';
import { neighbours, path, search } from '../../src/query/index.ts';
import { searchIndex } from '../../src/query/searchIndex.ts';
import type { KgGraph } from '../../src/model/types.ts';
import { openStore, pushCorpus, type OpenStore } from '../../src/store/index.ts';
import { startPostgres, type PostgresServer } from '../helpers/postgres.ts';
import { syntheticCorpus } from '../helpers/syntheticCorpus.ts';
import type { BenchRow, BenchSection } from './run.ts';
import { KG_BUNDLE, median } from './startup.ts';

const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

export const storeSection: BenchSection = {
  name: 'store',
  title: 'PostgreSQL store: kg push rows/s, kg --store neighbours --depth 2, path and search against in memory (100k/500k)',
  async run(ctx) {
    const entities = ctx.count('store-entities', 100_000, 'KG_BENCH_STORE_ENTITIES');
    const relations = ctx.count('store-relations', 500_000, 'KG_BENCH_STORE_RELATIONS');
    const runs = ctx.count('store-runs', 7, 'KG_BENCH_STORE_RUNS');
    if (!existsSync(KG_BUNDLE)) throw new Error(`${KG_BUNDLE} is missing: run npm run build:cli first`);
    let server: PostgresServer;
    try {
      server = startPostgres();
    } catch (error) {
      const why = (error instanceof Error ? error.message : String(error)).split('\n')[0]!;
      return [{ metric: 'store benchmarks', value: 'skipped', note: `no PostgreSQL to start: ${why}` }];
    }
    try {
      return await measure(ctx.log, server, entities, relations, runs);
    } finally {
      server.stop();
    }
  },
};

async function measure(log: (line: string) => void, server: PostgresServer, entities: number, relations: number, runs: number): Promise<BenchRow[]> {
  log(`  making a ${entities}-entity, ${relations}-relation corpus, building its graph, pushing it...`);
  const corpus = syntheticCorpus(entities, relations);
  let t = performance.now();
  const graph = toCorpusGraph(corpus);
  const buildS = (performance.now() - t) / 1000;
  const client = new pg.Client({ connectionString: server.url });
  await client.connect();
  const report = await pushCorpus(client, corpus).finally(() => client.end());
  const rowsPerS = report.rows / report.seconds;

  // Entities across the articles, shared ones (e-0, e-10, …) among them.
  const ids = Array.from({ length: runs }, (_, i) => `e-${Math.floor(((i + 0.5) * entities) / runs / 10) * 10 + (i % 2) * 3}`);
  const labels = graphLabels(graph, corpus.vocabulary);
  const memoryMs: number[] = [];
  const storeMs: number[] = [];
  const cliMs: number[] = [];
  const nodeMs: number[] = [];
  let listed = 0;
  for (const id of ids) {
    t = performance.now();
    const expected = formatNeighbours(neighbours(graph, id, { depth: 2 }), labels);
    memoryMs.push(performance.now() - t);
    listed += expected.split('\n').length;

    t = performance.now();
    const store = await openStore(server.url);
    try {
      const near = await store.neighbourhood(id, 2, false);
      const text = formatNeighbours(neighbours(near.graph, id, { depth: 2 }), graphLabels(near.graph, near.vocabulary));
      storeMs.push(performance.now() - t);
      if (text !== expected) throw new Error(`bench: the store's neighbours ${id} --depth 2 differs from the in-memory answer`);
    } finally {
      await store.close();
    }

    t = performance.now();
    const cli = spawnSync(process.execPath, [KG_BUNDLE, '--store', server.url, 'neighbours', id, '--depth', '2'], { encoding: 'utf8', maxBuffer: 64 << 20, env: { ...process.env, NO_COLOR: '1' } });
    cliMs.push(performance.now() - t);
    if (cli.status !== 0 || cli.stdout.trimEnd() !== expected.trimEnd()) throw new Error(`bench: kg --store neighbours ${id} --depth 2 exited ${cli.status} or differs from the in-memory answer: ${cli.stderr.split('\n')[0]}`);

    t = performance.now();
    spawnSync(process.execPath, ['-e', '0']);
    nodeMs.push(performance.now() - t);
  }
  const more = await pathsAndSearches(server.url, graph, Math.min(runs, 3));
  const memory = median(memoryMs);
  const inProcess = median(storeMs);
  const viaCli = median(cliMs);
  const each = `median of ${runs} entities, ~${Math.round(listed / runs)} lines each, outputs equal`;
  return [
    { metric: 'corpus', value: `${graph.order} entities / ${graph.size} relations`, note: `${report.articles} articles` },
    { metric: 'in-memory graph build (peer of the push)', value: round(buildS, 2), unit: 's', note: 'toCorpusGraph of the same corpus' },
    { metric: 'kg push: rows per second', value: Math.round(rowsPerS), unit: 'rows/s', note: `${report.rows} rows (entities, relations, search documents) in ${round(report.seconds, 1)} s; pushCorpus in process` },
    { metric: '  push time / in-memory build', value: round(report.seconds / buildS, 2), unit: 'x' },
    { metric: 'in memory: neighbours X --depth 2 on the built graph', value: round(memory, 2), unit: 'ms', note: each },
    { metric: 'store, in process: open + neighbours X --depth 2', value: round(inProcess, 1), unit: 'ms', note: each },
    { metric: '  ratio to in memory (graph built)', value: round(inProcess / memory, 1), unit: 'x' },
    { metric: '  ratio to in memory with its build', value: round(inProcess / (memory + buildS * 1000), 3), unit: 'x', note: `what a process answering without the store pays first: ${round(buildS, 2)} s` },
    { metric: 'kg --store URL neighbours X --depth 2 (CLI process)', value: round(viaCli), unit: 'ms', note: `node -e 0: ${round(median(nodeMs))} ms` },
    { metric: '  ratio to in memory with its build', value: round(viaCli / (memory + buildS * 1000), 3), unit: 'x' },
    ...more,
  ];
}

/** Pairs and searches of the synthetic corpus (test/store.test.ts says why these). */
const PATHS: [what: string, a: string, b: string][] = [
  ['joined', 'e-2', 'e-50002'],
  ['no path', 'e-33', 'e-4441'],
];
const SEARCHES: [what: string, text: string][] = [
  ['narrow', 'n3'],
  ['broad', 'council'],
  ['fuzzy, broad', 'counsil alliance'],
];

/** Store path and search in process (open + query + core), median of `runs`, against the in-memory query on the built graph (and index). */
async function pathsAndSearches(url: string, graph: KgGraph, runs: number): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const timed = async <T>(work: () => Promise<T> | T): Promise<{ ms: number; value: T }> => {
    const ms: number[] = [];
    let value!: T;
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      value = await work();
      ms.push(performance.now() - t);
    }
    return { ms: median(ms), value };
  };
  const inStore = async <T>(ask: (store: OpenStore) => Promise<T>) => {
    const store = await openStore(url);
    try {
      return await ask(store);
    } finally {
      await store.close();
    }
  };
  for (const [what, a, b] of PATHS) {
    if (!graph.hasNode(a) || !graph.hasNode(b)) continue;
    const memory = await timed(() => JSON.stringify(path(graph, a, b)));
    const stored = await timed(() => inStore(async (s) => JSON.stringify(path((await s.path(a, b, false)).graph, a, b))));
    if (stored.value !== memory.value) throw new Error(`bench: the store's path ${a} ${b} differs from the in-memory answer`);
    rows.push({ metric: `store, in process: path ${a} ${b} (${what})`, value: round(stored.ms), unit: 'ms', note: `in memory ${round(memory.ms)} ms (most of it toUndirected of the whole graph); median of ${runs}, outputs equal` });
  }
  const t = performance.now();
  searchIndex(graph);
  rows.push({ metric: 'in memory: search index build', value: round((performance.now() - t) / 1000, 1), unit: 's', note: 'once per process, before its first search' });
  for (const [what, text] of SEARCHES) {
    const memory = await timed(() => JSON.stringify(search(graph, text)));
    const stored = await timed(() => inStore(async (s) => JSON.stringify(search((await s.search(text)).graph, text))));
    if (stored.value !== memory.value) throw new Error(`bench: the store's search ${text} differs from the in-memory answer`);
    rows.push({ metric: `store, in process: search "${text}" (${what})`, value: round(stored.ms), unit: 'ms', note: `in memory ${round(memory.ms)} ms on the built index; median of ${runs}, outputs equal` });
  }
  return rows;
}
