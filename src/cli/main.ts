import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { LoadedArticle } from '../corpus/built.ts';
import { DataValidationError, EntityNotFoundError, UsageError, type DataIssue } from '../model/errors.ts';
import { DIRECTIONS, neighbours, path, search, show, stats, valueLabeller, type Direction } from '../query/index.ts';
import type { EntityType } from '../model/types.ts';
import type { ExportFormat } from '../export/index.ts';
import { COMMANDS, GLOBAL_OPTIONS, commandHelp, mainHelp } from './commands.ts';
import { chooseArticle, findDataDir, listArticles, readCorpusSources } from './dataDir.ts';
import { formatDataError, formatNeighbours, formatPath, formatSearch, formatShow, formatStats } from './format.ts';
import { describeSystemError, FileWriteError, isSystemError } from './fsErrors.ts';
import { loadArticleData, loadBuilt, loadNeighbourhood } from './load.ts';
import { visible, visibleJson } from './terminal.ts';

type Values = Record<string, string | boolean | string[] | undefined>;

/** Runs one `kg` invocation and returns its exit code: 0 ok, 1 not found or bad data, 2 bad usage. */
export async function main(argv: string[]): Promise<number> {
  try {
    return await run(argv);
  } catch (error) {
    return report(error);
  }
}

async function run(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    print(mainHelp());
    return command === undefined ? 2 : 0;
  }
  const spec = COMMANDS[command];
  if (!spec) throw new UsageError(`unknown command "${command}"; run kg --help`);
  const { values, positionals } = parseArgs({
    args: rest,
    options: { ...GLOBAL_OPTIONS, ...spec.options },
    allowPositionals: true,
    strict: true,
  }) as { values: Values; positionals: string[] };
  if (values.help) {
    print(commandHelp(command));
    return 0;
  }
  const [min, max] = spec.positionals;
  if (positionals.length < min || positionals.length > max) {
    throw new UsageError(`kg ${command} takes ${spec.args || 'no arguments'}; got ${positionals.length} argument(s). See kg ${command} --help`);
  }
  const json = Boolean(values.json);
  // The text renderings make every data string visible themselves; JSON keeps the data exact.
  const output = (data: unknown, text: () => string) => print(json ? visibleJson(JSON.stringify(data, null, 2)) : text());

  if (command === 'validate') return validate(positionals[0] ?? (values.data as string | undefined), json);
  if (command === 'build') return build(values);
  if (command === 'add') {
    const { addCommand } = await import('./addCommand.ts');
    const str = (name: string) => values[name] as string | undefined;
    const { lines, ok } = await addCommand(positionals[0]!, { data: str('data'), slug: str('slug'), title: str('title'), date: str('date'), publisher: str('publisher'), dateline: str('dateline') });
    for (const line of lines) (line.startsWith('kg add:') ? process.stderr : process.stdout).write(`${line}\n`);
    return ok ? 0 : 1;
  }
  if (command === 'draft') {
    const { draftCommand } = await import('./draftCommand.ts');
    print(await draftCommand(positionals[0]!, { data: values.data as string | undefined, json }));
    return 0;
  }

  const dataDir = findDataDir(values.data as string | undefined);
  const slug = chooseArticle(dataDir, values.article as string | undefined);
  const [a = '', b = ''] = positionals;
  if (command === 'neighbours' || command === 'neighbors' || command === 'show') {
    const depth = values.depth === undefined ? 1 : wholeNumber('--depth', values.depth as string);
    // Asked of the part of the graph around the entity; anything that part cannot answer exactly
    // (a relation type only elsewhere, say) is asked again of the whole graph, which has the last word.
    const near = await loadNeighbourhood(dataDir, slug, a, command === 'show' ? 1 : depth);
    try {
      return entityQuery(command, near.article, a, depth, values, output);
    } catch (error) {
      if (!near.partial || !(error instanceof UsageError || error instanceof EntityNotFoundError)) throw error;
      return entityQuery(command, await loadArticleData(dataDir, slug), a, depth, values, output);
    }
  }
  const article = await loadArticleData(dataDir, slug);
  const { graph } = article;
  switch (command) {
    case 'path': {
      const result = path(graph, a, b, { directed: Boolean(values.directed) });
      output(result, () => formatPath(result));
      return result.steps ? 0 : 1;
    }
    case 'search': {
      const hits = search(graph, a, values.limit === undefined ? undefined : wholeNumber('--limit', values.limit as string));
      output(hits, () => formatSearch(a, hits));
      return 0;
    }
    case 'stats': {
      const result = stats(graph);
      output(result, () => formatStats(result));
      return 0;
    }
    case 'export':
      return await exportCommand(article, values);
    case 'repl': {
      const { startRepl } = await import('./repl.ts');
      await startRepl(article);
      return 0;
    }
  }
  throw new UsageError(`unknown command "${command}"`);
}

