/**
 * `kg … --file g.graphml|g.gexf|g.json` (the query core on a file's graph) and `kg import`
 * (a file kg export wrote becomes a corpus article again). Runs the built CLI: `npm run build:cli` first.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MultiDirectedGraph } from 'graphology';
import { afterAll, describe, expect, it } from 'vitest';
import { kg } from './helpers/kg.ts';
import { REPO } from './helpers/sources.ts';

const scratch = mkdtempSync(join(tmpdir(), 'kg-file-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const at = (name: string) => join(scratch, name);

/** A small typed network: people and organisations, one undirected edge, a parallel pair. */
const GRAPHML = `<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="l" for="node" attr.name="label" attr.type="string"/>
  <key id="t" for="node" attr.name="type" attr.type="string"/>
  <key id="a" for="node" attr.name="age" attr.type="int"/>
  <key id="r" for="edge" attr.name="relation" attr.type="string"/>
  <key id="w" for="edge" attr.name="weight" attr.type="double"><default>1</default></key>
  <graph edgedefault="directed">
    <node id="ada"><data key="l">Ada Lovelace</data><data key="t">person</data><data key="a">36</data></node>
    <node id="charles"><data key="l">Charles Babbage</data><data key="t">person</data><data key="a">79</data></node>
    <node id="society"><data key="l">Royal Society</data><data key="t">organisation</data></node>
    <node id="engine"><data key="l">Analytical Engine</data><data key="t">topic</data></node>
    <edge id="e1" source="ada" target="charles"><data key="r">worked_with</data><data key="w">2.5</data></edge>
    <edge id="e2" source="charles" target="society"><data key="r">member_of</data></edge>
    <edge id="e3" source="charles" target="engine"><data key="r">designed</data></edge>
    <edge id="e4" source="ada" target="engine" directed="false"><data key="r">wrote_about</data></edge>
  </graph>
</graphml>`;
writeFileSync(at('net.graphml'), GRAPHML);

const GEXF = `<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://gexf.net/1.3" version="1.3"><graph defaultedgetype="undirected">
  <attributes class="node"><attribute id="0" title="type" type="string"/></attributes>
  <nodes><node id="p" label="Paris"><attvalues><attvalue for="0" value="place"/></attvalues></node><node id="f" label="France"><attvalues><attvalue for="0" value="country"/></attvalues></node></nodes>
  <edges><edge id="0" source="p" target="f" label="capital_of"/></edges>
</graph></gexf>`;
writeFileSync(at('places.gexf'), GEXF);

const json = new MultiDirectedGraph();
json.addNode('x', { label: 'Xavier', type: 'person' });
json.addNode('y', { label: 'Yvonne', type: 'person' });
json.addEdgeWithKey('xy', 'x', 'y', { relation: 'knows' });
writeFileSync(at('people.json'), JSON.stringify(json.export()));

describe('kg --file', () => {
  it('neighbours: the file\'s own relations, undirected ones both ways, typed attributes shown', () => {
    const r = kg(['neighbours', 'Ada Lovelace', '--file', at('net.graphml')]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Ada Lovelace \(person\): 2 neighbours/);
    expect(r.stdout).toMatch(/worked_with\s+Charles Babbage \(person\)/);
    expect(r.stdout).toMatch(/Analytical Engine/);
    const from = JSON.parse(kg(['neighbours', 'engine', '--file', at('net.graphml'), '--json']).stdout) as { neighbours: { id: string }[] };
    expect(from.neighbours.map((n) => n.id).sort()).toEqual(['ada', 'charles']);
  });

  it('path, search, show and stats answer on the file\'s graph', () => {
    const path = kg(['path', 'society', 'ada', '--file', at('net.graphml')]);
    expect(path.code).toBe(0);
    expect(path.stdout).toMatch(/Royal Society \(organisation\) to Ada Lovelace \(person\): 2 steps/);
    expect(kg(['path', 'society', 'ada', '--directed', '--file', at('net.graphml')]).code).toBe(1);
    const search = JSON.parse(kg(['search', 'babbage', '--file', at('net.graphml'), '--json']).stdout) as { id?: string }[];
    expect(search.some((hit) => hit.id === 'charles')).toBe(true);
    const show = kg(['show', 'ada', '--file', at('net.graphml')]);
    expect(show.stdout).toMatch(/Ada Lovelace \(person\)/);
    expect(show.stdout).toMatch(/age: 36/);
    const stats = JSON.parse(kg(['stats', '--file', at('net.graphml'), '--json']).stdout) as Record<string, unknown>;
    expect(JSON.stringify(stats)).toMatch(/"person":2/);
    expect(kg(['stats', '--file', at('net.graphml')]).stdout).toMatch(/4 entities, 4 relations/);
  });

  it('reads GEXF and graphology JSON the same way', () => {
    const gexf = kg(['neighbours', 'Paris', '--file', at('places.gexf')]);
    expect(gexf.code).toBe(0);
    expect(gexf.stdout).toMatch(/capital_of\s+France \(country\)/);
    const fromJson = kg(['neighbours', 'Xavier', '--file', at('people.json')]);
    expect(fromJson.stdout).toMatch(/knows\s+Yvonne \(person\)/);
  });

  it('export writes the file\'s graph in another format', () => {
    const r = kg(['export', '--file', at('net.graphml'), '--format', 'gexf']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/<gexf/);
    expect(r.stdout).toMatch(/Charles Babbage/);
    const out = at('net.json');
    expect(kg(['export', '--file', at('net.graphml'), '--out', out]).code).toBe(0);
    expect((JSON.parse(readFileSync(out, 'utf8')) as { edges: unknown[] }).edges).toHaveLength(4);
  });

  it('says what is wrong with a missing, unreadable or malformed file, and where', () => {
    const missing = kg(['stats', '--file', at('nope.graphml')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^kg: cannot read .*nope\.graphml: no such file or directory/);
    const folder = kg(['stats', '--file', scratch]);
    expect(folder.code).toBe(1);
    expect(folder.stderr).toMatch(/is a folder, not a graph file/);
    writeFileSync(at('broken.graphml'), GRAPHML.replace('<data key="a">36</data>', '<data key="a">36</dta>'));
    const broken = kg(['neighbours', 'ada', '--file', at('broken.graphml')]);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/broken\.graphml:9:\d+: not well-formed XML/);
    expect(broken.stdout).toBe('');
    writeFileSync(at('typed.graphml'), GRAPHML.replace('<data key="a">36</data>', '<data key="a">thirty-six</data>'));
    expect(kg(['stats', '--file', at('typed.graphml')]).stderr).toMatch(/typed\.graphml:9:\d+: node "ada": attribute "age" is declared int but holds "thirty-six"/);
  });

  it('refuses --file with commands and options that read the data folder', () => {
    const validate = kg(['validate', '--file', at('net.graphml')]);
    expect(validate.code).toBe(2);
    expect(validate.stderr).toMatch(/--file is for neighbours, path, search, show, stats, export/);
    expect(kg(['stats', '--file', at('net.graphml'), '--article', 'x']).code).toBe(2);
  });
});

