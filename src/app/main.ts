import { articles } from 'virtual:kg-articles';
import { loadArticle } from '../corpus/built.ts';
import { createExplorer } from './explorer.ts';
import { articleOf } from './view/urlState.ts';
import type { ConsoleApi } from './console.ts';

declare global {
  interface Window {
    kg: ConsoleApi;
    /** For tests and benchmarks: the running explorer. */
    explorer: Awaited<ReturnType<typeof createExplorer>>;
  }
}

// An article the data folder does not hold falls back to the first; the hash is then rewritten.
const wanted = articleOf(location.hash);
const entry = articles.find((a) => a.slug === wanted) ?? articles[0];
if (!entry) throw new Error('explorer: the data folder has no articles');
const { default: built } = await entry.load();
const explorer = await createExplorer(loadArticle(built), entry.slug, articles.map((a) => a.slug));
window.explorer = explorer;
window.kg = explorer.api;
console.info('article-kg: the query core is at window.kg. Try kg.help()');
