import { join } from 'node:path';
import type { Plugin } from 'vite';
import type { BuiltArticle } from '../corpus/built.ts';
import { formatIssue, DataValidationError } from '../model/errors.ts';
import { ARTICLE_PREFIX, INDEX_ID, articleSlug } from './articleIds.ts';
import { ARTICLE_FILES, VOCABULARY_FILE, findDataDir, listArticles } from './dataDir.ts';
import { onlyKnownArticles } from './devArticleGuard.ts';
import { reloadOnDataChange } from './devDataWatch.ts';
import { loadBuilt } from './load.ts';


/**
 * Serves the data folder to the explorer as modules: `virtual:kg-articles` lists the articles
 * and `virtual:kg-article/<slug>` is one built article (validated, grounded, laid out), split
 * into its own chunk. A data error fails the build, or shows Vite's overlay in dev, with the
 * file, line and reason; editing a data file, or adding or removing an article, reloads the page.
 *
 * A slug is only ever one that `listArticles` returns, compared whole: the part after the prefix
 * is never joined onto a path, so `../`, encodings of it and absolute paths name no article.
 */
export function articleData(options: { dataDir?: string } = {}): Plugin {
  const dataDir = findDataDir(options.dataDir);
  // The article list needs each article's title, and each article's module the whole build:
  // keyed by the data's hash, one build serves both, and an edit still rebuilds.
  const memo = new Map<string, BuiltArticle>();
  return {
    name: 'article-kg-data',
    resolveId(id) {
      return id === INDEX_ID || articleSlug(dataDir, id) !== undefined ? `\0${id}` : undefined;
    },
    async load(id) {
      if (!id.startsWith('\0virtual:kg-')) return undefined;
      // Watched once built: Vite resolves each watched file as an import, so it must exist.
      const built = async (slug: string) => {
        const article = await build(dataDir, slug, memo);
        for (const file of [...Object.values(ARTICLE_FILES).map((f) => join('articles', slug, f)), VOCABULARY_FILE]) this.addWatchFile(join(dataDir, file));
        return article;
      };
      if (id === `\0${INDEX_ID}`) {
        const entries = [];
        for (const slug of listArticles(dataDir)) {
          const meta = (await built(slug)).graph.attributes!;
          entries.push(`{ slug: ${JSON.stringify(slug)}, title: ${JSON.stringify(meta.title)}, date: ${JSON.stringify(meta.date)}, load: () => import(${JSON.stringify(ARTICLE_PREFIX + slug)}) }`);
        }
        return `export const articles = [\n${entries.join(',\n')}\n];\n`;
      }
      const slug = articleSlug(dataDir, id.slice(1));
      // Names nothing: whatever was asked for, the answer does not tell what exists on disk.
      if (slug === undefined) throw new Error('No such article');
      // JSON.parse of a string literal parses faster than the same object as JavaScript.
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(await built(slug)))});\n`;
    },
    configureServer(server) {
      server.middlewares.use(onlyKnownArticles(dataDir));
      reloadOnDataChange(server, dataDir);
    },
    // The page loads the first article unless its URL names another: fetch that chunk alongside
    // the main script instead of after it has run.
    transformIndexHtml(_, context) {
      if (!context.bundle) return [];
      const first = listArticles(dataDir)[0];
      const chunk = Object.values(context.bundle).find(
        (output) => output.type === 'chunk' && output.facadeModuleId === `\0${ARTICLE_PREFIX}${first}`,
      );
      return chunk ? [{ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `./${chunk.fileName}` }, injectTo: 'head' }] : [];
    },
  };
}


async function build(dataDir: string, slug: string, memo: Map<string, BuiltArticle>) {
  try {
    // Not cached on disk: the dev server runs the builder from source, which may have just changed.
    return await loadBuilt(dataDir, slug, { cache: false, memo });
  } catch (error) {
    if (error instanceof DataValidationError) {
      // One line per problem, so the overlay and the terminal read like `kg validate`.
      throw new Error(`Invalid data for article "${slug}":\n${error.issues.map(formatIssue).join('\n')}`);
    }
    throw error;
  }
}
