import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { LoadedArticle } from '../corpus/built.ts';
import { ImportError } from '../import/errors.ts';
import { DataValidationError, EntityNotFoundError, UsageError, type DataIssue } from '../model/errors.ts';
import { neighbours, path, search, show, stats, type GraphStats, type NeighbourOptions, type PathResult, type SearchHit } from '../query/index.ts';
import { directionOf, entityTypeOf } from '../query/options.ts';
import { commandHelp, mainHelp } from './commands.ts';
import { chooseArticle, findDataDir, listArticles, PACKAGE_ROOT, readCorpusSources } from './dataDir.ts';
import { formatDataError, formatNeighbours, formatPath, formatSearch, formatShow, formatStats, graphLabels } from './format.ts';
import { loadArticleData, loadBuilt, loadNeighbourhood } from './load.ts';
import { findCommand, parseCommand, type Values } from './parseCommand.ts';
import { visible, visibleJson } from './terminal.ts';
import { userError } from './userError.ts';

/** Runs one `kg` invocation and returns its exit code: 0 ok, 1 not found or bad data, 2 bad usage. */
export async function main(argv: string[]): Promise<number> {
  try {
    return await run(argv);
  } catch (error) {
    return report(error);
  }
}

async function run(argv: string[]): Promise<number> {
  const [command, ...rest] = storeFirst(argv);
  if (command === undefined || command === '--help' || command === '-h') {
    print(mainHelp());
    return command === undefined ? 2 : 0;
  }
  if (command === 'help') {
    // `kg help neighbors`: a command's own help, by either spelling; a typo gets its suggestion.
    if (rest[0] !== undefined) findCommand(rest[0]);
    print(rest[0] === undefined ? mainHelp() : commandHelp(rest[0]));
    return 0;
  }
  if (command === '--version' || command === '-V') {
    print(version());
    return 0;
  }
  const spec = findCommand(command);
  const { values, positionals } = parseCommand(command, spec, rest);
  if (values.help) {
    print(commandHelp(command));
    return 0;
  }
  const [min, max] = spec.positionals;
  if (positionals.length < min || positionals.length > max) {
    throw new UsageError(`kg ${command} takes ${spec.args || 'no arguments'}; got ${positionals.length} argument(s). See kg ${command} --help`);
  }
  if (values.file !== undefined && !FILE_COMMANDS.includes(command)) throw new UsageError(`kg ${command} reads the data folder; --file is for ${FILE_COMMANDS.filter((c) => c !== 'neighbors').join(', ')}`);
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
  if (command === 'review' || command === 'accept' || command === 'reject') {
    const { reviewCommand, decideCommand } = await import('./reviewCommand.ts');
    const options = { data: values.data as string | undefined, article: values.article as string | undefined, json, yes: Boolean(values.yes) };
    print(command === 'review' ? reviewCommand(options) : await decideCommand(command, positionals, options));
    return 0;
  }
  if (command === 'draft') {
    const { draftCommand } = await import('./draftCommand.ts');
    print(await draftCommand(positionals[0]!, { data: values.data as string | undefined, json }));
    return 0;
  }

  if (command === 'import') {
    const { importCommand } = await import('./importCommand.ts');
    print(await importCommand(positionals[0]!, { data: values.data as string | undefined, slug: values.slug as string | undefined }));
    return 0;
  }
  if (values.file !== undefined) return fileQuery(command, values.file as string, positionals, values, output);
  const store = storeUrl(command, values);
  if (command === 'push') return push(store, values);
  if (store !== undefined) return storeQuery(store, command, positionals, values, output);

  const [a = ''] = positionals;
  if (command === 'neighbours' || command === 'neighbors' || command === 'show') {
    // Checked and normalised before any data is read, so the part and the whole see the same options.
    const options: NeighbourOptions = command === 'show' ? {} : neighbourOptions(values);
    const dataDir = findDataDir(values.data as string | undefined);
    const slug = chooseArticle(dataDir, values.article as string | undefined);
    // Asked of the part of the graph around the entity; anything that part cannot answer exactly
    // (a relation type only elsewhere, say) is asked again of the whole graph, which has the last word.
    const near = await loadNeighbourhood(dataDir, slug, a, options.depth ?? 1, command === 'show');
    try {
      return entityQuery(command, near.article, a, options, output);
    } catch (error) {
      if (!near.partial || !(error instanceof UsageError || error instanceof EntityNotFoundError)) throw error;
      return entityQuery(command, await loadArticleData(dataDir, slug), a, options, output);
    }
  }
  if (command === 'export') {
    // Exporters and the file writer load only here: most calls are queries, and start-up time is parse time.
    const { exportCommand, exportRequest } = await import('./exportCommand.ts');
    const request = exportRequest(values as { format?: string; out?: string; table?: string });
    const dataDir = findDataDir(values.data as string | undefined);
    return await exportCommand(await loadArticleData(dataDir, chooseArticle(dataDir, values.article as string | undefined)), request);
  }
  const limit = values.limit === undefined ? undefined : wholeNumber('--limit', values.limit as string);
  const dataDir = findDataDir(values.data as string | undefined);
  const article = await loadArticleData(dataDir, chooseArticle(dataDir, values.article as string | undefined));
  if (command === 'repl') {
    const { startRepl } = await import('./repl.ts');
    await startRepl(article);
    return 0;
  }
  if (command === 'path' || command === 'search' || command === 'stats') return answerOn(article, command, positionals, values, output, limit);
  throw new UsageError(`unknown command "${command}"`);
}

