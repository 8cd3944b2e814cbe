import { DOMParser } from '@xmldom/xmldom';
import fc from 'fast-check';
import Graph, { MultiDirectedGraph, MultiGraph, UndirectedGraph } from 'graphology';
import { parse } from 'graphology-graphml';
import { describe, expect, it } from 'vitest';
import { graphMLString, writeGraphML, type GraphMLKey } from '../src/export/graphml.ts';
import { escapeText, isNmtoken } from '../src/export/xml.ts';
import { sanitizeXmlText } from './helpers/xmlOracle.ts';

const GRAPHML_NS = 'http://graphml.graphdrawing.org/xmlns';

/** Strict DOM parse; xmldom's warning about U+FFFD (which we write on purpose) is ignored. */
function dom(xml: string) {
  const onError = (level: string, message: string) => {
    if (level !== 'warning') throw new Error(message);
  };
  return new DOMParser({ onError }).parseFromString(xml, 'text/xml');
}

function keysOf(xml: string) {
  return Array.from(dom(xml).getElementsByTagName('key')).map((k) => ({
    id: k.getAttribute('id'),
    for: k.getAttribute('for'),
    name: k.getAttribute('attr.name'),
    type: k.getAttribute('attr.type'),
  }));
}

/** Text of the <data> with key `key` inside the element with id `id`. */
function dataText(xml: string, tag: string, id: string, key: string): string | undefined {
  const el = Array.from(dom(xml).getElementsByTagName(tag)).find((e) => e.getAttribute('id') === id);
  const data = Array.from(el?.getElementsByTagName('data') ?? []).find((d) => d.getAttribute('key') === key);
  return data?.textContent ?? undefined;
}

function sample() {
  const g = new MultiDirectedGraph();
  g.setAttribute('title', 'Starmer & Scholz');
  g.addNode('keir-starmer', { label: 'Keir Starmer', labelV: 'person', x: 1.5, y: -2, size: 3, r: 10, g: 20, b: 30, central: true });
  g.addNode('olaf-scholz', { label: 'Olaf Scholz', labelV: 'person', x: 0, y: 1e-7, size: 2, r: 1, g: 2, b: 3, central: false });
  g.addEdgeWithKey('r1', 'keir-starmer', 'olaf-scholz', { label: 'met with', labelE: 'met_with', weight: 0.5, start: 3 });
  g.addEdgeWithKey('r2', 'keir-starmer', 'olaf-scholz', { label: 'called', labelE: 'called', weight: 1, start: 40 });
  return g;
}

