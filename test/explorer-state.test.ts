/**
 * The explorer's pure parts behind finding and sharing: the rules the store keeps, links that
 * carry a name and a camera, and the geometry that keeps edge labels apart.
 */
import { describe, expect, it } from 'vitest';
import { createStore, initialState, settle, type State } from '../src/app/state.ts';
import { boxesOverlap, createEdgeLabelLayout, curvedLabelBox, straightLabelBox, type LabelBox } from '../src/app/view/edgeLabels.ts';
import { mixColours, reduceOuterRing } from '../src/app/view/outerRing.ts';
import { fromHash, toHash } from '../src/app/view/urlState.ts';

const state = (patch: Partial<State> = {}): State => ({ ...initialState(), ...patch });
const scholz = { kind: 'node', id: 'olaf-scholz' } as const;
const path = { nodes: ['olaf-scholz', 'keir-starmer'], edges: ['keir-starmer--waited-for--olaf-scholz'] };

describe('the store\'s rules', () => {
  it('a selection cleared takes the focus back to the whole graph, unless the same update sets one', () => {
    const store = createStore(state({ selection: scholz, focusDepth: 2 }));
    const seen: number[] = [];
    store.subscribe((s) => seen.push(s.focusDepth));
    store.update({ selection: null });
    expect(store.get().focusDepth).toBe(0);
    // Every listener saw the settled state, never "no selection, 2 hops".
    expect(seen).toEqual([0]);
    const kept = settle(state({ selection: null, focusDepth: 1 }), state({ selection: scholz, focusDepth: 2 }), { selection: null, focusDepth: 1 });
    expect(kept.focusDepth).toBe(1);
    // With nothing selected before, a focus chosen ahead of a selection stays.
    const ahead = createStore();
    ahead.update({ focusDepth: 2 });
    expect(ahead.get().focusDepth).toBe(2);
  });

  it('selecting something off the highlighted path ends it; on it, or with the path in the same update, keeps it', () => {
    const store = createStore(state({ path }));
    store.update({ selection: { kind: 'edge', id: path.edges[0]! } });
    expect(store.get().path).toBe(path);
    store.update({ selection: { kind: 'node', id: 'keir-starmer' } });
    expect(store.get().path).toBe(path);
    store.update({ selection: { kind: 'node', id: 'iiss' } });
    expect(store.get().path).toBeNull();
    store.update({ selection: { kind: 'node', id: 'germany' }, path });
    expect(store.get().path).toBe(path);
  });
});

describe('links', () => {
  const exists = { node: (id: string) => ['olaf-scholz', 'keir-starmer'].includes(id), edge: () => false, relation: () => true };

  it('carry the camera as the graph point in the middle and the zoom, and read it back', () => {
    const hash = toHash('a', state({ selection: scholz }), { x: -73.56641, y: 24.61128, ratio: 0.419 });
    expect(hash).toBe('#article=a&node=olaf-scholz&cam=-73.566%2C24.611%2C0.419');
    expect(fromHash(hash, exists).camera).toEqual({ x: -73.566, y: 24.611, ratio: 0.419 });
    expect(toHash('a', state())).toBe('#article=a');
  });

  it('drop a camera that is not three finite numbers with a ratio above zero', () => {
    for (const cam of ['1,2', '1,2,0', '1,2,-1', 'a,b,c', '1,,1', '1,2,3,4', 'Infinity,0,1', '']) {
      expect(fromHash(`#cam=${cam}`, exists).camera, cam).toBeUndefined();
    }
  });

  it('name a node as a person would: resolved when it is not an id, dropped when it names nothing', () => {
    const resolveNode = (name: string) => (name.toLowerCase() === 'scholz' ? 'olaf-scholz' : undefined);
    expect(fromHash('#node=Scholz', { ...exists, resolveNode }).selection).toEqual(scholz);
    expect(fromHash('#node=keir-starmer', { ...exists, resolveNode }).selection).toEqual({ kind: 'node', id: 'keir-starmer' });
    expect(fromHash('#node=Nobody', { ...exists, resolveNode }).selection).toBeNull();
    expect(fromHash('#node=Scholz', exists).selection).toBeNull();
  });

  it('keep a focus only with something to focus on', () => {
    expect(fromHash('#node=olaf-scholz&focus=2', exists).focusDepth).toBe(2);
    expect(fromHash('#focus=2', exists).focusDepth).toBe(0);
  });
});

