/**
 * The fast GraphML writer (src/export/graphml.ts, graphmlSink.ts, doubleText.ts) against what it
 * must write, without keeping an old writer to compare with:
 * - doubleText's numbers against `String(x)`, over random doubles of every kind;
 * - whole documents of random graphs with hostile strings against a plain string-building
 *   statement of the format (each line from the documented contract, text through ./xml.ts
 *   `escapeText`), byte for byte, in chunks of any size; then read back with src/import's
 *   GraphML reader, values compared.
 */
import fc from 'fast-check';
import Graph from 'graphology';
import { describe, expect, it } from 'vitest';
import { NUMBER_ROOM, writeNumber } from '../src/export/doubleText.ts';
import { writeGraphML, type GraphMLKey, type GraphMLType } from '../src/export/graphml.ts';
import { escapeText } from '../src/export/xml.ts';
import { graphStream } from '../src/import/stream.ts';
import { seededRandom } from '../src/layout/communities.ts';
import { sanitizeXmlText } from './helpers/xmlOracle.ts';
import { streamedGraph } from '../src/import/buildStreamed.ts';

const buf = new Uint8Array(64);
const decoder = new TextDecoder();
/** writeNumber's text, or a note if it wrote past the room it promises. */
const written = (x: number): string => {
  const end = writeNumber(buf, 0, x);
  return end > NUMBER_ROOM ? `wrote ${end} bytes` : decoder.decode(buf.subarray(0, end));
};

const bits = new DataView(new ArrayBuffer(8));
const fromBits = (b: bigint): number => {
  bits.setBigUint64(0, b);
  return bits.getFloat64(0);
};
const toBits = (x: number): bigint => {
  bits.setFloat64(0, x);
  return bits.getBigUint64(0);
};
/** x's neighbours k steps up or down the doubles (same sign). */
const nudged = (x: number, k: number): number => fromBits(toBits(x) + BigInt(k));

