/**
 * Appearance: communities (seeded Louvain), colour and size scales by any node property, the
 * reducers that apply them (dimming and highlight still win), and the ForceAtlas2 settings a
 * layout run hands the worker.
 */
import { join } from 'node:path';
import { MultiDirectedGraph } from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import { describe, expect, it, vi } from 'vitest';
import { loadArticle } from '../src/corpus/index.ts';
import { loadBuilt } from '../src/cli/load.ts';
import { ATTRIBUTE_PREFIX, CATEGORY_COLOURS, OTHER_COLOUR, RAMP_COLOURS, categoricalColours, createAppearanceSource, numericColours, numericSizes, rampColour } from '../src/layout/appearance.ts';
import { detectCommunities } from '../src/layout/communities.ts';
import { defaultLayoutSettings, fa2Settings, MAX_SIZE, MIN_SIZE } from '../src/layout/layout.ts';
import { contrastRatio, TYPE_COLORS } from '../src/layout/palette.ts';
import type { KgGraph, KgNodeAttributes } from '../src/model/types.ts';
import { initialState, type State } from '../src/app/state.ts';
import { CANVAS_PALETTES } from '../src/app/view/canvasPalette.ts';
import { EDGE_SIZE, reduceEdge, reduceNode, type Appearance, type ViewModel } from '../src/app/view/reducers.ts';
import { computeHighlight, computeVisibility } from '../src/app/view/visibility.ts';
import { REPO, SEED_SLUG } from './helpers/sources.ts';

// @sigma/edge-curve is not loaded here, but reducers.ts's imports may pull WebGL constants.
vi.hoisted(() => {
  const g = globalThis as Record<string, unknown>;
  g.WebGL2RenderingContext ??= { BOOL: 0x8b56, UNSIGNED_BYTE: 0x1401, FLOAT: 0x1406 };
  g.WebGLRenderingContext ??= g.WebGL2RenderingContext;
});

const seed = loadArticle(await loadBuilt(join(REPO, 'data'), SEED_SLUG, { cache: false })).graph;

/** A node with the fields the model requires, plus the given ones. */
const node = (extra: Partial<KgNodeAttributes> = {}): KgNodeAttributes => ({ label: 'x', type: 'person', description: '', aliases: [], attributes: {}, mentions: [], x: 0, y: 0, size: 5, color: '#0072B2', ...extra });

/** Two cliques of five joined by one relation, with parallel relations and a self-loop in the first. */
function twoClusters(names: readonly string[] = ['a', 'b', 'c', 'd', 'e']): KgGraph {
  const g: KgGraph = new MultiDirectedGraph();
  const second = ['v', 'w', 'x', 'y', 'z'];
  for (const n of [...names, ...second]) g.addNode(n, node({ label: n }));
  let k = 0;
  const edge = (s: string, t: string) => g.addEdgeWithKey(`e${k++}`, s, t, { relation: 'r', label: 'r', inverse: 'r', evidence: { start: 0, end: 0, text: '' }, qualifiers: {} });
  for (const clique of [names, second]) for (let i = 0; i < clique.length; i++) for (let j = i + 1; j < clique.length; j++) edge(clique[i]!, clique[j]!);
  edge(names[1]!, names[0]!);
  edge(names[0]!, names[0]!);
  edge(names[4]!, second[0]!);
  return g;
}

