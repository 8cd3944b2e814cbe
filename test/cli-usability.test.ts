import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildArticle, loadArticle } from '../src/corpus/index.ts';
import { UsageError } from '../src/model/errors.ts';
import { bindQueries } from '../src/query/index.ts';
import { directionOf, entityTypeOf, nearestName } from '../src/query/options.ts';
import { kg, KG_BIN } from './helpers/kg.ts';
import { REPO, SEED_SLUG, sources } from './helpers/sources.ts';

const scratch = mkdtempSync(join(tmpdir(), 'kg-usability-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const seedKg = (args: string[]) => kg(args, { env: { KG_ARTICLE: SEED_SLUG } });
const json = (args: string[]) => JSON.parse(seedKg([...args, '--json']).stdout);
const ids = (result: { neighbours: { id: string }[] }) => result.neighbours.map((n) => n.id);

describe('entity types and directions, in any case and either spelling', () => {
  it('takes --type organization as organisation, and any case of types and directions', () => {
    const british = ids(json(['neighbours', 'Starmer', '--type', 'organisation']));
    expect(british.length).toBeGreaterThan(2);
    expect(ids(json(['neighbours', 'Starmer', '--type', 'organization']))).toEqual(british);
    expect(ids(json(['neighbours', 'Starmer', '--type', 'Organization']))).toEqual(british);
    expect(ids(json(['neighbours', 'Starmer', '-t', 'PERSON', '-t', 'organization']))).toEqual(ids(json(['neighbours', 'Starmer', '-t', 'person', '-t', 'organisation'])));
    expect(seedKg(['neighbours', 'Scholz', '--direction', 'OUT']).stdout).toBe(seedKg(['neighbours', 'Scholz', '--direction', 'out']).stdout);
  });

  it('refuses a type or direction it does not know, with the one meant', () => {
    const r = seedKg(['neighbours', 'Starmer', '--type', 'organisaton']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('kg: unknown entity type "organisaton"; did you mean "organisation"? known: person, country, organisation, place, event, topic\n');
    expect(seedKg(['neighbours', 'Starmer', '--direction', 'up']).stderr).toBe('kg: unknown direction "up"; known: out, in, both\n');
  });

  it('is the query core\'s normalisation, so window.kg and the REPL take the same words', () => {
    const q = bindQueries(loadArticle(buildArticle(sources(join(REPO, 'data'), SEED_SLUG))).graph);
    expect(ids(q.neighbours('Starmer', { types: ['organization'] }))).toEqual(ids(q.neighbours('Starmer', { types: ['organisation'] })));
    expect(ids(q.neighbours('Scholz', { direction: 'In' }))).toEqual(ids(q.neighbours('Scholz', { direction: 'in' })));
    expect(entityTypeOf(' Organization ')).toBe('organisation');
    expect(directionOf('BOTH')).toBe('both');
    expect(() => q.neighbours('Starmer', { dept: 2 } as never)).toThrow(/unknown option "dept"; did you mean "depth"/);
    expect(() => q.neighbours('Starmer', { types: ['animal'] })).toThrow(UsageError);
  });
});

describe('typos get a suggestion', () => {
  it('names the command meant', () => {
    for (const [typed, meant] of [['neighbour', 'neighbours'], ['serach', 'search'], ['shwo', 'show'], ['exprot', 'export']]) {
      const r = kg([typed!, 'Starmer']);
      expect(r.code, typed).toBe(2);
      expect(r.stderr).toBe(`kg: unknown command "${typed}"; did you mean "${meant}"?\n`);
    }
    expect(kg(['frobnicate']).stderr).toBe('kg: unknown command "frobnicate"; run kg --help\n');
    // Only the command's own names are commands: not what every object inherits.
    expect(kg(['constructor']).stderr).toBe('kg: unknown command "constructor"; run kg --help\n');
    expect(kg(['help', 'neighbour']).stderr).toBe('kg: unknown command "neighbour"; did you mean "neighbours"?\n');
    expect(kg(['help', 'neighbors']).stdout).toMatch(/^kg neighbors <entity>\n/);
  });

  it('names the option meant, in either form', () => {
    for (const args of [['--deph', '2'], ['--deph=2'], ['--dpeth', '2']]) {
      const r = seedKg(['neighbours', 'Starmer', ...args]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toBe(`kg: unknown option "${args[0]!.split('=')[0]}" for kg neighbours; did you mean "--depth"?\n`);
    }
    expect(seedKg(['export', '--fromat', 'gexf']).stderr).toBe('kg: unknown option "--fromat" for kg export; did you mean "--format"?\n');
    expect(seedKg(['path', 'Scholz', 'IISS', '--direct']).stderr).toBe('kg: unknown option "--direct" for kg path; did you mean "--directed"?\n');
    expect(seedKg(['neighbours', 'Starmer', '-x']).stderr).toBe('kg: unknown option "-x" for kg neighbours; see kg neighbours --help\n');
    expect(seedKg(['export', '--format', 'grapml']).stderr).toBe('kg: unknown export format "grapml"; did you mean "graphml"? known: graphml, gexf, json, csv, svg\n');
  });

  it('suggests only what is close', () => {
    expect(nearestName('neighbour', ['neighbours', 'neighbors', 'path'])).toBe('neighbours');
    expect(nearestName('STATS', ['search', 'show', 'stats'])).toBe('stats');
    expect(nearestName('xyz', ['search', 'show', 'stats'])).toBeUndefined();
    expect(nearestName('s', ['search', 'show', 'stats'])).toBeUndefined();
  });
});

describe('kg export', () => {
  it('takes --format in any case', () => {
    const graphml = seedKg(['export', '--format', 'graphml']).stdout;
    expect(graphml).toMatch(/^<\?xml/);
    expect(seedKg(['export', '--format', 'GraphML']).stdout).toBe(graphml);
    expect(seedKg(['export', '-f', 'JSON']).stdout).toBe(seedKg(['export', '-f', 'json']).stdout);
  });

  it('writes the format the --out extension names, when --format is left out', () => {
    const out = (name: string) => join(scratch, name);
    for (const name of ['g.gexf', 'g.json', 'g.graphml', 'G.GEXF']) expect(seedKg(['export', '--out', out(name)]).code, name).toBe(0);
    expect(readFileSync(out('g.gexf'), 'utf8')).toMatch(/^<\?xml[^\n]*\n<gexf /);
    expect(readFileSync(out('G.GEXF'), 'utf8')).toBe(readFileSync(out('g.gexf'), 'utf8'));
    expect(JSON.parse(readFileSync(out('g.json'), 'utf8')).nodes.length).toBeGreaterThan(30);
    expect(readFileSync(out('g.graphml'), 'utf8')).toContain('<graphml ');
    expect(seedKg(['export', '--out', out('g.csv')]).code).toBe(0);
    expect(readFileSync(out('g.nodes.csv'), 'utf8')).toMatch(/^id,label,/);
    expect(readFileSync(out('g.edges.csv'), 'utf8')).toMatch(/^id,source,target,/);
    // A name no format owns keeps the default.
    expect(seedKg(['export', '--out', out('g.xml')]).code).toBe(0);
    expect(readFileSync(out('g.xml'), 'utf8')).toContain('<graphml ');
  });

  it('refuses a --format the extension contradicts, writing nothing', () => {
    const target = join(scratch, 'wrong.gexf');
    const r = seedKg(['export', '--format', 'graphml', '--out', target]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`kg: --format graphml does not match --out ${target}, a gexf file name; name the file .graphml, or leave out --format\n`);
    expect(existsSync(target)).toBe(false);
    expect(seedKg(['export', '--format', 'csv', '--out', join(scratch, 'wrong.json')]).code).toBe(2);
    expect(readdirSync(scratch).filter((f) => f.startsWith('wrong'))).toEqual([]);
    expect(seedKg(['export', '--format', 'GEXF', '--out', join(scratch, 'right.gexf')]).code).toBe(0);
  });

  it('never glues the two CSV tables into one stream: --table picks one, --out writes both', () => {
    const refused = seedKg(['export', '--format', 'csv']);
    expect(refused.code).toBe(2);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toMatch(/^kg: CSV is two tables, nodes and edges, .*--table nodes\|edges.*--out FILE/);
    const base = join(scratch, 'both.csv');
    expect(seedKg(['export', '--out', base]).code).toBe(0);
    const nodes = readFileSync(join(scratch, 'both.nodes.csv'), 'utf8');
    const edges = readFileSync(join(scratch, 'both.edges.csv'), 'utf8');
    expect(seedKg(['export', '--format', 'csv', '--table', 'edges']).stdout).toBe(edges);
    // A table alone is CSV; one table goes to the very file named.
    expect(seedKg(['export', '--table', 'Nodes']).stdout).toBe(nodes);
    expect(seedKg(['export', '--table', 'nodes', '--out', join(scratch, 'just-nodes.csv')]).code).toBe(0);
    expect(readFileSync(join(scratch, 'just-nodes.csv'), 'utf8')).toBe(nodes);
    expect(seedKg(['export', '--format', 'json', '--table', 'nodes']).stderr).toBe('kg: --table is for CSV; json holds nodes and edges in one file\n');
    expect(seedKg(['export', '--table', 'rows']).stderr).toBe('kg: unknown CSV table "rows"; known: nodes, edges\n');
  });
});

describe('kg --version', () => {
  const pkg = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { name: string; version: string };

  it('prints the package version, from any folder', () => {
    for (const flag of ['--version', '-V']) {
      const r = kg([flag], { cwd: tmpdir() });
      expect(r.code, flag).toBe(0);
      expect(r.stdout).toBe(`${pkg.name} ${pkg.version}\n`);
    }
  });

  it('is the version of the package it is installed from', () => {
    const installed = join(scratch, 'node_modules', 'article-kg');
    mkdirSync(join(installed, 'dist'), { recursive: true });
    cpSync(join(REPO, 'dist/cli'), join(installed, 'dist/cli'), { recursive: true });
    writeFileSync(join(installed, 'package.json'), JSON.stringify({ ...pkg, version: '9.8.7' }));
    const r = spawnSync(process.execPath, [join(installed, 'dist/cli', KG_BIN.split('/').pop()!), '--version'], { encoding: 'utf8' });
    expect(r.stdout).toBe(`${pkg.name} 9.8.7\n`);
  });
});

describe('kg neighbours --depth 2', () => {
  it('says which first-hop entity each relation was reached through, by its label', () => {
    const { stdout } = seedKg(['neighbours', 'Scholz', '--depth', '2']);
    const result = json(['neighbours', 'Scholz', '--depth', '2']) as { neighbours: { depth: number; via: { from: string }[] }[] };
    const label = new Map(json(['export', '--format', 'json']).nodes.map((n: { key: string; attributes: { label: string } }) => [n.key, n.attributes.label]));
    const froms = new Set(result.neighbours.filter((n) => n.depth === 2).flatMap((n) => n.via.map((v) => v.from)));
    expect(froms.size).toBeGreaterThan(0);
    const shown = new Set([...stdout.matchAll(/^ {2}2· \(via (.+?)\) /gm)].map((m) => m[1]));
    expect(shown).toEqual(new Set([...froms].map((id) => label.get(id))));
    expect(stdout).toContain('(via Germany)');
    expect(stdout).not.toMatch(/\(via [a-z0-9]+(-[a-z0-9]+)+\)/);
  });

  it('labels the first hop even when --type leaves it out of the list', () => {
    const { stdout } = seedKg(['neighbours', 'Starmer', '--depth', '2', '--type', 'place']);
    expect(stdout).toMatch(/2· \(via United Kingdom\) .*Aylesbury \(place\)/);
    expect(stdout).not.toContain('(via united-kingdom)');
  });
});

describe('kg path', () => {
  it('writes each step along its arrow, whichever way the path walks it', () => {
    const { code, stdout } = seedKg(['path', 'Scholz', 'Putin']);
    expect(code).toBe(0);
    // The path walks from Scholz to Starmer against the arrow of "waited for": the line still reads as the text says.
    expect(stdout).toContain('  Keir Starmer → waited for → Olaf Scholz\n');
    expect(stdout).not.toMatch(/←/);
  });
});
