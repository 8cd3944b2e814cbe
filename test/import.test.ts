import { describe, expect, it } from 'vitest';
import { exportArticle, exportText } from '../src/export/index.ts';
import { formatOf, ImportError, openedArticle, readGraphFile, readGraphologyJson, typeCandidates } from '../src/import/index.ts';
import { streamedGraph } from '../src/import/buildStreamed.ts';
import { graphStream, importedFromClone, importedFromStreamed, streamedFromClone } from '../src/import/stream.ts';
import { categoryColor, contrastRatio, CATEGORY_COLORS, TYPE_COLORS } from '../src/layout/palette.ts';
import { neighbours, path, search, show, stats } from '../src/query/index.ts';

/** What an ImportError says of its place, for asserting on it as a whole. */
function failure(read: () => unknown) {
  try {
    read();
  } catch (error) {
    expect(error).toBeInstanceOf(ImportError);
    const e = error as ImportError;
    return { file: e.file, line: e.line, column: e.column, message: e.message };
  }
  throw new Error('expected an ImportError');
}

const GRAPHML = `<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="d0" for="node" attr.name="club" attr.type="string"><default>Officer</default></key>
  <key id="d1" for="node" attr.name="age" attr.type="int"/>
  <key id="d2" for="node" attr.name="score" attr.type="double"/>
  <key id="d3" for="node" attr.name="active" attr.type="boolean"><default>true</default></key>
  <key id="d4" for="all" attr.name="note" attr.type="string"/>
  <key id="d5" for="node" attr.name="__proto__" attr.type="string"/>
  <key id="d6" for="node" attr.name="label" attr.type="string"/>
  <key id="d7" for="edge" attr.name="weight" attr.type="double"><default>1.5</default></key>
  <graph edgedefault="undirected">
    <node id="a"><data key="d0">Mr. Hi</data><data key="d1">31</data><data key="d2">2.5</data><data key="d6">&lt;script&gt;alert(1)&lt;/script&gt;</data><data key="d5">polluted</data></node>
    <node id="b"><data key="d1">-4</data><data key="d3">false</data><data key="d4">on a node</data></node>
    <node id="c"><data key="d0">Mr. Hi</data></node>
    <edge source="a" target="b"><data key="d4">on an edge</data></edge>
    <edge source="b" target="c" directed="true"><data key="d7">3</data></edge>
  </graph>
</graphml>`;

