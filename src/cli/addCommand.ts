import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { buildCorpus, type CorpusModel, type CorpusSources } from '../corpus/buildCorpus.ts';
import { ParsedFiles } from '../corpus/parsedFiles.ts';
import { draftArticle } from '../draft/index.ts';
import { detectMetadata } from '../intake/metadata.ts';
import { corpusIndex } from '../intake/articleFiles.ts';
import { intakeArticle } from '../intake/intake.ts';
import { DataValidationError, UsageError } from '../model/errors.ts';
import { SLUG } from '../model/types.ts';
import { writeArticleFolder } from './articleFolder.ts';
import { writeFilesAtomic } from './atomicWrite.ts';
import { ARTICLE_FILES, VOCABULARY_FILE, findDataDir, readCorpusSources } from './dataDir.ts';
import { formatDataError } from './format.ts';
import { readText } from './readText.ts';
import { visible } from './terminal.ts';

export interface AddOptions {
  data?: string;
  slug?: string;
  title?: string;
  date?: string;
  publisher?: string;
  dateline?: string;
}

const SLUG_WORDS = 6;
const slugify = (s: string) =>
  s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').split('-').filter(Boolean).slice(0, SLUG_WORDS).join('-');

/** The .txt files to add: the one given, or every one in the folder given, in name order. */
function inputs(path: string): string[] {
  if (path === '-') return ['-'];
  if (existsSync(path) && statSync(path).isDirectory()) {
    const files = readdirSync(path).filter((n) => n.endsWith('.txt') && !n.startsWith('.')).sort().map((n) => join(path, n));
    if (!files.length) throw new UsageError(`${path} holds no .txt files`);
    return files;
  }
  return [path];
}

/** A progress line on stderr: redrawn in place on a terminal, one line per article otherwise. */
function progress(done: number, total: number, label: string): void {
  if (total === 1) return;
  const width = 24;
  const filled = Math.round((done / total) * width);
  const line = `[${'='.repeat(filled)}${' '.repeat(width - filled)}] ${done}/${total} ${visible(label)}`;
  process.stderr.write(process.stderr.isTTY ? `\r${line.slice(0, (process.stderr.columns || 80) - 1)}\x1b[K${done === total ? '\n' : ''}` : `${line}\n`);
}

/**
 * `kg add FILE|DIR|-`: drafts each text and adds it to the corpus as a new article folder (text
 * verbatim, metadata, drafted graph marked as drafts), resolved to the entities the corpus knows
 * and valid with the rest of it. Never overwrites an article; each folder appears whole or not at all.
 * Returns the lines to print and whether every input was added.
 */
export async function addCommand(path: string, options: AddOptions): Promise<{ lines: string[]; ok: boolean }> {
  const files = inputs(path);
  if (files.length > 1 && options.slug) throw new UsageError('--slug names one article: leave it out when adding a folder');
  const dataDir = findDataDir(options.data);
  let sources: CorpusSources = readCorpusSources(dataDir);
  // Every file parsed once for the whole run (and each article's last rounds), up to a corpus
  // far larger than this builder handles in one process today.
  const parsed = new ParsedFiles(100_000);
  // Once, in full: the articles are then added one by one against a corpus known to be valid,
  // each resolved against the corpus as the previous one's validation left it.
  let corpus = buildCorpus(sources, { parsed });
  const lines: string[] = [];
  let ok = true;
  for (const [i, file] of files.entries()) {
    try {
      const added = await addOne(file, options, dataDir, { sources, corpus }, parsed);
      ({ sources, corpus } = added);
      lines.push(added.line);
    } catch (error) {
      ok = false;
      const message = error instanceof DataValidationError ? formatDataError(error) : error instanceof Error ? error.message : String(error);
      lines.push(`kg add: ${visible(file)}: ${message}`);
      if (files.length === 1) throw error;
    }
    progress(i + 1, files.length, basename(file));
  }
  return { lines, ok };
}

async function addOne(file: string, options: AddOptions, dataDir: string, { sources, corpus }: { sources: CorpusSources; corpus: CorpusModel }, parsed: ParsedFiles) {
  const text = await readText(file);
  const detected = detectMetadata(text);
  const date = options.date ?? detected.date;
  if (!date) throw new UsageError('no date found in the text: give --date YYYY-MM-DD');
  const title = options.title ?? detected.title ?? basename(file, '.txt');
  const meta = { title, publisher: options.publisher ?? detected.publisher ?? 'unknown', dateline: options.dateline ?? detected.dateline ?? 'unknown', date };
  const articles = join(dataDir, 'articles');
  const taken = (s: string) => existsSync(join(articles, s)) || sources.articles.some((a) => a.slug === s);
  // A slug asked for must be free; a derived one takes the next free -2, -3 (the same headline on the same day).
  if (options.slug !== undefined && !SLUG.test(options.slug)) throw new UsageError(`--slug must be a slug (lower-case letters and digits joined by single hyphens), got "${options.slug}"`);
  let slug = options.slug ?? `${date}-${slugify(title) || 'article'}`;
  if (options.slug === undefined) for (let n = 2, base = slug; taken(slug); n++) slug = `${base}-${n}`;
  else if (taken(slug)) throw new UsageError(`an article "${slug}" exists already: give another --slug`);
  const target = join(articles, slug);

  const draft = draftArticle(text, { vocabulary: corpus.vocabulary, known: corpus.entities.map(({ id, type, label, aliases }) => ({ id, type, label, aliases })) });
  const result = intakeArticle({ slug, text, meta, draft, vocabulary: corpus.vocabulary, corpus: corpusIndex(corpus.entities) }, sources, { parsed, dir: target });

  const vocabularyPath = join(dataDir, VOCABULARY_FILE);
  const proposed = result.vocabulary;
  await writeArticleFolder(articles, slug, { article: text, meta: result.meta, graph: result.graph }, 'added', proposed === undefined ? {} : {
    beforeRename: () => writeFilesAtomic([{ path: vocabularyPath, chunks: [proposed] }]),
    // The article did not arrive: neither do the types it proposed.
    undo: () => writeFilesAtomic([{ path: vocabularyPath, chunks: [sources.vocabulary.text] }]),
  });
  const next: CorpusSources = {
    ...sources,
    ...(result.vocabulary === undefined ? {} : { vocabulary: { path: sources.vocabulary.path, text: result.vocabulary } }),
    articles: [...sources.articles, { slug, meta: { path: join(target, ARTICLE_FILES.meta), text: result.meta }, graph: { path: join(target, ARTICLE_FILES.graph), text: result.graph }, article: { path: join(target, ARTICLE_FILES.article), text } }],
  };
  const left = result.dropped.entities + result.dropped.relations;
  const line = `added ${visible(resolve(target))}: ${result.written.entities} entities, ${result.written.relations} relations drafted${left ? ` (${left} drafted items left out: they could not be made valid)` : ''}`;
  return { sources: next, corpus: result.corpus, line };
}
