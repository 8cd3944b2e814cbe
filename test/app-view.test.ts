import { describe, expect, it, vi } from 'vitest';
import { loadArticle } from '../src/corpus/index.ts';
import { segmentArticle } from '../src/app/view/articleSegments.ts';
import { parallelCurvature } from '../src/app/view/parallelEdges.ts';
import { DIM_NODE, reduceEdge, reduceNode, type ViewModel } from '../src/app/view/reducers.ts';
import { fromHash, toHash } from '../src/app/view/urlState.ts';
import { computeHighlight, computeVisibility } from '../src/app/view/visibility.ts';
import { articleOfSelection } from '../src/app/view/panelArticle.ts';
import { loadBuilt } from '../src/cli/load.ts';
import { initialState, type State } from '../src/app/state.ts';
import { complete } from '../src/query/index.ts';
import { REPO, SEED_SLUG } from './helpers/sources.ts';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { MultiDirectedGraph } from 'graphology';
import type Graph from 'graphology';
import { edgesNearLabels } from '../src/app/view/nearEdgeLabels.ts';
import { seededRandom } from '../src/layout/communities.ts';

// @sigma/edge-curve reads WebGL constants when it loads; only its pure edge indexing is used here.
vi.hoisted(() => {
  const g = globalThis as Record<string, unknown>;
  g.WebGL2RenderingContext ??= { BOOL: 0x8b56, UNSIGNED_BYTE: 0x1401, FLOAT: 0x1406 };
  g.WebGLRenderingContext ??= g.WebGL2RenderingContext;
});

// The seed's view of the project data: its entities may be defined in data/entities.yaml.
const article = loadArticle(await loadBuilt(join(REPO, 'data'), SEED_SLUG, { cache: false }));
const { graph } = article;
const state = (patch: Partial<State> = {}): State => ({ ...initialState(), ...patch });

describe('visibility', () => {
  it('shows everything by default', () => {
    const v = computeVisibility(graph, state());
    expect(v.nodes.size).toBe(graph.order);
    expect(v.edges.size).toBe(graph.size);
  });

  it('hides a type\'s nodes and every edge touching them', () => {
    const v = computeVisibility(graph, state({ hiddenTypes: new Set(['topic']) }));
    expect([...v.nodes].some((n) => graph.getNodeAttribute(n, 'type') === 'topic')).toBe(false);
    for (const e of v.edges) expect([graph.source(e), graph.target(e)].every((n) => v.nodes.has(n))).toBe(true);
  });

  it('hides edges of a relation type but keeps their ends', () => {
    const v = computeVisibility(graph, state({ hiddenRelations: new Set(['outlined']) }));
    expect(v.nodes.size).toBe(graph.order);
    expect(graph.filterEdges((e) => v.edges.has(e) && graph.getEdgeAttribute(e, 'relation') === 'outlined')).toEqual([]);
  });

  it('focuses on the selection\'s neighbourhood, one or two hops out', () => {
    const selection = { kind: 'node' as const, id: 'olaf-scholz' };
    const one = computeVisibility(graph, state({ selection, focusDepth: 1 }));
    expect(one.nodes).toEqual(new Set(['olaf-scholz', ...graph.neighbors('olaf-scholz')]));
    const two = computeVisibility(graph, state({ selection, focusDepth: 2 }));
    expect(two.nodes.size).toBeGreaterThan(one.nodes.size);
    expect(computeVisibility(graph, state({ focusDepth: 2 })).nodes.size).toBe(graph.order);
  });
});

const corpus = loadArticle(await loadBuilt(join(REPO, 'test/fixtures/corpus'), undefined, { cache: false })).graph;

describe('the corpus view', () => {
  const [paris, sylvania] = ['2025-01-01-paris-summit', '2025-02-01-byron-in-sylvania'];

  it('hides an article\'s relations and the entities only it mentions', () => {
    const v = computeVisibility(corpus, state({ hiddenArticles: new Set([paris]) }));
    expect(v.nodes).toEqual(new Set(corpus.filterNodes((_, a) => a.articles!.includes(sylvania))));
    expect(v.nodes.has('ada-byron') && !v.nodes.has('institute')).toBe(true);
    expect(v.edges).toEqual(new Set(corpus.filterEdges((_, a) => a.article === sylvania)));
    expect(computeVisibility(corpus, state({ hiddenArticles: new Set([paris, sylvania]) })).nodes.size).toBe(0);
  });

  it('shows a relation in its own article, and an entity where it is mentioned, staying when it can', () => {
    expect(articleOfSelection(corpus, { kind: 'edge', id: `${sylvania}:ada-byron--visited--sylvania` }, paris)).toBe(sylvania);
    expect(articleOfSelection(corpus, { kind: 'node', id: 'ada-byron' }, sylvania)).toBe(sylvania);
    expect(articleOfSelection(corpus, { kind: 'node', id: 'sylvania-city' }, paris)).toBe(sylvania);
    expect(articleOfSelection(corpus, null, sylvania)).toBe(sylvania);
    expect(articleOfSelection(graph, { kind: 'node', id: 'olaf-scholz' }, SEED_SLUG)).toBe(SEED_SLUG);
  });
});

