/**
 * `npm run bench`: every benchmark, one section each, then one table of figures against targets.
 *
 *   npm run bench -- [--only=startup,draft,corpus,graphml,browser] [--runs=15] [--cold-runs=3]
 *                    [--nodes=100000] [--edges=500000] [--skip-python] [--json] [--strict]
 *                    [--loads=7] [--hovers=6] [--camera-frames=12] [--browser-nodes=100000] [--browser-edges=500000]
 *                    [--first-frame-only] [--compare-site=DIR]
 *   env: BENCH_ONLY, KG_BENCH_RUNS, KG_BENCH_COLD_RUNS, GRAPHML_BENCH_NODES, GRAPHML_BENCH_EDGES
 *
 * A section is a name and an async function returning rows; to add one (the browser benchmarks,
 * say), append it to SECTIONS. A row is one figure, optionally with a target it is checked
 * against. `--strict` exits 1 when a target is missed; without it the bench only reports.
 * The start-up section runs first, before the GraphML section fills this process's heap.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { runBrowserBench, type BenchRow as BrowserRow } from './browser.ts';
import { runGraphMLBench } from './graphml.ts';
import { graphmlReadSection } from './graphmlRead.ts';
import { storeSection } from './store.ts';
import { ENV_NOTE, KG_ARGS, runStartupBench, runTypedBench, STARTUP_TARGET } from './startup.ts';

/** A target: the figure must be at most / at least `value`. */
export interface Target {
  op: '<=' | '>=';
  value: number;
}

export interface BenchRow {
  metric: string;
  value: number | string;
  unit?: string;
  target?: Target;
  note?: string;
}

export interface BenchContext {
  /** `--name=value` from the command line, else the first environment variable set, else undefined. */
  option(name: string, ...env: string[]): string | undefined;
  flag(name: string): boolean;
  /** A whole-number option, checked. */
  count(name: string, fallback: number, ...env: string[]): number;
  log(line: string): void;
}

export interface BenchSection {
  name: string;
  /** One line saying what is measured, printed above the section's rows. */
  title: string;
  run(ctx: BenchContext): Promise<BenchRow[]>;
}

const startup: BenchSection = {
  name: 'startup',
  title: `kg start-up: node dist/cli/kg.cjs ${KG_ARGS.join(' ')} against node -e 0 (median wall time)`,
  async run(ctx) {
    const r = runStartupBench({
      runs: ctx.count('runs', 15, 'KG_BENCH_RUNS'),
      coldRuns: ctx.count('cold-runs', 3, 'KG_BENCH_COLD_RUNS'),
    });
    const range = ([lo, hi]: [number, number]) => `range ${lo}-${hi} ms, ${r.runs} runs`;
    return [
      { metric: 'node -e 0', value: r.node_ms, unit: 'ms', note: range(r.node_range_ms) },
      { metric: 'kg, warm build cache', value: r.kg_warm_ms, unit: 'ms', note: range(r.kg_warm_range_ms) },
      { metric: 'kg, cache deleted (cold)', value: r.kg_cold_ms, unit: 'ms', note: `median of ${r.coldRuns}` },
      { metric: 'kg warm / node', value: r.warm_ratio, unit: 'x', note: `in this environment (${ENV_NOTE})` },
      { metric: 'node -e 0, without NODE_EXTRA_CA_CERTS', value: r.bare.node_ms, unit: 'ms' },
      { metric: 'kg, warm build cache, without it', value: r.bare.kg_warm_ms, unit: 'ms' },
      { metric: 'kg warm / node, without it', value: r.bare.warm_ratio, unit: 'x', target: { op: '<=', value: STARTUP_TARGET } },
      { metric: 'kg cold / node', value: r.cold_ratio, unit: 'x', note: 'no target: builds the article' },
      ...typed(ctx),
    ];
  },
};

