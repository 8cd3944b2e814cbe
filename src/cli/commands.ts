import type { ParseArgsConfig } from 'node:util';

type Options = NonNullable<ParseArgsConfig['options']>;

export interface CommandSpec {
  args: string;
  summary: string;
  options: Options;
  /** Lines of option help, shown by `kg <command> --help`. */
  help: string[];
  /** How many positional arguments it takes. */
  positionals: [min: number, max: number];
}

export const GLOBAL_OPTIONS: Options = {
  data: { type: 'string' },
  article: { type: 'string' },
  json: { type: 'boolean' },
  store: { type: 'string' },
  file: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
};

const GLOBAL_HELP = [
  '--data DIR        data folder (default: ./data, else $KG_DATA, else the package\'s own)',
  '--article SLUG    which article, when the data holds several ($KG_ARTICLE)',
  '--json            print the result as JSON, for scripts',
  '--file FILE       answer neighbours, path, search, show, stats or export on a GraphML, GEXF or graphology JSON file instead of the data',
  '--store URL       a PostgreSQL store (postgres://…) to push to, or to answer neighbours, path, search, show and stats from ($KG_STORE)',
  '-h, --help        this help',
];

const neighbours: CommandSpec = {
  args: '<entity>',
  summary: 'entities related to an entity, with each relation and its evidence',
  positionals: [1, 1],
  options: {
    depth: { type: 'string', short: 'd' },
    direction: { type: 'string' },
    relation: { type: 'string', short: 'r', multiple: true },
    type: { type: 'string', short: 't', multiple: true },
  },
  help: [
    '-d, --depth N            hops away (default 1)',
    '--direction in|out|both  follow arrows into the entity, out of it, or both (default)',
    '-r, --relation R         only this relation type, by id or label (repeatable)',
    '-t, --type T             only neighbours of this entity type (repeatable; organisation or organization)',
  ],
};

