/**
 * Hostile strings in every field (test/helpers/hostileData.ts), exported in every format and read
 * back by real readers: xmllint (GraphML against the XSD, GEXF well-formed), NetworkX
 * (read_graphml, read_gexf), igraph (Read_GraphML), graphology-graphml, Python's ElementTree (the
 * GEXF <meta>, which NetworkX skips), JSON.parse and Python's csv module.
 *
 * Every string is compared with what the data holds. The documented replacements are counted
 * apart and reported (test/artifacts/hostile-report.json); any other difference fails:
 * - every format: a lone surrogate becomes U+FFFD (src/export/wellFormed.ts);
 * - GraphML and GEXF: what XML 1.0 forbids becomes U+FFFD (src/export/xml.ts), and an empty
 *   string is written as no value, which readers that tell the two apart report as missing;
 * - CSV: a cell starting with = + - @ tab or CR gets a leading ' (src/export/csv.ts).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import { MultiDirectedGraph } from 'graphology';
import { parse as parseGraphML } from 'graphology-graphml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildArticle, loadArticle, type LoadedArticle } from '../src/corpus/index.ts';
import { exportArticle, EXPORT_FORMATS, exportText, flattenGraph, type ExportFormat } from '../src/export/index.ts';
import { gexfString } from '../src/export/gexf.ts';
import { own } from '../src/model/own.ts';
import { GRAPHML_XSD, PYTHON, report, run, type ReaderResult, type TypedValue } from './helpers/graphml-readers.ts';
import { canBeInArticle, writeHostileData, type Field, type HostileData } from './helpers/hostileData.ts';
import { REPO, sources } from './helpers/sources.ts';
import { sanitizeXmlText } from './helpers/xmlOracle.ts';

const HELPERS = join(REPO, 'test/helpers');
const scratch = mkdtempSync(join(tmpdir(), 'kg-hostile-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

// ----- what each format is documented to give back ----------------------------------------------

const KINDS = {
  surrogate: 'lone surrogate -> U+FFFD',
  xml: 'XML-forbidden character -> U+FFFD',
  empty: 'empty string -> no value',
  formula: "formula-like cell -> leading '",
} as const;
type Kind = keyof typeof KINDS;

/** Written apart from src/export: lone halves of surrogate pairs. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const FORMULA = /^[=+\-@\t\r]/;

function expected(format: ExportFormat, text: string): { value: string; kinds: Kind[] } {
  const kinds: Kind[] = [];
  let value = text.replace(LONE_SURROGATE, '\ufffd');
  if (value !== text) kinds.push('surrogate');
  if (format === 'graphml' || format === 'gexf') {
    const xml = sanitizeXmlText(value);
    if (xml !== value) kinds.push('xml');
    value = xml;
  }
  if (format === 'csv' && FORMULA.test(value)) {
    value = "'" + value;
    kinds.push('formula');
  }
  return { value, kinds };
}

/** A reader's view of one field: the string, or undefined when it has no value there. */
type Read = (f: Field) => string | undefined;
interface Reader {
  name: string;
  format: ExportFormat;
  /** CSV has node and edge tables only: the article's metadata is not in it. */
  carries?: (f: Field) => boolean;
  /** True if the reader tells a missing value from "": it must then report an empty string as missing. */
  seesMissing: boolean;
  read: Read;
}

interface Tally {
  reader: string;
  fields: number;
  exact: number;
  documented: Partial<Record<Kind, number>>;
  differences: string[];
}

const show = (s: string | undefined) => (s === undefined ? 'no value' : JSON.stringify(s.length > 80 ? s.slice(0, 80) + '…' : s));

function tally(reader: Reader, all: Field[]): Tally {
  const fields = reader.carries ? all.filter(reader.carries) : all;
  const t: Tally = { reader: reader.name, fields: fields.length, exact: 0, documented: {}, differences: [] };
  for (const f of fields) {
    const want = expected(reader.format, f.text);
    let got: string | undefined;
    try {
      got = reader.read(f);
    } catch (error) {
      t.differences.push(`${f.element} ${f.id} ${f.field} (${f.source}): ${String(error)}`);
      continue;
    }
    const kinds = [...want.kinds];
    if (want.value === '' && reader.seesMissing) kinds.push('empty');
    const same = want.value === '' && reader.seesMissing ? got === undefined : got === want.value;
    if (!same) t.differences.push(`${f.element} ${f.id} ${f.field} (${f.source}): got ${show(got)}, expected ${show(want.value)}`);
    else if (kinds.length === 0) t.exact++;
    else for (const k of kinds) t.documented[k] = (t.documented[k] ?? 0) + 1;
  }
  return t;
}

// ----- readers -----------------------------------------------------------------------------------

