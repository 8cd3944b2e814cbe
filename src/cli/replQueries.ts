import type { LoadedArticle } from '../corpus/built.ts';
import { UsageError } from '../model/errors.ts';
import { bindQueries, type NeighbourOptions } from '../query/index.ts';
import { checkOptionNames } from '../query/options.ts';
import { COMMANDS } from './commands.ts';
import { formatNeighbours, formatPath, formatSearch, formatShow, formatStats, graphLabels } from './format.ts';

/**
 * Values the REPL echoes as text: query results as `kg` prints them, functions as their help.
 * Kept beside the values, not on them, so a result stays the plain data the CLI's --json and
 * window.kg give (spread, JSON.stringify, structuredClone and console.log see nothing added);
 * only the REPL's writer asks here.
 */
export class Renderings {
  readonly #texts = new WeakMap<object, () => string>();

  add<T extends object>(value: T, text: () => string): T {
    this.#texts.set(value, text);
    return value;
  }

  text(value: unknown): string | undefined {
    return (typeof value === 'object' && value !== null) || typeof value === 'function' ? this.#texts.get(value)?.() : undefined;
  }
}

interface ReplOption {
  name: string;
  example: string;
  help: string;
}

interface ReplFunction {
  name: string;
  /** `?` marks an optional one; `options` is an object of `options` below, `limit` a number, the rest text. */
  params: string[];
  summary: string;
  options?: ReplOption[];
}

const summaryOf = (command: string) => COMMANDS[command]!.summary;

/** The console's functions: what help() lists and what each call is checked against. */
export const REPL_FUNCTIONS: readonly ReplFunction[] = [
  {
    name: 'neighbours',
    params: ['name', 'options?'],
    summary: `${summaryOf('neighbours')} (also neighbors)`,
    options: [
      { name: 'depth', example: '2', help: 'hops away (default 1)' },
      { name: 'direction', example: '"out"|"in"|"both"', help: 'follow arrows out of the entity, into it, or both (default)' },
      { name: 'relations', example: '["invited to"]', help: 'only these relation types, by id or label' },
      { name: 'types', example: '["person"]', help: 'only neighbours of these entity types (organisation or organization)' },
    ],
  },
  { name: 'path', params: ['from', 'to', 'options?'], summary: summaryOf('path'), options: [{ name: 'directed', example: 'true', help: 'follow arrows only (default: either way)' }] },
  { name: 'search', params: ['text', 'limit?'], summary: `${summaryOf('search')}; at most limit hits (default 20)` },
  { name: 'show', params: ['name'], summary: summaryOf('show') },
  { name: 'stats', params: [], summary: summaryOf('stats') },
  { name: 'resolve', params: ['name'], summary: 'the id of the entity a name stands for' },
  { name: 'help', params: [], summary: 'this list' },
];

const signature = (fn: ReplFunction) => `${fn.name}(${fn.params.join(', ')})`;

function functionHelp(fn: ReplFunction): string {
  const lines = [`  ${signature(fn).padEnd(28)} ${fn.summary}`];
  for (const o of fn.options ?? []) lines.push(`      ${`${o.name}: ${o.example}`.padEnd(30)} ${o.help}`);
  return lines.join('\n');
}

export function replHelp(): string {
  return [
    'Functions (a name is an id, a label or an alias, any case; Tab inside quotes completes one):',
    ...REPL_FUNCTIONS.map(functionHelp),
    '  Options go in braces: neighbours("Starmer", {depth: 2, types: ["place"]})',
    'Values: graph (the graphology graph), text (the article), kg (every function above).',
    'A result prints as kg prints it and is the data itself: const r = neighbours("Starmer"); r.neighbours.length',
  ].join('\n');
}

/** Refuses a call the function cannot answer, with its signature, instead of a TypeError from deep inside. */
function checkArguments(fn: ReplFunction, args: unknown[]): void {
  const usage = signature(fn);
  if (args.length > fn.params.length) throw new UsageError(`${usage} takes at most ${fn.params.length} argument${fn.params.length === 1 ? '' : 's'}, got ${args.length}`);
  fn.params.forEach((param, i) => {
    const value = args[i];
    const kind = param.replace(/\?$/, '');
    if (value === undefined) {
      if (kind === param) throw new UsageError(`${usage}: ${kind} is missing`);
      return;
    }
    if (kind === 'options') checkOptionNames(fn.name, value, (fn.options ?? []).map((o) => o.name));
    else if (kind === 'limit') {
      if (typeof value !== 'number') throw new UsageError(`${usage}: limit must be a number, got ${typeof value}`);
    } else if (typeof value !== 'string') throw new UsageError(`${usage}: ${kind} must be text in quotes, got ${typeof value}`);
  });
}

/**
 * The query core bound to the article, as the REPL offers it: the same answers as the CLI and
 * window.kg (bindQueries), each call checked against its signature, each result and function
 * given its text in `renderings`.
 */
export function replQueries(article: LoadedArticle, renderings: Renderings) {
  const q = bindQueries(article.graph);
  const labels = graphLabels(article.graph, article.vocabulary);
  const bind = <A extends unknown[], R>(name: string, run: (...args: A) => R) => {
    const fn = REPL_FUNCTIONS.find((f) => f.name === name)!;
    const checked = (...args: A): R => {
      checkArguments(fn, args);
      return run(...args);
    };
    return renderings.add(checked, () => functionHelp(fn));
  };
  const neighbours = bind('neighbours', (name: string, options?: NeighbourOptions) => {
    const result = q.neighbours(name, options);
    return renderings.add(result, () => formatNeighbours(result, labels));
  });
  return {
    neighbours,
    neighbors: neighbours,
    path: bind('path', (a: string, b: string, options?: { directed?: boolean }) => {
      const result = q.path(a, b, options);
      return renderings.add(result, () => formatPath(result));
    }),
    search: bind('search', (text: string, limit?: number) => {
      const hits = q.search(text, limit);
      return renderings.add(hits, () => formatSearch(text, hits));
    }),
    show: bind('show', (name: string) => {
      const details = q.show(name);
      return renderings.add(details, () => formatShow(details, labels));
    }),
    stats: bind('stats', () => {
      const result = q.stats();
      return renderings.add(result, () => formatStats(result));
    }),
    resolve: bind('resolve', (name: string) => q.resolve(name)),
    // `help` and `help()` both show the list.
    help: renderings.add(bind('help', () => renderings.add({ text: replHelp() }, replHelp)), replHelp),
  };
}