describe('GraphML writer: document structure', () => {
  it('writes the declaration, namespace, schema location and an explicit edgedefault', () => {
    const xml = graphMLString(sample());
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<graphml xmlns="http://graphml.graphdrawing.org/xmlns"')).toBe(true);
    expect(xml).toContain('xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd"');
    expect(xml).toContain('<graph id="G" edgedefault="directed">');
    const root = dom(xml).documentElement!;
    expect(root.namespaceURI).toBe(GRAPHML_NS);
    expect(graphMLString(new UndirectedGraph())).toContain('edgedefault="undirected"');
  });

  it('declares one key per attribute per domain with Gephi/TinkerPop-friendly ids and inferred types', () => {
    const keys = keysOf(graphMLString(sample(), { edge: [{ name: 'weight', type: 'double' }] }));
    expect(keys).toEqual([
      { id: 'label', for: 'node', name: 'label', type: 'string' },
      { id: 'labelV', for: 'node', name: 'labelV', type: 'string' },
      { id: 'x', for: 'node', name: 'x', type: 'double' },
      { id: 'y', for: 'node', name: 'y', type: 'double' },
      { id: 'size', for: 'node', name: 'size', type: 'long' },
      { id: 'r', for: 'node', name: 'r', type: 'long' },
      { id: 'g', for: 'node', name: 'g', type: 'long' },
      { id: 'b', for: 'node', name: 'b', type: 'long' },
      { id: 'central', for: 'node', name: 'central', type: 'boolean' },
      { id: 'weight', for: 'edge', name: 'weight', type: 'double' },
      { id: 'e_label', for: 'edge', name: 'label', type: 'string' },
      { id: 'labelE', for: 'edge', name: 'labelE', type: 'string' },
      { id: 'start', for: 'edge', name: 'start', type: 'long' },
      { id: 'title', for: 'graph', name: 'title', type: 'string' },
    ]);
    expect(new Set(keys.map((k) => k.id)).size).toBe(keys.length);
    expect(keys.every((k) => k.for !== 'all')).toBe(true);
  });

  it('keeps labelE for the edge key, prefixes graph keys that clash, and keeps ids unique', () => {
    const g = new Graph();
    g.setAttribute('label', 'graph label');
    g.setAttribute('e_label', 'odd');
    g.addNode('a', { label: 'A', labelE: 'odd node attribute', e_label: 'clash' });
    g.addNode('b');
    g.addEdgeWithKey('ab', 'a', 'b', { label: 'x', labelE: 'rel' });
    const keys = keysOf(graphMLString(g));
    expect(keys.map((k) => `${k.for}:${k.name}=${k.id}`)).toEqual([
      'node:label=label',
      'node:labelE=n_labelE',
      'node:e_label=e_label',
      'edge:label=e_label_2',
      'edge:labelE=labelE',
      'graph:label=g_label',
      'graph:e_label=g_e_label',
    ]);
  });

  it('writes graph attributes as <data> inside <graph>, before nodes', () => {
    const xml = graphMLString(sample());
    expect(xml).toMatch(/<graph id="G" edgedefault="directed">\n\s*<data key="title">Starmer &amp; Scholz<\/data>\n\s*<node /);
  });

  it('writes edge ids, sources and targets as given, and per-edge directed="false" in mixed graphs', () => {
    const xml = graphMLString(sample());
    expect(xml).toContain('<edge id="r1" source="keir-starmer" target="olaf-scholz">');
    expect(xml).toContain('<edge id="r2" source="keir-starmer" target="olaf-scholz">');
    const m = new MultiGraph();
    m.addNode('a');
    m.addNode('b');
    m.addDirectedEdgeWithKey('d', 'a', 'b');
    m.addUndirectedEdgeWithKey('u', 'a', 'b');
    const mx = graphMLString(m);
    expect(mx).toContain('edgedefault="directed"');
    expect(mx).toContain('<edge id="d" source="a" target="b"/>');
    expect(mx).toContain('<edge id="u" source="a" target="b" directed="false"/>');
  });

  it('omits missing values and writes typed values', () => {
    const g = new Graph();
    g.addNode('a', { n: 1, d: 0.1, big: 2 ** 53 + 2, nan: NaN, inf: Infinity, ninf: -Infinity, z: -0, flag: false, none: null, arr: [1, 'a'] });
    g.addNode('b', { n: undefined, d: 3 });
    const xml = graphMLString(g, { node: [{ name: 'd', type: 'double' }, { name: 'big', type: 'long' }, { name: 'z', type: 'double' }] });
    expect(dataText(xml, 'node', 'a', 'n')).toBe('1');
    expect(dataText(xml, 'node', 'a', 'd')).toBe('0.1');
    expect(dataText(xml, 'node', 'b', 'd')).toBe('3');
    expect(dataText(xml, 'node', 'a', 'big')).toBe('9007199254740994');
    expect(dataText(xml, 'node', 'a', 'nan')).toBe('NaN');
    expect(dataText(xml, 'node', 'a', 'inf')).toBe('INF');
    expect(dataText(xml, 'node', 'a', 'ninf')).toBe('-INF');
    expect(dataText(xml, 'node', 'a', 'z')).toBe('-0');
    expect(dataText(xml, 'node', 'a', 'flag')).toBe('false');
    expect(dataText(xml, 'node', 'a', 'arr')).toBe('[1,"a"]');
    expect(dataText(xml, 'node', 'b', 'n')).toBeUndefined();
    expect(xml).not.toContain('key="none"');
    // An empty string is no value too: NetworkX could not read it as anything else.
    g.addNode('c', { n: '', d: 1 });
    expect(graphMLString(g)).toContain('<node id="c"><data key="d">1</data></node>');
    const types = Object.fromEntries(keysOf(xml).map((k) => [k.name, k.type]));
    expect(types).toMatchObject({ n: 'long', d: 'double', nan: 'double', flag: 'boolean', arr: 'string', none: 'string' });
  });
});

