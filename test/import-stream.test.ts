/**
 * The streaming GraphML and GEXF readers (src/import/graphmlStream.ts, gexfStream.ts): typed
 * values, defaults, for="all", directions, parallel edges, hostile names, malformed XML with its
 * place, any chunking, and files written by igraph and NetworkX.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ImportError } from '../src/import/errors.ts';
import { graphStream, importedFromStreamed } from '../src/import/stream.ts';
import type { StreamedGraph } from '../src/import/streamed.ts';
import { openedArticle } from '../src/import/toArticle.ts';
import { neighbours } from '../src/query/index.ts';
import { streamedGraph } from '../src/import/buildStreamed.ts';

const read = (text: string, format: 'graphml' | 'gexf' = 'graphml', chunk = text.length || 1): StreamedGraph => {
  const stream = graphStream(`t.${format}`, format);
  for (let i = 0; i < text.length; i += chunk) stream.feed(text.slice(i, i + chunk));
  return streamedGraph(stream.end());
};
const failure = (fn: () => unknown): ImportError => {
  try {
    fn();
  } catch (error) {
    if (error instanceof ImportError) return error;
    throw error;
  }
  throw new Error('no ImportError');
};

const GRAPHML = `<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="d0" for="node" attr.name="count" attr.type="int"><default>7</default></key>
  <key id="d1" for="node" attr.name="big" attr.type="long"/>
  <key id="d2" for="node" attr.name="score" attr.type="double"/>
  <key id="d3" for="node" attr.name="ratio" attr.type="float"/>
  <key id="d4" for="node" attr.name="active" attr.type="boolean"><default>false</default></key>
  <key id="d5" for="all" attr.name="note" attr.type="string"><default>none</default></key>
  <key id="d6" for="node" attr.name="__proto__" attr.type="string"/>
  <key id="d7" for="edge" attr.name="constructor" attr.type="double"/>
  <key id="d8" for="graph" attr.name="title" attr.type="string"/>
  <graph id="G" edgedefault="undirected">
    <data key="d8">A &amp; B</data>
    <node id="a"><data key="d0">3</data><data key="d1">9007199254740991</data><data key="d2">1.5e3</data><data key="d3">-0.25</data><data key="d4">True</data><data key="d6">polluted</data></node>
    <node id="b"><data key="d5"><![CDATA[x < y]]></data></node>
    <node id="c"/>
    <edge id="ab1" source="a" target="b"><data key="d7">2.5</data></edge>
    <edge id="ab2" source="a" target="b"/>
    <edge source="b" target="c" directed="true"/>
  </graph>
</graphml>`;

describe('streaming GraphML reader', () => {
  it('gives typed values, fills in defaults, applies for="all" keys to nodes and edges and keeps graph data', () => {
    const { graph, nodeAttributes, graphAttributes } = read(GRAPHML);
    const a = graph.getNodeAttributes('a');
    expect([a.count, a.big, a.score, a.ratio, a.active]).toEqual([3, 9007199254740991, 1500, -0.25, true]);
    expect(graph.getNodeAttributes('b')).toMatchObject({ count: 7, active: false, note: 'x < y' });
    expect(graph.getNodeAttributes('c')).toMatchObject({ count: 7, active: false, note: 'none' });
    expect(graph.getEdgeAttributes('ab2').note).toBe('none');
    expect(nodeAttributes).toMatchObject({ count: 'int', big: 'int', score: 'float', ratio: 'float', active: 'boolean', note: 'string' });
    expect(graph.getAttribute('title')).toBe('A & B');
    expect(graphAttributes.title).toBe('string');
  });

  it('keeps parallel edges apart under their ids, and makes a mixed graph of an undirected file with a directed edge', () => {
    const { graph } = read(GRAPHML);
    expect(graph.type).toBe('mixed');
    expect(graph.multi).toBe(true);
    expect(graph.edges('a', 'b').sort()).toEqual(['ab1', 'ab2']);
    expect(graph.isUndirected('ab1')).toBe(true);
    // No id: the edge's place in the file, the same every run.
    expect(graph.isDirected('e2')).toBe(true);
    expect(graph.source('e2')).toBe('b');
  });

  it('builds the graph type the file declares', () => {
    const file = (edgedefault: string, edge = '') => `<graphml><graph edgedefault="${edgedefault}"><node id="x"/><node id="y"/><edge source="x" target="y"${edge}/><edge source="x" target="y"/></graph></graphml>`;
    expect(read(file('directed')).graph.type).toBe('directed');
    expect(read(file('undirected')).graph.type).toBe('undirected');
    expect(read(file('directed', ' directed="false"')).graph.type).toBe('mixed');
    expect(read(file('directed')).graph.size).toBe(2);
  });

  it('stores attributes named __proto__ and constructor as data, leaving every prototype alone', () => {
    const { graph } = read(GRAPHML);
    const a = graph.getNodeAttributes('a');
    expect(Object.getOwnPropertyDescriptor(a, '__proto__')?.value).toBe('polluted');
    expect(Object.getPrototypeOf(Object.getPrototypeOf(a))).toBe(null);
    expect(Object.getOwnPropertyDescriptor(graph.getEdgeAttributes('ab1'), 'constructor')?.value).toBe(2.5);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    // A node without the attribute inherits nothing under that name either.
    expect((graph.getNodeAttributes('c') as Record<string, unknown>).constructor).toBeUndefined();
  });

  it('reads the same graph however the text is cut into chunks', () => {
    const whole = read(GRAPHML).graph.export();
    for (let cut = 1; cut < GRAPHML.length; cut++) {
      const stream = graphStream('t.graphml', 'graphml');
      stream.feed(GRAPHML.slice(0, cut));
      stream.feed(GRAPHML.slice(cut));
      expect(stream.consumed).toBe(GRAPHML.length);
      expect(streamedGraph(stream.end()).graph.export(), `cut at ${cut}`).toEqual(whole);
    }
    expect(read(GRAPHML, 'graphml', 7).graph.export()).toEqual(whole);
  });

  it('refuses malformed XML with the file, line and column', () => {
    const error = failure(() => read('<graphml><graph edgedefault="directed">\n<node id="a">\n</graph></graphml>'));
    expect(error.file).toBe('t.graphml');
    expect([error.line, error.column]).toEqual([3, 8]);
    expect(error.message).toMatch(/^t\.graphml:3:8: not well-formed XML/);
    expect(failure(() => read('<graphml><graph><node id="a"/></graph>')).message).toMatch(/not well-formed XML/);
    expect(failure(() => read('<graphml><graph><node id="a" id="b"/></graph></graphml>')).message).toMatch(/not well-formed XML/);
  });

  it('refuses an unknown attr.type, an undeclared key and a value not of its type, saying where', () => {
    expect(failure(() => read('<graphml><key id="k" for="node" attr.type="date"/><graph/></graphml>')).message).toMatch(/attr\.type "date", not one of GraphML's/);
    expect(failure(() => read('<graphml><key id="k" for="node" attr.type="constructor"/><graph/></graphml>')).message).toMatch(/attr\.type "constructor"/);
    const undeclared = failure(() => read('<graphml><graph>\n<node id="a"><data key="nope">1</data></node></graph></graphml>'));
    expect(undeclared.message).toMatch(/node "a": <data key="nope"> names no declared <key>/);
    expect(undeclared.line).toBe(2);
    expect(failure(() => read('<graphml><key id="k" for="node" attr.name="n" attr.type="int"/><graph><node id="a"><data key="k">1.5</data></node></graph></graphml>')).message).toMatch(/node "a": attribute "n" is declared int but holds "1.5"/);
    expect(failure(() => read('<graphml><key id="k" for="node" attr.name="n" attr.type="int"/><graph><node id="a"><data key="k">0x1A</data></node></graph></graphml>')).message).toMatch(/declared int/);
    expect(failure(() => read('<gexf><graph/></gexf>')).message).toMatch(/root element is <gexf>, not <graphml>/);
  });

  it('reads a repeated node id as one node and an edge to an undeclared node as a new node, as NetworkX and igraph do, and says so', () => {
    const { graph, notes } = read('<graphml><key id="w" for="node" attr.name="w" attr.type="int"/><graph edgedefault="directed"><node id="a"><data key="w">1</data></node><node id="a"><data key="w">2</data></node><edge source="a" target="zzz"/></graph></graphml>');
    expect(graph.order).toBe(2);
    expect(graph.getNodeAttribute('a', 'w')).toBe(2);
    expect(graph.areNeighbors('a', 'zzz')).toBe(true);
    expect(notes.join('\n')).toMatch(/1 node id\(s\) appear more than once[^]*1 node\(s\) are named by edges but never declared/);
  });
});

const GEXF = `<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" version="1.3">
  <meta><title>Les &lt;Mis&gt;</title><__proto__>meta</__proto__></meta>
  <graph defaultedgetype="undirected">
    <attributes class="node">
      <attribute id="0" title="group" type="integer"><default>1</default></attribute>
      <attribute id="1" title="constructor" type="boolean"/>
      <attribute id="2" title="tags" type="liststring"/>
    </attributes>
    <attributes class="edge"><attribute id="0" title="kind" type="string"/></attributes>
    <nodes>
      <node id="v" label="Valjean"><attvalues><attvalue for="0" value="2"/><attvalue for="1" value="true"/><attvalue for="2" value="a|b"/></attvalues>
        <viz:color r="255" g="0" b="16"/><viz:position x="1.5" y="-2" z="0"/><viz:size value="4"/></node>
      <node id="j" label="Javert"/>
    </nodes>
    <edges>
      <edge id="0" source="v" target="j" weight="2.5" label="hunts"><attvalues><attvalue for="0" value="chase"/></attvalues></edge>
      <edge id="1" source="v" target="j" type="directed"/>
    </edges>
  </graph>
</gexf>`;

describe('streaming GEXF reader', () => {
  it('types attvalues by their declared class, fills in defaults, keeps labels, viz, weights and edge types', () => {
    const streamed = read(GEXF, 'gexf');
    const { graph, visuals, edgeLabels } = streamed;
    expect(graph.getNodeAttributes('v')).toMatchObject({ group: 2, tags: 'a|b' });
    expect(Object.getOwnPropertyDescriptor(graph.getNodeAttributes('v'), 'constructor')?.value).toBe(true);
    expect(graph.getNodeAttribute('j', 'group')).toBe(1);
    expect(visuals.get('v')).toEqual({ label: 'Valjean', color: '#ff0010', x: 1.5, y: -2, size: 4 });
    expect(graph.getEdgeAttributes('0')).toMatchObject({ weight: 2.5, kind: 'chase' });
    expect(edgeLabels.get('0')).toBe('hunts');
    expect(graph.type).toBe('mixed');
    expect(graph.isDirected('1')).toBe(true);
    expect(graph.getAttribute('title')).toBe('Les <Mis>');
    expect(Object.getOwnPropertyDescriptor(graph.getAttributes(), '__proto__')?.value).toBe('meta');
    // The explorer's article of it: labels and positions from the file.
    const article = openedArticle(importedFromStreamed(streamed), { layout: false });
    expect(article.graph.getNodeAttributes('v')).toMatchObject({ label: 'Valjean', x: 1.5, y: -2 });
  });

  it('reads the same graph however the text is cut, and refuses an undeclared attvalue and malformed XML with the place', () => {
    const whole = read(GEXF, 'gexf').graph.export();
    for (let cut = 1; cut < GEXF.length; cut += 3) {
      const stream = graphStream('t.gexf', 'gexf');
      stream.feed(GEXF.slice(0, cut));
      stream.feed(GEXF.slice(cut));
      expect(streamedGraph(stream.end()).graph.export(), `cut at ${cut}`).toEqual(whole);
    }
    expect(failure(() => read(GEXF.replace('for="2"', 'for="9"'), 'gexf')).message).toMatch(/node "v": <attvalue for="9"> names no declared node <attribute>/);
    expect(failure(() => read(GEXF.replace('type="liststring"', 'type="colour"'), 'gexf')).message).toMatch(/type "colour", which GEXF does not define/);
    const broken = failure(() => read(GEXF.replace('<node id="j" label="Javert"/>', '<node id="j" label="Javert">'), 'gexf'));
    expect(broken.line).toBe(15);
    expect(broken.message).toMatch(/^t\.gexf:15:\d+: not well-formed XML/);
  });
});

describe('files written by igraph and NetworkX', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kg-stream-readers-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const SCRIPT = `
import sys, networkx as nx, igraph as ig
out = sys.argv[1]
G = nx.MultiDiGraph()
for i in range(30):
    G.add_node(f"n{i}", label=f"Node {i}", rank=i, score=i / 4, hub=(i % 5 == 0))
for i in range(60):
    G.add_edge(f"n{i % 30}", f"n{(i * 7 + 1) % 30}", key=f"k{i}", weight=i + 0.5, kind="link")
G.add_edge("n0", "n1", key="par", weight=1.0, kind="parallel")
nx.write_graphml(G, out + "/networkx.graphml")
h = ig.Graph(directed=False)
h.add_vertices(30)
h.vs["name"] = [f"v{i}" for i in range(30)]
h.vs["rank"] = list(range(30))
h.vs["hub"] = [i % 5 == 0 for i in range(30)]
h.add_edges([(i % 30, (i * 7 + 1) % 30) for i in range(60)] + [(0, 1)])
h.es["weight"] = [i + 0.5 for i in range(61)]
h.write_graphml(out + "/igraph.graphml")
`;
  execFileSync('/usr/bin/python3', ['-c', SCRIPT, dir]);

  it('reads NetworkX\'s file with its counts, ids and typed values', () => {
    const { graph } = read(readFileSync(join(dir, 'networkx.graphml'), 'utf8'));
    expect([graph.order, graph.size, graph.type]).toEqual([30, 61, 'directed']);
    expect(graph.getNodeAttributes('n5')).toMatchObject({ label: 'Node 5', rank: 5, score: 1.25, hub: true });
    expect(graph.getEdgeAttributes('k3')).toMatchObject({ weight: 3.5, kind: 'link' });
    expect(graph.edges('n0', 'n1')).toContain('par');
  });

  it('reads igraph\'s undirected file with its counts and typed values (igraph writes numbers as doubles)', () => {
    const { graph } = read(readFileSync(join(dir, 'igraph.graphml'), 'utf8'), 'graphml', 100);
    expect([graph.order, graph.size, graph.type]).toEqual([30, 61, 'undirected']);
    expect(graph.getNodeAttributes('n5')).toMatchObject({ name: 'v5', rank: 5, hub: true });
    expect(graph.getEdgeAttribute('e3', 'weight')).toBe(3.5);
    // Edges 0 and 30 and the one added last all join v0 and v1: three parallel edges.
    expect(graph.edges('n0', 'n1').length).toBe(3);
    const article = openedArticle(importedFromStreamed(read(readFileSync(join(dir, 'igraph.graphml'), 'utf8'))), { layout: false });
    expect(neighbours(article.graph, 'n0').neighbours.length).toBeGreaterThan(0);
  });
});
