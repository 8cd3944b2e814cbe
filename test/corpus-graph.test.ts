import { cpSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readCorpusSources } from '../src/cli/dataDir.ts';
import { buildCorpus } from '../src/corpus/buildCorpus.ts';
import { toCorpusGraph } from '../src/corpus/toGraph.ts';
import { DataValidationError } from '../src/model/errors.ts';
import { neighbours, show } from '../src/query/index.ts';
import { checkGraphML, report } from './helpers/graphml-readers.ts';
import { kg } from './helpers/kg.ts';
import { REPO } from './helpers/sources.ts';

const CORPUS = join(REPO, 'test/fixtures/corpus');
const PARIS = '2025-01-01-paris-summit';
const SYLVANIA = '2025-02-01-byron-in-sylvania';
const scratch = mkdtempSync(join(tmpdir(), 'kg-corpus-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

let copies = 0;
/** A copy of the fixture corpus with one file rewritten. */
function edited(file: string, edit: (text: string) => string): string {
  const dir = join(scratch, `c${copies++}`);
  cpSync(CORPUS, dir, { recursive: true });
  writeFileSync(join(dir, file), edit(readFileSync(join(dir, file), 'utf8')));
  return dir;
}

function problems(dir: string): string[] {
  try {
    buildCorpus(readCorpusSources(dir));
  } catch (error) {
    expect(error).toBeInstanceOf(DataValidationError);
    return (error as DataValidationError).issues.map((i) => `${i.file.slice(dir.length + 1)}:${i.line}: ${i.path}: ${i.message}`);
  }
  throw new Error('expected a DataValidationError');
}

describe('one corpus, one graph', () => {
  const corpus = buildCorpus(readCorpusSources(CORPUS));
  const graph = toCorpusGraph(corpus);

  it('makes an entity one node across articles, with the mentions and articles of each', () => {
    expect(graph.order).toBe(7);
    const byron = graph.getNodeAttributes('ada-byron');
    expect(byron.articles).toEqual([PARIS, SYLVANIA]);
    expect(new Set(byron.mentions.map((m) => m.article))).toEqual(new Set([PARIS, SYLVANIA]));
    for (const m of byron.mentions) {
      const text = corpus.articles.find((a) => a.meta.slug === m.article)!.text;
      expect(text.slice(m.start, m.end)).toBe(m.text);
    }
    // "Prime Minister" names her in the Paris article only: a local alias.
    expect(byron.mentions.filter((m) => m.text === 'Prime Minister').map((m) => m.article)).toEqual([PARIS]);
  });

  it('keeps each relation with the article whose text states it', () => {
    const result = neighbours(graph, 'Byron', { relations: ['leader of'] });
    const via = result.neighbours.flatMap((n) => n.via);
    expect(via.map((v) => v.article).sort()).toEqual([PARIS, SYLVANIA]);
    for (const v of via) expect(corpus.articles.find((a) => a.meta.slug === v.article)!.text.slice(v.evidence.start, v.evidence.end)).toBe(v.evidence.text);
    expect(show(graph, 'freedonia').in['led by']).toHaveLength(2);
  });
});

describe('corpus validation, naming both places', () => {
  it('catches one id defined twice', () => {
    const dir = edited(`articles/${SYLVANIA}/graph.yaml`, (t) => t.replace('entities:\n', 'entities:\n  - id: freedonia\n    type: country\n    label: Freedonia Republic\n'));
    expect(problems(dir)).toEqual([expect.stringMatching(/^articles\/2025-02-01-byron-in-sylvania\/graph\.yaml:2: entities\[0\]\.id: duplicate entity id "freedonia" \(first defined at .*entities\.yaml:\d+\)$/)]);
  });

  it('catches two ids that share a name, across files', () => {
    const dir = edited(`articles/${SYLVANIA}/graph.yaml`, (t) => t.replace('label: Sylvania City', 'label: Sylvania City\n    aliases: [Byron]'));
    expect(problems(dir)).toEqual([expect.stringMatching(/graph\.yaml:\d+: entities\[0\]: "Byron" names both ada-byron and sylvania-city: mentions would be ambiguous \(ada-byron at .*entities\.yaml:\d+\)/)]);
  });

  it('catches a reference to an entity nobody defines, and a relation end its article never names', () => {
    const dir = edited(`articles/${SYLVANIA}/graph.yaml`, (t) => `${t}  - from: ada-byron\n    type: invited_to\n    to: paris-summit\n    evidence: Byron said\n`.replace('entities:\n', 'entities:\n  - id: atlantis\n    aliases: [Atlantis]\n'));
    expect(problems(dir)).toEqual([
      expect.stringMatching(/entities\[0\]\.id: unknown entity "atlantis": no article and no entities\.yaml defines it/),
      expect.stringMatching(/relations\[2\]\.to: entity "paris-summit" is not mentioned in this article/),
    ]);
  });

  it('catches two references in one article giving one name to two entities', () => {
    const dir = edited(`articles/${PARIS}/graph.yaml`, (t) => t.replace('  - id: paris-summit\n', '  - id: freedonia\n    aliases: [Prime Minister]\n  - id: paris-summit\n'));
    expect(problems(dir)).toEqual([expect.stringMatching(/graph\.yaml:\d+: entities\[1\]: "Prime Minister" names both ada-byron and freedonia in this article/)]);
  });

  it('catches a shared entity no article mentions', () => {
    const dir = edited('entities.yaml', (t) => `${t}  - id: ruritania\n    type: country\n    label: Ruritania\n`);
    expect(problems(dir)).toEqual([expect.stringMatching(/^entities\.yaml:\d+: entities\[3\]: entity "ruritania" is never mentioned: no article names it/)]);
  });
});

describe('kg on a corpus', () => {
  it('queries the whole corpus by default, each relation with its article; --article scopes to one', () => {
    const all = kg(['neighbours', 'Byron', '--data', CORPUS, '--json']);
    expect(all.code).toBe(0);
    const articles = (JSON.parse(all.stdout) as { neighbours: { via: { article?: string }[] }[] }).neighbours.flatMap((n) => n.via.map((v) => v.article));
    expect(new Set(articles)).toEqual(new Set([PARIS, SYLVANIA]));
    const one = kg(['neighbours', 'Byron', '--data', CORPUS, '--article', SYLVANIA]);
    expect(one.stdout).toMatch(/^Ada Byron \(person\): 2 neighbours/);
    expect(one.stdout).not.toMatch(/summit/);
  });

  it('notices an edit that keeps the size and the modification time (the cache key has the change time too)', () => {
    const dir = edited(`articles/${SYLVANIA}/meta.yaml`, (t) => t);
    const meta = join(dir, 'articles', SYLVANIA, 'meta.yaml');
    // Whole seconds, so that setting the time back restores it exactly.
    utimesSync(meta, 1_700_000_000, 1_700_000_000);
    expect(kg(['stats', '--data', dir, '--article', SYLVANIA]).stdout).toMatch(/^Byron visits Sylvania/);
    writeFileSync(meta, readFileSync(meta, 'utf8').replace('Byron visits Sylvania', 'Byron visits Sylvanja'));
    utimesSync(meta, 1_700_000_000, 1_700_000_000);
    expect(kg(['stats', '--data', dir, '--article', SYLVANIA]).stdout).toMatch(/^Byron visits Sylvanja/);
  });

  it('exports the corpus with provenance that NetworkX and igraph read, and one article as before', async () => {
    const file = join(scratch, 'corpus.graphml');
    expect(kg(['export', '--data', CORPUS, '--out', file]).code).toBe(0);
    const check = await checkGraphML(file, ['ada-byron'], { all: true });
    expect(check.xsd.ok, check.xsd.output).toBe(true);
    const nx = report(check.networkx);
    expect(nx.edge_samples.map((e) => e.attrs.article?.[1]).sort()).toEqual([PARIS, PARIS, PARIS, PARIS, SYLVANIA, SYLVANIA]);
    expect(JSON.parse(String(nx.node_samples['ada-byron']!.articles![1]))).toEqual([PARIS, SYLVANIA]);
    expect(report(check.igraph).edges).toBe(6);
    const single = join(scratch, 'one.graphml');
    expect(kg(['export', '--data', CORPUS, '--article', PARIS, '--out', single]).code).toBe(0);
    expect(readFileSync(single, 'utf8')).not.toMatch(/attr\.name="article/);
  });
});
