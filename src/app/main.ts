// First: it asks for the view's data before the rest of the code below is evaluated.
import { built, entry, fileView, wanted } from './viewData.ts';
import { articles, corpus } from 'virtual:kg-articles';
import { loadArticle, type LoadedArticle } from '../corpus/built.ts';
import { createExplorer, type ExplorerView } from './explorer.ts';
import type { ConsoleApi } from './console.ts';
import { readStash } from './fileStash.ts';
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
  // Only a file's view needs the readers: the data folder's views do not load them.
  let report = (error: unknown) => console.error('article-kg: the opened file cannot be shown:', error);
  try {
    const [{ loadImportCore, showOpenError }, { readFileInWorker }] = await Promise.all([import('./controllers/openFile.ts'), import('./readFileInWorker.ts')]);
    report = (error) => showOpenError(view, error);
    const stashed = await readStash(view);
    if (!stashed) throw new Error('This browser no longer has the file: open it again with “Open file…”.');
    const [imported, core] = await Promise.all([readFileInWorker(stashed.file, stashed.name).done, loadImportCore()]);
    const article = core.openedArticle(imported, { typeAttribute: stashed.typeAttribute });
    // The file's view has no articles to switch to: the link back reloads the page without a hash.
    return { article, view: { slug: view, entries: [], corpus: false } };
  } catch (error) {
    // Then the data folder's view is shown: a chunk that failed to load leaves the page usable.
    queueMicrotask(() => report(error));
    return undefined;
  }
}

/** The data folder's view viewData.ts chose and fetched (also the fallback when an opened file fails). */
async function articleView(): Promise<{ article: LoadedArticle; view: ExplorerView }> {
  const data = built ?? (corpus ? corpus() : articles[0]?.load());
  if (!data) throw new Error('explorer: the data folder has no articles');
  const slug = built ? entry?.slug : corpus ? undefined : articles[0]!.slug;
  const { default: article } = await data;
  return { article: loadArticle(article), view: { slug, entries: articles, corpus: Boolean(corpus) } };
}

/**
 * Not top-level await: with one, the bundler moves every module that a later chunk (the panels')
 * shares with this entry into chunks of their own, so that importing them never waits on this
 * module: seven scripts to fetch before the first frame instead of one.
 */
async function start(): Promise<void> {
  const file = fileView ? await openedFile(wanted!) : undefined;
  const { article, view } = file ?? (await articleView());
  const explorer = await createExplorer(article, view);
  if (file && articles.length) {
    const back = h('a', { class: 'view-link', attrs: { id: 'articles-link', href: `${location.pathname}${location.search}` } }, 'Back to the articles');
    document.getElementById('corpus-link')?.after(back);
  }
  window.explorer = explorer;
  window.kg = explorer.api;
  console.info('article-kg: the query core is at window.kg. Try kg.help()');
}

void start();