/** The commands `--file` serves: the queries and export, on the file's graph. */
const FILE_COMMANDS = ['neighbours', 'neighbors', 'path', 'search', 'show', 'stats', 'export'];

/**
 * `kg neighbours X --file g.graphml`: the file (GraphML, GEXF or graphology JSON) read as the
 * explorer opens it, and the same query core and renderings answer on its graph.
 */
async function fileQuery(command: string, file: string, positionals: string[], values: Values, output: Output): Promise<number> {
  for (const other of ['data', 'article', 'store']) {
    if (values[other] !== undefined) throw new UsageError(`--file answers on the file's graph alone: leave out --${other}`);
  }
  const { fileArticle } = await import('./fileArticle.ts');
  if (command === 'export') {
    const { exportCommand, exportRequest } = await import('./exportCommand.ts');
    const request = exportRequest(values as { format?: string; out?: string; table?: string });
    // A picture needs positions: a file without them is laid out as the explorer lays it out.
    return await exportCommand(await fileArticle(file, { layout: request.format === 'svg' }), request);
  }
  // Checked before the file is read: a mistyped option should not wait for a large file.
  const options = command.startsWith('neighbo') ? neighbourOptions(values) : {};
  const limit = values.limit === undefined ? undefined : wholeNumber('--limit', values.limit as string);
  const article = await fileArticle(file);
  if (command === 'path' || command === 'search' || command === 'stats') return answerOn(article, command, positionals, values, output, limit);
  return entityQuery(command, article, positionals[0] ?? '', options, output);
}

/** `kg path`, `search` and `stats` on a loaded graph, the corpus's or a file's. */
function answerOn(article: LoadedArticle, command: 'path' | 'search' | 'stats', [a = '', b = '']: string[], values: Values, output: Output, limit: number | undefined): number {
  const { graph } = article;
  if (command === 'path') return answerPath(path(graph, a, b, { directed: Boolean(values.directed) }), output);
  if (command === 'search') return answerSearch(a, search(graph, a, limit), output);
  return answerStats(stats(graph), output);
}

/** The commands a store answers; every other command reads the data folder. */
const STORE_QUERIES = ['neighbours', 'neighbors', 'path', 'search', 'show', 'stats'];

/** `kg --store URL neighbours X`: the store named before the command is taken as if named after it. */
function storeFirst(argv: string[]): string[] {
  const [first, ...rest] = argv;
  if (first === '--store' && rest.length > 0) return [...rest.slice(1), '--store', rest[0]!];
  if (first?.startsWith('--store=')) return [...rest, first];
  return argv;
}

/** `--store`, else $KG_STORE for the commands a store serves; named with any other command, it is a mistake worth saying. */
function storeUrl(command: string, values: Values): string | undefined {
  const named = values.store as string | undefined;
  if (command !== 'push' && !STORE_QUERIES.includes(command)) {
    if (named !== undefined) throw new UsageError(`kg ${command} reads the data folder; --store is for push, ${STORE_QUERIES.filter((c) => c !== 'neighbors').join(', ')}`);
    return undefined;
  }
  return named ?? (process.env.KG_STORE || undefined);
}