function entityQuery(command: string, article: LoadedArticle, name: string, depth: number, values: Values, output: (data: unknown, text: () => string) => void): number {
  const { graph, vocabulary } = article;
  if (command === 'show') {
    const details = show(graph, name);
    output(details, () => formatShow(details, valueLabeller(graph, vocabulary)));
    return 0;
  }
  const result = neighbours(graph, name, {
    depth,
    direction: oneOf('--direction', values.direction as string | undefined, DIRECTIONS) as Direction | undefined,
    relations: values.relation as string[] | undefined,
    types: values.type as EntityType[] | undefined,
  });
  output(result, () => formatNeighbours(result, valueLabeller(graph, vocabulary)));
  return 0;
}

/** Exporters and the file writer load only here: most calls are queries, and start-up time is parse time. */
async function exportCommand(article: LoadedArticle, values: Values): Promise<number> {
  const { EXPORT_FORMATS, exportArticle } = await import('../export/index.ts');
  const { writeFilesAtomic } = await import('./atomicWrite.ts');
  const format = (oneOf('--format', values.format as string | undefined, EXPORT_FORMATS) ?? 'graphml') as ExportFormat;
  const files = exportArticle(article, format);
  const out = values.out as string | undefined;
  if (out === undefined) {
    files.forEach((file, i) => {
      if (i > 0) process.stdout.write('\n');
      for (const chunk of file.chunks) process.stdout.write(chunk);
    });
    return 0;
  }
  const base = files.length > 1 ? out.replace(/\.csv$/i, '') : out;
  const targets = files.map((f) => ({ path: resolve(base + f.suffix), chunks: f.chunks }));
  await writeFilesAtomic(targets);
  for (const t of targets) process.stderr.write(`wrote ${visible(t.path)}\n`);
  return 0;
}

/** Validates the whole corpus, reporting every problem of every file; writes nothing. */
async function validate(dir: string | undefined, json: boolean): Promise<number> {
  const dataDir = findDataDir(dir);
  const { buildCorpus } = await import('../corpus/buildCorpus.ts');
  let models: { slug: string; entities: number; relations: number }[] = [];
  let issues: DataIssue[] = [];
  try {
    models = buildCorpus(readCorpusSources(dataDir)).articles.map((a) => ({ slug: a.meta.slug, entities: a.entities.length, relations: a.relations.length }));
  } catch (error) {
    if (!(error instanceof DataValidationError)) throw error;
    issues = error.issues;
  }
  const ok = issues.length === 0;
  if (json) print(visibleJson(JSON.stringify({ ok, articles: models, issues }, null, 2)));
  else if (ok) for (const r of models) print(`ok   ${visible(r.slug)}: ${r.entities} entities, ${r.relations} relations, every quote and mention found`);
  else process.stderr.write(`FAIL ${formatDataError(new DataValidationError(issues))}\n`);
  return ok ? 0 : 1;
}

/** Builds every article for the explorer: one JSON per article and an index, written atomically. */
async function build(values: Values): Promise<number> {
  const dataDir = findDataDir(values.data as string | undefined);
  // No default: public/ is Vite's, and anything written there would ship in dist/.
  if (values.out === undefined) throw new UsageError('kg build needs --out DIR');
  const outDir = resolve(values.out as string);
  const slugs = listArticles(dataDir);
  const built = [];
  for (const slug of slugs) built.push({ slug, built: await loadBuilt(dataDir, slug) });
  const index = built.map(({ slug, built: b }) => ({ slug, title: b.graph.attributes?.title, date: b.graph.attributes?.date }));
  mkdirSync(outDir, { recursive: true });
  const { writeFilesAtomic } = await import('./atomicWrite.ts');
  await writeFilesAtomic([
    ...built.map(({ slug, built: b }) => ({ path: join(outDir, `${slug}.json`), chunks: [JSON.stringify(b)] })),
    { path: join(outDir, 'index.json'), chunks: [JSON.stringify(index, null, 2) + '\n'] },
  ]);
  print(`built ${slugs.length} article(s) into ${visible(outDir)}`);
  return 0;
}

function wholeNumber(option: string, value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < 1) throw new UsageError(`${option} takes a whole number >= 1, got "${value}"`);
  return n;
}

function oneOf(option: string, value: string | undefined, allowed: readonly string[]): string | undefined {
  if (value !== undefined && !allowed.includes(value)) throw new UsageError(`${option} must be one of ${allowed.join(', ')}, got "${value}"`);
  return value;
}

function print(text: string): void {
  process.stdout.write(`${text}\n`);
}

/** One line per error a user can act on, data and names made visible; a stack only for a bug of ours. */
function report(error: unknown): number {
  const message = error instanceof Error ? error.message : String(error);
  const say = (text: string) => process.stderr.write(`kg: ${text}\n`);
  if (error instanceof UsageError || (error as { code?: string } | null)?.code?.startsWith('ERR_PARSE_ARGS')) {
    say(visible(message));
    return 2;
  }
  if (error instanceof DataValidationError) say(formatDataError(error));
  else if (error instanceof EntityNotFoundError || error instanceof FileWriteError) say(visible(message));
  else if (isSystemError(error)) say(visible(describeSystemError(error)));
  else say((error instanceof Error && error.stack ? error.stack : message).split('\n').map(visible).join('\n'));
  return 1;
}