describe('highlight and reducers', () => {
  const view = (patch: Partial<State>): ViewModel => {
    const s = state(patch);
    const visible = computeVisibility(graph, s);
    return { visible, highlight: computeHighlight(graph, s, visible), dimOthers: true, selectedNode: s.selection?.kind === 'node' ? s.selection.id : null, selectedEdge: null, cameraRatio: 1, curvature: new Map() };
  };

  it('keeps a hovered node and its neighbours bright and dims the rest', () => {
    const v = view({ hoveredNode: 'olaf-scholz' });
    const neighbour = graph.neighbors('olaf-scholz')[0]!;
    const stranger = graph.filterNodes((n) => n !== 'olaf-scholz' && !graph.areNeighbors(n, 'olaf-scholz'))[0]!;
    expect(reduceNode(neighbour, { ...graph.getNodeAttributes(neighbour) }, v).color).not.toBe(DIM_NODE);
    expect(reduceNode(stranger, { ...graph.getNodeAttributes(stranger) }, v).color).toBe(DIM_NODE);
    expect(reduceNode(stranger, { ...graph.getNodeAttributes(stranger) }, v).label).toBe('');
  });

  it('gives sigma a node program type, never the entity type', () => {
    const d = reduceNode('keir-starmer', { ...graph.getNodeAttributes('keir-starmer') }, view({}));
    expect(d.type).toBe('circle');
    expect(d.entityType).toBe('person');
  });

  it('labels edges only when zoomed in or highlighted', () => {
    const edge = graph.edges('keir-starmer')[0]!;
    const a = () => ({ ...graph.getEdgeAttributes(edge) });
    expect(reduceEdge(edge, a(), view({})).label).toBe('');
    expect(reduceEdge(edge, a(), { ...view({}), cameraRatio: 0.2 }).label).toBe(a().label);
    expect(reduceEdge(edge, a(), view({ hoveredNode: 'keir-starmer' })).label).toBe(a().label);
  });

  it('on large graphs emphasises the neighbourhood without dimming the rest', () => {
    const v = { ...view({ hoveredNode: 'olaf-scholz' }), dimOthers: false };
    const stranger = graph.filterNodes((n) => n !== 'olaf-scholz' && !graph.areNeighbors(n, 'olaf-scholz'))[0]!;
    const neighbour = graph.neighbors('olaf-scholz')[0]!;
    expect(reduceNode(stranger, { ...graph.getNodeAttributes(stranger) }, v).color).toBe(graph.getNodeAttribute(stranger, 'color'));
    expect(reduceNode(neighbour, { ...graph.getNodeAttributes(neighbour) }, v)).toMatchObject({ highlighted: true, forceLabel: true });
  });

  it('curves parallel relations and leaves the data graph untouched', () => {
    const curvature = parallelCurvature(graph);
    const parallel = graph.filterEdges((e, _, s, t) => graph.edges(s, t).length + graph.edges(t, s).length > 1);
    expect(parallel.length).toBeGreaterThan(1);
    expect(parallel.some((e) => curvature.has(e))).toBe(true);
    expect(Object.keys(graph.getEdgeAttributes(parallel[0]!))).not.toContain('index');
  });
});

describe('URL hash', () => {
  const exists = { node: (id: string) => graph.hasNode(id), edge: (id: string) => graph.hasEdge(id), relation: () => true };

  it('round-trips selection, filters and focus', () => {
    const s = state({ selection: { kind: 'node', id: 'olaf-scholz' }, hiddenTypes: new Set(['topic', 'place']), hiddenRelations: new Set(['outlined']), focusDepth: 2 });
    const hash = toHash(SEED_SLUG, s);
    expect(hash).toBe(`#article=${SEED_SLUG}&node=olaf-scholz&hide=place%2Ctopic&hideRel=outlined&focus=2`);
    expect(fromHash(hash, exists)).toEqual({ article: SEED_SLUG, selection: s.selection, hiddenTypes: new Set(['place', 'topic']), hiddenRelations: new Set(['outlined']), hiddenArticles: new Set(), focusDepth: 2 });
  });

  it('names no article in the corpus view, and keeps only the hidden articles it knows', () => {
    const hash = toHash(undefined, state({ hiddenArticles: new Set(['b-two', 'a-one']) }));
    expect(hash).toBe('#hideArt=a-one%2Cb-two');
    const url = fromHash(`${hash}%2Cnope%2C__proto__`, { ...exists, article: (slug) => ['a-one', 'b-two'].includes(slug) });
    expect(url).toMatchObject({ article: undefined, hiddenArticles: new Set(['a-one', 'b-two']) });
    expect(fromHash(hash, exists).hiddenArticles).toEqual(new Set());
  });

  it('drops what it does not know instead of trusting it', () => {
    const url = fromHash('#node=nobody&hide=planet,topic&focus=7', exists);
    expect(url).toMatchObject({ selection: null, hiddenTypes: new Set(['topic']), focusDepth: 0 });
  });
});

