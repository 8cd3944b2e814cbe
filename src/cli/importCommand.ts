import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildCorpus, type CorpusSources } from '../corpus/buildCorpus.ts';
import { exportedArticle, type KnownEntity } from '../import/exportedArticle.ts';
import { UsageError } from '../model/errors.ts';
import { SLUG } from '../model/types.ts';
import { writeArticleFolder } from './articleFolder.ts';
import { ARTICLE_FILES, findDataDir, readCorpusSources } from './dataDir.ts';
import { streamGraphFile } from './fileGraph.ts';
import { visible } from './terminal.ts';

/**
 * `kg import FILE [--slug S]`: a GraphML or GEXF file that kg export wrote (it carries the text,
 * and each relation's quote and offsets) becomes a corpus article again. Validated with the
 * whole corpus before anything is written; never overwrites an article; the folder appears
 * whole or not at all (built under a hidden name, then renamed, as kg add does).
 * @throws ImportError for a file without evidence, DataValidationError for one the corpus refuses.
 */
export async function importCommand(path: string, options: { data?: string; slug?: string }): Promise<string> {
  if (/\.json$/i.test(path)) throw new UsageError('kg import reads GraphML or GEXF (kg export --format graphml|gexf); graphology JSON carries no article text');
  if (options.slug !== undefined && !SLUG.test(options.slug)) throw new UsageError(`--slug must be a slug (lower-case letters and digits joined by single hyphens), got "${options.slug}"`);
  const dataDir = findDataDir(options.data);
  const sources = readCorpusSources(dataDir);
  // The corpus as it is, to refer to the entities it defines rather than define them twice.
  const corpus = buildCorpus(sources);
  const known = new Map<string, KnownEntity>(corpus.entities.map((e) => [e.id, e]));
  const streamed = await streamGraphFile(path);
  const slug = options.slug ?? String(streamed.graph.getAttribute('slug') ?? '');
  if (!SLUG.test(slug)) throw new UsageError(`${path} names no article slug: give --slug`);
  const articles = join(dataDir, 'articles');
  const target = join(articles, slug);
  if (existsSync(target) || sources.articles.some((a) => a.slug === slug)) throw new UsageError(`an article "${slug}" exists already: give another --slug`);
  const data = exportedArticle(streamed, slug, known, corpus.vocabulary);

  // Validated in memory with the rest of the corpus: a refusal writes nothing.
  const files = { article: join(target, ARTICLE_FILES.article), meta: join(target, ARTICLE_FILES.meta), graph: join(target, ARTICLE_FILES.graph) };
  const next: CorpusSources = {
    ...sources,
    articles: [...sources.articles, { slug, article: { path: files.article, text: data.text }, meta: { path: files.meta, text: data.meta }, graph: { path: files.graph, text: data.graph } }],
  };
  buildCorpus(next);

  await writeArticleFolder(articles, slug, { article: data.text, meta: data.meta, graph: data.graph }, 'imported');
  return `imported ${visible(resolve(target))}: ${data.entities} entities, ${data.relations} relations, every quote found in the text`;
}
