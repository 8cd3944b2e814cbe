import { join } from 'node:path';
import type { Plugin } from 'vite';
import type { BuiltArticle } from '../build/built.ts';
import { formatIssue, DataValidationError } from '../model/errors.ts';
import { ARTICLE_FILES, VOCABULARY_FILE, findDataDir, listArticles } from './dataDir.ts';
import { loadBuilt } from './load.ts';

const INDEX_ID = 'virtual:kg-articles';
const ARTICLE_PREFIX = 'virtual:kg-article/';

/**
 * Serves the data folder to the explorer as modules: `virtual:kg-articles` lists the articles
 * and `virtual:kg-article/<slug>` is one built article (validated, grounded, laid out), split
 * into its own chunk. A data error fails the build, or shows Vite's overlay in dev, with the
 * file, line and reason; editing a data file reloads the page.
 */
export function articleData(options: { dataDir?: string } = {}): Plugin {
  const dataDir = findDataDir(options.dataDir);
  // The article list needs each article's title, and each article's module the whole build:
  // keyed by the data's hash, one build serves both, and an edit still rebuilds.
  const memo = new Map<string, BuiltArticle>();
  return {
    name: 'article-kg-data',
    resolveId(id) {
      return id === INDEX_ID || id.startsWith(ARTICLE_PREFIX) ? `\0${id}` : undefined;
    },
    async load(id) {
      if (!id.startsWith('\0virtual:kg-')) return undefined;
      this.addWatchFile(join(dataDir, VOCABULARY_FILE));
      if (id === `\0${INDEX_ID}`) {
        const entries = [];
        for (const slug of listArticles(dataDir)) {
          this.addWatchFile(join(dataDir, 'articles', slug));
          const meta = (await build(dataDir, slug, memo)).graph.attributes!;
          entries.push(`{ slug: ${JSON.stringify(slug)}, title: ${JSON.stringify(meta.title)}, date: ${JSON.stringify(meta.date)}, load: () => import(${JSON.stringify(ARTICLE_PREFIX + slug)}) }`);
        }
        return `export const articles = [\n${entries.join(',\n')}\n];\n`;
      }
      const slug = id.slice(`\0${ARTICLE_PREFIX}`.length);
      for (const file of Object.values(ARTICLE_FILES)) this.addWatchFile(join(dataDir, 'articles', slug, file));
      const built = await build(dataDir, slug, memo);
      // JSON.parse of a string literal parses faster than the same object as JavaScript.
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(built))});\n`;
    },
    // The page loads the first article unless its URL names another: fetch that chunk alongside
    // the main script instead of after it has run.
    transformIndexHtml(_, context) {
      const first = listArticles(dataDir)[0];
      const chunk = Object.values(context.bundle ?? {}).find(
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
