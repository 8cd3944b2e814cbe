import type Sigma from 'sigma';
import type { KgGraph } from '../../model/types.ts';
import type { Store } from '../state.ts';
import { insidePolygon, polygonArea, type Point } from '../view/polygon.ts';
import { DRAG_THRESHOLD, swallowNextClick } from './pointerGesture.ts';

const SVG = 'http://www.w3.org/2000/svg';
/** A loop enclosing less than this (square pixels) is a slip of the hand, not a lasso. */
const LEAST_AREA = 16;

export interface LassoOptions {
  renderer: Sigma;
  graph: KgGraph;
  store: Store;
  /** The toolbar's Lasso button (aria-pressed): while on, any drag on the graph draws a lasso. */
  toggle: HTMLButtonElement;
  /** The nodes on screen now (filters and focus applied): only these can be caught. */
  visibleNodes: () => ReadonlySet<string>;
}

/**
 * The lasso: Shift+drag on the empty stage (or a relation), or any drag while the Lasso button is on, draws a loop
 * on an SVG layer over the canvas; on release the selection becomes every shown node whose centre
 * lies inside it (on screen, where sigma draws it). The camera does not pan while drawing, and
 * the release is not a click.
 */
export function createLasso({ renderer, graph, store, toggle, visibleNodes }: LassoOptions) {
  const container = renderer.getContainer();
  const layer = document.createElementNS(SVG, 'svg');
  layer.classList.add('lasso-layer');
  layer.setAttribute('aria-hidden', 'true');
  const outline = document.createElementNS(SVG, 'polygon');
  outline.classList.add('lasso-outline');
  layer.append(outline);
  container.append(layer);

  let on = false;
  let points: Point[] | null = null;

  const setOn = (value: boolean) => {
    on = value;
    toggle.setAttribute('aria-pressed', String(on));
    container.classList.toggle('lasso-mode', on);
  };
  toggle.addEventListener('click', () => setOn(!on));

  const draw = () => outline.setAttribute('points', (points ?? []).map((p) => `${p.x},${p.y}`).join(' '));
  const start = (event: { x: number; y: number }) => {
    // Sigma's canvases, and this layer, are placed against the container's offset parent.
    const { width, height } = renderer.getDimensions();
    for (const [name, value] of [['left', container.offsetLeft], ['top', container.offsetTop], ['width', width], ['height', height]] as const) layer.style.setProperty(name, `${value}px`);
    points = [{ x: event.x, y: event.y }];
    layer.classList.add('drawing');
    draw();
  };

  renderer.on('downStage', ({ event }) => {
    if (on || event.original.shiftKey) start(event);
  });
  // A relation is not dragged, so a press on one starts a lasso as the stage does.
  renderer.on('downEdge', ({ event }) => {
    if (on || event.original.shiftKey) start(event);
  });
  renderer.on('downNode', ({ event }) => {
    if (on) start(event);
  });
  renderer.on('moveBody', ({ event, preventSigmaDefault }) => {
    if (!points) return;
    preventSigmaDefault();
    const last = points.at(-1)!;
    if (Math.hypot(event.x - last.x, event.y - last.y) < DRAG_THRESHOLD) return;
    points.push({ x: event.x, y: event.y });
    draw();
  });

  const finish = () => {
    if (!points) return;
    const loop = points;
    points = null;
    layer.classList.remove('drawing');
    draw();
    if (loop.length < 3 || polygonArea(loop) < LEAST_AREA) return;
    swallowNextClick();
    store.update({ selectedNodes: caught(loop) });
  };
  renderer.on('upStage', finish);
  renderer.on('upNode', finish);
  renderer.on('upEdge', finish);

  /** The shown nodes inside a loop drawn in viewport pixels. */
  function caught(loop: readonly Point[]): Set<string> {
    const found = new Set<string>();
    for (const node of visibleNodes()) {
      const { x, y } = graph.getNodeAttributes(node) as { x: number; y: number };
      if (insidePolygon(renderer.graphToViewport({ x, y }), loop)) found.add(node);
    }
    return found;
  }

  return {
    /** Whether the Lasso button is on (a drag on a node then draws, rather than moving it). */
    on: () => on,
    /** Whether a loop is being drawn now. */
    drawing: () => points !== null,
    setOn,
  };
}
export type Lasso = ReturnType<typeof createLasso>;
