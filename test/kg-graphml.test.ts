/**
 * The real knowledge graph, exported by the built `kg` CLI, read back by real readers: xmllint
 * against the GraphML XSD, NetworkX and igraph (GraphML); graphology-gexf (GEXF); papaparse (CSV);
 * graphology itself (JSON). Needs `npm run build:cli` first (npm test does it).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import { MultiDirectedGraph } from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildArticle, loadArticle } from '../src/corpus/index.ts';
import { checkGraphML, report, type GraphMLCheck, type ReaderReport, type TypedValue } from './helpers/graphml-readers.ts';
import { kg } from './helpers/kg.ts';
import { REPO, SEED_SLUG, sources } from './helpers/sources.ts';

const scratch = mkdtempSync(join(tmpdir(), 'kg-graphml-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const ARTICLE = readFileSync(join(REPO, 'data/articles', SEED_SLUG, 'article.txt'), 'utf8');
/** The graph as the builder makes it: the reference the exports are compared to. */
const { graph } = loadArticle(buildArticle(sources(join(REPO, 'data'), SEED_SLUG)));

/** Runs `kg export` to a file in the scratch folder and returns its path (base path for CSV). */
function exportTo(format: string, name: string): string {
  const out = join(scratch, name);
  const { code, stderr } = kg(['export', '--format', format, '--out', out], { env: { KG_ARTICLE: SEED_SLUG } });
  expect(code, stderr).toBe(0);
  return out;
}

let counts: { entities: number; relations: number };
let graphmlFile: string;
let xml: string;
let check: GraphMLCheck;
let nx: ReaderReport;
let ig: ReaderReport;

beforeAll(async () => {
  const stats = kg(['stats', '--json'], { env: { KG_ARTICLE: SEED_SLUG } });
  expect(stats.code, stats.stderr).toBe(0);
  counts = JSON.parse(stats.stdout);
  graphmlFile = exportTo('graphml', 'seed.graphml');
  xml = readFileSync(graphmlFile, 'utf8');
  check = await checkGraphML(graphmlFile, [], { all: true });
  nx = report(check.networkx);
  ig = report(check.igraph);
}, 60_000);

const value = (v: TypedValue | undefined) => v?.[1];
const edgesOf = (r: ReaderReport, relation: string) => r.edge_samples.filter((e) => value(e.attrs.relation) === relation);