/** The same query as users type it: `kg` after `npm link`, and `npx kg`. */
function typed(ctx: BenchContext): BenchRow[] {
  const t = runTypedBench(ctx.count('typed-runs', 9, 'KG_BENCH_TYPED_RUNS'));
  const note = `node -e 0: ${t.node_ms} ms, ${t.runs} runs`;
  return [
    { metric: 'kg after npm link (as the README says)', value: t.linked_ms, unit: 'ms', note },
    { metric: '  ratio to node -e 0', value: t.linked_ratio, unit: 'x', target: { op: '<=', value: STARTUP_TARGET } },
    { metric: 'npx kg (resolves the package every call)', value: t.npx_ms, unit: 'ms', note: `${t.npx_ratio}x node -e 0` },
  ];
}

const graphml: BenchSection = {
  name: 'graphml',
  title: 'GraphML write: ours (src/export/graphml.ts) against NetworkX and igraph write_graphml',
  async run(ctx) {
    const nodes = ctx.count('nodes', 100_000, 'GRAPHML_BENCH_NODES');
    const edges = ctx.count('edges', 500_000, 'GRAPHML_BENCH_EDGES');
    const python = !ctx.flag('skip-python');
    ctx.log(`  building a ${nodes}-node, ${edges}-edge graph and writing it${python ? ', then NetworkX and igraph' : ''}...`);
    const r = runGraphMLBench({ nodes, edges, python });
    const rows: BenchRow[] = [
      { metric: 'graph size', value: `${nodes} nodes / ${edges} edges`, note: `built in ${r.build_s} s` },
      { metric: 'graph in memory', value: r.graph_rss_mb, unit: 'MB RSS', note: `heap +${r.graph_heap_mb} MB` },
      { metric: 'ours: write', value: r.ours.cpu_s, unit: 's cpu', note: `wall ${r.ours.wall_s} s, best of ${r.ours.runs} (first: cpu ${r.ours.first_cpu_s} s, wall ${r.ours.first_wall_s} s), ${r.ours.chunks} chunks, ${mb(r.ours.bytes)}` },
      { metric: 'ours: writer\'s extra RSS', value: r.ours.extra_rss_mb, unit: 'MB', note: `peak RSS ${r.ours.peak_rss_mb} MB` },
    ];
    for (const lib of ['networkx', 'igraph'] as const) {
      const f = r[lib];
      if (!f) continue;
      if ('error' in f) rows.push({ metric: `${lib}: write`, value: 'error', note: f.error });
      else rows.push({ metric: `${lib}: write`, value: f.write_cpu_s, unit: 's cpu', note: `wall ${f.write_wall_s} s, best of ${f.runs}, peak RSS ${f.peak_rss_mb} MB, ${mb(f.bytes)}` });
    }
    if (r.ratios.networkx_over_ours !== undefined) {
      rows.push({ metric: 'NetworkX CPU time / ours', value: r.ratios.networkx_over_ours, unit: 'x', target: { op: '>=', value: 3 } });
    }
    if (r.ratios.igraph_over_ours !== undefined) {
      rows.push({ metric: 'igraph CPU time / ours', value: r.ratios.igraph_over_ours, unit: 'x', target: { op: '>=', value: 2 }, note: `wall: ${r.ratios.igraph_over_ours_wall}x` });
    }
    rows.push({ metric: 'peak process growth / graph', value: r.ratios.peak_over_graph, unit: 'x', target: { op: '<=', value: 2 } });
    return rows;
  },
};

/** A browser row's target ("<= 1.5x blank sigma page", "< 50 ms") as a checked Target. */
function browserRow(row: BrowserRow): BenchRow[] {
  const target = /^(<=|<|>=)\s*([\d.]+)\s*(x?)/.exec(row.target ?? '');
  const check = target ? { op: (target[1] === '>=' ? '>=' : '<=') as Target['op'], value: Number(target[2]) } : undefined;
  const onRatio = target?.[3] === 'x' && row.ratio !== undefined;
  const rows: BenchRow[] = [
    { metric: row.name, value: row.value, unit: row.unit, target: onRatio ? undefined : check, note: row.baseline === undefined ? undefined : `baseline ${row.baseline} ${row.unit}` },
  ];
  if (row.ratio !== undefined) rows.push({ metric: `  ratio to baseline`, value: row.ratio, unit: 'x', target: onRatio ? check : undefined });
  return rows;
}

