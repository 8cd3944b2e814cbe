import { listArticles } from './dataDir.ts';

/** The explorer's data modules: the article list, and one module per article. */
export const INDEX_ID = 'virtual:kg-articles';
export const ARTICLE_PREFIX = 'virtual:kg-article/';

/**
 * The slug an article module's id names, if it is exactly an article of the data folder. A data
 * folder that cannot be listed holds no article here: the article list's module reports why.
 */
export function articleSlug(dataDir: string, id: string): string | undefined {
  if (!id.startsWith(ARTICLE_PREFIX)) return undefined;
  const slug = id.slice(ARTICLE_PREFIX.length);
  try {
    return listArticles(dataDir).includes(slug) ? slug : undefined;
  } catch {
    return undefined;
  }
}