/** Validates the corpus, then writes it (or one article) into the store. */
async function push(url: string | undefined, values: Values): Promise<number> {
  if (url === undefined) throw new UsageError('kg push needs --store URL (or $KG_STORE), e.g. postgres://localhost/kg');
  const dataDir = findDataDir(values.data as string | undefined);
  const slug = values.article as string | undefined;
  // Checked first: a slug the folder lacks is a usage error, not an empty push.
  if (slug !== undefined) chooseArticle(dataDir, slug);
  const { buildCorpus } = await import('../corpus/buildCorpus.ts');
  const corpus = buildCorpus(readCorpusSources(dataDir));
  const { pushToStore } = await import('../store/index.ts');
  const report = await pushToStore(url, corpus, slug === undefined ? undefined : [slug]);
  print(`pushed ${report.articles} article(s) into ${visible(report.where)}: ${report.rows} rows in ${report.seconds.toFixed(1)} s (${Math.round(report.rows / report.seconds)} rows/s)`);
  return 0;
}

/**
 * A query answered from the store: the part of the corpus graph it needs is read from SQL, and
 * the same core and renderings answer, so the output is the in-memory one.
 */
async function storeQuery(url: string, command: string, [a = '', b = '']: string[], values: Values, output: (data: unknown, text: () => string) => void): Promise<number> {
  if (values.article !== undefined) throw new UsageError('--store answers for the whole corpus it holds: leave out --article');
  const options: NeighbourOptions & { depth?: number } = command === 'show' || !command.startsWith('neighbo') ? {} : neighbourOptions(values);
  const limit = values.limit === undefined ? undefined : wholeNumber('--limit', values.limit as string);
  const { openStore } = await import('../store/index.ts');
  const store = await openStore(url);
  try {
    switch (command) {
      case 'path': {
        const directed = Boolean(values.directed);
        const near = await store.path(a, b, directed);
        return answerPath(path(near.graph, near.from, near.to, { directed }), output);
      }
      case 'search':
        return answerSearch(a, search((await store.search(a, limit)).graph, a, limit), output);
      case 'stats':
        return answerStats(await store.stats(), output);
      default:
        return entityQuery(command, await store.neighbourhood(a, options.depth ?? 1, options.relations !== undefined), a, options, output);
    }
  } finally {
    await store.close();
  }
}

type Output = (data: unknown, text: () => string) => void;

function answerPath(result: PathResult, output: Output): number {
  output(result, () => formatPath(result));
  return result.steps ? 0 : 1;
}

function answerSearch(text: string, hits: SearchHit[], output: Output): number {
  output(hits, () => formatSearch(text, hits));
  return 0;
}

function answerStats(result: GraphStats, output: Output): number {
  output(result, () => formatStats(result));
  return 0;
}

/** The options of `kg neighbours`, in the query core's words: its spellings of types and directions are the console's too. */
function neighbourOptions(values: Values): NeighbourOptions & { depth: number } {
  return {
    depth: values.depth === undefined ? 1 : wholeNumber('--depth', values.depth as string),
    direction: values.direction === undefined ? undefined : directionOf(values.direction as string),
    relations: values.relation as string[] | undefined,
    types: (values.type as string[] | undefined)?.map(entityTypeOf),
  };
}

function entityQuery(command: string, article: LoadedArticle, name: string, options: NeighbourOptions, output: (data: unknown, text: () => string) => void): number {
  const { graph, vocabulary } = article;
  if (command === 'show') {
    const details = show(graph, name);
    output(details, () => formatShow(details, graphLabels(graph, vocabulary)));
    return 0;
  }
  const result = neighbours(graph, name, options);
  output(result, () => formatNeighbours(result, graphLabels(graph, vocabulary)));
  return 0;
}

/** Read when asked, from the package this bundle belongs to: right for whichever copy is installed. */
function version(): string {
  const pkg = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { name: string; version: string };
  return visible(`${pkg.name} ${pkg.version}`);
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

function print(text: string): void {
  process.stdout.write(`${text}\n`);
}

/** One line per error a user can act on, data and names made visible; a stack only for a bug of ours. */
function report(error: unknown): number {
  const say = (text: string) => process.stderr.write(`kg: ${text}\n`);
  // A graph file given with --file or to kg import: its name, line and column, as a compiler says them.
  if (error instanceof ImportError) {
    say(visible(error.message));
    return 1;
  }
  const known = userError(error);
  if (known) {
    say(known.message);
    return known.status;
  }
  const message = error instanceof Error ? error.message : String(error);
  say((error instanceof Error && error.stack ? error.stack : message).split('\n').map(visible).join('\n'));
  return 1;
}