describe('edge label boxes', () => {
  const box = (patch: Partial<LabelBox>): LabelBox => ({ x: 0, y: 0, halfWidth: 30, halfHeight: 6, angle: 0, ...patch });

  it('overlap when they share pixels, however turned, and not when apart', () => {
    expect(boxesOverlap(box({}), box({ x: 20 }))).toBe(true);
    expect(boxesOverlap(box({}), box({ x: 70 }))).toBe(false);
    expect(boxesOverlap(box({}), box({ y: 20 }))).toBe(false);
    // Two labels crossing like an X share their middle.
    expect(boxesOverlap(box({ angle: Math.PI / 4 }), box({ angle: -Math.PI / 4 }))).toBe(true);
    // Side by side along one diagonal line, apart: the axis-aligned boxes around them would overlap, the labels do not.
    const d = 70 / Math.SQRT2;
    expect(boxesOverlap(box({ angle: Math.PI / 4 }), box({ angle: Math.PI / 4, x: d, y: d }))).toBe(false);
    expect(boxesOverlap(box({ angle: Math.PI / 4 }), box({ angle: Math.PI / 4, x: 12, y: -12 }))).toBe(false);
    expect(boxesOverlap(box({ angle: Math.PI / 4 }), box({ angle: Math.PI / 4, x: 4, y: -4 }))).toBe(true);
  });

  it('a straight edge\'s label sits between the node rims, below the line, and is left out when it does not fit', () => {
    const source = { x: 0, y: 0, size: 5 };
    const target = { x: 100, y: 0, size: 5 };
    const b = straightLabelBox(source, target, 60, 12, 2)!;
    expect(b.x).toBeCloseTo(50);
    expect(b.y).toBeGreaterThan(0);
    expect(b.angle).toBe(0);
    expect(straightLabelBox(source, target, 95, 12, 2)).toBeNull();
    // Drawn from right to left, the text is still upright: the same box.
    const back = straightLabelBox(target, source, 60, 12, 2)!;
    expect([back.x, back.y, back.angle].map((n) => Math.round(n * 1e6) / 1e6)).toEqual([b.x, b.y, b.angle].map((n) => Math.round(n * 1e6) / 1e6));
  });

  it('parallel relations between the same two entities get boxes on either side of the line', () => {
    const a = { x: 0, y: 0, size: 5 };
    const b = { x: 200, y: 0, size: 5 };
    const up = curvedLabelBox(a, b, 50, 12, 2, 0.25)!;
    const down = curvedLabelBox(a, b, 50, 12, 2, -0.25)!;
    expect(Math.sign(up.y)).not.toBe(Math.sign(down.y));
    expect(boxesOverlap(up, down)).toBe(false);
    expect(boxesOverlap(up, straightLabelBox(a, b, 50, 12, 2)!)).toBe(false);
    expect(curvedLabelBox(a, b, 300, 12, 2, 0.25)).toBeNull();
  });
});

describe('the edge label layout', () => {
  // What sigma hands a drawer: a 2D context (only measureText is read here) and the two ends in pixels.
  const context = { font: '', measureText: (text: string) => ({ width: text.length * 6 }) } as unknown as CanvasRenderingContext2D;
  const settings = { edgeLabelSize: 12, edgeLabelWeight: 'normal', edgeLabelFont: 'sans-serif' } as Parameters<ReturnType<ReturnType<typeof createEdgeLabelLayout>['wrap']>>[4];
  const end = (x: number, y: number) => ({ x, y, size: 4 });

  it('draws a label only where it keeps clear of those already drawn in the pass, and starts afresh with the next pass', async () => {
    const layout = createEdgeLabelLayout();
    const drawn: string[] = [];
    const draw = layout.wrap((_, edge) => drawn.push(String(edge.key)), 'straight');
    const label = (key: string, from: { x: number; y: number; size: number }, to: { x: number; y: number; size: number }, text = 'attended') =>
      draw(context, { key, label: text, color: '#000', size: 1 } as never, from, to, settings);
    label('a', end(0, 0), end(200, 0));
    label('b', end(10, 2), end(210, 2)); // the same place, nearly: left out
    label('c', end(0, 100), end(200, 100));
    label('d', end(0, 200), end(30, 200)); // too short an edge for its label: left out
    label('e', end(0, 300), end(200, 300), '');
    expect(drawn).toEqual(['a', 'c']);
    await Promise.resolve();
    expect(layout.drawn().map((d) => d.edge)).toEqual(['a', 'c']);
    // A new pass: the same label in the same place is drawn again.
    label('b', end(10, 2), end(210, 2));
    expect(drawn).toEqual(['a', 'c', 'b']);
  });
});

describe('the outer ring of a focus', () => {
  it('is a paler tint of the type colour, smaller, and keeps its label', () => {
    const data = reduceOuterRing({ color: '#0072b2', size: 10, label: 'Germany' }, '#e2e2e2');
    expect(data.color).toBe(mixColours('#0072b2', '#e2e2e2', 0.55));
    expect(data.color).not.toBe('#e2e2e2');
    expect(data).toMatchObject({ size: 7, label: 'Germany' });
    expect(mixColours('#000000', '#ffffff', 0.5)).toBe('#808080');
  });
});
