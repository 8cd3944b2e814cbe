import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { buildArticle, loadArticle } from '../src/corpus/index.ts';
import { bindQueries, resolve } from '../src/query/index.ts';
import { startRepl } from '../src/cli/repl.ts';
import { completeEntity, namedEntities } from '../src/cli/replComplete.ts';
import { REPL_FUNCTIONS } from '../src/cli/replQueries.ts';
import { visible } from '../src/cli/terminal.ts';
import { kg } from './helpers/kg.ts';
import { REPO, SEED_SLUG, sources } from './helpers/sources.ts';

const article = loadArticle(buildArticle(sources(join(REPO, 'data'), SEED_SLUG)));
const { graph } = article;
const entities = namedEntities(graph);
const complete = (line: string) => completeEntity(entities, line)?.[0];

describe('REPL tab completion', () => {
  it('offers one name per entity, the label when it fits, in any case', () => {
    expect(complete('neighbours("Keir')).toEqual(['Keir Starmer']);
    expect(complete('neighbours("keir')).toEqual(['Keir Starmer']);
    expect(complete("show('olaf")).toEqual(['Olaf Scholz']);
    expect(complete('path("iiss", "Bru')).toEqual(['Brussels']);
    // An alias when the label does not fit: "Starmer" is Keir Starmer's, once.
    const sta = complete('neighbours("sta')!;
    expect(sta).toEqual(expect.arrayContaining(['Starmer', "Starmer's government"]));
    expect(sta.every((m) => m.toLowerCase().startsWith('sta'))).toBe(true);
    expect(new Set(sta.map((m) => resolve(graph, m))).size).toBe(sta.length);
  });

  it('offers an id only when none of that entity\'s names fits', () => {
    expect(complete('show("keir-')).toEqual(['keir-starmer']);
    // "uk" starts the UK's alias, Ukraine and UK armed forces, and only the id of the 2024 election.
    expect(complete('show("uk')!.sort()).toEqual(['UK', 'UK armed forces', 'Ukraine', 'uk-election-2024']);
  });

  it('leaves everything outside quotes to Node\'s own completer', () => {
    expect(complete('neigh')).toBeUndefined();
    expect(complete('show("UK")')).toBeUndefined();
    expect(complete('path("UK", \'ger')).toEqual(['Germany']);
    expect(complete("show('EU leaders'")).toBeUndefined();
    expect(complete("show('EU lead")).toEqual(['EU leaders', "EU leaders\\' dinner in Brussels"]);
    expect(complete('show("EU lead')).toEqual(['EU leaders', "EU leaders' dinner in Brussels"]);
  });

  it('offers a hostile name escaped: nothing raw reaches the terminal, and the string typed is the name', () => {
    const evil = 'Evil\x1b]0;pwned\x07 "co\\rp" it\'s `q` \u202e\n' + '${x}';
    const hostile = [{ id: 'evil', names: [evil] }];
    for (const quote of ['"', "'", '`']) {
      const [body] = completeEntity(hostile, `show(${quote}Ev`)![0];
      // Nothing left for terminal.ts to escape.
      expect(body, quote).toBe(visible(body!));
      expect(runInNewContext(`${quote}${body}${quote}`, { x: 'interpolated' })).toBe(evil);
    }
  });

  it('completes "Keir" to Keir Starmer when Tab is pressed at the prompt', async () => {
    // The string typed is echoed back: what Tab made of it.
    const out = await typeInto(['"Keir', '\t', '"\r', '.exit\r']);
    expect(out).toMatch(/^'Keir Starmer'$/m);
  });
});

/** Types each chunk into a REPL on a terminal, as keys arrive (Tab completes only as the last key of a chunk), and returns what it printed. */
async function typeInto(chunks: string[]): Promise<string> {
  const input = new PassThrough();
  const output = new PassThrough();
  let printed = '';
  output.on('data', (d: Buffer) => (printed += d.toString()));
  const done = startRepl(article, { input, output, terminal: true });
  for (const chunk of chunks) {
    input.write(chunk);
    await new Promise((r) => setTimeout(r, 30));
  }
  await done;
  return printed;
}

