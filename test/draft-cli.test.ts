import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { kg } from './helpers/kg.ts';
import { cpSync } from 'node:fs';
import { MINI, REPO } from './helpers/sources.ts';

const scratch = mkdtempSync(join(tmpdir(), 'kg-draft-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const DEV = join(REPO, '../shared/testset/dev');
const devText = (name: string) => (JSON.parse(readFileSync(join(DEV, `${name}.json`), 'utf8')) as { text: string }).text;

interface Span {
  start: number;
  end: number;
  text: string;
}
interface DraftJson {
  entities: { id: string; type: string; label: string; aliases: string[]; mentions: Span[]; confidence: number }[];
  relations: { from: string; type: string; label: string; to: string; evidence: Span; confidence: number }[];
}

/** Every file under a folder with its size and modification time: what "writes nothing" is checked against. */
function snapshot(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((f) => join(dir, f))
    .map((f) => `${f} ${statSync(f).size} ${statSync(f).mtimeMs}`)
    .sort();
}

function expectGrounded(text: string, draft: DraftJson): void {
  expect(draft.entities.length).toBeGreaterThan(3);
  for (const e of draft.entities) {
    expect(Object.keys(e).slice(0, 6)).toEqual(['id', 'type', 'label', 'aliases', 'mentions', 'confidence']);
    expect(e.id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
    for (const m of e.mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
  }
  const ids = new Set(draft.entities.map((e) => e.id));
  expect(ids.size).toBe(draft.entities.length);
  for (const r of draft.relations) {
    expect(Object.keys(r).slice(0, 6)).toEqual(['from', 'type', 'label', 'to', 'evidence', 'confidence']);
    expect(ids.has(r.from) && ids.has(r.to)).toBe(true);
    expect(text.slice(r.evidence.start, r.evidence.end)).toBe(r.evidence.text);
  }
}

describe('kg draft', () => {
  it('prints a grounded draft of a text file as JSON, reusing the ids the data already has, and writes nothing', () => {
    const text = devText('starmer-hosts-scholz-chequers');
    const file = join(scratch, 'starmer.txt');
    writeFileSync(file, text);
    const before = snapshot(join(REPO, 'data'));
    const r = kg(['draft', file, '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const draft = JSON.parse(r.stdout) as DraftJson;
    expectGrounded(text, draft);
    const starmer = draft.entities.find((e) => e.label === 'Keir Starmer');
    expect(starmer?.id).toBe('keir-starmer');
    expect(snapshot(join(REPO, 'data'))).toEqual(before);
  });

  it("gives an entity the data folder already knows that entity's id, by label or name form", () => {
    const data = join(scratch, 'known');
    cpSync(MINI, data, { recursive: true });
    const graph = join(data, 'articles/mini/graph.yaml');
    writeFileSync(graph, readFileSync(graph, 'utf8').replaceAll('ada-byron', 'pm-byron-2025'));
    const text = 'Ada Byron, the prime minister of Freedonia, met Emmanuel Macron in Paris on Monday. Byron said the talks went well.';
    const r = kg(['draft', '-', '--json', '--data', data], { input: text });
    expect(r.code).toBe(0);
    const draft = JSON.parse(r.stdout) as DraftJson;
    expect(draft.entities.find((e) => e.label === 'Ada Byron')?.id).toBe('pm-byron-2025');
    expect(draft.entities.find((e) => e.label === 'Emmanuel Macron')?.id).toBe('emmanuel-macron');
  });

  it('reads standard input for -, and prints a readable summary without --json', () => {
    const text = devText('mars-kellanova-acquisition');
    const r = kg(['draft', '-'], { input: text });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Draft: \d+ entities, \d+ relations/);
    expect(r.stdout).toMatch(/organisation +Mars/);
    const json = kg(['draft', '-', '--json'], { input: text });
    expectGrounded(text, JSON.parse(json.stdout) as DraftJson);
  });

  it('refuses invalid UTF-8 and a missing file in one line each', () => {
    const bad = join(scratch, 'bad.txt');
    writeFileSync(bad, Buffer.from([0x4f, 0x6b, 0x0a, 0xff, 0x0a]));
    const r = kg(['draft', bad]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/bad\.txt:2:1: invalid UTF-8 at byte 3/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    const missing = kg(['draft', join(scratch, 'nothing.txt')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/nothing\.txt: file is missing/);
  });
});
