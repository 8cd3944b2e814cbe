// Drafting speed on one core: a synthetic 1,000-article set built from the dev texts.
import { draftArticle } from '../../src/draft/index';
import { goldDocs, loadVocabulary } from './run';

export interface SpeedReport { startupMs: number; articles: number; words: number; seconds: number; wordsPerSecond: number }

/** Start-up (first draft: model load) apart, then words/s over `n` articles. */
export function measureSpeed(n = 1000): SpeedReport {
  const vocabulary = loadVocabulary();
  const texts = goldDocs().map((d) => d.text);
  const t0 = performance.now();
  draftArticle(texts[0] ?? '', { vocabulary });
  const startupMs = performance.now() - t0;
  // Varied copies, so no article is drafted twice verbatim.
  const set = Array.from({ length: n }, (_, i) => `${texts[i % texts.length]}\n\nUpdated ${i}.`);
  const words = set.reduce((s, t) => s + t.split(/\s+/u).filter(Boolean).length, 0);
  const t1 = performance.now();
  for (const t of set) draftArticle(t, { vocabulary });
  const seconds = (performance.now() - t1) / 1000;
  return { startupMs, articles: n, words, seconds, wordsPerSecond: words / seconds };
}

if (process.argv[1]?.endsWith('speed.ts')) {
  const r = measureSpeed(Number(process.argv[2] ?? 1000));
  console.log(`start-up ${r.startupMs.toFixed(0)} ms; ${r.articles} articles, ${r.words} words in ${r.seconds.toFixed(2)} s: ${Math.round(r.wordsPerSecond)} words/s`);
}
