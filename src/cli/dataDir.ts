import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ArticleSources } from '../build/buildModel.ts';
import { DataValidationError, UsageError } from '../model/errors.ts';

/** The checkout or installed package this CLI belongs to (the bundle sits in dist/cli/). */
export const PACKAGE_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export const ARTICLE_FILES = { article: 'article.txt', meta: 'meta.yaml', graph: 'graph.yaml' } as const;
export const VOCABULARY_FILE = 'vocabulary.yaml';

/** `--data`, then $KG_DATA, then ./data when it holds articles, then the package's own data. */
export function findDataDir(option?: string): string {
  const chosen = option ?? process.env.KG_DATA;
  if (chosen) {
    const dir = resolve(chosen);
    if (!existsSync(join(dir, 'articles'))) throw new UsageError(`${dir} is not a data folder: it has no articles/ folder`);
    return dir;
  }
  const local = resolve('data');
  return existsSync(join(local, 'articles')) ? local : join(PACKAGE_ROOT, 'data');
}

export function listArticles(dataDir: string): string[] {
  const dir = join(dataDir, 'articles');
  return readdirSync(dir).filter((name) => statSync(join(dir, name)).isDirectory()).sort();
}

/** The article to use: the one asked for, or the only one there is. */
export function chooseArticle(dataDir: string, slug?: string): string {
  const slugs = listArticles(dataDir);
  const wanted = slug ?? process.env.KG_ARTICLE;
  if (wanted) {
    if (!slugs.includes(wanted)) throw new UsageError(`no article "${wanted}" in ${dataDir}; there are: ${slugs.join(', ') || 'none'}`);
    return wanted;
  }
  if (slugs.length === 1) return slugs[0]!;
  if (slugs.length === 0) throw new UsageError(`${dataDir}/articles has no article folders`);
  throw new UsageError(`${slugs.length} articles in ${dataDir}: choose one with --article (${slugs.join(', ')})`);
}

/** Reads an article's files. A missing file is a data error naming it, like any other. */
export function readSources(dataDir: string, slug: string): ArticleSources {
  const read = (path: string) => {
    try {
      return { path, text: readFileSync(path, 'utf8') };
    } catch {
      throw new DataValidationError([{ file: path, path: '', message: 'file is missing or unreadable' }]);
    }
  };
  const dir = join(dataDir, 'articles', slug);
  return {
    slug,
    vocabulary: read(join(dataDir, VOCABULARY_FILE)),
    article: read(join(dir, ARTICLE_FILES.article)),
    meta: read(join(dir, ARTICLE_FILES.meta)),
    graph: read(join(dir, ARTICLE_FILES.graph)),
  };
}