describe('doubleText: writeNumber writes String(x)', () => {
  // expect() only on a difference: it costs more than the writing.
  const same = (x: number) => {
    if (Number.isFinite(x) && written(x) !== String(x)) expect(written(x), `bits ${toBits(x).toString(16)}`).toBe(String(x));
  };

  it('for any double (subnormals, huge, -0, integers; NaN and infinities are the writer’s own)', () => {
    fc.assert(fc.property(fc.double(), same), { numRuns: 20000 });
    fc.assert(fc.property(fc.bigInt({ min: 0n, max: 2n ** 64n - 1n }), (b) => same(fromBits(b))), { numRuns: 20000 });
  });

  it('for decimals with few digits, around powers of ten and at the ends of the hand-done range', () => {
    const decimal = fc.tuple(fc.integer({ min: -(2 ** 31), max: 2 ** 31 }), fc.integer({ min: 0, max: 22 })).map(([m, k]) => m / 10 ** k);
    fc.assert(fc.property(decimal, same), { numRuns: 20000 });
    const edge = fc.tuple(fc.constantFrom(1e-7, 1e-6, 1e-5, 0.1, 1, 10, 2 ** 31, 1e15, 2 ** 52, 2 ** 53, 1e21), fc.integer({ min: -3000, max: 3000 }), fc.boolean());
    fc.assert(fc.property(edge, ([x, k, negative]) => same((negative ? -1 : 1) * nudged(x, k))), { numRuns: 20000 });
    const power = fc.tuple(fc.integer({ min: -8, max: 17 }), fc.integer({ min: -40, max: 40 })).map(([e, k]) => nudged(10 ** e, k));
    fc.assert(fc.property(power, same), { numRuns: 10000 });
  });

  it('for a million seeded doubles of the kinds a graph holds (positions, weights, sizes, sums)', () => {
    const rnd = seededRandom(20261203);
    const kinds = [
      () => rnd(),
      () => (rnd() - 0.5) * 2000,
      () => 1 + rnd() * 9,
      () => rnd() * 100 + rnd() * 0.001,
      () => Math.round(rnd() * 1e6) / 10 ** Math.floor(rnd() * 12),
      () => rnd() * 10 ** Math.floor(rnd() * 44 - 22),
      () => (rnd() - 0.5) * 2 ** Math.floor(rnd() * 60),
    ];
    const wrong: string[] = [];
    for (let i = 0; i < 1_000_000; i++) {
      const x = kinds[i % kinds.length]!();
      if (written(x) !== String(x)) wrong.push(`${String(x)} written ${written(x)}`);
    }
    expect(wrong.slice(0, 5)).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// Whole documents.

/** NMTOKEN characters, ASCII and not (U+00B7 and U+10000 included). */
const idChar = fc.constantFrom('a', 'Z', '0', '_', ':', '.', '-', 'é', '\u00b7', '中', '\u{10000}');
const idArb = fc.array(idChar, { minLength: 1, maxLength: 6 }).map((cs) => cs.join(''));
/** Text that escaping, sanitising or UTF-8 can get wrong. */
const hostileChar = fc.constantFrom(
  'a', ' ', '&', '<', '>', '"', "'", '\t', '\n', '\r', '\u0000', '\u0008', '\u000b', '\u001f', '\u007f', '\u0085', '\u00a0', 'é', '\u07ff',
  '\u0800', '\u2028', '\u2029', '\ud800', '\udbff', '\udc00', '\udfff', '\ud83d\ude00', '\u{10ffff}', '\ufeff', '\ufffd', '\ufffe', '\uffff',
  '<script>', ']]>', '&amp;', '<![CDATA[', '-->',
);
const hostileString = fc.array(hostileChar, { maxLength: 12 }).map((cs) => cs.join(''));

const NAMES = ['label', 'x', 'weight', 'n', 'flag', 'note', 'labelE', 'big'];
const TYPES: GraphMLType[] = ['string', 'double', 'float', 'int', 'long', 'boolean'];

/** A value a declared key of type `t` accepts (or a missing one). */
function valueOf(t: GraphMLType): fc.Arbitrary<unknown> {
  const missing = fc.constantFrom(undefined, null, '');
  switch (t) {
    case 'string':
      return fc.oneof(hostileString, hostileString, missing, fc.array(hostileString, { maxLength: 2 }), fc.double(), fc.boolean());
    case 'double':
    case 'float':
      return fc.oneof(fc.double(), fc.integer(), fc.constantFrom(0, -0, NaN, Infinity, -Infinity, 0.1, 1e21, 5e-324), missing);
    case 'int':
      return fc.oneof(fc.integer(), fc.bigInt({ min: -(2n ** 31n), max: 2n ** 31n - 1n }), missing);
    case 'long':
      return fc.oneof(fc.integer(), fc.maxSafeInteger(), fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }), missing);
    case 'boolean':
      return fc.oneof(fc.boolean(), missing);
  }
}
/** Any value an undeclared attribute may hold: its key's type is inferred from all of them. */
const anyValue = fc.oneof(hostileString, fc.double(), fc.integer(), fc.boolean(), fc.constantFrom(undefined, null, ''), fc.array(fc.integer(), { maxLength: 2 }));

interface Spec {
  declared: { node: GraphMLKey[]; edge: GraphMLKey[]; graph: GraphMLKey[] };
  type: 'directed' | 'undirected' | 'mixed';
  nodes: [string, Record<string, unknown>][];
  edges: [number, number, boolean, Record<string, unknown>][];
  graph: Record<string, unknown>;
  chunkSize: number;
}

const declaredArb = fc.uniqueArray(fc.constantFrom(...NAMES), { maxLength: 4 }).chain((names) =>
  fc.tuple(...names.map((name) => fc.constantFrom(...TYPES).map((type): GraphMLKey => ({ name, type })))),
);
function attrsArb(declared: GraphMLKey[]): fc.Arbitrary<Record<string, unknown>> {
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  for (const name of NAMES) model[name] = declared.find((k) => k.name === name) ? valueOf(declared.find((k) => k.name === name)!.type) : anyValue;
  return fc.record(model, { requiredKeys: [] });
}
const specArb: fc.Arbitrary<Spec> = fc
  .record({ node: declaredArb, edge: declaredArb, graph: declaredArb, type: fc.constantFrom('directed', 'undirected', 'mixed') as fc.Arbitrary<Spec['type']> })
  .chain(({ node, edge, graph, type }) =>
    fc.record({
      declared: fc.constant({ node, edge, graph }),
      type: fc.constant(type),
      nodes: fc.uniqueArray(fc.tuple(idArb, attrsArb(node)), { minLength: 1, maxLength: 8, selector: ([id]) => id }),
      edges: fc.array(fc.tuple(fc.nat(), fc.nat(), fc.boolean(), attrsArb(edge)), { maxLength: 12 }),
      graph: attrsArb(graph),
      chunkSize: fc.integer({ min: 1, max: 400 }),
    }),
  );

function toGraph(spec: Spec): Graph {
  const g = new Graph({ type: spec.type, multi: true });
  for (const [id, attrs] of spec.nodes) g.addNode(id, attrs);
  spec.edges.forEach(([s, t, undirected, attrs], i) => {
    const source = spec.nodes[s % spec.nodes.length]![0];
    const target = spec.nodes[t % spec.nodes.length]![0];
    const key = `e${i}.${source}`;
    if (spec.type === 'mixed' ? undirected : spec.type === 'undirected') g.addUndirectedEdgeWithKey(key, source, target, attrs);
    else g.addDirectedEdgeWithKey(key, source, target, attrs);
  });
  g.replaceAttributes(spec.graph);
  return g;
}

// The format, stated plainly: what the writer must produce, built with strings.

const missing = (v: unknown) => v === undefined || v === null || v === '';

/** The documented inference: all booleans -> boolean, all safe integers -> long, numbers -> double, else string. */
function keyTypes(declared: GraphMLKey[], elements: Record<string, unknown>[]): [string, GraphMLType][] {
  const types = new Map<string, GraphMLType>(declared.map((k) => [k.name, k.type]));
  const seen = new Map<string, unknown[]>();
  for (const attrs of elements) for (const [name, v] of Object.entries(attrs)) if (!types.has(name)) seen.set(name, [...(seen.get(name) ?? []), v]);
  for (const [name, vs] of seen) {
    const present = vs.filter((v) => v !== undefined && v !== null);
    const inferred: GraphMLType =
      present.length > 0 && present.every((v) => typeof v === 'boolean')
        ? 'boolean'
        : present.length > 0 && present.every((v) => Number.isSafeInteger(v) || typeof v === 'bigint')
          ? 'long'
          : present.length > 0 && present.every((v) => typeof v === 'number' || typeof v === 'bigint')
            ? 'double'
            : 'string';
    types.set(name, inferred);
  }
  return [...types];
}

/** A value of a string key as a string: arrays and objects as JSON. */
const stringOf = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'object' ? JSON.stringify(v) : String(v));

function valueText(v: unknown, type: GraphMLType): string {
  switch (type) {
    case 'string':
      return escapeText(stringOf(v));
    case 'double':
    case 'float': {
      const x = v as number;
      return Object.is(x, -0) ? '-0' : Number.isNaN(x) ? 'NaN' : x === Infinity ? 'INF' : x === -Infinity ? '-INF' : String(x);
    }
    case 'boolean':
      return String(v);
    default:
      return String(v); // numbers and bigints alike
  }
}

/** `<data>` elements of one element, in key order; ids as the document's header gave them. */
function data(keys: [string, GraphMLType][], ids: Map<string, string>, attrs: Record<string, unknown>): string {
  return keys
    .filter(([name]) => !missing(attrs[name]))
    .map(([name, type]) => `<data key="${ids.get(name)}">${valueText(attrs[name], type)}</data>`)
    .join('');
}

function expectedBody(g: Graph, keys: Record<'node' | 'edge' | 'graph', [string, GraphMLType][]>, ids: Record<'node' | 'edge' | 'graph', Map<string, string>>): string {
  let out = '';
  const graphData = data(keys.graph, ids.graph, g.getAttributes());
  if (graphData !== '') out += `    ${graphData}\n`;
  g.forEachNode((node, attrs) => {
    const d = data(keys.node, ids.node, attrs);
    out += `    <node id="${node}"${d === '' ? '/>' : `>${d}</node>`}\n`;
  });
  g.forEachEdge((edge, attrs, source, target, _s, _t, undirected) => {
    const d = data(keys.edge, ids.edge, attrs);
    const directed = g.type === 'mixed' && undirected ? ' directed="false"' : '';
    out += `    <edge id="${edge}" source="${source}" target="${target}"${directed}${d === '' ? '/>' : `>${d}</edge>`}\n`;
  });
  return out;
}

const HEAD =
  '<?xml version="1.0" encoding="UTF-8"?>\n<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"' +
  ' xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n';
const KEY = /^ {2}<key id="([^"]+)" for="(node|edge|graph)" attr\.name="([^"]+)" attr\.type="(\w+)"\/>\n/;

describe('GraphML writer: whole documents of random hostile graphs', () => {
  it('writes, byte for byte, what the format states, in chunks of any size, and reads back', () => {
    fc.assert(
      fc.property(specArb, (spec) => {
        const g = toGraph(spec);
        const options = { ...spec.declared, chunkSize: spec.chunkSize };
        const chunks = [...writeGraphML(g, options)];
        // Every chunk is whole UTF-8 (ends at an element boundary), and their sizes do not matter.
        const text = chunks.map((c) => new TextDecoder('utf-8', { fatal: true }).decode(c)).join('');
        const whole = new TextDecoder().decode(Buffer.concat([...writeGraphML(g, spec.declared)]));
        expect(text).toBe(whole);

        // The header: keys in order (declared first, then by first appearance), types as documented.
        expect(text.startsWith(HEAD)).toBe(true);
        let rest = text.slice(HEAD.length);
        const keys = { node: [], edge: [], graph: [] } as Record<'node' | 'edge' | 'graph', [string, GraphMLType][]>;
        const ids = { node: new Map(), edge: new Map(), graph: new Map() } as Record<'node' | 'edge' | 'graph', Map<string, string>>;
        const allIds = new Set<string>();
        for (let m = KEY.exec(rest); m; rest = rest.slice(m[0].length), m = KEY.exec(rest)) {
          const [, id, domain, name, type] = m as unknown as [string, string, 'node' | 'edge' | 'graph', string, GraphMLType];
          keys[domain].push([name, type]);
          ids[domain].set(name, id);
          allIds.add(id);
        }
        expect(keys.node).toEqual(keyTypes(spec.declared.node, g.mapNodes((_n, a) => a)));
        expect(keys.edge).toEqual(keyTypes(spec.declared.edge, g.mapEdges((_e, a) => a)));
        expect(keys.graph).toEqual(keyTypes(spec.declared.graph, [g.getAttributes()]));
        expect(allIds.size).toBe(keys.node.length + keys.edge.length + keys.graph.length);

        const open = `  <graph id="G" edgedefault="${spec.type === 'undirected' ? 'undirected' : 'directed'}">\n`;
        expect(rest).toBe(open + expectedBody(g, keys, ids) + '  </graph>\n</graphml>\n');

        // Read back by src/import: the same graph, values as written (strings as XML can carry them).
        const stream = graphStream('t.graphml', 'graphml');
        stream.feed(text);
        const back = streamedGraph(stream.end()).graph;
        expect(back.order).toBe(g.order);
        expect(back.size).toBe(g.size);
        const same = (read: Record<string, unknown>, attrs: Record<string, unknown>, types: [string, GraphMLType][]) => {
          for (const [name, type] of types) {
            const v = attrs[name];
            const want = missing(v) ? undefined : type === 'string' ? sanitizeXmlText(stringOf(v)) : typeof v === 'bigint' ? Number(v) : v;
            expect(Object.is(read[name], want) || read[name] === want, `${name}: ${String(read[name])} vs ${String(want)}`).toBe(true);
          }
        };
        g.forEachNode((node, attrs) => same(back.getNodeAttributes(node), attrs, keys.node));
        g.forEachEdge((edge, attrs, source, target, _s, _t, undirected) => {
          expect([back.source(edge), back.target(edge), back.isUndirected(edge)]).toEqual([source, target, undirected]);
          same(back.getEdgeAttributes(edge), attrs, keys.edge);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('writes an element longer than a chunk and its slack whole, escaped like the rest', () => {
    const g = new Graph();
    const long = '<script>&\r\u2028\ud800é\u{1f600}]]>'.repeat(20000);
    g.addNode('n', { note: long, x: 0.1 });
    const text = new TextDecoder().decode(Buffer.concat([...writeGraphML(g, { chunkSize: 100 })]));
    expect(text).toContain(`<node id="n"><data key="note">${escapeText(long)}</data><data key="x">0.1</data></node>\n`);
  });

  it('refuses an id that is not an NMTOKEN, naming it', () => {
    for (const id of ['a b', 'a&b', '\ud800', '']) {
      const g = new Graph();
      g.addNode(id);
      expect(() => [...writeGraphML(g)]).toThrow(`node id ${JSON.stringify(id)} is not an XML NMTOKEN`);
    }
  });
});
