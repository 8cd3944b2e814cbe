/**
 * The builder at corpus scale: `kg add` of 1,000 article texts into a scratch copy of the
 * corpus (one run of `kg add DIR`), then `kg neighbours Starmer` on that corpus against
 * `node -e 0`, median wall times, warm cache. The texts are the four curated articles' with a
 * line added, so each is a new article that names the corpus's entities.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { KG_BUNDLE, median, timeRun } from './startup.ts';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface CorpusAddResult {
  articles: number;
  add_s: number;
  per_article_ms: number;
  node_ms: number;
  kg_ms: number;
  ratio: number;
}

export function runCorpusAddBench(options: { articles?: number; runs?: number } = {}): CorpusAddResult {
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
    const kgArgs = [KG_BUNDLE, 'neighbours', 'Starmer', '--data', data];
    timeRun(kgArgs); // fills the build cache
    const node: number[] = [];
    const kg: number[] = [];
    for (let i = 0; i < runs; i++) {
      node.push(timeRun(['-e', '0']));
      kg.push(timeRun(kgArgs, /^Keir Starmer \(person\): \d+ neighbours/));
    }
    const round = (x: number) => Math.round(x * 10) / 10;
    return { articles: n, add_s: round(addMs / 1000), per_article_ms: round(addMs / n), node_ms: round(median(node)), kg_ms: round(median(kg)), ratio: Math.round((median(kg) / median(node)) * 100) / 100 };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