/** Aliases travel as a JSON list in the flat formats. */
const alias = (json: string | undefined, f: Field) => (json === undefined ? undefined : (JSON.parse(json) as string[])[f.index ?? 0]);

/** A field of the flat formats (GraphML, GEXF, CSV), from one element's attributes. */
function flatField(attrs: (f: Field) => Record<string, string | undefined> | undefined): Read {
  return (f) => {
    const a = attrs(f);
    if (!a) throw new Error('element not found');
    const v = own(a, f.field);
    return f.field === 'aliases' ? alias(v, f) : v;
  };
}

/** [type, value] pairs from the Python readers: a value that is not a str shows as its type, and differs. */
function strings(attrs: Record<string, TypedValue> | undefined): Record<string, string> | undefined {
  if (!attrs) return undefined;
  return Object.fromEntries(Object.entries(attrs).map(([k, [type, v]]) => [k, type === 'str' ? String(v) : `<${type}>`]));
}

/** The JSON export is graphology's serialized graph: nested values, read with own-key lookups. */
function jsonReader(serialized: { attributes: Record<string, unknown>; nodes: { key: string; attributes: Record<string, unknown> }[]; edges: { key: string; attributes: Record<string, unknown> }[] }): Reader {
  const nodes = new Map(serialized.nodes.map((n) => [n.key, n.attributes]));
  const edges = new Map(serialized.edges.map((e) => [e.key, e.attributes]));
  const nested = (a: Record<string, unknown> | undefined, ...path: string[]) =>
    path.reduce<unknown>((v, k) => (v && typeof v === 'object' ? own(v as Record<string, unknown>, k) : undefined), a);
  const read: Read = (f) => {
    if (f.element === 'graph') return nested(serialized.attributes, f.field) as string;
    const a = f.element === 'node' ? nodes.get(f.id) : edges.get(f.id);
    if (!a) throw new Error('element not found');
    const [prefix, name] = f.field.startsWith('attr_') ? ['attributes', f.field.slice(5)] : f.field.startsWith('q_') ? ['qualifiers', f.field.slice(2)] : [];
    if (prefix) return nested(a, prefix, name!) as string;
    if (f.field === 'aliases') return nested(a, 'aliases', String(f.index ?? 0)) as string;
    if (f.field === 'evidence') return nested(a, 'evidence', 'text') as string;
    return nested(a, f.field) as string;
  };
  return { name: 'JSON.parse', format: 'json', seesMissing: false, read };
}

// ----- the run -------------------------------------------------------------------------------------

let data: HostileData;
let article: LoadedArticle;
/** The files each format wrote. */
const outputs = new Map<ExportFormat, string[]>();
/** Each file's text as exportArticle gave it, before any encoding. */
const texts = new Map<string, string>();
const file = (name: string) => join(scratch, name);
let xsd: { code: number; stdout: string; stderr: string };
let gexfLint: { code: number; stdout: string; stderr: string };
let readers: Reader[] = [];
const tallies: Tally[] = [];

const pythonJson = async <T,>(script: string, args: string[]): Promise<T> => {
  // -B: the scripts import graphml_readers.py; no __pycache__ in the tree.
  const r = await run(PYTHON, ['-B', join(HELPERS, script), ...args]);
  if (r.code !== 0) throw new Error(`${script} exited ${r.code}: ${r.stderr.trim().split('\n').slice(-3).join(' ')}`);
  return JSON.parse(r.stdout) as T;
};
const unwrap = <T,>(result: T | { error: string }): T => {
  if (result && typeof result === 'object' && 'error' in result) throw new Error(String(result.error));
  return result as T;
};