describe('kg export --format graphml, checked by xmllint, NetworkX and igraph', () => {
  it('is valid against the GraphML XSD', () => {
    expect(check.xsd.ok, check.xsd.output).toBe(true);
  });

  it('the stats and the graph agree with both readers on nodes and edges', () => {
    expect(counts.entities).toBe(graph.order);
    expect(counts.relations).toBe(graph.size);
    expect(nx.class).toBe('MultiDiGraph');
    expect([nx.nodes, nx.edges, nx.directed]).toEqual([counts.entities, counts.relations, true]);
    expect([ig.nodes, ig.edges, ig.directed]).toEqual([counts.entities, counts.relations, true]);
    // The readers report every node and edge: the same ids as the graph, no more, no fewer.
    expect(Object.keys(nx.node_samples).sort()).toEqual(graph.nodes().sort());
    expect(Object.keys(ig.node_samples).sort()).toEqual(graph.nodes().sort());
    expect(nx.edge_samples.map((e) => e.id).sort()).toEqual(graph.edges().sort());
    expect(ig.edge_samples.map((e) => e.id).sort()).toEqual(graph.edges().sort());
    for (const e of nx.edge_samples) expect([e.source, e.target], e.id!).toEqual(graph.extremities(e.id!));
  });

  it('NetworkX reads ints as int, coordinates as float and strings as str', () => {
    const types = (attrs: Record<string, string[]>, names: string[]) => Object.fromEntries(names.map((n) => [n, attrs[n]]));
    const nodeInts = ['mention_count', 'r', 'g', 'b', 'attr_member_count'];
    expect(types(nx.node_attrs, nodeInts)).toEqual(Object.fromEntries(nodeInts.map((n) => [n, ['int']])));
    expect(types(nx.node_attrs, ['x', 'y', 'size'])).toEqual({ x: ['float'], y: ['float'], size: ['float'] });
    expect(types(nx.node_attrs, ['label', 'labelV', 'type', 'description', 'color'])).toEqual(
      Object.fromEntries(['label', 'labelV', 'type', 'description', 'color'].map((n) => [n, ['str']])),
    );
    const edgeInts = ['evidence_start', 'evidence_end', 'q_rank', 'q_year'];
    expect(types(nx.edge_attrs, edgeInts)).toEqual(Object.fromEntries(edgeInts.map((n) => [n, ['int']])));
    expect(types(nx.edge_attrs, ['label', 'labelE', 'relation', 'inverse', 'evidence'])).toEqual(
      Object.fromEntries(['label', 'labelE', 'relation', 'inverse', 'evidence'].map((n) => [n, ['str']])),
    );
    // Every node has its position and colour, and r, g, b are the colour's own channels.
    for (const [id, a] of Object.entries(nx.node_samples)) {
      expect(a.x?.[0], id).toBe('float');
      expect(a.size?.[0], id).toBe('float');
      const hex = value(a.color) as string;
      expect([value(a.r), value(a.g), value(a.b)], id).toEqual([1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)));
      expect(value(a.mention_count), id).toBe(graph.getNodeAttribute(id, 'mentions').length);
    }
  });

  it('labels, descriptions and aliases come back exactly as the graph has them', () => {
    for (const [id, a] of Object.entries(nx.node_samples)) {
      const node = graph.getNodeAttributes(id);
      expect(a.label, id).toEqual(['str', node.label]);
      expect(a.labelV, id).toEqual(['str', node.type]);
      expect(a.description, id).toEqual(['str', node.description]);
      expect(JSON.parse(value(a.aliases) as string), id).toEqual(node.aliases);
      expect(ig.node_samples[id]!.label, id).toEqual(a.label);
    }
    // Double quotes and apostrophes survive: spot checks of awkward ones.
    expect(value(nx.node_samples.allies!.description)).toBe('"All allies", whom Starmer said he needs to see stepping up, particularly in Europe.');
    expect(value(nx.node_samples['eu-leaders-dinner']!.label)).toBe("EU leaders' dinner in Brussels");
  });

  it('igraph sees the same counts, with every number as a float', () => {
    for (const name of ['mention_count', 'x', 'y', 'size', 'r', 'g', 'b']) expect(ig.node_attrs[name], name).toEqual(['float']);
    for (const name of ['evidence_start', 'evidence_end', 'q_rank', 'q_year']) expect(ig.edge_attrs[name], name).toEqual(['float']);
    for (const name of ['label', 'type', 'description']) expect(ig.node_attrs[name], name).toEqual(['str']);
    const starmer = ig.node_samples['keir-starmer']!;
    expect(starmer.mention_count).toEqual(['float', nx.node_samples['keir-starmer']!.mention_count![1]]);
  });

  it('holds the named relations: Starmer invited to and spoke at the dinner, the UK projected by the IISS', () => {
    const invited = edgesOf(nx, 'invited_to');
    expect(invited.map((e) => [e.source, e.target])).toEqual([['keir-starmer', 'eu-leaders-dinner']]);
    expect(invited[0]!.attrs).toMatchObject({
      label: ['str', 'invited to'],
      labelE: ['str', 'invited_to'],
      evidence: ['str', "Starmer was invited to join the EU's 27 heads of state for dinner in Brussels"],
      q_first_since: ['str', 'brexit'],
    });
    const spoke = edgesOf(nx, 'spoke_at');
    expect(spoke.map((e) => [e.source, e.target])).toEqual([['keir-starmer', 'eu-leaders-dinner']]);
    expect(spoke[0]!.attrs).toMatchObject({ label: ['str', 'spoke at'], inverse: ['str', 'heard from'], q_date: ['str', '2025-02-03'] });

    const projected = edgesOf(nx, 'projected_by').find((e) => e.source === 'united-kingdom')!;
    expect(projected.target).toBe('iiss');
    expect(projected.attrs).toMatchObject({
      label: ['str', 'projected by'],
      q_rank: ['int', 2],
      q_year: ['int', 2025],
      q_after: ['str', 'germany'],
      q_metric: ['str', 'defence-spending'],
    });
    // And Germany, first in the same ranking.
    expect(edgesOf(nx, 'projected_by').find((e) => e.source === 'germany')!.attrs.q_rank).toEqual(['int', 1]);
  });

  it('every edge\'s evidence is the article\'s text at its evidence_start and evidence_end', () => {
    expect(nx.edge_samples).toHaveLength(graph.size);
    for (const e of nx.edge_samples) {
      const start = value(e.attrs.evidence_start) as number;
      const end = value(e.attrs.evidence_end) as number;
      expect(ARTICLE.slice(start, end), e.id!).toBe(value(e.attrs.evidence));
      expect(end - start, e.id!).toBeGreaterThan(0);
    }
  });

  it('declares unique key ids, never for="all", an explicit edgedefault, and TinkerPop\'s labelV / labelE', () => {
    const doc = new DOMParser().parseFromString(xml, 'text/xml');
    const keys = Array.from(doc.getElementsByTagName('key')).map((k) => ({
      id: k.getAttribute('id')!,
      for: k.getAttribute('for'),
      name: k.getAttribute('attr.name'),
    }));
    expect(keys.length).toBeGreaterThan(20);
    expect(new Set(keys.map((k) => k.id)).size).toBe(keys.length);
    expect(keys.filter((k) => !['node', 'edge', 'graph'].includes(k.for!))).toEqual([]);
    expect(xml).not.toMatch(/for="all"/);
    const graphs = Array.from(doc.getElementsByTagName('graph'));
    expect(graphs.map((g) => g.getAttribute('edgedefault'))).toEqual(['directed']);
    expect(keys).toContainEqual({ id: 'labelV', for: 'node', name: 'labelV' });
    expect(keys).toContainEqual({ id: 'labelE', for: 'edge', name: 'labelE' });
    // Each domain declares each attribute name once.
    for (const domain of ['node', 'edge', 'graph']) {
      const names = keys.filter((k) => k.for === domain).map((k) => k.name);
      expect(new Set(names).size, domain).toBe(names.length);
    }
  });
});

