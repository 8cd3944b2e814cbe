import { createHash } from 'node:crypto';
import { lstatSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { BUILT_FORMAT, loadArticle, type BuiltArticle, type LoadedArticle } from '../corpus/built.ts';
import { asHeader, encodeBlocks, growNeighbourhood, HEADER_DIGITS, skeletonGraph } from '../corpus/builtBlocks.ts';
import type { CorpusModel } from '../corpus/buildCorpus.ts';
import { own } from '../model/own.ts';
import { CORPUS_SLUG } from '../model/types.ts';
import { resolve } from '../query/resolve.ts';
import { answersCurrent, encodeAnswers } from './answersFile.ts';
import { CACHE_DIR, cacheFile, readAt, withCacheFile } from './cacheFiles.ts';
import { readCorpusSources } from './dataDir.ts';
import { stampBytes } from './dataStamp.ts';

/** A cache key: a data stamp (dataStamp.ts), hashed. */
const stampKey = (stamp: Uint8Array) => createHash('sha256').update(stamp).digest('hex');

/** The cache key of `view`'s build, taken here and now. */
function dataStamp(dataDir: string, view: string): string | undefined {
  const stamp = stampBytes(dataDir, view);
  return stamp && stampKey(stamp);
}

/** Entries unused this long are swept when a new one is written: scratch data folders come and go. */
const CACHE_MAX_AGE_MS = 14 * 24 * 3600 * 1000;

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

/** `key` is the view's data stamp when the caller has taken it already (stat'ing every data file costs). */
async function load(dataDir: string, slug: string | undefined, options: LoadOptions, key = dataStamp(dataDir, slug ?? CORPUS_SLUG)): Promise<{ built: BuiltArticle; article?: LoadedArticle }> {
  // The corpus view's cache file takes a name no article's can.
  const view = slug ?? CORPUS_SLUG;
  const remembered = key === undefined ? undefined : options.memo?.get(key);
  if (remembered) return { built: remembered };
  const file = cacheFile(dataDir, view, 'json');
  const hit = options.cache === false || key === undefined ? undefined : readCache(file, key);
  if (hit) return hit;
  const { viewOf } = await import('../corpus/buildArticle.ts');
  const built = viewOf(await validatedCorpus(dataDir), slug);
  if (key === undefined) return { built };
  options.memo?.set(key, built);
  if (options.cache !== false) await writeCache(file, [JSON.stringify({ key, built })]);
  return { built };
}

async function writeCache(file: string, chunks: (string | Uint8Array)[]): Promise<void> {
  try {
    mkdirSync(CACHE_DIR, { recursive: true });
    const { writeFilesAtomic } = await import('./atomicWrite.ts');
    await writeFilesAtomic([{ path: file, chunks }]);
    sweepCache();
  } catch {
    // A read-only install still works, just without the cache.
  }
}

function sweepCache(): void {
  const now = Date.now();
  for (const name of readdirSync(CACHE_DIR)) {
    const path = join(CACHE_DIR, name);
    try {
      if (now - lstatSync(path).mtimeMs > CACHE_MAX_AGE_MS) rmSync(path, { force: true });
    } catch {
      // Gone already, or another process's: either way not ours to report.
    }
  }
}

/**
 * What a query about one entity (`kg neighbours`, `kg show`) needs of a view: every entity's name
 * and type, and the relations of those within `levels - 1` hops of `name` (their mentions too
 * `withMentions`: `kg show` lists them, `kg neighbours` does not), read from the view's blocks
 * file (corpus/builtBlocks.ts) without parsing the rest. `partial` is false when it is the whole
 * view instead: the blocks or the answers file (answersFile.ts) was missing or stale (each is
 * then written from the whole build, for the next call), or `name` resolves to no single entity
 * (the whole graph then says why, with its suggestions).
 */
export async function loadNeighbourhood(dataDir: string, slug: string | undefined, name: string, levels: number, withMentions: boolean): Promise<{ article: LoadedArticle; partial: boolean }> {
  const view = slug ?? CORPUS_SLUG;
  const stamp = stampBytes(dataDir, view);
  const key = stamp && stampKey(stamp);
  const file = cacheFile(dataDir, view, 'blocks');
  const answers = cacheFile(dataDir, view, 'answers');
  const found = key === undefined ? 'stale' : readNeighbourhood(file, name, levels, withMentions);
  const current = typeof found === 'object' && key !== undefined && found.key === key;
  // Both are cut from the whole view, so either being stale reads it once for both.
  const answered = stamp !== undefined && answersCurrent(answers, stamp);
  if (current && answered && found.article) return { article: found.article, partial: true };
  // The same stamp for all: the blocks and answers then describe exactly the build they are cut from.
  const { built, article } = await load(dataDir, slug, {}, key);
  const whole = article ?? loadArticle(built);
  if (!current && key !== undefined) await writeCache(file, encodeBlocks(built, key));
  if (!answered && stamp !== undefined) {
    const { renderAnswers } = await import('./renderAnswers.ts');
    const { names, answers: texts } = renderAnswers(whole);
    await writeCache(answers, encodeAnswers(stamp, names, texts));
  }
  return { article: whole, partial: false };
}

/** The blocks file's neighbourhood of `name` and the key it was cut for; no article when the name resolves to no one entity. */
function readNeighbourhood(file: string, name: string, levels: number, withMentions: boolean): { key: string; article?: LoadedArticle } | 'stale' {
  return withCacheFile(file, (fd, size): { key: string; article?: LoadedArticle } | 'stale' => {
    const prefix = HEADER_DIGITS + 1;
    const length = Number(readAt(fd, 0, prefix));
    if (!Number.isSafeInteger(length) || prefix + length > size) return 'stale';
    // The blocks file is ASCII (builtBlocks.ts): read as Latin-1, with no decoding.
    const value: unknown = JSON.parse(readAt(fd, prefix, length, 'latin1'));
    const key = isRecord(value) ? own(value, 'key') : undefined;
    const header = typeof key === 'string' ? asHeader(value, key) : undefined;
    if (!header) return 'stale';
    const body = prefix + length;
    const last = header.blocks.at(-1);
    // A file cut short or grown since it was written is another file: rebuild it rather than trust part of it.
    if (body + (last ? last[0] + last[1] + last[2] : 0) !== size) return 'stale';
    const graph = skeletonGraph(header);
    let seed: string;
    try {
      seed = resolve(graph, name);
    } catch {
      return { key: header.key };
    }
    growNeighbourhood(graph, header, (i, part) => {
      const [offset, relations, mentions] = header.blocks[i]!;
      if (body + offset + relations + mentions > size) throw new Error('block past the end of the file');
      return JSON.parse(part === 'relations' ? readAt(fd, body + offset, relations, 'latin1') : readAt(fd, body + offset + relations, mentions, 'latin1'));
    }, seed, levels, withMentions);
    return { key: header.key, article: { text: header.text, vocabulary: header.vocabulary, graph } };
  }) ?? 'stale';
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

/** The cached build if it is one for `key` and usable; anything else is a miss, and the caller rebuilds and overwrites it. */
function readCache(file: string, key: string): { built: BuiltArticle; article: LoadedArticle } | undefined {
  return withCacheFile(file, (fd, size) => {
    const cached: unknown = JSON.parse(readAt(fd, 0, size));
    if (!isRecord(cached) || own(cached, 'key') !== key) return undefined;
    const built = own(cached, 'built');
    if (!isBuilt(built)) return undefined;
    return { built, article: loadArticle(built) };
  });
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