describe('complete (the search box)', () => {
  it('finds by label or alias, prefix matches first', () => {
    expect(complete(graph, 'scholz')[0]).toMatchObject({ id: 'olaf-scholz', label: 'Olaf Scholz' });
    const uk = complete(graph, 'uk');
    expect(uk[0]).toMatchObject({ id: 'united-kingdom', matched: 'UK' });
    expect(complete(graph, '   ')).toEqual([]);
    expect(complete(graph, 'e', 3)).toHaveLength(3);
  });
});

describe('article segments', () => {
  it('covers every character once, mentions in order', () => {
    const mentions = graph.mapNodes((node, a) => a.mentions.map((span) => ({ node, span }))).flat();
    const segments = segmentArticle(article.text.length, mentions);
    expect(segments.map((s) => article.text.slice(s.start, s.end)).join('')).toBe(article.text);
    expect(segments.filter((s) => s.node)).toHaveLength(mentions.length);
    for (let i = 1; i < segments.length; i++) expect(segments[i]!.start).toBe(segments[i - 1]!.end);
  });
});

/**
 * Sigma 3's own edgeLabelsToDisplayFromNodes, taken from its bundle (sigma does not export it):
 * edgesNearLabels must select what it selects, whatever sigma version is installed.
 */
function sigmaEdgeLabelsToDisplay(): (params: { graph: Graph; hoveredNode: string | null; highlightedNodes: Set<string>; displayedNodeLabels: Set<string> }) => string[] {
  const bundle = readFileSync(join(REPO, 'node_modules/sigma/dist/sigma.esm.js'), 'utf8');
  const source = /function edgeLabelsToDisplayFromNodes\(params\) \{[\s\S]*?\n\}\n/.exec(bundle)?.[0];
  if (!source) throw new Error('edgeLabelsToDisplayFromNodes not found in sigma.esm.js');
  return new Function(`${source}; return edgeLabelsToDisplayFromNodes;`)() as ReturnType<typeof sigmaEdgeLabelsToDisplay>;
}

describe('edge labels near labelled nodes (nearEdgeLabels)', () => {
  const sigmaSelects = sigmaEdgeLabelsToDisplay();
  const agree = (g: Graph, hovered: string | null, highlighted: string[], displayed: string[]) => {
    const [highlightedNodes, displayedNodeLabels] = [new Set(highlighted), new Set(displayed)];
    const ours = edgesNearLabels(g, hovered, highlightedNodes, displayedNodeLabels);
    // Each edge once, and the same set as sigma's scan of every edge.
    expect(new Set(ours).size).toBe(ours.length);
    expect(new Set(ours)).toEqual(new Set(sigmaSelects({ graph: g, hoveredNode: hovered, highlightedNodes, displayedNodeLabels })));
    return ours.length;
  };

  it('selects what sigma selects on the seed graph', () => {
    const nodes = graph.nodes();
    expect(agree(graph, null, [], [])).toBe(0);
    expect(agree(graph, nodes[0]!, [], [])).toBe(graph.degree(nodes[0]!));
    agree(graph, null, [], nodes);
    agree(graph, nodes[1]!, [nodes[1]!, ...graph.neighbors(nodes[1]!)], nodes.slice(0, 5));
    agree(graph, 'olaf-scholz', graph.neighbors('olaf-scholz'), nodes.filter((_, i) => i % 3 === 0));
    // Keys sigma could hold that the graph no longer has select nothing.
    agree(graph, 'not-a-node', ['not-a-node'], ['not-a-node', nodes[2]!]);
  });

  it('selects what sigma selects on a random multigraph with loops and parallel edges', () => {
    const rnd = seededRandom(7);
    const g = new MultiDirectedGraph();
    for (let i = 0; i < 300; i++) g.addNode(`n${i}`);
    const pick = () => `n${Math.floor(rnd() * 300)}`;
    for (let i = 0; i < 1500; i++) g.addEdgeWithKey(`e${i}`, pick(), rnd() < 0.05 ? 'n0' : pick());
    g.addEdgeWithKey('loop', 'n1', 'n1');
    g.addEdgeWithKey('loop2', 'n1', 'n1');
    const some = (share: number) => g.filterNodes(() => rnd() < share);
    for (let round = 0; round < 20; round++) {
      const hovered = round % 4 === 0 ? null : round % 5 === 0 ? 'n1' : pick();
      agree(g, hovered, some(round % 3 === 0 ? 0 : 0.02), some([0, 0.05, 0.3, 1][round % 4]!));
    }
    expect(agree(g, 'n0', [], [])).toBe(g.degree('n0'));
    expect(agree(g, 'n1', [], [])).toBe(g.edges('n1').length);
  });
});