describe('communities', () => {
  it('finds the two obvious clusters, the same partition on every run', () => {
    const g = twoClusters();
    const first = detectCommunities(g);
    expect(first.sizes).toEqual([5, 5]);
    const of = (n: string) => first.of.get(n);
    for (const n of ['b', 'c', 'd', 'e']) expect(of(n)).toBe(of('a'));
    for (const n of ['w', 'x', 'y', 'z']) expect(of(n)).toBe(of('v'));
    expect(of('a')).not.toBe(of('v'));
    expect(first.modularity).toBeGreaterThan(0.3);
    expect([...detectCommunities(g).of]).toEqual([...first.of]);
  });

  it('keeps nodes named like Object.prototype members', () => {
    const hostile = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'];
    const { of, sizes } = detectCommunities(twoClusters(hostile));
    expect(sizes).toEqual([5, 5]);
    for (const n of hostile) expect(of.get(n)).toBe(of.get('__proto__'));
    expect(typeof of.get('__proto__')).toBe('number');
    expect(of.get('__proto__')).not.toBe(of.get('v'));
  });

  it('gives the seed article a stable partition of at least two communities covering every node', () => {
    const a = detectCommunities(seed);
    const b = detectCommunities(seed.copy());
    expect([...a.of]).toEqual([...b.of]);
    expect(a.sizes.length).toBeGreaterThanOrEqual(2);
    expect(a.of.size).toBe(seed.order);
    expect(a.sizes.reduce((x, y) => x + y, 0)).toBe(seed.order);
    // Ranked by size: community 0 is the largest.
    expect([...a.sizes].sort((x, y) => y - x)).toEqual(a.sizes);
  });
});

describe('scales', () => {
  const bgLight = '#ffffff';
  const bgDark = '#14181d'; // styles.css --bg, dark

  it('uses colours that stand out (3:1) on the light and the dark pane', () => {
    const ramp = Array.from({ length: 21 }, (_, i) => rampColour(i / 20));
    for (const c of [...CATEGORY_COLOURS, OTHER_COLOUR, ...ramp]) {
      expect(contrastRatio(c, bgLight), `${c} on light`).toBeGreaterThanOrEqual(3);
      expect(contrastRatio(c, bgDark), `${c} on dark`).toBeGreaterThanOrEqual(3);
    }
    expect(new Set(CATEGORY_COLOURS.map((c) => c.toLowerCase())).size).toBe(CATEGORY_COLOURS.length);
    // Never an entity type's colour: a community must not pass for a type.
    for (const c of Object.values(TYPE_COLORS)) expect(CATEGORY_COLOURS.map((x) => x.toLowerCase())).not.toContain(c.toLowerCase());
  });

  it('colours categories by rank, those past the palette and the missing grey', () => {
    const n = CATEGORY_COLOURS.length;
    const values = new Map<string, string | undefined>();
    // Category i has 30 - i nodes: the ranking is unambiguous.
    for (let i = 0; i < n + 2; i++) for (let j = 0; j < 30 - i; j++) values.set(`n${i}-${j}`, `cat${i}`);
    values.set('lost', undefined);
    const { colour, legend } = categoricalColours(values);
    expect(colour.get('n0-0')).toBe(CATEGORY_COLOURS[0]);
    expect(colour.get('n1-3')).toBe(CATEGORY_COLOURS[1]);
    expect(colour.get(`n${n - 1}-0`)).toBe(CATEGORY_COLOURS[n - 1]);
    expect(colour.get(`n${n}-0`)).toBe(OTHER_COLOUR);
    expect(colour.get('lost')).toBe(OTHER_COLOUR);
    expect(legend).toMatchObject({ kind: 'categorical', otherCount: 30 - n + (30 - n - 1), missingCount: 1 });
    if (legend.kind !== 'categorical') throw new Error('categorical legend expected');
    expect(legend.entries).toHaveLength(n);
    expect(legend.entries.slice(0, 2)).toEqual([{ label: 'cat0', colour: CATEGORY_COLOURS[0], count: 30 }, { label: 'cat1', colour: CATEGORY_COLOURS[1], count: 29 }]);
  });

  it('maps numbers onto the ramp and onto sizes by area, the missing smallest and grey', () => {
    const values = new Map<string, number | undefined>([['low', 2], ['mid', 6], ['high', 10], ['none', undefined]]);
    const { colour, legend } = numericColours(values);
    expect(colour.get('low')).toBe(RAMP_COLOURS[0].toLowerCase());
    expect(colour.get('mid')).toBe(RAMP_COLOURS[1].toLowerCase());
    expect(colour.get('high')).toBe(RAMP_COLOURS[2].toLowerCase());
    expect(colour.get('none')).toBe(OTHER_COLOUR);
    expect(legend).toMatchObject({ kind: 'numeric', min: 2, max: 10, missingCount: 1 });
    const sizes = numericSizes(values, { min: 4, max: 20 });
    expect(sizes.get('low')).toBe(4);
    expect(sizes.get('high')).toBe(20);
    expect(sizes.get('mid')).toBeCloseTo(4 + 16 * Math.sqrt(0.5));
    expect(sizes.get('none')).toBe(4);
    // All equal: one middle size rather than a division by zero.
    expect([...numericSizes(new Map([['a', 3], ['b', 3]]), { min: 4, max: 20 }).values()]).toEqual([4 + 16 * Math.sqrt(0.5), 4 + 16 * Math.sqrt(0.5)]);
  });
});