describe('GraphML read whole (the streaming reader, as the explorer reads a stored file)', () => {
  const imported = readGraphFile('small.graphml', GRAPHML);

  it('keeps typed values as numbers and booleans, fills in <default>s and applies for="all" keys to nodes and edges', () => {
    const [a, b, c] = imported.nodes;
    expect(a!.attributes.age).toBe(31);
    expect(a!.attributes.score).toBe(2.5);
    expect(a!.attributes.active).toBe(true);
    expect(b!.attributes).toMatchObject({ club: 'Officer', age: -4, active: false, note: 'on a node' });
    expect(c!.attributes.club).toBe('Mr. Hi');
    expect(imported.edges[0]!.attributes).toMatchObject({ note: 'on an edge', weight: 1.5 });
    expect(imported.edges[1]!.attributes.weight).toBe(3);
    expect(imported.nodeAttributes).toMatchObject({ age: 'int', score: 'float', active: 'boolean', club: 'string', note: 'string' });
  });

  it('reads edgedefault="undirected" and an edge\'s own directed="true"', () => {
    expect(imported.edges.map((e) => e.undirected)).toEqual([true, false]);
  });

  it('keeps an attribute named __proto__ as data, not as the prototype', () => {
    const a = imported.nodes[0]!;
    expect(Object.hasOwn(a.attributes, '__proto__')).toBe(true);
    expect(Object.getOwnPropertyDescriptor(a.attributes, '__proto__')?.value).toBe('polluted');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('keeps those names as data after the structured clone that brings a graph from the reading worker', () => {
    const cloned = importedFromClone(structuredClone(readGraphFile('small.graphml', GRAPHML)));
    const a = cloned.nodes[0]!.attributes;
    expect(Object.getOwnPropertyDescriptor(a, '__proto__')?.value).toBe('polluted');
    // Nothing inherited answers for a name the file does not have.
    expect(a.constructor).toBeUndefined();
    expect(cloned.nodeAttributes.toString).toBeUndefined();
    expect(cloned.nodes[1]!.attributes).toMatchObject({ club: 'Officer', age: -4, active: false });
  });

  it('builds the same graph from a GraphML reader\'s parts posted by the worker, names kept as data', () => {
    const stream = graphStream('small.graphml', 'graphml');
    stream.feed(GRAPHML);
    const posted = importedFromStreamed(streamedGraph(streamedFromClone(structuredClone(stream.end()))));
    expect(posted).toEqual(readGraphFile('small.graphml', GRAPHML));
    const a = posted.nodes[0]!.attributes;
    expect(Object.getOwnPropertyDescriptor(a, '__proto__')?.value).toBe('polluted');
    expect(a.constructor).toBeUndefined();
    expect(posted.nodeAttributes.toString).toBeUndefined();
    expect(posted.edges[0]!.attributes.constructor).toBeUndefined();
  });

  it('refuses a value that is not of its declared type, naming the node and attribute', () => {
    const bad = GRAPHML.replace('<data key="d1">31</data>', '<data key="d1">thirty</data>');
    // The place is the end of the value's <data> element, on node a's line.
    expect(failure(() => readGraphFile('bad.graphml', bad))).toMatchObject({ line: 12, column: 73, message: 'bad.graphml:12:73: node "a": attribute "age" is declared int but holds "thirty"' });
  });

  it('says where XML that is cut short or not XML at all breaks', () => {
    // Cut before node b: the text ends on line 13 (after node a's line), inside three open elements.
    const cut = GRAPHML.slice(0, GRAPHML.indexOf('<node id="b">'));
    expect(failure(() => readGraphFile('cut.graphml', cut))).toMatchObject({ file: 'cut.graphml', line: 13 });
    const tags = failure(() => readGraphFile('tags.graphml', '<graphml>\n  <graph><node id="a"></graph>\n</graphml>'));
    expect(tags).toMatchObject({ line: 2 });
    expect(tags.message).toMatch(/^tags\.graphml:2:\d+: not well-formed XML: /);
    expect(failure(() => readGraphFile('notes.graphml', 'just some words')).message).toMatch(/^notes\.graphml:1:\d+: not well-formed XML: text data outside of root node/);
    expect(failure(() => readGraphFile('other.xml', '<svg xmlns="http://www.w3.org/2000/svg"/>')).message).toBe('other.xml:1:41: not GraphML: the root element is <svg>, not <graphml>');
  });
});

describe('GEXF reader', () => {
  const GEXF = `<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" version="1.3">
  <graph defaultedgetype="undirected">
    <attributes class="node">
      <attribute id="0" title="party" type="string"><default>none</default></attribute>
      <attribute id="1" title="seats" type="integer"/>
      <attribute id="2" title="constructor" type="boolean"/>
    </attributes>
    <nodes>
      <node id="n1" label="Ada"><attvalues><attvalue for="0" value="Red"/><attvalue for="1" value="12"/><attvalue for="2" value="true"/></attvalues>
        <viz:color r="255" g="0" b="16"/><viz:position x="1.5" y="-2" z="0"/><viz:size value="4"/></node>
      <node id="n2" label="Bob"><viz:position x="3" y="4"/><viz:size value="8"/></node>
    </nodes>
    <edges><edge id="e1" source="n1" target="n2" weight="2.5" label="allied with"/><edge id="e2" source="n2" target="n1" type="directed"/></edges>
  </graph>
</gexf>`;
  const imported = readGraphFile('parties.gexf', GEXF);

  it('reads labels, typed attvalues, defaults, viz colour, position and size, weights and edge types', () => {
    const [ada, bob] = imported.nodes;
    expect(ada).toMatchObject({ key: 'n1', label: 'Ada', color: '#ff0010', x: 1.5, y: -2, size: 4 });
    expect(ada!.attributes.seats).toBe(12);
    expect(Object.getOwnPropertyDescriptor(ada!.attributes, 'constructor')?.value).toBe(true);
    expect(bob!.attributes.party).toBe('none');
    expect(imported.edges[0]).toMatchObject({ key: 'e1', undirected: true, label: 'allied with', attributes: { weight: 2.5 } });
    expect(imported.edges[1]!.undirected).toBe(false);
  });

  it('keeps the file\'s positions and gives our colour only to our types', () => {
    const { graph } = openedArticle(imported, { typeAttribute: 'party' });
    expect(graph.getNodeAttributes('n1')).toMatchObject({ label: 'Ada', x: 1.5, y: -2, type: 'Red' });
    expect(graph.getEdgeAttributes('e1')).toMatchObject({ relation: 'allied with', label: 'allied with', undirected: true });
    // Sizes 4 and 8 are spread over the explorer's range, in the same order.
    expect(graph.getNodeAttribute('n1', 'size')!).toBeLessThan(graph.getNodeAttribute('n2', 'size')!);
  });
});

describe('graphology JSON reader', () => {
  const JSON_GRAPH = JSON.stringify({
    options: { type: 'undirected', multi: false },
    nodes: [
      { key: 'x', attributes: { label: 'Ex', kind: 'Person', n: 1, ratio: 2 } },
      { key: 'y', attributes: { kind: 'organization', n: 2, ratio: 0.5, tags: ['a', 'b'] } },
      { key: 'z', attributes: { kind: 'lab', __proto__: 'p' } },
    ],
    edges: [{ key: 'xy', source: 'x', target: 'y' }, { source: 'y', target: 'z', undirected: false, attributes: { relation: 'funds' } }],
  }).replace('"kind":"lab"', '"kind":"lab","__proto__":"p"');

  it('reads nodes, edges, their attributes and direction; a whole number column with a fraction becomes float', () => {
    const imported = readGraphologyJson('g.json', JSON_GRAPH);
    expect(imported.nodes.map((n) => n.key)).toEqual(['x', 'y', 'z']);
    expect(imported.nodeAttributes).toMatchObject({ n: 'int', ratio: 'float', kind: 'string', tags: 'string' });
    expect(imported.nodes[1]!.attributes.tags).toBe('["a","b"]');
    expect(Object.getOwnPropertyDescriptor(imported.nodes[2]!.attributes, '__proto__')?.value).toBe('p');
    expect(imported.edges.map((e) => e.undirected)).toEqual([true, false]);
  });

  it('types nodes by a conventional attribute, with our types and spellings recognised', () => {
    const { graph } = openedArticle(readGraphologyJson('g.json', JSON_GRAPH), { iterations: 20 });
    expect(graph.mapNodes((_, a) => a.type)).toEqual(['person', 'organisation', 'lab']);
    expect(graph.getNodeAttribute('x', 'color')).toBe(TYPE_COLORS.person);
    expect(graph.getNodeAttribute('z', 'color')).toBe(categoryColor(0));
    expect(graph.getNodeAttribute('y', 'label')).toBe('y');
    expect(graph.getEdgeAttributes(graph.edges('y', 'z')[0]!)).toMatchObject({ relation: 'funds', label: 'funds' });
  });

  it('says where broken JSON breaks, and what is missing from JSON that is not a graph', () => {
    const broken = failure(() => readGraphologyJson('b.json', '{\n  "nodes": [\n    {"key": "a",}\n  ]\n}'));
    expect(broken).toMatchObject({ file: 'b.json', line: 3, column: 17 });
    expect(failure(() => readGraphologyJson('cut.json', '{"nodes": [{"key": "a"}'))).toMatchObject({ line: 1 });
    expect(failure(() => readGraphologyJson('list.json', '[1, 2]')).message).toBe('list.json: not a graphology graph: expected an object with a "nodes" list (what graph.export() writes)');
    expect(failure(() => readGraphologyJson('k.json', '{"nodes": [{"key": "a"}, {"attributes": {}}]}')).message).toBe('k.json: nodes[1] has no "key" (a string or a number)');
    expect(failure(() => openedArticle(readGraphologyJson('e.json', '{"nodes": [{"key": "a"}], "edges": [{"source": "a", "target": "ghost"}]}'))).message).toBe('e.json: edge 1 joins node "ghost", which the file does not have');
  });
});

describe('an opened file as the explorer\'s graph', () => {
  const imported = readGraphFile('small.graphml', GRAPHML);

  it('offers repeating attributes as types, not ids, labels or numbers with fractions', () => {
    expect(typeCandidates(imported).map((c) => c.name)).toEqual(['active', 'club']);
    expect(typeCandidates(imported).find((c) => c.name === 'club')).toEqual({ name: 'club', values: 2, nodes: 3 });
  });

  it('answers the query core: stats count types, search finds a label, neighbours walk undirected edges both ways', () => {
    const article = openedArticle(imported, { typeAttribute: 'club' });
    const { graph } = article;
    expect(stats(graph)).toMatchObject({ entities: 3, relations: 2, entitiesByType: { 'Mr. Hi': 2, Officer: 1 }, article: { title: 'small.graphml' } });
    expect(search(graph, 'script')[0]).toMatchObject({ kind: 'entity', id: 'a', label: '<script>alert(1)</script>' });
    expect(neighbours(graph, 'b').neighbours.map((n) => n.id).sort()).toEqual(['a', 'c']);
    // The file's own types filter as ours do, in any case; a typo is named with the types there are.
    expect(neighbours(graph, 'b', { types: ['mr. hi'] }).neighbours.map((n) => n.id).sort()).toEqual(['a', 'c']);
    expect(neighbours(graph, 'a', { types: ['officer'] }).neighbours.map((n) => n.id)).toEqual(['b']);
    expect(() => neighbours(graph, 'b', { types: ['Oficer'] })).toThrow('unknown entity type "Oficer"; did you mean "Officer"? known: person, country, organisation, place, event, topic, Mr. Hi, Officer');
    expect(path(graph, 'a', 'c').steps?.length).toBe(2);
    const details = show(graph, 'a');
    expect(details.attributes).toMatchObject({ age: 31, score: 2.5, active: true, club: 'Mr. Hi' });
    // The label is the heading, not an attribute; positions and colours are not data to list.
    expect(Object.keys(details.attributes)).not.toContain('label');
    // Every node is laid out: finite positions and a size.
    graph.forEachNode((_, a) => expect([a.x, a.y, a.size].every(Number.isFinite)).toBe(true));
    expect(graph.getEdgeAttribute(graph.edges('a', 'b')[0]!, 'undirected')).toBe(true);
    // The GraphML export declares the file's own attributes with their types.
    const out = exportText(exportArticle(article, 'graphml')[0]!);
    expect(out).toContain('attr.name="attr_age" attr.type="long"');
    expect(out).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('lays out the same file the same way every time', () => {
    const positions = () => openedArticle(imported, { typeAttribute: 'club' }).graph.mapNodes((_, a) => [a.x, a.y]);
    expect(positions()).toEqual(positions());
  });

  it('tells the format from the content first, then from the extension', () => {
    expect(formatOf('data.xml', '<?xml version="1.0"?><gexf version="1.3">')).toBe('gexf');
    expect(formatOf('graph.json', '<graphml>')).toBe('graphml');
    expect(formatOf('graph.gexf', 'nonsense')).toBe('gexf');
    expect(() => formatOf('notes.txt', 'nonsense')).toThrow(ImportError);
  });
});

describe('category palette', () => {
  it('stands out at 3:1 on both the light and the dark graph pane', () => {
    for (const colour of CATEGORY_COLORS) {
      expect(contrastRatio(colour, '#ffffff'), colour).toBeGreaterThanOrEqual(3);
      expect(contrastRatio(colour, '#14181d'), colour).toBeGreaterThanOrEqual(3);
    }
    expect(new Set(CATEGORY_COLORS).size).toBe(CATEGORY_COLORS.length);
  });
});