const browser: BenchSection = {
  name: 'browser',
  title: 'explorer in headless Chromium (software GL): first frame vs a blank sigma page, JS size, camera, hover and FA2 at 100k/500k',
  async run(ctx) {
    const rows = await runBrowserBench({
      loads: ctx.count('loads', 7, 'KG_BENCH_LOADS'),
      hovers: ctx.count('hovers', 6, 'KG_BENCH_HOVERS'),
      cameraFrames: ctx.count('camera-frames', 12, 'KG_BENCH_CAMERA_FRAMES'),
      nodes: ctx.count('browser-nodes', 100_000, 'KG_BENCH_BROWSER_NODES'),
      edges: ctx.count('browser-edges', 500_000, 'KG_BENCH_BROWSER_EDGES'),
      firstFrameOnly: ctx.flag('first-frame-only'),
      compareSite: ctx.option('compare-site'),
      log: (line) => ctx.log(`  ${line}`),
    });
    return rows.flatMap(browserRow);
  },
};

const draft: BenchSection = {
  name: 'draft',
  title: 'drafting (src/draft) on one core: words/s over 1,000 articles after start-up, peak memory',
  async run(ctx) {
    const { measureSpeed } = await import('../eval/speed.ts');
    const articles = ctx.count('draft-articles', 1000, 'KG_BENCH_DRAFT_ARTICLES');
    ctx.log(`  drafting ${articles} articles...`);
    const before = process.memoryUsage().rss;
    const r = measureSpeed(articles);
    const peak = process.resourceUsage().maxRSS / 1024;
    return [
      { metric: 'start-up (first draft, model load)', value: Math.round(r.startupMs), unit: 'ms' },
      { metric: 'throughput', value: Math.round(r.wordsPerSecond), unit: 'words/s', target: { op: '>=', value: 10_000 }, note: `${r.words} words in ${r.seconds.toFixed(2)} s; spaCy's small CPU model: about 10,000` },
      { metric: 'peak RSS', value: Math.round(peak), unit: 'MB', note: `${Math.round(before / 1024 / 1024)} MB before drafting` },
    ];
  },
};

const corpus: BenchSection = {
  name: 'corpus',
  title: "the builder at scale: kg add of 1,000 texts into a scratch corpus, kg neighbours on it against node -e 0, and its explorer's first frame",
  async run(ctx) {
    const { runCorpusAddBench } = await import('./corpusAdd.ts');
    const articles = ctx.count('corpus-articles', 1000, 'KG_BENCH_CORPUS_ARTICLES');
    ctx.log(`  adding ${articles} articles...`);
    const r = await runCorpusAddBench({ articles, runs: ctx.count('runs', 9, 'KG_BENCH_RUNS'), loads: ctx.count('loads', 3, 'KG_BENCH_LOADS'), site: !ctx.flag('no-site'), log: ctx.log });
    const rows: BenchRow[] = [{ metric: `kg add of ${r.articles} articles`, value: r.add_s, unit: 's', note: `${r.per_article_ms} ms per article` }];
    for (const q of r.queries) {
      rows.push({ metric: `kg neighbours ${q.entity} on that corpus`, value: q.kg_ms, unit: 'ms', note: `${q.relations} relations listed; node -e 0: ${r.node_ms} ms` });
      rows.push({ metric: '  ratio to node -e 0', value: q.ratio, unit: 'x', note: `in this environment (${ENV_NOTE})` });
      rows.push({ metric: '  the same without NODE_EXTRA_CA_CERTS', value: q.bare_kg_ms, unit: 'ms', note: `node -e 0: ${r.bare_node_ms} ms` });
      rows.push({ metric: '  ratio to node -e 0, without it', value: q.bare_ratio, unit: 'x', target: { op: '<=', value: 2 } });
      rows.push({ metric: '  computed by the query code (--depth 1 spelt out), without it', value: q.computed_ms, unit: 'ms', note: `${q.computed_ratio}x node -e 0; the answers file serves the plain call` });
    }
    if (r.site) {
      rows.push({ metric: 'explorer of that corpus: navigation -> first frame', value: r.site.frame_ms, unit: 'ms', note: `built in ${r.site.build_s} s; blank sigma page ${r.site.blank_ms} ms` });
      rows.push({ metric: '  ratio to a blank sigma page', value: r.site.ratio, unit: 'x' });
    }
    return rows;
  },
};

