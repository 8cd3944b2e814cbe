import { describe, expect, it } from 'vitest';
import { buildArticle, buildModel, findMentions, loadArticle, locateQuote } from '../src/corpus/index.ts';
import { DataValidationError, type DataIssue } from '../src/model/errors.ts';
import { miniSources } from './helpers/sources.ts';

function issuesOf(run: () => unknown): DataIssue[] {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(DataValidationError);
    return (error as DataValidationError).issues;
  }
  throw new Error('expected a DataValidationError');
}

describe('locateQuote', () => {
  it('gives the offsets of a unique quote', () => {
    expect(locateQuote('a cat and a dog', 'a dog')).toEqual({ span: { start: 10, end: 15, text: 'a dog' } });
  });
  it('refuses a quote found twice unless told which occurrence', () => {
    expect(locateQuote('a cat and a cat', 'a cat')).toMatchObject({ error: expect.stringContaining('2 times') });
    expect(locateQuote('a cat and a cat', 'a cat', 2)).toEqual({ span: { start: 10, end: 15, text: 'a cat' } });
  });
  it('says when a quote differs only in case', () => {
    expect(locateQuote('The Cat', 'the cat')).toMatchObject({ error: expect.stringContaining('different case') });
  });
});

describe('findMentions', () => {
  it('matches whole words, case-insensitively, longest first, without overlap', () => {
    const text = 'Keir Starmer met EU leaders. Starmer said the EU-UK deal; keirstarmer no.';
    const mentions = findMentions(text, [
      { form: 'Keir Starmer', entity: 'starmer' },
      { form: 'Starmer', entity: 'starmer' },
      { form: 'EU', entity: 'eu' },
      { form: 'EU leaders', entity: 'leaders' },
      { form: 'UK', entity: 'uk' },
    ]);
    expect(mentions.get('starmer')?.map((m) => m.text)).toEqual(['Keir Starmer', 'Starmer']);
    expect(mentions.get('leaders')?.map((m) => m.start)).toEqual([17]);
    expect(mentions.get('eu')?.map((m) => m.text)).toEqual(['EU']);
    expect(mentions.get('uk')).toHaveLength(1);
  });
});

