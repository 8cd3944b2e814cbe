import { existsSync, lstatSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CorpusSources } from '../corpus/buildCorpus.ts';
import { decodeSource } from '../corpus/decodeSource.ts';
import type { SourceFile } from '../corpus/yamlSource.ts';
import { DataValidationError, UsageError, type DataIssue } from '../model/errors.ts';
import { SLUG } from '../model/types.ts';
import { listFolder, readRegularFile } from './readData.ts';

/** The checkout or installed package this CLI belongs to (the bundle sits in dist/cli/). */
export const PACKAGE_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export const ARTICLE_FILES = { article: 'article.txt', meta: 'meta.yaml', graph: 'graph.yaml' } as const;
export const VOCABULARY_FILE = 'vocabulary.yaml';
/** The entities several articles share; optional. */
export const ENTITIES_FILE = 'entities.yaml';


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
  const seen = folderState(dir);
  const known = seen === undefined ? undefined : listed.get(dir);
  if (known && known.state === seen) return [...known.slugs];
  const issues: DataIssue[] = [];
  const slugs: string[] = [];
  let linked = false;
  for (const entry of listFolder(dir, issues)) {
    linked ||= entry.linked === true;
    if (entry.name.startsWith('.') || entry.kind === 'file') continue;
    if (entry.kind !== 'folder') issues.push({ file: join(dir, entry.name), path: '', message: entry.problem ?? 'is not an article folder' });
    else if (!SLUG.test(entry.name)) issues.push({ file: join(dir, entry.name), path: '', message: 'an article folder name must be a slug: lower-case letters and digits joined by single hyphens' });
    else slugs.push(entry.name);
  }
  if (issues.length) throw new DataValidationError(issues);
  slugs.sort();
  // A linked entry can change kind with its folder untouched: such a listing is never reused.
  if (seen !== undefined && !linked) listed.set(dir, { state: seen, slugs });
  else listed.delete(dir);
  return [...slugs];
}

/**
 * Listings by folder, reused while the folder's own stat is unchanged: adding, removing or
 * renaming an entry changes its modification and change times. `kg neighbours` lists the articles
 * twice (to choose the view, then to stamp it), and each listing of a 1,000-article corpus cost a
 * tenth of Node's start-up.
 */
const listed = new Map<string, { state: string; slugs: string[] }>();

function folderState(dir: string): string | undefined {
  try {
    const s = statSync(dir);
    return s.isDirectory() ? `${s.ino} ${s.mtimeMs} ${s.ctimeMs}` : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The view to use: the article asked for; else the only one there is (a corpus of one reads as
 * that article always did); else undefined, the whole corpus.
 */
export function chooseArticle(dataDir: string, slug?: string): string | undefined {
  const slugs = listArticles(dataDir);
  const wanted = slug ?? process.env.KG_ARTICLE;
  if (wanted) {
    if (!slugs.includes(wanted)) throw new UsageError(`no article "${wanted}" in ${dataDir}; there are: ${slugs.join(', ') || 'none'}`);
    return wanted;
  }
  if (slugs.length === 0) throw new UsageError(`${dataDir}/articles has no article folders`);
  return slugs.length === 1 ? slugs[0] : undefined;
}

/** Reads a data file as strict UTF-8; a problem is an issue naming the file (and the line, for bad bytes). */
export function readSourceFile(path: string, issues: DataIssue[]): SourceFile | undefined {
  const bytes = readRegularFile(path, issues);
  return bytes && decodeSource(path, bytes, issues);
}

/** Every data file of the corpus, reporting every unreadable one at once. */
export function readCorpusSources(dataDir: string): CorpusSources {
  const issues: DataIssue[] = [];
  const read = (path: string) => readSourceFile(path, issues);
  const vocabulary = read(join(dataDir, VOCABULARY_FILE));
  const entitiesPath = join(dataDir, ENTITIES_FILE);
  const entities = exists(entitiesPath) ? read(entitiesPath) : undefined;
  const articles = listArticles(dataDir).map((slug) => {
    const dir = join(dataDir, 'articles', slug);
    return { slug, article: read(join(dir, ARTICLE_FILES.article)), meta: read(join(dir, ARTICLE_FILES.meta)), graph: read(join(dir, ARTICLE_FILES.graph)) };
  });
  if (issues.length || !vocabulary) throw new DataValidationError(issues);
  return { vocabulary, ...(entities ? { entities } : {}), articles: articles.map((a) => ({ slug: a.slug, article: a.article!, meta: a.meta!, graph: a.graph! })) };
}

/** Whether anything (even a broken link, which reading then reports) is at `path`. */
export function exists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}
