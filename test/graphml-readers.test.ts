import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MultiDirectedGraph } from 'graphology';
import { parse } from 'graphology-graphml';
import { afterAll, describe, expect, it } from 'vitest';
import { writeGraphML, type GraphMLOptions } from '../src/export/graphml.ts';
import { checkGraphML, report } from './helpers/graphml-readers.ts';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'graphml-readers-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** Writes `graph` chunk by chunk, as the CLI will. */
function writeFile(file: string, graph: MultiDirectedGraph, options: GraphMLOptions) {
  const fd = fs.openSync(file, 'w');
  try {
    for (const chunk of writeGraphML(graph, options)) fs.writeSync(fd, chunk);
  } finally {
    fs.closeSync(fd);
  }
}

const STARMER = 'Keir <script>alert("x")</script> & Starmer 😀';
const SCHEMA: GraphMLOptions = {
  node: [
    { name: 'label', type: 'string' },
    { name: 'mentions', type: 'int' },
    { name: 'x', type: 'double' },
    { name: 'central', type: 'boolean' },
  ],
  edge: [
    { name: 'labelE', type: 'string' },
    { name: 'weight', type: 'double' },
    { name: 'start', type: 'int' },
  ],
  graph: [{ name: 'title', type: 'string' }],
};

function typedGraph() {
  const g = new MultiDirectedGraph();
  g.setAttribute('title', 'Starmer & Scholz: "talks" <Chequers>');
  g.addNode('keir-starmer', { label: STARMER, mentions: 7, x: 12, central: true });
  g.addNode('olaf-scholz', { label: 'Olaf Scholz ]]> \'the chancellor\'', mentions: 3, x: -0.25, central: false });
  g.addNode('eu', { label: 'European Union', mentions: 2, x: 1e21, central: false });
  // No mentions, x or central: nothing is written for them.
  g.addNode('brussels', { label: 'Brussels\r\nline two\ttab \u0007bell' });
  g.addEdgeWithKey('r1', 'keir-starmer', 'olaf-scholz', { labelE: 'met_with', weight: 1, start: 42 });
  g.addEdgeWithKey('r2', 'keir-starmer', 'olaf-scholz', { labelE: 'called', weight: 0.1, start: 120 });
  g.addEdgeWithKey('r3', 'olaf-scholz', 'eu', { labelE: 'member_of', weight: 2, start: 300 });
  return g;
}

