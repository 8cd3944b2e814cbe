import { articles, corpus } from 'virtual:kg-articles';
import { loadArticle, type LoadedArticle } from '../corpus/built.ts';
import { createExplorer, type ExplorerView } from './explorer.ts';
import { articleOf } from './view/urlState.ts';
import type { ConsoleApi } from './console.ts';
import { loadImportCore, showOpenError } from './controllers/openFile.ts';
import { readFileInWorker } from './readFileInWorker.ts';
import { isFileView, readStash } from './fileStash.ts';
import { h } from './dom.ts';

declare global {
  interface Window {
    kg: ConsoleApi;
    /** For tests and benchmarks: the running explorer. */
    explorer: Awaited<ReturnType<typeof createExplorer>>;
  }
}

/**
 * The opened file the hash names (`#article=karate.graphml`), read and laid out again from the
 * copy this browser keeps; undefined, with the reason shown, when it has none or it fails.
 */
async function openedFile(view: string): Promise<{ article: LoadedArticle; view: ExplorerView } | undefined> {
  try {
    const stashed = await readStash(view);
    if (!stashed) throw new Error('This browser no longer has the file: open it again with “Open file…”.');
    const [imported, core] = await Promise.all([readFileInWorker(stashed.file, stashed.name).done, loadImportCore()]);
    const article = core.openedArticle(imported, { typeAttribute: stashed.typeAttribute });
    // The file's view has no articles to switch to: the link back reloads the page without a hash.
    return { article, view: { slug: view, entries: [], corpus: false } };
  } catch (error) {
    queueMicrotask(() => showOpenError(view, error));
    return undefined;
  }
}

/** The article the URL names; else the corpus view when there is more than one article; else the only one. */
async function articleView(wanted: string | undefined): Promise<{ article: LoadedArticle; view: ExplorerView }> {
  // An article the data folder does not hold falls back the same way; the hash is then rewritten.
  const entry = articles.find((a) => a.slug === wanted) ?? (corpus ? undefined : articles[0]);
  if (!entry && !corpus) throw new Error('explorer: the data folder has no articles');
  const { default: built } = await (entry ? entry.load() : corpus!());
  return { article: loadArticle(built), view: { slug: entry?.slug, entries: articles, corpus: Boolean(corpus) } };
}

const wanted = articleOf(location.hash);
const file = isFileView(wanted) ? await openedFile(wanted) : undefined;
const { article, view } = file ?? (await articleView(wanted));
const explorer = await createExplorer(article, view);
if (file && articles.length) {
  const back = h('a', { class: 'view-link', attrs: { id: 'articles-link', href: `${location.pathname}${location.search}` } }, 'Back to the articles');
  document.getElementById('corpus-link')?.after(back);
}
window.explorer = explorer;
window.kg = explorer.api;
console.info('article-kg: the query core is at window.kg. Try kg.help()');