export const COMMANDS: Record<string, CommandSpec> = {
  neighbours,
  neighbors: { ...neighbours, summary: 'the same as neighbours' },
  path: {
    args: '<from> <to>',
    summary: 'the shortest chain of relations between two entities',
    positionals: [2, 2],
    options: { directed: { type: 'boolean' } },
    help: ['--directed   follow arrows only (default: either way)'],
  },
  search: { args: '<text>', summary: 'entities and relations whose names, descriptions or evidence match', positionals: [1, 1], options: { limit: { type: 'string' } }, help: ['--limit N    at most N hits (default 20)'] },
  show: { args: '<entity>', summary: 'everything about one entity: description, aliases, mentions, relations', positionals: [1, 1], options: {}, help: [] },
  stats: { args: '', summary: 'counts by type, the most connected entities, components', positionals: [0, 0], options: {}, help: [] },
  validate: { args: '[dir]', summary: 'check every article in a data folder; writes nothing', positionals: [0, 1], options: {}, help: [] },
  export: {
    args: '',
    summary: 'write the graph as GraphML, GEXF, JSON, CSV or an SVG picture',
    positionals: [0, 0],
    options: { format: { type: 'string', short: 'f' }, out: { type: 'string', short: 'o' }, table: { type: 'string' } },
    help: [
      '-f, --format graphml|gexf|json|csv|svg   (default: from the --out extension, else graphml)',
      '-o, --out FILE        write FILE atomically (csv: FILE.nodes.csv and FILE.edges.csv); default stdout',
      '--table nodes|edges   csv: only this table (to stdout, or to FILE as named)',
    ],
  },
  build: {
    args: '',
    summary: 'every article, validated and laid out, as JSON files in a folder',
    positionals: [0, 0],
    options: { out: { type: 'string', short: 'o' } },
    help: ['-o, --out DIR   where to write <slug>.json and index.json (required)'],
  },
  draft: {
    args: '<file|->',
    summary: "a grounded draft of an article's text (entities, relations, evidence); writes nothing",
    positionals: [1, 1],
    options: {},
    help: ['<file|->   the article as a UTF-8 text file, or - for standard input'],
  },
  add: {
    args: '<file|dir|->',
    summary: 'draft an article (or a folder of .txt files) and add it to the corpus, every item marked as a draft',
    positionals: [1, 1],
    options: { slug: { type: 'string' }, title: { type: 'string' }, date: { type: 'string' }, publisher: { type: 'string' }, dateline: { type: 'string' } },
    help: [
      '--slug S        the article folder\'s name (default: DATE-first-words-of-the-title)',
      '--title T       (default: the headline line, else the opening sentence)',
      '--date D        YYYY-MM-DD (default: the date after the dateline, else the first in the text)',
      '--publisher P   (default: the agency in the dateline, e.g. "BRUSSELS (Reuters) -")',
      '--dateline L    (default: the place in the dateline)',
    ],
  },
  review: { args: '', summary: 'the drafts of an article (or every article) in text order, to accept or reject', positionals: [0, 0], options: {}, help: [] },
  accept: { args: '<id>…', summary: 'accept drafted entities, relations or proposed relation types: their draft mark is cleared', positionals: [1, Infinity], options: {}, help: ['<id>…   entity ids, relation ids (with --article) or ARTICLE:RELATION ids, as kg review lists them'] },
  reject: {
    args: '<id>…',
    summary: 'reject drafted entities, relations or unused proposed relation types: they are removed (an entity with its relations)',
    positionals: [1, Infinity],
    options: { yes: { type: 'boolean', short: 'y' } },
    help: ['<id>…       as kg review lists them', '-y, --yes   also remove the relations of a rejected entity (else they are listed and nothing is written)'],
  },
  push: {
    args: '',
    summary: 'write the corpus (or one --article) into the PostgreSQL store named by --store, in one transaction',
    positionals: [0, 0],
    options: {},
    help: [],
  },
  import: {
    args: '<file>',
    summary: 'turn a GraphML or GEXF file that kg export wrote (with its evidence and text) into a corpus article',
    positionals: [1, 1],
    options: { slug: { type: 'string' } },
    help: ['--slug S   the new article folder\'s name (default: the slug the file carries); an existing article is never overwritten'],
  },
  repl: { args: '', summary: 'an interactive console with the graph and the query functions loaded', positionals: [0, 0], options: {}, help: [] },
};

export function mainHelp(): string {
  const width = Math.max(...Object.entries(COMMANDS).map(([n, c]) => `${n} ${c.args}`.length)) + 3;
  return [
    'kg: query and export the knowledge graph of a news article',
    '',
    'Usage: kg <command> [options]',
    '',
    'Commands:',
    ...Object.entries(COMMANDS).map(([n, c]) => `  ${`${n} ${c.args}`.padEnd(width)}${c.summary}`),
    '',
    'Options for every command:',
    ...GLOBAL_HELP.map((l) => `  ${l}`),
    '  -V, --version     the version of article-kg',
    '',
    'Examples:',
    '  kg neighbours "Keir Starmer"',
    '  kg neighbours starmer --relation "invited to" --json',
    '  kg path Scholz IISS',
    '  kg export --out graph.graphml',
    '  kg export --format csv --table edges',
    '  kg neighbours n42 --file network.graphml --depth 2',
    '  kg import graph.graphml --slug 2025-03-04-copy',
    '  kg draft article.txt --json',
    '  kg review --article 2025-03-04-ribeiro-meets-starmer',
    '  kg push --store postgres://localhost/kg',
    '  kg --store postgres://localhost/kg neighbours Scholz --depth 2',
    '',
    'Exit codes: 0 ok, 1 unknown entity or invalid data, 2 bad usage.',
  ].join('\n');
}

/** The spec of a command, named by the user: an own key only (`kg constructor` is no command). */
export function commandSpec(name: string): CommandSpec | undefined {
  return Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
}

export function commandHelp(name: string): string {
  const c = commandSpec(name)!;
  return [`kg ${name} ${c.args}`.trimEnd(), '', c.summary, '', 'Options:', ...[...c.help, ...GLOBAL_HELP].map((l) => `  ${l}`)].join('\n');
}