describe('GraphML writer: escaping and sanitising', () => {
  const hostile = 'a <script>alert("x")</script> & b ]]> \'q\' "qq" \u0001\u0008\u000b\u001f \t\n\r end 😀 \ud800 x \udc00 \ufffe\uffff';

  it('escapes markup, keeps CR as &#13; and replaces forbidden characters', () => {
    const g = new Graph();
    g.addNode('a', { label: hostile });
    const xml = graphMLString(g);
    expect(xml).not.toContain('<script>');
    expect(xml).not.toContain(']]>');
    expect(xml).toContain('&lt;script&gt;alert("x")&lt;/script&gt; &amp; b ]]&gt;');
    expect(xml).toContain('&#13;');
    // Control characters are exactly what this asserts are gone.
    // oxlint-disable-next-line no-control-regex
    expect(xml).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\r\ufffe\uffff]/);
    expect(xml).toContain('😀');
    const back = dataText(xml, 'node', 'a', 'label');
    expect(back).toBe(sanitizeXmlText(hostile));
    expect(back).toBe('a <script>alert("x")</script> & b ]]> \'q\' "qq" \ufffd\ufffd\ufffd\ufffd \t\n\r end 😀 \ufffd x \ufffd \ufffd\ufffd');
  });

  it('writes NEL and LS as references, which xmldom (graphology-graphml) would otherwise read as LF', () => {
    const g = new Graph();
    g.addNode('a', { label: 'next\u0085line\u2028sep\u2029para' });
    const xml = graphMLString(g);
    expect(xml).toContain('next&#133;line&#8232;sep');
    expect(dataText(xml, 'node', 'a', 'label')).toBe('next\u0085line\u2028sep\u2029para');
    expect(parse(MultiDirectedGraph, xml).getNodeAttribute('a', 'label')).toBe('next\u0085line\u2028sep\u2029para');
  });

  it('leaves clean strings untouched (fast path) and keeps surrogate pairs', () => {
    const s = 'Keir Starmer met Olaf Scholz';
    expect(escapeText(s)).toBe(s);
    expect(escapeText('🇬🇧 é')).toBe('🇬🇧 é');
    expect(escapeText('\ud83d')).toBe('\ufffd');
  });

  it('checks NMTOKENs', () => {
    for (const ok of ['keir-starmer', 'a.b:c_d', '1', 'é', 'naïve-名前']) expect(isNmtoken(ok)).toBe(true);
    for (const bad of ['', 'a b', 'a&b', 'a<b', 'a"b', "a'b", 'a\u0001', 'a/b', '😀'.slice(0, 1)]) expect(isNmtoken(bad)).toBe(false);
  });
});

describe('GraphML writer: errors', () => {
  it('throws on a declared int holding 1.5, naming the element and attribute', () => {
    const g = new Graph();
    g.addNode('keir-starmer', { rank: 1.5 });
    expect(() => graphMLString(g, { node: [{ name: 'rank', type: 'int' }] })).toThrow(/node "keir-starmer" attribute "rank" is declared int/);
    const h = new Graph();
    h.addNode('a');
    h.addEdgeWithKey('r1', 'a', 'a', { start: 2 ** 40 });
    expect(() => graphMLString(h, { edge: [{ name: 'start', type: 'int' }] })).toThrow(/edge "r1" attribute "start"/);
    expect(() => graphMLString(h, { edge: [{ name: 'start', type: 'long' }] })).not.toThrow();
  });

  it('throws on ids and attribute names that are not NMTOKENs, naming them', () => {
    const g = new Graph();
    g.addNode('Keir Starmer');
    expect(() => graphMLString(g)).toThrow(/node id "Keir Starmer" is not an XML NMTOKEN/);
    const h = new Graph();
    h.addNode('a');
    h.addNode('b');
    h.addEdgeWithKey('a&b', 'a', 'b');
    expect(() => graphMLString(h)).toThrow(/edge id "a&b"/);
    const k = new Graph();
    k.addNode('a', { 'first name': 'x' });
    expect(() => graphMLString(k)).toThrow(/node attribute name "first name" is not an XML NMTOKEN/);
    const e = new Graph();
    e.addNode('');
    expect(() => graphMLString(e)).toThrow(/node id ""/);
  });

  it('throws on unknown declared types and mismatched declared values', () => {
    const g = new Graph();
    g.addNode('a', { flag: 'yes', w: '1' });
    expect(() => graphMLString(g, { node: [{ name: 'flag', type: 'date' as GraphMLKey['type'] }] })).toThrow(/unknown type "date"/);
    expect(() => graphMLString(g, { node: [{ name: 'flag', type: 'boolean' }] })).toThrow(/"flag" is declared boolean/);
    expect(() => graphMLString(g, { node: [{ name: 'w', type: 'double' }] })).toThrow(/"w" is declared double/);
  });
});