/** Every section, in the order they run. */
// Drafting runs before the GraphML section, whose 100k-node graph would swamp its peak memory.
export const SECTIONS: BenchSection[] = [startup, draft, corpus, graphml, graphmlReadSection, browser, storeSection];

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

export function meets(row: BenchRow): boolean | undefined {
  if (!row.target || typeof row.value !== 'number') return undefined;
  return row.target.op === '<=' ? row.value <= row.target.value : row.value >= row.target.value;
}

function context(argv: string[], env: NodeJS.ProcessEnv): BenchContext {
  const option = (name: string, ...vars: string[]) => {
    const given = argv.find((a) => a.startsWith(`--${name}=`));
    if (given) return given.slice(name.length + 3);
    for (const v of vars) if (env[v]) return env[v];
    return undefined;
  };
  return {
    option,
    flag: (name) => argv.includes(`--${name}`),
    count(name, fallback, ...vars) {
      const raw = option(name, ...vars);
      if (raw === undefined) return fallback;
      const n = Number(raw.replaceAll('_', ''));
      if (!Number.isInteger(n) || n < 1) throw new Error(`bench: --${name} takes a whole number >= 1, got "${raw}"`);
      return n;
    },
    log: (line) => console.log(line),
  };
}

/** One table for all sections: section, metric, value, target, verdict, note. */
export function formatTable(results: { section: string; rows: BenchRow[] }[]): string {
  const lines = results.flatMap(({ section, rows }) =>
    rows.map((row) => {
      const ok = meets(row);
      return [
        section,
        row.metric,
        `${row.value}${row.unit ? ` ${row.unit}` : ''}`,
        row.target ? `${row.target.op} ${row.target.value}` : '',
        ok === undefined ? '' : ok ? 'ok' : 'MISSED',
        row.note ?? '',
      ];
    }),
  );
  const header = ['section', 'metric', 'value', 'target', '', 'note'];
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const fmt = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!))).join('  ').trimEnd();
  return [fmt(header), fmt(widths.map((w) => '-'.repeat(w))), ...lines.map(fmt)].join('\n');
}

async function main(argv: string[]): Promise<number> {
  const ctx = context(argv, process.env);
  const only = ctx.option('only', 'BENCH_ONLY')?.split(',').map((s) => s.trim());
  const unknown = only?.filter((name) => !SECTIONS.some((s) => s.name === name)) ?? [];
  if (unknown.length) throw new Error(`bench: unknown section(s) ${unknown.join(', ')}; known: ${SECTIONS.map((s) => s.name).join(', ')}`);
  const chosen = SECTIONS.filter((s) => !only || only.includes(s.name));

  const results: { section: string; rows: BenchRow[]; seconds: number }[] = [];
  for (const section of chosen) {
    console.log(`== ${section.name}: ${section.title}`);
    const t0 = performance.now();
    const rows = await section.run(ctx);
    results.push({ section: section.name, rows, seconds: (performance.now() - t0) / 1000 });
    console.log(`   done in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  }
  console.log('');
  console.log(formatTable(results));
  const missed = results.flatMap((r) => r.rows.filter((row) => meets(row) === false).map((row) => `${r.section}: ${row.metric}`));
  const checked = results.flatMap((r) => r.rows).filter((row) => meets(row) !== undefined).length;
  console.log(`\n${checked - missed.length} of ${checked} targets met${missed.length ? `; missed: ${missed.join('; ')}` : ''}`);
  if (ctx.flag('json')) console.log(JSON.stringify({ sections: results }));
  return ctx.flag('strict') && missed.length ? 1 : 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(2);
    },
  );
}
