/**
 * The builder at corpus scale: `kg add` of 1,000 article texts into a scratch copy of the
 * corpus (one run of `kg add DIR`), then `kg neighbours` on that corpus against `node -e 0`,
 * median wall times, warm cache, and the explorer built from it: navigation -> first frame
 * against a blank sigma page. The texts are the four curated articles' with a line added, as
 * wire copy is re-issued with each update, so each is a new article that names the corpus's
 * entities: Starmer ends up in three articles of four, with about 4,500 relations, the worst
 * case for a one-entity query; Kellanova, in one of four with 6 neighbours, is the common case.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BARE_ENV, KG_BUNDLE, median, timeRun } from './startup.ts';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface CorpusAddResult {
  articles: number;
  add_s: number;
  per_article_ms: number;
  node_ms: number;
  /** node -e 0 without NODE_EXTRA_CA_CERTS (startup.ts says why). */
  bare_node_ms: number;
  /**
   * Per entity asked: median wall time, relations listed, ratio to node -e 0; the same without that
   * variable; and, without it, the same answer computed by the query code from the blocks file
   * (`--depth 1` spelt out, which the answers file does not serve).
   */
  queries: { entity: string; kg_ms: number; relations: number; ratio: number; bare_kg_ms: number; bare_ratio: number; computed_ms: number; computed_ratio: number }[];
  site?: { build_s: number; frame_ms: number; blank_ms: number; ratio: number };
}

const ENTITIES = ['Starmer', 'Kellanova'];

export async function runCorpusAddBench(options: { articles?: number; runs?: number; loads?: number; site?: boolean; log?: (m: string) => void } = {}): Promise<CorpusAddResult> {
  const n = options.articles ?? 1000;
  const runs = options.runs ?? 9;
  const scratch = mkdtempSync(path.join(tmpdir(), 'kg-bench-corpus-'));
  try {
    const data = path.join(scratch, 'data');
    cpSync(path.join(REPO, 'data'), data, { recursive: true });
    const texts = readdirSync(path.join(data, 'articles')).map((slug) => readFileSync(path.join(data, 'articles', slug, 'article.txt'), 'utf8'));
    const inbox = path.join(scratch, 'inbox');
    mkdirSync(inbox);
    for (let i = 0; i < n; i++) writeFileSync(path.join(inbox, `${String(i).padStart(5, '0')}.txt`), `${texts[i % texts.length]}\n\nUpdate ${i}: the talks continue.\n`);
    const t0 = performance.now();
    const add = spawnSync(process.execPath, [KG_BUNDLE, 'add', inbox, '--data', data, '--date', '2025-03-01'], { encoding: 'utf8', maxBuffer: 64 << 20, env: { ...process.env, KG_DATA: '', KG_ARTICLE: '' } });
    const addMs = performance.now() - t0;
    if (add.status !== 0) throw new Error(`kg add exited ${add.status}: ${add.stderr.split('\n').filter((l) => l.startsWith('kg')).slice(0, 3).join(' ')}`);
    const node: number[] = [];
    const bareNode: number[] = [];
    const times = ENTITIES.map(() => [] as number[]);
    const bareTimes = ENTITIES.map(() => [] as number[]);
    const computedTimes = ENTITIES.map(() => [] as number[]);
    const relations = ENTITIES.map((entity) => {
      // The first call fills the build cache; its output says how much the answer holds.
      const r = spawnSync(process.execPath, [KG_BUNDLE, 'neighbours', entity, '--data', data, '--json'], { encoding: 'utf8', maxBuffer: 256 << 20 });
      return (JSON.parse(r.stdout) as { neighbours: { via: unknown[] }[] }).neighbours.reduce((n, x) => n + x.via.length, 0);
    });
    for (let i = 0; i < runs; i++) {
      const answered = /^\S.* \(\w+\): \d+ neighbours/;
      node.push(timeRun(['-e', '0']));
      ENTITIES.forEach((entity, e) => times[e]!.push(timeRun([KG_BUNDLE, 'neighbours', entity, '--data', data], answered)));
      bareNode.push(timeRun(['-e', '0'], undefined, BARE_ENV));
      ENTITIES.forEach((entity, e) => bareTimes[e]!.push(timeRun([KG_BUNDLE, 'neighbours', entity, '--data', data], answered, BARE_ENV)));
      ENTITIES.forEach((entity, e) => computedTimes[e]!.push(timeRun([KG_BUNDLE, 'neighbours', entity, '--depth', '1', '--data', data], answered, BARE_ENV)));
    }
    const round = (x: number) => Math.round(x * 10) / 10;
    const nodeMs = median(node);
    const bareNodeMs = median(bareNode);
    const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100;
    const queries = ENTITIES.map((entity, e) => ({
      entity,
      kg_ms: round(median(times[e]!)),
      relations: relations[e]!,
      ratio: ratio(median(times[e]!), nodeMs),
      bare_kg_ms: round(median(bareTimes[e]!)),
      bare_ratio: ratio(median(bareTimes[e]!), bareNodeMs),
      computed_ms: round(median(computedTimes[e]!)),
      computed_ratio: ratio(median(computedTimes[e]!), bareNodeMs),
    }));
    let site: CorpusAddResult['site'];
    if (options.site !== false) {
      const { buildSite } = await import('../helpers/site.ts');
      const { siteFirstFrame } = await import('./browser.ts');
      const out = path.join(scratch, 'site');
      options.log?.('  building the explorer for that corpus...');
      const b0 = performance.now();
      await buildSite(out, data);
      const build_s = round((performance.now() - b0) / 1000);
      const f = await siteFirstFrame(out, options.loads ?? 3, (m) => options.log?.(`  ${m}`));
      site = { build_s, frame_ms: f.frame, blank_ms: f.blank, ratio: f.ratio };
    }
    return { articles: n, add_s: round(addMs / 1000), per_article_ms: round(addMs / n), node_ms: round(nodeMs), bare_node_ms: round(bareNodeMs), queries, site };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