describe('appearance source', () => {
  it('offers the built-in properties, then every scalar attribute by name, hostile names included', () => {
    const g = twoClusters();
    g.mergeNodeAttributes('a', { attributes: JSON.parse('{"__proto__": 4, "constructor": "x", "population": 83, "party": "SPD"}') });
    g.mergeNodeAttributes('b', { attributes: { population: 67, party: 'Labour', constructor: 'y' } as Record<string, string | number> });
    g.mergeNodeAttributes('c', { attributes: { population: 'unknown' } });
    const source = createAppearanceSource(g);
    const keys = source.properties().map((o) => [o.key, o.kind]);
    expect(keys.slice(0, 6)).toEqual([['type', 'categorical'], ['degree', 'numeric'], ['in-degree', 'numeric'], ['out-degree', 'numeric'], ['mentions', 'numeric'], ['community', 'categorical']]);
    // One string among the numbers makes `population` categorical.
    expect(keys.slice(6)).toEqual([[`${ATTRIBUTE_PREFIX}__proto__`, 'numeric'], [`${ATTRIBUTE_PREFIX}constructor`, 'categorical'], [`${ATTRIBUTE_PREFIX}party`, 'categorical'], [`${ATTRIBUTE_PREFIX}population`, 'categorical']]);
    const proto = source.values(`${ATTRIBUTE_PREFIX}__proto__`);
    expect(proto.get('a')).toBe(4);
    // Nodes without the attribute have no value: never Object.prototype or Object itself.
    expect(proto.get('b')).toBeUndefined();
    expect(source.values(`${ATTRIBUTE_PREFIX}constructor`).get('c')).toBeUndefined();
    expect(source.values(`${ATTRIBUTE_PREFIX}toString`).get('a')).toBeUndefined();
    expect(source.colourBy(`${ATTRIBUTE_PREFIX}party`).colour.get('c')).toBe(OTHER_COLOUR);
    expect(() => source.colourBy('toString')).toThrow(/no property/);
  });

  it('offers the number of articles in a corpus graph, and counts them', () => {
    const g = twoClusters();
    g.forEachNode((n) => g.setNodeAttribute(n, 'articles', n === 'a' ? ['one', 'two', 'three'] : ['one']));
    const source = createAppearanceSource(g);
    expect(source.properties().find((o) => o.key === 'articles')).toMatchObject({ kind: 'numeric' });
    expect(source.values('articles').get('a')).toBe(3);
    expect([...source.sizeBy('articles')].sort((x, y) => y[1] - x[1])[0]).toEqual(['a', MAX_SIZE]);
  });

  it('sizes the seed by degree with Keir Starmer largest, and colours it by community', () => {
    const source = createAppearanceSource(seed);
    expect(source.properties().some((o) => o.key === 'articles')).toBe(false);
    const sizes = source.sizeBy('degree');
    const largest = [...sizes].sort((a, b) => b[1] - a[1])[0]!;
    expect(largest).toEqual(['keir-starmer', MAX_SIZE]);
    expect(Math.min(...sizes.values())).toBe(MIN_SIZE);
    const { colour, legend } = source.colourBy('community');
    expect(new Set(colour.values()).size).toBeGreaterThanOrEqual(2);
    expect(legend.kind === 'categorical' && legend.entries[0]!.label).toBe('Community 1');
    expect([...createAppearanceSource(seed).colourBy('community').colour]).toEqual([...colour]);
    expect(() => source.sizeBy('type')).toThrow(/not a numeric/);
  });
});