describe('GraphML writer: streaming', () => {
  it('yields many UTF-8 chunks, each about chunkSize bytes plus at most one element, each ending an element', () => {
    const g = new MultiDirectedGraph();
    for (let i = 0; i < 3000; i++) g.addNode(`n${i}`, { label: `Node number ${i} é😀`, x: i / 7 });
    for (let i = 0; i < 3000; i++) g.addEdgeWithKey(`e${i}`, `n${i}`, `n${(i * 7) % 3000}`, { weight: i / 3 });
    const chunks = [...writeGraphML(g, { chunkSize: 1000 })];
    const longestElement = 200;
    expect(chunks.length).toBeGreaterThan(200);
    for (const c of chunks) expect(c.length).toBeLessThan(1000 + longestElement);
    for (const c of chunks.slice(0, -1)) expect(c.length).toBeGreaterThanOrEqual(1000);
    // Each chunk is whole UTF-8 on its own (no character cut in two) and ends a line.
    const decoder = new TextDecoder('utf-8', { fatal: true });
    const texts = chunks.map((c) => decoder.decode(c));
    for (const t of texts) expect(t.endsWith('>\n')).toBe(true);
    expect(texts.join('')).toBe(graphMLString(g));
    expect(graphMLString(g)).toContain('<node id="n7"><data key="label">Node number 7 é😀</data><data key="x">1</data></node>');
  });

  it('gives chunks the caller may keep: writing goes on in a fresh buffer', () => {
    const g = new MultiDirectedGraph();
    for (let i = 0; i < 500; i++) g.addNode(`n${i}`, { label: `Node ${i}` });
    const kept = [...writeGraphML(g, { chunkSize: 100 })];
    const copies = [...writeGraphML(g, { chunkSize: 100 })].map((c) => c.slice());
    expect(kept.map((c) => [...c])).toEqual(copies.map((c) => [...c]));
  });

  it('grows past one huge element, and writes it whole', () => {
    const g = new MultiDirectedGraph();
    const big = 'é<&'.repeat(200_000) + 'x'.repeat(100_000);
    g.addNode('a', { text: big });
    g.addNode('b', { text: 'small' });
    const chunks = [...writeGraphML(g, { chunkSize: 64 })];
    const text = chunks.map((c) => new TextDecoder().decode(c)).join('');
    expect(dataText(text, 'node', 'a', 'text')).toBe(big);
    expect(dataText(text, 'node', 'b', 'text')).toBe('small');
  });
});

// ---------------------------------------------------------------------------------------------
// Property-based round trip through graphology-graphml's parser (its node entry uses @xmldom/xmldom).
//
// What that parser does, and how we compare:
// - numbers are cast with unary `+`: `INF`/`-INF` become NaN (so ±Infinity is compared as NaN),
//   `NaN` stays NaN, `-0` stays -0;
// - booleans compare the text lowercased with 'true'; strings are the element's textContent;
// - numeric `r`, `g`, `b` node attributes are folded into a `color` hex string (we avoid those names);
// - the <graph> id is added as a graph attribute `id` ('G');
// - typed <default> values would stay strings and `directed="false"` is ignored (we write neither
//   defaults nor mixed graphs here);
// - @xmldom/xmldom reads a raw NEL or LS as LF (XML 1.1 line ends): the writer references both.
// ---------------------------------------------------------------------------------------------

const hostileFragment = fc.constantFrom(
  '<', '>', '&', ']]>', '"', "'", '&amp;', '<script>alert(1)</script>', '😀', '🇬🇧', 'é', '\u0000', '\u0001', '\u001f',
  '\t', '\n', '\r', '\r\n', '\u0085', '\u2028', '\u2029', '\ud800', '\udfff', '\ufffe', '\uffff', ' ', 'Keir Starmer', '',
);
const hostileString = fc.oneof(
  { weight: 8, arbitrary: fc.array(fc.oneof(hostileFragment, fc.string({ maxLength: 5, unit: 'binary' })), { maxLength: 8 }).map((a) => a.join('')) },
  { weight: 1, arbitrary: fc.tuple(fc.string({ maxLength: 3 }), fc.nat(20)).map(([s, n]) => (s + '<&]]>😀\r').repeat(1 + n).padEnd(10_000, 'x')) },
);
const slug = fc.stringMatching(/^[a-z][a-z0-9-]{0,10}$/);