/** Runs `kg repl` on the seed article with `lines` piped in; returns what each prompt answered. */
function replAnswers(lines: string[]) {
  const { code, stdout, stderr } = kg(['repl'], { input: `${lines.join('\n')}\n.exit\n`, env: { KG_ARTICLE: SEED_SLUG } });
  expect(code, stderr).toBe(0);
  // stdout is the banner, then "kg> " and the answer to each line in turn.
  const [banner, ...answers] = stdout.split('kg> ');
  return { banner: banner!, answers: answers.slice(0, lines.length) };
}

describe('kg repl, end to end', () => {
  it('prints query results as the CLI prints them, and keeps the data for scripts', () => {
    const { answers } = replAnswers([
      'neighbours("Starmer")',
      'show("IISS")',
      'path("Scholz", "IISS")',
      'search("rearmament")',
      'stats()',
      'const r = neighbours("Starmer", {depth: 2})',
      'r.neighbours.length',
      'Object.keys(r).join() + " " + Object.getOwnPropertySymbols(r).length',
    ]);
    const cli = (args: string[]) => kg(args, { env: { KG_ARTICLE: SEED_SLUG } }).stdout;
    expect(answers[0]).toBe(cli(['neighbours', 'Starmer']));
    expect(answers[1]).toBe(cli(['show', 'IISS']));
    expect(answers[2]).toBe(cli(['path', 'Scholz', 'IISS']));
    expect(answers[3]).toBe(cli(['search', 'rearmament']));
    expect(answers[4]).toBe(cli(['stats']));
    expect(answers[6]).toBe(`${JSON.parse(cli(['neighbours', 'Starmer', '--depth', '2', '--json'])).neighbours.length}\n`);
    // The result is the plain data: nothing added to it for the printing.
    expect(answers[7]).toBe("'entity,neighbours 0'\n");
  });

  it('lists every function and its options with help()', () => {
    const { banner, answers } = replAnswers(['help()', 'neighbours']);
    expect(banner).toMatch(/help\(\)/);
    const help = answers[0]!;
    for (const name of Object.keys(bindQueries(graph))) expect(help, name).toMatch(new RegExp(`\\b${name}\\b`));
    for (const fn of REPL_FUNCTIONS) {
      expect(help).toContain(`${fn.name}(${fn.params.join(', ')})`);
      for (const option of fn.options ?? []) expect(help).toMatch(new RegExp(`^ +${option.name}: `, 'm'));
    }
    expect(help).toMatch(/^ +depth: .*hops away/m);
    expect(help).toMatch(/search\(text, limit\?\)/);
    // A function typed without calling it shows its own entry.
    expect(answers[1]).toMatch(/^ +neighbours\(name, options\?\) .*\n +depth: /);
  });

  it('answers an unknown entity or a wrong call in one line, as the CLI does, and carries on', () => {
    const { answers } = replAnswers([
      'neighbours("Nobody")',
      'neighbours("Starmer", {dept: 2})',
      'neighbours("Starmer", {depth: 0})',
      'neighbours()',
      'show(42)',
      'neighbours("Starmer", {types: ["Organization"]}).neighbours.length',
      'throw new Error("ours")',
    ]);
    const cliError = kg(['neighbours', 'Nobody'], { env: { KG_ARTICLE: SEED_SLUG } }).stderr;
    expect(answers[0]).toBe(cliError);
    expect(answers[1]).toBe('kg: neighbours: unknown option "dept"; did you mean "depth"? known: depth, direction, relations, types\n');
    expect(answers[2]).toBe('kg: neighbours: depth must be a whole number >= 1, got 0\n');
    expect(answers[3]).toBe('kg: neighbours(name, options?): name is missing\n');
    expect(answers[4]).toBe('kg: show(name): name must be text in quotes, got number\n');
    const organisations = JSON.parse(kg(['neighbours', 'Starmer', '--type', 'organisation', '--json'], { env: { KG_ARTICLE: SEED_SLUG } }).stdout).neighbours.length;
    expect(answers[5]).toBe(`${organisations}\n`);
    // Errors that are not a query's stay Node's.
    expect(answers[6]).toMatch(/^Uncaught Error: ours\n$/);
    for (const answer of answers) expect(answer).not.toMatch(/^\s+at /m);
  });
});