beforeAll(async () => {
  const dir = file('data');
  mkdirSync(dir);
  data = writeHostileData(dir);
  // Positions do not matter here: a short layout keeps the build fast.
  article = loadArticle(buildArticle(sources(data.dataDir, data.slug), { iterations: 10 }));
  for (const format of EXPORT_FORMATS) {
    const names: string[] = [];
    for (const out of exportArticle(article, format)) {
      const name = file(`hostile.${format}${out.suffix}`);
      texts.set(`${format}${out.suffix}`, exportText(out));
      writeFileSync(name, texts.get(`${format}${out.suffix}`)!);
      names.push(name);
    }
    outputs.set(format, names);
  }
  const [graphml] = outputs.get('graphml')!;
  const [gexf] = outputs.get('gexf')!;
  const csvFiles = outputs.get('csv')!;
  let graphmlReport: { networkx: ReaderResult; igraph: ReaderResult };
  let gexfReport: { networkx: unknown; meta: unknown };
  let csvRows: Record<string, unknown>;
  [xsd, gexfLint, graphmlReport, gexfReport, csvRows] = await Promise.all([
    run('xmllint', ['--noout', '--schema', GRAPHML_XSD, graphml!]),
    run('xmllint', ['--noout', gexf!]),
    pythonJson<{ networkx: ReaderResult; igraph: ReaderResult }>('graphml_readers.py', ['--all', graphml!]),
    pythonJson<{ networkx: unknown; meta: unknown }>('gexf_reader.py', [gexf!]),
    pythonJson<Record<string, unknown>>('csv_reader.py', csvFiles),
  ]);

  // Readers are built lazily: one that cannot load its file fails its own test, not the others.
  const lazy = (name: string, format: ExportFormat, seesMissing: boolean, make: () => Read, carries?: Reader['carries']): Reader => {
    let read: Read | undefined;
    return { name, format, seesMissing, carries, read: (f) => (read ??= make())(f) };
  };
  const python = (result: ReaderResult) => () => {
    const r = report(result);
    const edges = new Map(r.edge_samples.map((e) => [e.id, e.attrs]));
    return flatField((f) =>
      strings(f.element === 'graph' ? r.graph_attrs : f.element === 'node' ? r.node_samples[f.id] : edges.get(f.id)),
    );
  };
  readers = [
    lazy('NetworkX read_graphml', 'graphml', true, python(graphmlReport.networkx)),
    // igraph has no missing strings: it gives "" for any, so it cannot tell the two apart.
    lazy('igraph Read_GraphML', 'graphml', false, python(graphmlReport.igraph)),
    lazy('graphology-graphml', 'graphml', true, () => {
      const g = parseGraphML(MultiDirectedGraph, readFileSync(graphml!, 'utf8'));
      const at = (f: Field) => (f.element === 'graph' ? g.getAttributes() : f.element === 'node' ? g.getNodeAttributes(f.id) : g.getEdgeAttributes(f.id));
      return flatField((f) => at(f) as Record<string, string>);
    }),
    lazy('NetworkX read_gexf (+ ElementTree for <meta>)', 'gexf', true, () => {
      const nx = unwrap(gexfReport.networkx as { nodes: Record<string, Record<string, TypedValue>>; edges: Record<string, { attrs: Record<string, TypedValue> }> } | { error: string });
      const meta = unwrap(gexfReport.meta as Record<string, string | null> | { error: string });
      return flatField((f) =>
        f.element === 'graph'
          ? Object.fromEntries(Object.entries(meta).filter((e): e is [string, string] => e[1] !== null))
          : strings(f.element === 'node' ? nx.nodes[f.id] : nx.edges[f.id]?.attrs),
      );
    }),
    lazy('JSON.parse', 'json', false, () => jsonReader(JSON.parse(readFileSync(outputs.get('json')![0]!, 'utf8'))).read),
    lazy('Python csv', 'csv', false, () => {
      const rows = (name: string) => new Map(unwrap(csvRows[name] as Record<string, string>[] | { error: string }).map((r) => [r.id!, r]));
      const nodes = rows(csvFiles.find((n) => n.endsWith('.nodes.csv'))!);
      const edges = rows(csvFiles.find((n) => n.endsWith('.edges.csv'))!);
      // Both "" and a missing value are an empty cell: "" is the value.
      return flatField((f) => (f.element === 'node' ? nodes : edges).get(f.id));
    }, (f) => f.element !== 'graph'),
  ];
}, 120_000);

afterAll(() => {
  if (!data) return;
  const summary = {
    strings: data.strings.length,
    fields: data.fields.length,
    byField: countBy(data.fields, (f) => `${f.element}.${f.field}`),
    readers: tallies.map(({ differences, ...t }) => ({ ...t, documented: Object.fromEntries(Object.entries(t.documented).map(([k, n]) => [KINDS[k as Kind], n])), differences: differences.length })),
  };
  mkdirSync(join(REPO, 'test/artifacts'), { recursive: true });
  writeFileSync(join(REPO, 'test/artifacts/hostile-report.json'), JSON.stringify(summary, null, 2) + '\n');
  console.log(`hostile strings: ${summary.strings} strings in ${summary.fields} fields`);
  for (const t of summary.readers) console.log(`  ${t.reader}: ${t.exact} exact, documented ${JSON.stringify(t.documented)}, ${t.differences} other differences`);
});

function countBy<T>(items: T[], key: (t: T) => string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1;
  return counts;
}

/** Compares every field through `name`, records the tally and fails on any undocumented difference. */
function checkReader(name: string): Tally {
  const reader = readers.find((r) => r.name === name)!;
  const t = tally(reader, data.fields);
  tallies.push(t);
  expect(t.differences.slice(0, 20), `${t.differences.length} undocumented differences`).toEqual([]);
  return t;
}