const NODE_SCHEMA: GraphMLKey[] = [
  { name: 'label', type: 'string' },
  { name: 'count', type: 'int' },
  { name: 'score', type: 'double' },
  { name: 'flag', type: 'boolean' },
];
const EDGE_SCHEMA: GraphMLKey[] = [
  { name: 'label', type: 'string' },
  { name: 'weight', type: 'double' },
  { name: 'start', type: 'long' },
];

const nodeAttrs = fc.record(
  {
    label: hostileString,
    count: fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }),
    score: fc.double(),
    flag: fc.boolean(),
    note: hostileString, // undeclared: inferred string
    rank: fc.integer(), // undeclared: inferred long
  },
  { requiredKeys: [] },
);
const edgeAttrs = fc.record(
  { label: hostileString, weight: fc.double({ noNaN: false }), start: fc.maxSafeInteger() },
  { requiredKeys: [] },
);

const graphArb = fc
  .uniqueArray(fc.tuple(slug, nodeAttrs), { minLength: 1, maxLength: 12, selector: ([id]) => id })
  .chain((nodes) =>
    fc.tuple(
      fc.constant(nodes),
      fc.uniqueArray(
        fc.tuple(slug.map((s) => `e-${s}`), fc.nat(nodes.length - 1), fc.nat(nodes.length - 1), edgeAttrs),
        { maxLength: 20, selector: ([id]) => id },
      ),
    ),
  )
  .map(([nodes, edges]) => ({
    nodes,
    edges: edges.map(([id, s, t, attrs]) => [id, nodes[s]![0], nodes[t]![0], attrs] as const),
  }));

function toGraph({ nodes, edges }: typeof graphArb extends fc.Arbitrary<infer T> ? T : never) {
  const g = new MultiDirectedGraph();
  for (const [id, attrs] of nodes) g.addNode(id, attrs);
  for (const [id, s, t, attrs] of edges) g.addEdgeWithKey(id, s, t, attrs);
  return g;
}

/** The value we expect graphology-graphml to give back for `v`. */
function expected(v: unknown): unknown {
  if (typeof v === 'string') return sanitizeXmlText(v);
  if (v === Infinity || v === -Infinity) return NaN; // parser quirk: +'INF' is NaN
  return v;
}

function expectAttrsEqual(actual: Record<string, unknown>, written: Record<string, unknown>) {
  // Missing values and empty strings are written as no value.
  const want = Object.fromEntries(Object.entries(written).filter(([, v]) => v != null && v !== '').map(([k, v]) => [k, expected(v)]));
  expect(Object.keys(actual).sort()).toEqual(Object.keys(want).sort());
  for (const [k, v] of Object.entries(want)) expect(Object.is(actual[k], v) || actual[k] === v, `${k}: ${String(actual[k])} vs ${String(v)}`).toBe(true);
}

describe('GraphML writer: round trip through graphology-graphml', () => {
  it('keeps nodes, edges (ids, source, target) and attribute values', () => {
    fc.assert(
      fc.property(graphArb, (spec) => {
        const g = toGraph(spec);
        const xml = graphMLString(g, { node: NODE_SCHEMA, edge: EDGE_SCHEMA, chunkSize: 512 });
        const back = parse(MultiDirectedGraph, xml);
        expect(back.order).toBe(g.order);
        expect(back.size).toBe(g.size);
        g.forEachNode((n, a) => {
          expect(back.hasNode(n)).toBe(true);
          expectAttrsEqual(back.getNodeAttributes(n), a);
        });
        g.forEachEdge((e, a, s, t) => {
          expect(back.hasEdge(e)).toBe(true);
          expect(back.source(e)).toBe(s);
          expect(back.target(e)).toBe(t);
          expectAttrsEqual(back.getEdgeAttributes(e), a);
        });
        expect(back.getAttributes()).toEqual({ id: 'G' });
      }),
      { numRuns: 150 },
    );
  });
});
