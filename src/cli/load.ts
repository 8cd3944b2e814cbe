import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BUILT_FORMAT, type BuiltArticle } from '../build/built.ts';
import type { ArticleSources } from '../build/buildModel.ts';
import { writeFilesAtomic } from './atomicWrite.ts';
import { PACKAGE_ROOT, readSources } from './dataDir.ts';

const CACHE_DIR = join(PACKAGE_ROOT, 'node_modules', '.cache', 'article-kg');

/**
 * Set by the kg bundle's build (vite.config.ts): a hash of the source it was built from, so a
 * rebuilt builder never reuses a cache made by an older one. Unset when running from source.
 */
declare const __KG_CODE_ID__: string | undefined;
const CODE_ID = typeof __KG_CODE_ID__ === 'string' ? __KG_CODE_ID__ : 'source';

/** Identifies one build: the data's exact bytes, the builder's format and the code that builds. */
export function sourcesHash(sources: ArticleSources): string {
  const hash = createHash('sha256').update(`format ${BUILT_FORMAT} code ${CODE_ID}\0`);
  for (const file of [sources.vocabulary, sources.meta, sources.graph, sources.article]) hash.update(`${file.text}\0`);
  return hash.digest('hex');
}

/**
 * Builds an article (validation, grounding, layout), or reuses the cached build when the data
 * has not changed. The builder (YAML, schema, layout) loads only on a miss, which keeps
 * `kg neighbours` close to Node's own start-up time. `memo` keeps builds in memory instead, keyed
 * the same way, for a caller that asks for one article several times (the Vite data plugin).
 */
export async function loadBuilt(
  dataDir: string,
  slug: string,
  options: { cache?: boolean; memo?: Map<string, BuiltArticle> } = {},
): Promise<BuiltArticle> {
  const sources = readSources(dataDir, slug);
  const key = sourcesHash(sources);
  const remembered = options.memo?.get(key);
  if (remembered) return remembered;
  const cacheFile = join(CACHE_DIR, `${slug}.json`);
  if (options.cache !== false) {
    try {
      const cached = JSON.parse(readFileSync(cacheFile, 'utf8')) as { key: string; built: BuiltArticle };
      if (cached.key === key) return cached.built;
    } catch {
      // No cache, or an unreadable one: build afresh.
    }
  }
  const { buildArticle } = await import('../build/buildArticle.ts');
  const built = buildArticle(sources);
  options.memo?.set(key, built);
  if (options.cache !== false) {
    try {
      mkdirSync(CACHE_DIR, { recursive: true });
      writeFilesAtomic([{ path: cacheFile, chunks: [JSON.stringify({ key, built })] }]);
    } catch {
      // A read-only install still works, just without the cache.
    }
  }
  return built;
}
