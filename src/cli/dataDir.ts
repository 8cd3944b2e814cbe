import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ArticleSources } from '../build/buildModel.ts';
import { decodeSource } from '../build/decodeSource.ts';
import type { SourceFile } from '../build/yamlSource.ts';
import { DataValidationError, UsageError, type DataIssue } from '../model/errors.ts';
import { listFolder, readRegularFile } from './readData.ts';

/** The checkout or installed package this CLI belongs to (the bundle sits in dist/cli/). */
export const PACKAGE_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export const ARTICLE_FILES = { article: 'article.txt', meta: 'meta.yaml', graph: 'graph.yaml' } as const;
export const VOCABULARY_FILE = 'vocabulary.yaml';

/** Article folder names become URL hashes, module ids and file names: slugs only. */
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

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

/**
 * The article folders, by slug. Hidden entries and plain files (a README, .DS_Store) are passed
 * over; anything that looks like an article but cannot be one (a broken link, a folder whose
 * name is not a slug) is an error naming it, not a silent gap in the corpus.
 */
export function listArticles(dataDir: string): string[] {
  const dir = join(dataDir, 'articles');
  const issues: DataIssue[] = [];
  const slugs: string[] = [];
  for (const entry of listFolder(dir, issues)) {
    if (entry.name.startsWith('.') || entry.kind === 'file') continue;
    const path = join(dir, entry.name);
    if (entry.kind !== 'folder') issues.push({ file: path, path: '', message: entry.problem ?? 'is not an article folder' });
    else if (!SLUG.test(entry.name)) issues.push({ file: path, path: '', message: 'an article folder name must be a slug: lower-case letters and digits joined by single hyphens' });
    else slugs.push(entry.name);
  }
  if (issues.length) throw new DataValidationError(issues);
  return slugs.sort();
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

/** Reads a data file as strict UTF-8; a problem is an issue naming the file (and the line, for bad bytes). */
export function readSourceFile(path: string, issues: DataIssue[]): SourceFile | undefined {
  const bytes = readRegularFile(path, issues);
  return bytes && decodeSource(path, bytes, issues);
}

/** Reads an article's files, reporting every unreadable one at once. */
export function readSources(dataDir: string, slug: string): ArticleSources {
  const issues: DataIssue[] = [];
  const dir = join(dataDir, 'articles', slug);
  const read = (path: string) => readSourceFile(path, issues);
  const vocabulary = read(join(dataDir, VOCABULARY_FILE));
  const article = read(join(dir, ARTICLE_FILES.article));
  const meta = read(join(dir, ARTICLE_FILES.meta));
  const graph = read(join(dir, ARTICLE_FILES.graph));
  if (!vocabulary || !article || !meta || !graph) throw new DataValidationError(issues);
  return { slug, vocabulary, article, meta, graph };
}