describe('GraphML written by us, read by xmllint, NetworkX and igraph', () => {
  it('a synthetic typed graph: XSD valid, types and strings survive', { timeout: 30_000 }, async () => {
    const file = path.join(tmp, 'typed.graphml');
    writeFile(file, typedGraph(), SCHEMA);
    const check = await checkGraphML(file, ['keir-starmer', 'olaf-scholz', 'eu', 'brussels']);
    expect(check.xsd.ok, check.xsd.output).toBe(true);
    const nx = report(check.networkx);
    const ig = report(check.igraph);

    // Both readers see the same graph.
    expect(nx.class).toBe('MultiDiGraph');
    expect([nx.nodes, nx.edges, nx.directed]).toEqual([4, 3, true]);
    expect([ig.nodes, ig.edges, ig.directed]).toEqual([nx.nodes, nx.edges, nx.directed]);

    // NetworkX keeps the declared types: int -> int, double -> float (even whole values), boolean -> bool.
    expect(nx.node_attrs).toEqual({ label: ['str'], mentions: ['int'], x: ['float'], central: ['bool'] });
    expect(nx.edge_attrs).toEqual({ labelE: ['str'], weight: ['float'], start: ['int'] });
    const nks = nx.node_samples['keir-starmer']!;
    expect(nks).toEqual({ label: ['str', STARMER], mentions: ['int', 7], x: ['float', 12], central: ['bool', true] });
    expect(nx.node_samples['olaf-scholz']!.label).toEqual(['str', "Olaf Scholz ]]> 'the chancellor'"]);
    expect(nx.node_samples.eu!.x).toEqual(['float', 1e21]);
    // Missing values are simply absent; CR survives (written as &#13;), BEL became U+FFFD.
    expect(nx.node_samples.brussels).toEqual({ label: ['str', 'Brussels\r\nline two\ttab \ufffdbell'] });
    expect(nx.graph_attrs.title).toEqual(['str', 'Starmer & Scholz: "talks" <Chequers>']);
    expect(nx.edge_samples.map((e) => [e.id, e.source, e.target])).toEqual([
      ['r1', 'keir-starmer', 'olaf-scholz'],
      ['r2', 'keir-starmer', 'olaf-scholz'],
      ['r3', 'olaf-scholz', 'eu'],
    ]);
    expect(nx.edge_samples[0]!.attrs).toEqual({ labelE: ['str', 'met_with'], weight: ['float', 1], start: ['int', 42] });

    // igraph: every number is a float, strings and booleans intact, GraphML ids in the `id` attribute.
    expect(ig.node_attrs).toEqual({ label: ['str'], mentions: ['float'], x: ['float'], central: ['bool'], id: ['str'] });
    expect(ig.edge_attrs).toEqual({ labelE: ['str'], weight: ['float'], start: ['float'], id: ['str'] });
    expect(ig.node_samples['keir-starmer']).toEqual({
      label: ['str', STARMER],
      mentions: ['float', 7],
      x: ['float', 12],
      central: ['bool', true],
      id: ['str', 'keir-starmer'],
    });
    // igraph fills missing values: numbers with NaN, booleans with False (a missing flag reads as false).
    expect(ig.node_samples.brussels).toMatchObject({ mentions: ['float', 'nan'], x: ['float', 'nan'], central: ['bool', false] });
    expect(ig.node_samples.brussels!.label).toEqual(nx.node_samples.brussels!.label);
    expect(ig.graph_attrs.title).toEqual(nx.graph_attrs.title);
    expect(ig.edge_samples.map((e) => [e.id, e.source, e.target])).toEqual(nx.edge_samples.map((e) => [e.id, e.source, e.target]));
  });

  it('an empty string: NetworkX and graphology-graphml both see no value, igraph its usual ""', { timeout: 30_000 }, async () => {
    const g = new MultiDirectedGraph();
    g.setAttribute('title', '');
    g.addNode('a', { label: 'A', description: '' });
    g.addNode('b', { label: 'B', description: 'has one' });
    g.addEdgeWithKey('ab', 'a', 'b', { labelE: '', weight: 1 });
    const file = path.join(tmp, 'empty.graphml');
    const schema: GraphMLOptions = {
      node: [{ name: 'label', type: 'string' }, { name: 'description', type: 'string' }],
      edge: [{ name: 'labelE', type: 'string' }, { name: 'weight', type: 'double' }],
      graph: [{ name: 'title', type: 'string' }],
    };
    writeFile(file, g, schema);
    const check = await checkGraphML(file, ['a', 'b']);
    expect(check.xsd.ok, check.xsd.output).toBe(true);
    const nx = report(check.networkx);
    const ig = report(check.igraph);
    const back = parse(MultiDirectedGraph, fs.readFileSync(file, 'utf8'));

    expect(nx.node_samples.a).toEqual({ label: ['str', 'A'] });
    expect(back.getNodeAttributes('a')).toEqual({ label: 'A' });
    expect(ig.node_samples.a!.description).toEqual(['str', '']);
    // (A single edge: NetworkX builds a DiGraph and keeps the GraphML edge id as an attribute.)
    expect(nx.edge_samples[0]!.attrs).toEqual({ weight: ['float', 1], id: ['str', 'ab'] });
    expect(back.getEdgeAttributes('ab')).toEqual({ weight: 1 });
    expect(nx.graph_attrs.title).toBeUndefined();
    expect(back.getAttribute('title')).toBeUndefined();
    // A value that is there reads the same everywhere.
    expect([nx.node_samples.b!.description, ig.node_samples.b!.description]).toEqual([['str', 'has one'], ['str', 'has one']]);
    expect(back.getNodeAttribute('b', 'description')).toBe('has one');
  });
});
