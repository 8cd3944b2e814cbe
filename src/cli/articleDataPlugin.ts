import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';
import type { BuiltArticle } from '../corpus/built.ts';
import { formatIssue, DataValidationError } from '../model/errors.ts';
import { ARTICLE_PREFIX, CORPUS_ID, INDEX_ID, articleSlug, hasCorpusView, isDataModule } from './articleIds.ts';
import { ARTICLE_FILES, ENTITIES_FILE, VOCABULARY_FILE, findDataDir, listArticles } from './dataDir.ts';
import { onlyKnownArticles } from './devArticleGuard.ts';
import { reloadOnDataChange } from './devDataWatch.ts';
import { loadBuilt } from './load.ts';


/**
 * Serves the data folder to the explorer as modules: `virtual:kg-articles` lists the articles
 * and `virtual:kg-article/<slug>` is one built article (validated, grounded, laid out), split
 * into its own chunk; with more than one article, `virtual:kg-corpus` is the corpus view (every
 * article in one graph, without their texts), a chunk of its own too. A data error fails the build, or shows Vite's overlay in dev, with the
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
      return isDataModule(dataDir, id) ? `\0${id}` : undefined;
    },
    async load(id) {
      if (!id.startsWith('\0virtual:kg-')) return undefined;
      // Watched once built: Vite resolves each watched file as an import, so it must exist. Every
      // data file, since validation is corpus-wide: an entity defined in one article or in
      // entities.yaml shapes every article that names it.
      const built = async (slug: string | undefined) => {
        const article = await build(dataDir, slug, memo);
        const files = listArticles(dataDir).flatMap((s) => Object.values(ARTICLE_FILES).map((f) => join('articles', s, f)));
        for (const file of [...files, VOCABULARY_FILE, ENTITIES_FILE]) if (existsSync(join(dataDir, file))) this.addWatchFile(join(dataDir, file));
        return article;
      };
      if (id === `\0${INDEX_ID}`) {
        const entries = [];
        for (const slug of listArticles(dataDir)) {
          const meta = (await built(slug)).graph.attributes!;
          entries.push(`{ slug: ${JSON.stringify(slug)}, title: ${JSON.stringify(meta.title)}, date: ${JSON.stringify(meta.date)}, load: () => import(${JSON.stringify(ARTICLE_PREFIX + slug)}) }`);
        }
        const corpus = hasCorpusView(dataDir) ? `() => import(${JSON.stringify(CORPUS_ID)})` : 'undefined';
        return `export const articles = [\n${entries.join(',\n')}\n];\nexport const corpus = ${corpus};\n`;
      }
      if (id === `\0${CORPUS_ID}` && hasCorpusView(dataDir)) return moduleOf(await built(undefined));
      const slug = articleSlug(dataDir, id.slice(1));
      // Names nothing: whatever was asked for, the answer does not tell what exists on disk.
      if (slug === undefined) throw new Error('No such article');
      return moduleOf(await built(slug));
    },
    configureServer(server) {
      server.middlewares.use(onlyKnownArticles(dataDir));
      reloadOnDataChange(server, dataDir);
    },
    // The page opens the corpus view, or the only article, unless its URL names another: fetch
    // that chunk alongside the main script instead of after it has run.
    transformIndexHtml(_, context) {
      if (!context.bundle) return [];
      const first = hasCorpusView(dataDir) ? CORPUS_ID : `${ARTICLE_PREFIX}${listArticles(dataDir)[0]}`;
      const chunk = Object.values(context.bundle).find((output) => output.type === 'chunk' && output.facadeModuleId === `\0${first}`);
      return chunk ? [{ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `./${chunk.fileName}` }, injectTo: 'head' }] : [];
    },
  };
}


// JSON.parse of a string literal parses faster than the same object as JavaScript.
const moduleOf = (built: BuiltArticle) => `export default JSON.parse(${JSON.stringify(JSON.stringify(built))});\n`;

async function build(dataDir: string, slug: string | undefined, memo: Map<string, BuiltArticle>) {
  try {
    // Not cached on disk: the dev server runs the builder from source, which may have just changed.
    return await loadBuilt(dataDir, slug, { cache: false, memo });
  } catch (error) {
    if (error instanceof DataValidationError) {
      // One line per problem, so the overlay and the terminal read like `kg validate`.
      throw new Error(`Invalid data for ${slug === undefined ? 'the corpus' : `article "${slug}"`}:\n${error.issues.map(formatIssue).join('\n')}`);
    }
    throw error;
  }
}
