import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { detectMetadata } from '../src/intake/metadata.ts';
import { kg } from './helpers/kg.ts';
import { REPO } from './helpers/sources.ts';

const scratch = mkdtempSync(join(tmpdir(), 'kg-add-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const CHEQUERS = '2025-02-02-starmer-hosts-scholz-chequers';
const MARS = '2024-08-14-mars-kellanova-acquisition';

/** The project's corpus without some articles, and those articles' texts as files to add. */
function corpusWithout(name: string, ...slugs: string[]): { data: string; texts: string[] } {
  const data = join(scratch, name);
  cpSync(join(REPO, 'data'), data, { recursive: true });
  const texts = slugs.map((slug) => {
    const file = join(scratch, `${name}-${slug}.txt`);
    writeFileSync(file, readFileSync(join(data, 'articles', slug, 'article.txt')));
    rmSync(join(data, 'articles', slug), { recursive: true });
    return file;
  });
  return { data, texts };
}

interface GraphYaml {
  entities: { id: string; type?: string; label?: string; aliases?: string[]; draft?: { confidence: number; rule: string } }[];
  relations: { from: string; type: string; to: string; evidence: string; draft?: { confidence: number; rule: string } }[];
}

describe('kg add', () => {
  it("adds a text as a new article that validates and links into the corpus's entities", () => {
    const { data, texts } = corpusWithout('one', CHEQUERS);
    const r = kg(['add', texts[0]!, '--data', data, '--date', '2025-02-02', '--slug', 'chequers-draft']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^added .*articles\/chequers-draft: \d+ entities, \d+ relations drafted/);
    const dir = join(data, 'articles', 'chequers-draft');
    expect(readFileSync(join(dir, 'article.txt'), 'utf8')).toBe(readFileSync(texts[0]!, 'utf8'));
    expect(parse(readFileSync(join(dir, 'meta.yaml'), 'utf8'))).toMatchObject({ dateline: 'London', date: '2025-02-02' });
    const graph = parse(readFileSync(join(dir, 'graph.yaml'), 'utf8')) as GraphYaml;
    // Every drafted item says so, with its confidence and rule; nothing shared is defined again.
    for (const item of [...graph.entities, ...graph.relations]) expect(item.draft).toMatchObject({ confidence: expect.any(Number), rule: expect.any(String) });
    const defined = graph.entities.filter((e) => e.type !== undefined).map((e) => e.id);
    for (const shared of ['keir-starmer', 'olaf-scholz', 'european-union']) expect(defined).not.toContain(shared);
    const ends = new Set(graph.relations.flatMap((r) => [r.from, r.to]));
    expect(['keir-starmer', 'olaf-scholz'].every((id) => ends.has(id))).toBe(true);
    const check = kg(['validate', data]);
    expect(check.code, check.stderr).toBe(0);
    expect(check.stdout).toMatch(/^ok {3}chequers-draft: /m);
    // The corpus's Starmer now has mentions in the new article too.
    const show = JSON.parse(kg(['show', 'keir-starmer', '--json', '--data', data]).stdout) as { mentions: { article: string }[] };
    expect(show.mentions.some((m) => m.article === 'chequers-draft')).toBe(true);
    // What the explorer loads: kg build lists it.
    const out = join(scratch, 'site-data');
    expect(kg(['build', '--out', out, '--data', data]).code).toBe(0);
    expect(JSON.parse(readFileSync(join(out, 'index.json'), 'utf8')).map((a: { slug: string }) => a.slug)).toContain('chequers-draft');
  });

  it('refuses a --slug that is not a slug (a path, a hidden name) before writing anything', () => {
    const { data, texts } = corpusWithout('slugs', CHEQUERS);
    const before = readdirSync(join(data, 'articles')).sort();
    for (const slug of ['../../escaped', 'Bad_Slug', '.hidden']) {
      const r = kg(['add', texts[0]!, '--data', data, '--date', '2025-02-02', '--slug', slug]);
      expect(r.code, slug).toBe(2);
      expect(r.stderr).toMatch(/--slug must be a slug/);
    }
    expect(readdirSync(join(data, 'articles')).sort()).toEqual(before);
    expect(readdirSync(scratch)).not.toContain('escaped');
  });

  it('adds proposed relation types at the end of vocabulary.yaml, leaving every line the curator wrote as it was', () => {
    const { data, texts } = corpusWithout('vocab', CHEQUERS);
    const before = readFileSync(join(data, 'vocabulary.yaml'), 'utf8');
    expect(kg(['add', texts[0]!, '--data', data, '--date', '2025-02-02']).code).toBe(0);
    const after = readFileSync(join(data, 'vocabulary.yaml'), 'utf8');
    expect(after.startsWith(before.trimEnd())).toBe(true);
    const added = parse(after).relations as Record<string, { draft?: { rule: string } }>;
    const proposed = Object.entries(added).filter(([, type]) => type.draft);
    expect(proposed.length).toBeGreaterThan(0);
    for (const [, type] of proposed) expect(type.draft!.rule).toBe('proposed-type');
  });

  it('never overwrites an article, and refuses a text with no date it can find', () => {
    const { data, texts } = corpusWithout('again', CHEQUERS);
    expect(kg(['add', texts[0]!, '--data', data, '--date', '2025-02-02', '--slug', 'twice']).code).toBe(0);
    const before = readFileSync(join(data, 'articles', 'twice', 'graph.yaml'), 'utf8');
    const again = kg(['add', texts[0]!, '--data', data, '--date', '2025-02-02', '--slug', 'twice']);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/an article "twice" exists already/);
    expect(readFileSync(join(data, 'articles', 'twice', 'graph.yaml'), 'utf8')).toBe(before);
    const undated = join(scratch, 'undated.txt');
    writeFileSync(undated, 'Ada Byron met Olaf Scholz in Paris. Byron said they agreed.\n');
    const r = kg(['add', undated, '--data', data]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no date found in the text: give --date/);
    expect(readdirSync(join(data, 'articles')).filter((n) => n.startsWith('.'))).toEqual([]);
  });

  it('adds every .txt file of a folder, one after the other, with progress', () => {
    const { data, texts } = corpusWithout('folder', CHEQUERS, MARS);
    const folder = join(scratch, 'inbox');
    mkdirSync(folder);
    texts.forEach((t, i) => cpSync(t, join(folder, `${i}.txt`)));
    const r = kg(['add', folder, '--data', data, '--date', '2025-02-02']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.match(/^added /gm)).toHaveLength(2);
    expect(r.stderr).toMatch(/\] 2\/2 1\.txt/);
    expect(kg(['validate', data]).code).toBe(0);
  });
});

describe('metadata from the text', () => {
  it('reads the dateline, the agency and the date after it, and a headline line', () => {
    expect(detectMetadata('Starmer tells EU leaders he wants closer ties\n\nBRUSSELS (Reuters) - On Monday 3 February 2025, British Prime Minister Keir Starmer said...')).toEqual({
      title: 'Starmer tells EU leaders he wants closer ties',
      dateline: 'Brussels',
      publisher: 'Reuters',
      date: '2025-02-03',
    });
    expect(detectMetadata('WASHINGTON (AP) — The talks resumed on Feb. 4, 2025, officials said.').date).toBe('2025-02-04');
    expect(detectMetadata('Nothing dated here, 31 February 2025.').date).toBeUndefined();
  });
});