describe('--file on a file kg export wrote', () => {
  it('reads the relations as the article does: aliases resolve, both readings, qualifiers by their own names', () => {
    const file = at('seed-export.graphml');
    const article = '2025-02-03-starmer-eu-leaders-dinner';
    expect(kg(['export', '--article', article, '--out', file]).code).toBe(0);
    // "Scholz" is an alias of Olaf Scholz, not a part of another entity's label.
    const fromFile = kg(['neighbours', 'Scholz', '--file', file]);
    expect(fromFile.stderr).toBe('');
    const fromData = kg(['neighbours', 'Scholz', '--article', article]);
    const relationLines = (out: string) => out.split('\n').filter((l) => /^ {2}[→←]/.test(l)).map((l) => l.replace(/\s+\{.*\}$/, '').trim());
    expect(relationLines(fromFile.stdout)).toEqual(relationLines(fromData.stdout));
    expect(fromFile.stdout).toContain('{title: Chancellor}');
    expect(fromFile.stdout).not.toMatch(/labelE|q_title|inverse:/);
    expect(kg(['stats', '--file', file]).stdout.split('\n')[0]).not.toContain('()');
  });
});

describe('kg import', () => {
  const data = at('data');
  cpSync(join(REPO, 'data'), data, { recursive: true });
  const SOURCE = '2025-02-02-starmer-hosts-scholz-chequers';

  for (const format of ['graphml', 'gexf'] as const) {
    it(`turns an article exported as ${format} back into an article that validates and answers the same`, () => {
      const file = at(`export.${format}`);
      expect(kg(['export', '--data', data, '--article', SOURCE, '--out', file]).code).toBe(0);
      const slug = `2025-02-02-imported-${format}`;
      const r = kg(['import', file, '--data', data, '--slug', slug]);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/imported .*: 34 entities, 25 relations/);
      expect(readFileSync(join(data, 'articles', slug, 'article.txt'), 'utf8')).toBe(readFileSync(join(data, 'articles', SOURCE, 'article.txt'), 'utf8'));
      const validate = kg(['validate', data]);
      expect(validate.code).toBe(0);
      expect(validate.stdout).toMatch(new RegExp(`ok   ${slug}: 34 entities, 25 relations`));
      for (const args of [['neighbours', 'Olaf Scholz', '--json'], ['neighbours', 'keir-starmer', '--depth', '2']]) {
        const copy = kg([...args, '--data', data, '--article', slug]);
        expect(copy.code).toBe(0);
        expect(copy.stdout).toBe(kg([...args, '--data', data, '--article', SOURCE]).stdout);
      }
    });
  }

  it('never overwrites an article, and refuses a file without evidence, saying what is missing, writing nothing', () => {
    const before = readdirSync(join(data, 'articles')).sort();
    const file = at('export.graphml');
    if (!existsSync(file)) kg(['export', '--data', data, '--article', SOURCE, '--out', file]);
    const taken = kg(['import', file, '--data', data]);
    expect(taken.code).toBe(2);
    expect(taken.stderr).toMatch(/an article "2025-02-02-starmer-hosts-scholz-chequers" exists already: give another --slug/);
    const bare = kg(['import', at('net.graphml'), '--data', data, '--slug', 'net']);
    expect(bare.code).toBe(1);
    expect(bare.stderr).toMatch(/carries no evidence to make an article of: it lacks the article text \(a graph attribute "text"\)/);
    expect(bare.stderr).toMatch(/evidence quotes \(an edge attribute "evidence" on every edge\)/);
    // A quote that is not in the text: refused by name, nothing written.
    mkdirSync(at('tampered'), { recursive: true });
    writeFileSync(at('tampered/t.graphml'), readFileSync(file, 'utf8').replace(/(<data key="evidence">)[^<]+/, '$1words the article never says'));
    const tampered = kg(['import', at('tampered/t.graphml'), '--data', data, '--slug', 'tampered']);
    expect(tampered.code).toBe(1);
    expect(tampered.stderr).toMatch(/its evidence is not in the article text/);
    expect(readdirSync(join(data, 'articles')).sort()).toEqual(before);
  });
});
