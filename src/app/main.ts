import { articles } from 'virtual:kg-articles';
import { loadArticle } from '../build/built.ts';
import { createExplorer } from './explorer.ts';
import type { ConsoleApi } from './console.ts';

declare global {
  interface Window {
    kg: ConsoleApi;
    /** For tests and benchmarks: the running explorer. */
    explorer: Awaited<ReturnType<typeof createExplorer>>;
  }
}

const wanted = new URLSearchParams(location.hash.slice(1)).get('article');
const entry = articles.find((a) => a.slug === wanted) ?? articles[0];
if (!entry) throw new Error('explorer: the data folder has no articles');
const { default: built } = await entry.load();
const explorer = await createExplorer(loadArticle(built), entry.slug);
window.explorer = explorer;
window.kg = explorer.api;
console.info('article-kg: the query core is at window.kg. Try kg.help()');
