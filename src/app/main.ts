import { articles, corpus } from 'virtual:kg-articles';
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

// The article the URL names; else the corpus view when there is more than one article; else the
// only one. An article the data folder does not hold falls back the same way; the hash is then rewritten.
const wanted = articleOf(location.hash);
const entry = articles.find((a) => a.slug === wanted) ?? (corpus ? undefined : articles[0]);
if (!entry && !corpus) throw new Error('explorer: the data folder has no articles');
const { default: built } = await (entry ? entry.load() : corpus!());
const explorer = await createExplorer(loadArticle(built), { slug: entry?.slug, entries: articles, corpus: Boolean(corpus) });
window.explorer = explorer;
window.kg = explorer.api;
console.info('article-kg: the query core is at window.kg. Try kg.help()');
