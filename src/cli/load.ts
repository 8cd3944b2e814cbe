import { createHash } from 'node:crypto';
import { closeSync, constants, fstatSync, mkdirSync, openSync, readSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { BUILT_FORMAT, loadArticle, type BuiltArticle, type LoadedArticle } from '../corpus/built.ts';
import type { CorpusModel } from '../corpus/buildCorpus.ts';
import { own } from '../model/own.ts';
import { CORPUS_SLUG } from '../model/types.ts';
import { ARTICLE_FILES, ENTITIES_FILE, PACKAGE_ROOT, VOCABULARY_FILE, exists, listArticles, readCorpusSources } from './dataDir.ts';

const CACHE_DIR = join(PACKAGE_ROOT, 'node_modules', '.cache', 'article-kg');

/** V8 cannot hold a string much longer than 2^29 characters: a larger cache file is no build of ours. */
const MAX_CACHE_BYTES = 2 ** 29;

/**
 * Set by the kg bundle's build (vite.config.ts): a hash of the source it was built from, so a
 * rebuilt builder never reuses a cache made by an older one. Unset when running from source.
 */
declare const __KG_CODE_ID__: string | undefined;
const CODE_ID = typeof __KG_CODE_ID__ === 'string' ? __KG_CODE_ID__ : 'source';

/**
 * Identifies one build without reading the data: the view (an article's slug, or the corpus),
 * the name, size, inode, modification and change times (to the nanosecond) of every data file (an entity
 * defined in one article or in entities.yaml shapes every article that names it), the builder's
 * format and the code that builds. Reading and hashing every file of a 1,000-article corpus
 * took longer than the query it was for. Undefined when a file cannot be seen: reading the data
 * then says what is wrong with it.
 */
export function dataStamp(dataDir: string, view: string): string | undefined {
  const hash = createHash('sha256').update(`format ${BUILT_FORMAT} code ${CODE_ID} view ${view}\0`);
  // ctime too: unlike mtime it cannot be set back, so an edit that restores the old mtime and size still shows.
  const stamp = (path: string, optional = false) => {
    try {
      const s = statSync(path, { bigint: true });
      hash.update(`${path}\0${s.size}\0${s.ino}\0${s.mtimeNs}\0${s.ctimeNs}\0`);
      return true;
    } catch {
      // Optional means absent, not broken: a dangling link there must be read, and reported.
      return optional && !exists(path);
    }
  };
  try {
    if (!stamp(join(dataDir, VOCABULARY_FILE)) || !stamp(join(dataDir, ENTITIES_FILE), true)) return undefined;
    for (const slug of listArticles(dataDir)) {
      for (const file of Object.values(ARTICLE_FILES)) if (!stamp(join(dataDir, 'articles', slug, file))) return undefined;
    }
  } catch {
    return undefined;
  }
  return hash.digest('hex');
}

interface LoadOptions {
  cache?: boolean;
  memo?: Map<string, BuiltArticle>;
}

/**
 * Builds an article (validation, grounding, layout), or reuses the cached build when the data
 * has not changed. The builder (YAML, schema, layout) loads only on a miss, which keeps
 * `kg neighbours` close to Node's own start-up time. `memo` keeps builds in memory instead, keyed
 * the same way, for a caller that asks for one article several times (the Vite data plugin).
 */
export async function loadBuilt(dataDir: string, slug: string | undefined, options: LoadOptions = {}): Promise<BuiltArticle> {
  return (await load(dataDir, slug, options)).built;
}

/** The same, revived as a graph: a cache hit has been revived already, to prove it usable. No slug: the corpus graph. */
export async function loadArticleData(dataDir: string, slug: string | undefined): Promise<LoadedArticle> {
  const { built, article } = await load(dataDir, slug, {});
  return article ?? loadArticle(built);
}

async function load(dataDir: string, slug: string | undefined, options: LoadOptions): Promise<{ built: BuiltArticle; article?: LoadedArticle }> {
  // The corpus view's cache file takes a name no article's can.
  const view = slug ?? CORPUS_SLUG;
  const key = dataStamp(dataDir, view);
  const remembered = key === undefined ? undefined : options.memo?.get(key);
  if (remembered) return { built: remembered };
  const cacheFile = join(CACHE_DIR, `${view}.json`);
  const hit = options.cache === false || key === undefined ? undefined : readCache(cacheFile, key);
  if (hit) return hit;
  const { viewOf } = await import('../corpus/buildArticle.ts');
  const built = viewOf(await validatedCorpus(dataDir), slug);
  if (key === undefined) return { built };
  options.memo?.set(key, built);
  if (options.cache !== false) {
    try {
      mkdirSync(CACHE_DIR, { recursive: true });
      const { writeFilesAtomic } = await import('./atomicWrite.ts');
      await writeFilesAtomic([{ path: cacheFile, chunks: [JSON.stringify({ key, built })] }]);
    } catch {
      // A read-only install still works, just without the cache.
    }
  }
  return { built };
}

/**
 * The last corpus validated in this process, by data stamp: the dev server and `kg build` ask
 * for every article's view, and each would otherwise read, parse and ground the whole corpus
 * again (a thousand articles, a thousand times).
 */
let lastCorpus: { stamp: string; corpus: CorpusModel } | undefined;

async function validatedCorpus(dataDir: string): Promise<CorpusModel> {
  const stamp = dataStamp(dataDir, 'model');
  if (stamp !== undefined && lastCorpus?.stamp === stamp) return lastCorpus.corpus;
  // A miss, or a file that cannot be seen: read everything, which reports what is wrong.
  const { buildCorpus } = await import('../corpus/buildCorpus.ts');
  const corpus = buildCorpus(readCorpusSources(dataDir));
  lastCorpus = stamp === undefined ? undefined : { stamp, corpus };
  return corpus;
}

/**
 * The cached build if it is one for `key` and usable; anything else (no file, a FIFO, a device,
 * a folder, a huge or truncated file, a body of the wrong shape, a graph graphology refuses) is a
 * miss, and the caller rebuilds and overwrites it. Opened non-blocking so that a FIFO cannot hang
 * us (and never as our controlling terminal, should it be a tty), and checked as a regular file of
 * sane size before a byte is read.
 */
function readCache(file: string, key: string): { built: BuiltArticle; article: LoadedArticle } | undefined {
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOCTTY);
  } catch {
    return undefined;
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile() || stat.size > MAX_CACHE_BYTES) return undefined;
    const cached: unknown = JSON.parse(readExactly(fd, stat.size));
    if (!isRecord(cached) || own(cached, 'key') !== key) return undefined;
    const built = own(cached, 'built');
    if (!isBuilt(built)) return undefined;
    return { built, article: loadArticle(built) };
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}

/** `size` bytes and no more, however the file changes meanwhile; a short file reads short and fails to parse. */
function readExactly(fd: number, size: number): string {
  const bytes = Buffer.alloc(size);
  let at = 0;
  while (at < size) {
    const n = readSync(fd, bytes, at, size - at, at);
    if (n === 0) break;
    at += n;
  }
  return bytes.toString('utf8', 0, at);
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The shape the queries rely on; graphology checks the graph itself when it imports it. */
function isBuilt(value: unknown): value is BuiltArticle {
  if (!isRecord(value) || own(value, 'format') !== BUILT_FORMAT || typeof own(value, 'text') !== 'string') return false;
  const vocabulary = own(value, 'vocabulary');
  const graph = own(value, 'graph');
  return (
    isRecord(vocabulary) && isRecord(own(vocabulary, 'relations')) && isRecord(own(vocabulary, 'attributes')) &&
    isRecord(graph) && Array.isArray(own(graph, 'nodes')) && Array.isArray(own(graph, 'edges'))
  );
}