describe('reducers with an appearance', () => {
  const state = (patch: Partial<State> = {}): State => ({ ...initialState(), ...patch });
  const view = (patch: Partial<State>, appearance?: Appearance): ViewModel => {
    const s = state(patch);
    const visible = computeVisibility(seed, s);
    return { visible, highlight: computeHighlight(seed, s, visible), dimOthers: true, selectedNode: s.selection?.kind === 'node' ? s.selection.id : null, selectedEdge: null, cameraRatio: 1, curvature: new Map(), appearance };
  };
  const scholz = 'olaf-scholz';
  const stranger = seed.filterNodes((n) => n !== scholz && !seed.areNeighbors(n, scholz))[0]!;
  const appearance: Appearance = { color: new Map([[scholz, '#123456'], [stranger, '#654321']]), size: new Map([[scholz, 30]]), edgeSize: 4 };
  const reduce = (n: string, v: ViewModel) => reduceNode(n, { ...seed.getNodeAttributes(n) }, v);

  it('draws the chosen colours and sizes, and leaves the data graph as built', () => {
    const built = seed.getNodeAttribute(scholz, 'color');
    expect(reduce(scholz, view({}, appearance))).toMatchObject({ color: '#123456', size: 30 });
    expect(reduce(scholz, { ...view({}, appearance), nodeScale: 0.5 }).size).toBe(15);
    // A node the appearance does not list keeps its built look.
    const other = seed.filterNodes((n) => n !== scholz && n !== stranger)[0]!;
    expect(reduce(other, view({}, appearance)).color).toBe(seed.getNodeAttribute(other, 'color'));
    expect(seed.getNodeAttribute(scholz, 'color')).toBe(built);
  });

  it('lets dimming and the selection win over the chosen colours', () => {
    const hovered = view({ hoveredNode: scholz }, appearance);
    expect(reduce(stranger, hovered).color).toBe(CANVAS_PALETTES.light.dimNode);
    expect(reduce(scholz, hovered)).toMatchObject({ color: '#123456', forceLabel: true });
    expect(reduce(scholz, view({ selection: { kind: 'node', id: scholz } }, appearance))).toMatchObject({ color: '#123456', highlighted: true, zIndex: 2 });
  });

  it('draws edges at the chosen thickness, highlighted ones thicker still', () => {
    const edge = seed.edges(scholz)[0]!;
    const far = seed.filterEdges((_, __, s, t) => s !== scholz && t !== scholz)[0]!;
    const data = (e: string, v: ViewModel) => reduceEdge(e, { ...seed.getEdgeAttributes(e) }, v);
    expect(data(edge, view({})).size).toBe(EDGE_SIZE);
    expect(data(edge, view({}, appearance)).size).toBe(4);
    const hovered = view({ hoveredNode: scholz }, appearance);
    expect(data(edge, hovered).size).toBeGreaterThan(4);
    expect(data(far, hovered)).toMatchObject({ size: 4, color: CANVAS_PALETTES.light.dimEdge });
  });
});

describe('layout settings', () => {
  it('start from what the built layout uses, and reach ForceAtlas2 under its own names', () => {
    const defaults = defaultLayoutSettings(seed);
    expect(fa2Settings(seed)).toEqual({ ...forceAtlas2.inferSettings(seed), adjustSizes: true, linLogMode: false });
    expect(defaults).toMatchObject({ gravity: 0.05, scalingRatio: 10, strongGravity: true, barnesHut: false, linLog: false });
    const chosen = fa2Settings(seed, { ...defaults, gravity: 3, scalingRatio: 2, barnesHut: true, linLog: true, strongGravity: false });
    expect(chosen).toMatchObject({ gravity: 3, scalingRatio: 2, barnesHutOptimize: true, linLogMode: true, strongGravityMode: false, adjustSizes: true });
  });
});