describe('hostile strings in every field, through every export and back', () => {
  it('the data folder holds every string, in every kind of field', () => {
    const n = data.strings.length;
    expect(n).toBeGreaterThan(300);
    const sourcesOf = (field: string) => new Set(data.fields.filter((f) => `${f.element}.${f.field}` === field).map((f) => f.source));
    // Fields that take any string hold every one of them.
    for (const field of ['node.description', 'node.attr_note', 'node.attr_constructor', 'edge.q_note', 'edge.q_constructor'])
      expect(sourcesOf(field).size, field).toBe(n);
    // Vocabulary labels and inverses hold them all too, wrapped in ⟦ ⟧ where white space ends them.
    for (const field of ['edge.label', 'edge.inverse']) expect(sourcesOf(field).size, field).toBe(n);
    // Names and quotes hold every string article.txt can: 110 OWASP vectors among them.
    expect(sourcesOf('node.label').size).toBeGreaterThan(200);
    const quotable = data.strings.filter((s) => canBeInArticle(s.text)).map((s) => s.id);
    expect([...sourcesOf('edge.evidence')].sort()).toEqual(quotable.sort());
    expect(quotable.filter((s) => s.startsWith('owasp-')).length).toBeGreaterThan(100);
    expect(article.graph.order).toBe(n);
    expect(article.graph.size).toBe(n);
    expect(article.graph.hasNode('constructor')).toBe(true);
  });

  it('every format writes well-formed text: no lone surrogate reaches a file or a Blob', () => {
    expect([...texts.keys()]).toEqual(['graphml', 'gexf', 'json', 'csv.nodes.csv', 'csv.edges.csv']);
    for (const [name, text] of texts) expect(text.match(LONE_SURROGATE), name).toBeNull();
  });

  it('GraphML: valid against the GraphML XSD', () => {
    expect(xsd.code, (xsd.stdout + xsd.stderr).slice(0, 2000)).toBe(0);
  });

  it('GraphML: NetworkX gives every string back, changed only as documented', () => {
    const t = checkReader('NetworkX read_graphml');
    expect(t.documented.xml).toBeGreaterThan(0);
    expect(t.documented.empty).toBeGreaterThan(0);
  });

  it('GraphML: igraph gives every string back, changed only as documented', () => {
    checkReader('igraph Read_GraphML');
  });

  it('GraphML: graphology-graphml gives every string back, and agrees with NetworkX that "" is no value', () => {
    checkReader('graphology-graphml');
  });

  it('GEXF: well-formed XML', () => {
    expect(gexfLint.code, (gexfLint.stdout + gexfLint.stderr).slice(0, 2000)).toBe(0);
  });

  it('GEXF: NetworkX (and ElementTree for <meta>) give every string back, changed only as documented', () => {
    const t = checkReader('NetworkX read_gexf (+ ElementTree for <meta>)');
    expect(t.documented.xml).toBeGreaterThan(0);
  });

  it('JSON: JSON.parse gives every string back; only lone surrogates change', () => {
    const t = checkReader('JSON.parse');
    expect(Object.keys(t.documented)).toEqual(['surrogate']);
  });

  it('CSV: Python csv gives every string back; only lone surrogates and formula-like cells change', () => {
    const t = checkReader('Python csv');
    expect(Object.keys(t.documented).sort()).toEqual(['formula', 'surrogate']);
  });

  it('every reader replaces the same lone surrogates', () => {
    // Each reader has passed on its own; here they agree on the node and edge fields all carry.
    const surrogateFields = data.fields.filter((f) => f.element !== 'graph' && f.text.match(LONE_SURROGATE) !== null);
    expect(surrogateFields.length).toBeGreaterThan(0);
    for (const reader of readers) {
      const t = tally(reader, surrogateFields);
      expect([t.documented.surrogate, t.differences], reader.name).toEqual([surrogateFields.length, []]);
    }
  });
});

describe('GEXF: characters in attribute values and in <meta> text', () => {
  /** Strict DOM parse; xmldom warns about U+FFFD, which is written on purpose. */
  const dom = (xml: string) =>
    new DOMParser({ onError: (level: string, message: string) => void (level !== 'warning' && (() => { throw new Error(message); })()) }).parseFromString(xml, 'text/xml');

  it('keeps tab, LF and CR in labels, attribute values and meta, and replaces forbidden characters', () => {
    const g = flattenGraph(article.graph).nullCopy();
    const s = 'a\tb\nc\rd\r\ne \u0001 \ud800 ]]> <&> "\'';
    g.replaceAttributes({ title: s });
    g.addNode('n', { label: s, note: s });
    const xml = gexfString(g);
    const doc = dom(xml);
    const want = 'a\tb\nc\rd\r\ne \ufffd \ufffd ]]> <&> "\'';
    const node = doc.getElementsByTagName('node')[0]!;
    expect(node.getAttribute('label')).toBe(want);
    expect(doc.getElementsByTagName('attvalue')[0]!.getAttribute('value')).toBe(want);
    expect(doc.getElementsByTagName('title')[0]!.textContent).toBe(want);
  });
});
