import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { ArticleSources } from '../../src/corpus/index.ts';

export const REPO = resolve(import.meta.dirname, '../..');
export const MINI = join(REPO, 'test/fixtures/mini');
export const SEED_SLUG = '2025-02-03-starmer-eu-leaders-dinner';

/** Reads an article's sources from a data folder, optionally rewriting one file's text. */
export function sources(dataDir: string, slug: string, edit: Partial<Record<'vocabulary' | 'meta' | 'graph' | 'article', (text: string) => string>> = {}): ArticleSources {
  const file = (key: keyof typeof edit, path: string) => {
    const text = readFileSync(path, 'utf8');
    return { path, text: edit[key] ? edit[key](text) : text };
  };
  const dir = join(dataDir, 'articles', slug);
  const shared = join(dataDir, 'entities.yaml');
  return {
    slug,
    ...(existsSync(shared) ? { entities: { path: shared, text: readFileSync(shared, 'utf8') } } : {}),
    vocabulary: file('vocabulary', join(dataDir, 'vocabulary.yaml')),
    article: file('article', join(dir, 'article.txt')),
    meta: file('meta', join(dir, 'meta.yaml')),
    graph: file('graph', join(dir, 'graph.yaml')),
  };
}

export const miniSources = (edit?: Parameters<typeof sources>[2]) => sources(MINI, 'mini', edit);
