import { listArticles } from './dataDir.ts';

/** The explorer's data modules: the article list, one module per article, and the corpus view. */
export const INDEX_ID = 'virtual:kg-articles';
export const ARTICLE_PREFIX = 'virtual:kg-article/';
export const CORPUS_ID = 'virtual:kg-corpus';

/** The data folder's articles; one that cannot be listed holds none here: the article list's module reports why. */
function articlesOf(dataDir: string): string[] {
  try {
    return listArticles(dataDir);
  } catch {
    return [];
  }
}

/** The slug an article module's id names, if it is exactly an article of the data folder. */
export function articleSlug(dataDir: string, id: string): string | undefined {
  if (!id.startsWith(ARTICLE_PREFIX)) return undefined;
  const slug = id.slice(ARTICLE_PREFIX.length);
  return articlesOf(dataDir).includes(slug) ? slug : undefined;
}

/** Whether the corpus view exists: with one article, that article's view is the whole story. */
export const hasCorpusView = (dataDir: string): boolean => articlesOf(dataDir).length > 1;

/** Whether `id` is exactly one of the modules the data folder serves now. */
export const isDataModule = (dataDir: string, id: string): boolean =>
  id === INDEX_ID || (id === CORPUS_ID && hasCorpusView(dataDir)) || articleSlug(dataDir, id) !== undefined;
