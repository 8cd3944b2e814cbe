import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { kg } from './helpers/kg.ts';
import { REPO, SEED_SLUG } from './helpers/sources.ts';

const scratch = mkdtempSync(join(tmpdir(), 'kg-cli-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** kg on the seed article alone: what most of these tests check, as they did before the corpus. */
const seedKg = (args: string[], options: Parameters<typeof kg>[1] = {}) => kg(args, { ...options, env: { KG_ARTICLE: SEED_SLUG, ...options.env } });

/** A copy of the project's data folder that a test may break. */
function dataCopy(name: string, edit: (graphYaml: string) => string): string {
  const dir = join(scratch, name);
  cpSync(join(REPO, 'data'), dir, { recursive: true });
  const file = join(dir, 'articles', SEED_SLUG, 'graph.yaml');
  writeFileSync(file, edit(readFileSync(file, 'utf8')));
  return dir;
}

describe('kg neighbours', () => {
  it('lists Keir Starmer\'s neighbours with relation labels and evidence', () => {
    const { code, stdout } = seedKg(['neighbours', 'Keir Starmer']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Keir Starmer \(person\): \d+ neighbours/);
    expect(stdout).toMatch(/→ invited to\s+EU leaders' dinner/);
    expect(stdout).toContain('"Starmer was invited to join the EU\'s 27 heads of state for dinner in Brussels"');
    expect(stdout).toMatch(/→ spoke at\s+EU leaders' dinner/);
  });

  it('prints valid JSON with --json, and the US spelling works too', () => {
    const { code, stdout } = seedKg(['neighbors', 'starmer', '--json']);
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(result.entity).toEqual({ id: 'keir-starmer', label: 'Keir Starmer', type: 'person' });
    const invited = result.neighbours.flatMap((n: { via: { relation: string }[] }) => n.via).find((v: { relation: string }) => v.relation === 'invited_to');
    expect(invited.evidence.text).toMatch(/invited to join/);
  });

  it('follows --depth, --direction and --relation', () => {
    const out = JSON.parse(seedKg(['neighbours', 'UK', '--direction', 'out', '--relation', 'projected by', '--json']).stdout);
    expect(out.neighbours.map((n: { id: string }) => n.id)).toEqual(['iiss']);
    expect(out.neighbours[0].via[0].qualifiers).toMatchObject({ rank: 2, year: 2025, after: 'germany' });
    const one = JSON.parse(seedKg(['neighbours', 'Scholz', '--json']).stdout).neighbours.length;
    const two = JSON.parse(seedKg(['neighbours', 'Scholz', '--depth', '2', '--json']).stdout).neighbours;
    expect(two.length).toBeGreaterThan(one);
    expect(two.some((n: { depth: number }) => n.depth === 2)).toBe(true);
  });

  it('exits 1 with suggestions for an unknown entity', () => {
    const { code, stderr, stdout } = seedKg(['neighbours', 'Nobody']);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/No entity matches "Nobody"\. Did you mean: .+\(.+\)/);
    expect(seedKg(['neighbours', 'Starmr']).stderr).toMatch(/Did you mean: Keir Starmer \(keir-starmer\)/);
  });

  it('exits 2 for bad usage, with a pointer to help', () => {
    expect(seedKg(['neighbours']).code).toBe(2);
    expect(seedKg(['neighbours', 'starmer', '--depth', 'two']).stderr).toMatch(/--depth takes a whole number/);
    expect(seedKg(['neighbours', 'starmer', '--bogus']).code).toBe(2);
    expect(kg(['frobnicate']).stderr).toMatch(/unknown command "frobnicate"/);
    expect(seedKg(['neighbours', 'starmer', '--relation', 'married to']).stderr).toMatch(/unknown relation "married to"; known: /);
  });
});

describe('kg path, search, show, stats', () => {
  it('finds the shortest chain between two entities', () => {
    const { code, stdout } = seedKg(['path', 'Scholz', 'IISS']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Olaf Scholz \(person\) to International Institute for Strategic Studies \(organisation\): \d steps?/);
    const steps = JSON.parse(seedKg(['path', 'Scholz', 'IISS', '--json']).stdout).steps;
    // Each relation once: a pair joined one way must not be listed twice.
    for (const step of steps) expect(new Set(step.relations.map((r: { id: string }) => r.id)).size).toBe(step.relations.length);
    expect(stdout.split('\n').filter((l) => l.includes('→ leader of →'))).toHaveLength(1);
  });

  it('searches names and evidence', () => {
    const hits = JSON.parse(seedKg(['search', 'Scholz', '--json']).stdout);
    expect(hits[0]).toMatchObject({ kind: 'entity', id: 'olaf-scholz' });
    expect(seedKg(['search', 'rearmament']).stdout).toMatch(/rearmament/i);
  });

  it('shows an entity with aliases, mentions and grouped relations', () => {
    const { stdout } = seedKg(['show', 'britain']);
    expect(stdout).toMatch(/^United Kingdom \(country\)/);
    expect(stdout).toMatch(/aliases: .*UK/);
    expect(stdout).toMatch(/→ projected by\n\s+International Institute for Strategic Studies/);
  });

  it('reports counts by type, the most connected and components', () => {
    const s = JSON.parse(seedKg(['stats', '--json']).stdout);
    expect(s.entities).toBeGreaterThanOrEqual(35);
    expect(s.relations).toBeGreaterThanOrEqual(50);
    expect(Object.keys(s.entitiesByType).sort()).toEqual(['country', 'event', 'organisation', 'person', 'place', 'topic']);
    expect(s.mostConnected[0].id).toBe('keir-starmer');
    expect(s.components.count).toBe(1);
  });

  it('prints help for every command', () => {
    for (const command of ['neighbours', 'path', 'search', 'show', 'stats', 'validate', 'export', 'repl', 'build']) {
      const { code, stdout } = kg([command, '--help']);
      expect(code, command).toBe(0);
      expect(stdout).toContain(`kg ${command}`);
    }
    expect(kg(['--help']).stdout).toMatch(/Commands:/);
  });
});

describe('kg validate', () => {
  it('passes on the project data', () => {
    const { code, stdout } = kg(['validate']);
    expect(code).toBe(0);
    for (const slug of readdirSync(join(REPO, 'data/articles'))) expect(stdout).toMatch(new RegExp(`^ok {3}${slug}: \\d+ entities, \\d+ relations`, 'm'));
    expect(stdout).toMatch(/^ok {3}2025-02-03-starmer-eu-leaders-dinner: 48 entities, 71 relations/m);
  });

  it('fails on a broken reference, a duplicate id and a missing quote, naming file, line and reason, and writes nothing', () => {
    const dir = dataCopy('broken', (t) =>
      t
        .replace('to: olaf-scholz', 'to: olaf-scholtz')
        .replace('id: iiss', 'id: reuters')
        .replace('"Starmer was invited to join the EU\'s 27 heads of state for dinner in Brussels"', '"Starmer was invited to a lunch"'),
    );
    const before = readdirSync(dir, { recursive: true }).sort();
    const { code, stderr } = kg(['validate', dir]);
    expect(code).toBe(1);
    const graphFile = join(dir, 'articles', SEED_SLUG, 'graph.yaml');
    expect(stderr).toMatch(new RegExp(`${graphFile}:\\d+:\\d+: relations\\[\\d+\\]\\.to: unknown entity "olaf-scholtz"`));
    expect(stderr).toMatch(new RegExp(`${graphFile}:\\d+:\\d+: entities\\[\\d+\\]\\.id: duplicate entity id "reuters"`));
    expect(stderr).toMatch(/relations\[\d+\]\.evidence: evidence is not in the article verbatim: "Starmer was invited to a lunch"/);
    expect(readdirSync(dir, { recursive: true }).sort()).toEqual(before);
  });

  it('stops every other command on invalid data too', () => {
    const dir = dataCopy('broken2', (t) => t.replace('to: olaf-scholz', 'to: olaf-scholtz'));
    const { code, stderr } = kg(['neighbours', 'starmer', '--data', dir]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/unknown entity "olaf-scholtz"/);
  });
});

describe('kg export', () => {
  it('writes every format atomically to --out, and to stdout without it', () => {
    for (const format of ['graphml', 'gexf', 'json']) {
      const out = join(scratch, `g.${format}`);
      const { code } = seedKg(['export', '--format', format, '--out', out]);
      expect(code, format).toBe(0);
      expect(readFileSync(out, 'utf8').length).toBeGreaterThan(1000);
    }
    expect(JSON.parse(readFileSync(join(scratch, 'g.json'), 'utf8')).nodes.length).toBeGreaterThanOrEqual(35);
    expect(seedKg(['export', '--format', 'csv', '--out', join(scratch, 'g.csv')]).code).toBe(0);
    const nodes = readFileSync(join(scratch, 'g.nodes.csv'), 'utf8').trim().split('\n');
    const edges = readFileSync(join(scratch, 'g.edges.csv'), 'utf8');
    expect(nodes[0]).toMatch(/^id,label,labelV,type,/);
    expect(edges).toMatch(/^id,source,target,label,labelE,relation/);
    expect(seedKg(['export']).stdout).toMatch(/^<\?xml/);
    expect(readdirSync(scratch).filter((f) => f.includes('.tmp-'))).toEqual([]);
  });

  it('stops quietly when the reader of its output closes the pipe (kg ... | head)', () => {
    // The corpus GraphML is far larger than a pipe's buffer, so the write after `head` exits fails.
    const r = spawnSync('bash', ['-c', `set -o pipefail; "${process.execPath}" dist/cli/kg.cjs export | head -c 100 >/dev/null`], {
      cwd: REPO,
      encoding: 'utf8',
      env: { ...process.env, KG_DATA: '', KG_ARTICLE: '' },
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(141);
  });

  it('leaves no file behind when the export fails', () => {
    const target = join(scratch, 'missing-dir', 'g.graphml');
    const { code, stderr } = seedKg(['export', '--out', target]);
    expect(code).toBe(1);
    expect(stderr).toBe(`kg: cannot write ${target}: no such file or directory\n`);
    expect(existsSync(join(scratch, 'missing-dir'))).toBe(false);
  });
});

describe('kg repl', () => {
  it('answers queries typed at its prompt', () => {
    const { code, stdout } = seedKg(['repl'], { input: 'neighbours("starmer").neighbours.length\nresolve("Britain")\n.exit\n' });
    expect(code).toBe(0);
    expect(stdout).toMatch(/kg> \d+\n/);
    expect(stdout).toContain("'united-kingdom'");
  });
});

describe('npx kg', () => {
  it('runs the package bin', () => {
    const r = spawnSync('npx', ['--no-install', 'kg', 'show', 'IISS', '--json'], { cwd: REPO, encoding: 'utf8', timeout: 60_000 });
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).id).toBe('iiss');
  });
});

describe('kg on the corpus', () => {
  const text = (slug: string) => readFileSync(join(REPO, 'data/articles', slug, 'article.txt'), 'utf8');

  it('lists the neighbours of Starmer from every article that states a relation of his, each with its article and evidence', () => {
    const { code, stdout } = kg(['neighbours', 'Starmer', '--json']);
    expect(code).toBe(0);
    const via = (JSON.parse(stdout) as { neighbours: { via: { article: string; evidence: { start: number; end: number; text: string } }[] }[] }).neighbours.flatMap((n) => n.via);
    const seen = new Set(via.map((v) => v.article));
    expect(seen.size).toBeGreaterThanOrEqual(3);
    for (const v of via) expect(text(v.article).slice(v.evidence.start, v.evidence.end)).toBe(v.evidence.text);
    // Every article that names him states a relation of his (the Mars article does not name him).
    const shown = JSON.parse(kg(['show', 'Starmer', '--json']).stdout) as { mentions: { article: string }[] };
    expect(seen).toEqual(new Set(shown.mentions.map((m) => m.article)));
  });

  it('keeps the seed article as it was curated: the same 48 entities with the same mentions, the same 71 relations', () => {
    const before = JSON.parse(readFileSync(join(REPO, 'test/fixtures/seed-content.json'), 'utf8')) as {
      entities: { id: string; type: string; label: string; mentions: [number, number, string][] }[];
      relations: { id: string; from: string; type: string; to: string; evidence: [number, number]; qualifiers: unknown }[];
    };
    const now = JSON.parse(seedKg(['export', '--format', 'json']).stdout) as {
      nodes: { key: string; attributes: { type: string; label: string; mentions: { start: number; end: number; text: string }[] } }[];
      edges: { key: string; source: string; target: string; attributes: { relation: string; evidence: { start: number; end: number }; qualifiers: unknown } }[];
    };
    expect(now.nodes.map((n) => ({ id: n.key, type: n.attributes.type, label: n.attributes.label, mentions: n.attributes.mentions.map((m) => [m.start, m.end, m.text]) }))).toEqual(before.entities);
    expect(now.edges.map((e) => ({ id: e.key, from: e.source, type: e.attributes.relation, to: e.target, evidence: [e.attributes.evidence.start, e.attributes.evidence.end], qualifiers: e.attributes.qualifiers }))).toEqual(before.relations);
  });

  it('names an entity the articles share once: Starmer, Scholz and the EU are one node each, in several articles', () => {
    for (const name of ['Keir Starmer', 'Olaf Scholz', 'European Union']) {
      const { stdout } = kg(['export', '--format', 'json']);
      const graph = JSON.parse(stdout) as { nodes: { key: string; attributes: { label: string; articles?: string[] } }[] };
      const nodes = graph.nodes.filter((n) => n.attributes.label === name);
      expect(nodes, name).toHaveLength(1);
      expect(nodes[0]!.attributes.articles!.length, name).toBeGreaterThanOrEqual(2);
    }
  });
});