describe('buildModel', () => {
  it('grounds every relation and entity in the article', () => {
    const model = buildModel(miniSources());
    expect(model.entities).toHaveLength(6);
    expect(model.relations).toHaveLength(4);
    for (const r of model.relations) expect(model.text.slice(r.evidence.start, r.evidence.end)).toBe(r.evidence.text);
    for (const e of model.entities) {
      expect(e.mentions.length).toBeGreaterThan(0);
      for (const m of e.mentions) expect(model.text.slice(m.start, m.end).toLowerCase()).toBe(m.text.toLowerCase());
    }
    const byron = model.entities.find((e) => e.id === 'ada-byron')!;
    expect(byron.mentions.map((m) => m.text)).toEqual(['Prime Minister', 'Ada Byron', 'Byron']);
    expect(model.entities.find((e) => e.id === 'paris-summit')!.attributes).toEqual({ date: '2025-01' });
    expect(model.relations[3]!.qualifiers).toEqual({ rank: 2, after: 'sylvania' });
    expect(model.relations.map((r) => r.id)).toContain('ada-byron--invited-to--paris-summit');
  });

  it('reports an unknown entity, a duplicate id and a missing quote together, with lines', () => {
    const issues = issuesOf(() =>
      buildModel(
        miniSources({
          graph: (t) =>
            t
              .replace('to: freedonia', 'to: atlantis')
              .replace('id: sylvania', 'id: freedonia')
              .replace('was invited to a summit in Paris', 'was invited to a summit in Rome'),
        }),
      ),
    );
    const text = issues.map((i) => `${i.file.split('/').pop()}:${i.line} ${i.path} ${i.message}`);
    expect(text).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^graph\.yaml:\d+ entities\[2\]\.id duplicate entity id "freedonia"/),
        expect.stringMatching(/^graph\.yaml:\d+ relations\[0\]\.to unknown entity "atlantis"/),
        expect.stringMatching(/^graph\.yaml:\d+ relations\[1\]\.evidence evidence is not in the article verbatim/),
      ]),
    );
    const unknown = issues.find((i) => i.message.includes('atlantis'))!;
    expect(unknown.line).toBe(miniSources().graph.text.split('\n').findIndex((l) => l.includes('to: freedonia')) + 1);
  });

  it('checks relation endpoint types, qualifier types and entity references', () => {
    const issues = issuesOf(() =>
      buildModel(
        miniSources({
          graph: (t) => t.replace('from: paris-summit', 'from: paris').replace('rank: 2', 'rank: second').replace('after: sylvania', 'after: nowhere'),
        }),
      ),
    );
    expect(issues.map((i) => i.path)).toEqual(
      expect.arrayContaining(['relations[2].from', 'relations[3].qualifiers.rank', 'relations[3].qualifiers.after']),
    );
    expect(issues.find((i) => i.path === 'relations[2].from')!.message).toMatch(/cannot start at a place/);
  });

  it('reports schema errors and YAML syntax errors with file and line', () => {
    const schema = issuesOf(() => buildModel(miniSources({ graph: (t) => t.replace('type: country\n    label: Sylvania', 'type: planet\n    label: Sylvania') })));
    expect(schema[0]).toMatchObject({ path: 'entities[2].type', line: 13 });
    const syntax = issuesOf(() => buildModel(miniSources({ meta: (t) => `${t}\n  bad: [unclosed\n` })));
    expect(syntax[0]!.file).toMatch(/meta\.yaml$/);
    expect(syntax[0]!.message).toMatch(/^YAML/);
    expect(syntax[0]!.line).toBeGreaterThan(0);
  });

  it('rejects an entity the article never mentions and a name shared by two entities', () => {
    const issues = issuesOf(() =>
      buildModel(miniSources({ graph: (t) => t.replace('label: Sylvania', 'label: Ruritania').replace('label: Paris\n', 'label: Paris\n    aliases: [Byron]\n') })),
    );
    expect(issues.map((i) => i.message)).toEqual(
      expect.arrayContaining([expect.stringMatching(/never mentioned/), expect.stringMatching(/"Byron" names both/)]),
    );
  });

  it('keeps a label with markup as plain data', () => {
    const model = buildModel(
      miniSources({
        graph: (t) => t.replace('label: the Institute', `label: "<img src=x onerror=alert(1)>"\n    aliases: [the Institute]`),
      }),
    );
    expect(model.entities.find((e) => e.id === 'institute')!.label).toBe('<img src=x onerror=alert(1)>');
  });
});

describe('buildArticle', () => {
  it('lays the graph out the same way every time, with sizes and colours', () => {
    const a = buildArticle(miniSources());
    const b = buildArticle(miniSources());
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    const { graph } = loadArticle(a);
    graph.forEachNode((_, attrs) => {
      expect(Number.isFinite(attrs.x)).toBe(true);
      expect(attrs.color).toMatch(/^#[0-9A-F]{6}$/i);
      expect(attrs.size).toBeGreaterThan(0);
    });
    expect(graph.getEdgeAttributes('ada-byron--invited-to--paris-summit')).toMatchObject({ label: 'invited to', inverse: 'invited' });
  });
});

describe('layout of a tiny graph', () => {
  it('gives a lone entity a finite position and the smallest size', () => {
    const lone = miniSources({
      graph: () => 'entities:\n  - id: paris\n    type: place\n    label: Paris\nrelations: []\n',
    });
    const { graph } = loadArticle(buildArticle(lone));
    const a = graph.getNodeAttributes('paris');
    expect([a.x, a.y, a.size].every(Number.isFinite)).toBe(true);
    expect(a.size).toBe(5);
  });
});

describe('an unmentioned entity', () => {
  it('is told apart from one whose name only sits inside another entity\'s longer name', () => {
    const issues = issuesOf(() =>
      buildModel(miniSources({ article: (t) => t.replace('PARIS (Wire) - ', '').replace('Byron said', 'Ada said'), graph: (t) => t.replace('aliases: [Byron, Prime Minister]', 'aliases: [Prime Minister]') })),
    );
    const paris = issues.find((i) => i.message.includes('"paris"'))!;
    expect(paris.message).toBe('entity "paris" is never mentioned on its own: "Paris" occurs only inside a longer name of "paris-summit"');
  });
});