describe('kg export: the other formats read back', () => {
  it('GEXF parses with graphology-gexf into the same nodes, edges and labels', () => {
    const file = exportTo('gexf', 'seed.gexf');
    const read = parseGexf(MultiDirectedGraph, readFileSync(file, 'utf8'));
    expect([read.order, read.size]).toEqual([counts.entities, counts.relations]);
    expect(read.nodes().sort()).toEqual(graph.nodes().sort());
    expect(read.edges().sort()).toEqual(graph.edges().sort());
    graph.forEachNode((id, a) => expect(read.getNodeAttribute(id, 'label'), id).toBe(a.label));
    graph.forEachEdge((id, a, source, target) => {
      expect(read.extremities(id), id).toEqual([source, target]);
      expect(read.getEdgeAttribute(id, 'evidence'), id).toBe(a.evidence.text);
    });
  });

  it('CSV has one row per node and one per edge, with ids, ends and evidence', () => {
    exportTo('csv', 'seed.csv');
    const parse = (file: string) => {
      const result = Papa.parse<Record<string, string>>(readFileSync(file, 'utf8'), { header: true, skipEmptyLines: true });
      expect(result.errors, file).toEqual([]);
      return result.data;
    };
    const nodes = parse(join(scratch, 'seed.nodes.csv'));
    const edges = parse(join(scratch, 'seed.edges.csv'));
    expect(nodes).toHaveLength(counts.entities);
    expect(edges).toHaveLength(counts.relations);
    expect(nodes.map((n) => n.id).sort()).toEqual(graph.nodes().sort());
    expect(edges.map((e) => e.id).sort()).toEqual(graph.edges().sort());
    for (const n of nodes) expect(n.label, n.id).toBe(graph.getNodeAttribute(n.id!, 'label'));
    for (const e of edges) {
      expect([e.source, e.target], e.id).toEqual(graph.extremities(e.id!));
      expect(ARTICLE.slice(Number(e.evidence_start), Number(e.evidence_end)), e.id).toBe(e.evidence);
    }
  });

  it('JSON imports into a graphology MultiDirectedGraph with the same counts and attributes', () => {
    const file = exportTo('json', 'seed.json');
    const read = MultiDirectedGraph.from(JSON.parse(readFileSync(file, 'utf8')));
    expect([read.order, read.size]).toEqual([counts.entities, counts.relations]);
    expect(read.getAttributes()).toEqual(graph.getAttributes());
    graph.forEachNode((id, a) => expect(read.getNodeAttributes(id), id).toEqual(a));
    graph.forEachEdge((id, a, source, target) => {
      expect(read.extremities(id), id).toEqual([source, target]);
      expect(read.getEdgeAttributes(id), id).toEqual(a);
    });
  });
});
