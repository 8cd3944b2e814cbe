import type Sigma from 'sigma';
import type { CameraState } from 'sigma/types';
import type { KgGraph } from '../../model/types.ts';
import { fitItems, freeRectangle, inset, type FramedItem, type Rect } from '../view/framing.ts';

/** Pixels kept between the graph and an overlay or the pane's edge. */
const OVERLAY_GAP = 8;
const EDGE_MARGIN = 10;
/** The closest a framing zooms in (camera ratio): one node alone is not blown up to fill the pane. */
const MIN_FRAME_RATIO = 0.12;
const HOME_EPSILON = 1e-6;
const LAYOUT_REFRAME_MS = 300;

export interface FrameOptions {
  animate?: boolean;
  /** Label width per node, in pixels, so that framed labels have room too. */
  labelWidth?: (node: string) => number;
}

/**
 * Keeps the graph clear of the overlays on its pane (elements marked `data-overlay`: the filters
 * box, the layout status). Sigma frames its bounding box into the whole container; here the box
 * is chosen (square, so sigma's aspect correction stays out of the way, and no stage padding)
 * so that the camera's home state, ratio 1, shows every node inside the largest free rectangle.
 * Camera moves (focus on a node, fit a neighbourhood, zoom) aim at that rectangle too.
 *
 * With a square box and no padding, sigma maps a framed point p to the viewport as
 * `x = W/2 + (s/ratio)(p.x - camera.x)`, `y = H/2 - (s/ratio)(p.y - camera.y)`, s = min(W, H):
 * the camera states below are solved from that.
 */
export function createCameraFrame(renderer: Sigma, graph: KgGraph, container: HTMLElement) {
  const camera = renderer.getCamera();

  /** Overlays on the pane that are showing, in the container's pixels, each grown by the gap. */
  function overlayRects(gap = OVERLAY_GAP): Rect[] {
    const origin = container.getBoundingClientRect();
    const pane = container.parentElement;
    if (!pane) return [];
    return [...pane.querySelectorAll<HTMLElement>('[data-overlay]')]
      .filter((el) => el.checkVisibility())
      .map((el) => el.getBoundingClientRect())
      .filter((r) => r.width > 0 && r.height > 0)
      .map((r) => ({ x: r.left - origin.left - gap, y: r.top - origin.top - gap, width: r.width + 2 * gap, height: r.height + 2 * gap }));
  }

  const size = () => renderer.getDimensions();

  /** Where the graph may be drawn: the container less its overlays, for content of the given aspect. */
  function freeRect(aspect = 1): Rect {
    const { width, height } = size();
    return freeRectangle({ x: 0, y: 0, width, height }, overlayRects(), aspect);
  }

  const atHome = (state: CameraState = camera.getState()) =>
    Math.abs(state.ratio - 1) < HOME_EPSILON && Math.abs(state.x - 0.5) < HOME_EPSILON && Math.abs(state.y - 0.5) < HOME_EPSILON && state.angle === 0;

  /** Items for the framing arithmetic: positions with y downwards, reach in pixels at camera ratio `ratio`. */
  function items(nodes: readonly string[], position: (node: string) => { x: number; y: number }, ratio: number, labelWidth?: (node: string) => number): FramedItem[] {
    return nodes.map((node) => {
      const { x, y } = position(node);
      const size = renderer.getNodeDisplayData(node)?.size ?? graph.getNodeAttribute(node, 'size') ?? 1;
      const radius = renderer.scaleSize(size, ratio) + EDGE_MARGIN;
      const label = labelWidth ? labelWidth(node) : 0;
      return { x, y: -y, left: radius, right: radius + label, top: radius, bottom: radius };
    });
  }

  const aspectOf = (list: readonly FramedItem[]) => {
    const xs = list.map((i) => i.x);
    const ys = list.map((i) => i.y);
    const w = Math.max(...xs) - Math.min(...xs);
    const h = Math.max(...ys) - Math.min(...ys);
    return w > 0 && h > 0 ? w / h : 1;
  };

  /**
   * Sets sigma's bounding box so that home shows every node in the free rectangle. The view on
   * screen does not jump: at home it is the new home; elsewhere the camera moves to show the
   * same part of the graph at the same scale.
   */
  function reframe(): void {
    if (graph.order === 0) return;
    // A camera move under way aims at a state of the old box: reframe once it has arrived.
    if (camera.isAnimated()) return schedule();
    const { width, height } = size();
    const nodes = graph.nodes();
    const list = items(nodes, (n) => graph.getNodeAttributes(n) as { x: number; y: number }, 1);
    const fit = fitItems(list, inset(freeRect(aspectOf(list)), 2)) ?? fitItems(list, { x: 0, y: 0, width, height });
    if (!fit) return;
    const side = Math.min(width, height) / fit.scale;
    const cx = (width / 2 - fit.offsetX) / fit.scale;
    const cy = (fit.offsetY - height / 2) / fit.scale;
    const previous = renderer.getCustomBBox();
    const next = { x: [cx - side / 2, cx + side / 2] as [number, number], y: [cy - side / 2, cy + side / 2] as [number, number] };
    if (previous && next.x.every((v, i) => Math.abs(v - previous.x[i]!) < 1e-9) && next.y.every((v, i) => Math.abs(v - previous.y[i]!) < 1e-9)) return;
    const home = atHome();
    // The graph point at the centre of the view, and its scale in pixels per graph unit, before the change.
    // The camera as it is now: sigma's own matrix is a frame behind while the camera moves.
    const now = { cameraState: camera.getState() };
    const centre = renderer.viewportToGraph({ x: width / 2, y: height / 2 }, now);
    const step = renderer.graphToViewport({ x: centre.x + 1, y: centre.y }, now);
    const pixelsPerUnit = Math.hypot(step.x - width / 2, step.y - height / 2);
    renderer.setCustomBBox(next);
    if (home || !(pixelsPerUnit > 0)) camera.setState({ x: 0.5, y: 0.5, ratio: 1, angle: 0 });
    else camera.setState({ x: 0.5 + (centre.x - cx) / side, y: 0.5 + (centre.y - cy) / side, ratio: Math.min(width, height) / (side * pixelsPerUnit), angle: 0 });
    // Sigma normalises node positions when it indexes the graph: a new box needs a full refresh.
    renderer.refresh();
  }

  /** The camera state that shows framed point `p` at viewport point `at`, with ratio `ratio`. */
  function stateShowing(p: { x: number; y: number }, at: { x: number; y: number }, ratio: number): CameraState {
    const { width, height } = size();
    const s = Math.min(width, height) / ratio;
    return { x: p.x + (width / 2 - at.x) / s, y: p.y + (at.y - height / 2) / s, ratio, angle: 0 };
  }

  const move = (state: CameraState, animate: boolean, duration = 400) => (animate ? camera.animate(state, { duration }) : (camera.setState(state), Promise.resolve()));

  const centreOf = (r: Rect) => ({ x: r.x + r.width / 2, y: r.y + r.height / 2 });

  /**
   * Brings nodes (one, or a relation's two ends) to the middle of the free rectangle, their
   * midpoint there; zooms in to `maxRatio` if further out.
   */
  function centreNodes(nodes: readonly string[], { animate = true, maxRatio = 0.6 }: { animate?: boolean; maxRatio?: number } = {}): Promise<void> {
    const shown = nodes.map((n) => renderer.getNodeDisplayData(n)).filter((d) => d !== undefined);
    if (shown.length === 0) return Promise.resolve();
    const middle = { x: shown.reduce((s, d) => s + d.x, 0) / shown.length, y: shown.reduce((s, d) => s + d.y, 0) / shown.length };
    return move(stateShowing(middle, centreOf(freeRect()), Math.min(camera.ratio, maxRatio)), animate);
  }
  const centreNode = (node: string, options?: { animate?: boolean; maxRatio?: number }) => centreNodes([node], options);

  /** Frames a set of nodes (a focused neighbourhood) in the free rectangle, their labels included when they fit. */
  function fitNodes(nodes: readonly string[], { animate = true, labelWidth }: FrameOptions = {}): Promise<void> {
    const shown = nodes.filter((n) => renderer.getNodeDisplayData(n));
    if (shown.length === 0) return Promise.resolve();
    if (shown.length === 1) return centreNode(shown[0]!, { animate, maxRatio: Math.max(camera.ratio, MIN_FRAME_RATIO) });
    const { width, height } = size();
    const smallest = Math.min(width, height);
    const framed = (n: string) => renderer.getNodeDisplayData(n)!;
    let ratio = camera.ratio;
    let state: CameraState | null = null;
    // Node sizes on screen depend on the ratio being solved for: two rounds settle it.
    for (let round = 0; round < 3; round++) {
      const withLabels = items(shown, framed, ratio, labelWidth);
      const rect = inset(freeRect(aspectOf(withLabels)), 2);
      const fit = fitItems(withLabels, rect, smallest / MIN_FRAME_RATIO) ?? fitItems(items(shown, framed, ratio), rect, smallest / MIN_FRAME_RATIO);
      if (!fit) break;
      ratio = smallest / fit.scale;
      state = { x: (width / 2 - fit.offsetX) / fit.scale, y: (fit.offsetY - height / 2) / fit.scale, ratio, angle: 0 };
    }
    return state ? move(state, animate) : Promise.resolve();
  }

  /** Zooms by `factor` (above 1: in) about the middle of the free rectangle, which stays put. */
  function zoom(factor: number, { animate = true }: { animate?: boolean } = {}): Promise<void> {
    const at = centreOf(freeRect());
    const p = renderer.viewportToFramedGraph(at, { cameraState: camera.getState() });
    const ratio = camera.getBoundedRatio(camera.ratio / factor);
    return move(stateShowing(p, at, ratio), animate, 300);
  }

  /** Pans by a share of the free rectangle (positive x: see more to the right; positive y: further down). */
  function pan(dx: number, dy: number, { animate = true }: { animate?: boolean } = {}): Promise<void> {
    const rect = freeRect();
    const { width, height } = size();
    const s = Math.min(width, height) / camera.ratio;
    const state = camera.getState();
    return move({ ...state, x: state.x + (dx * rect.width) / s, y: state.y - (dy * rect.height) / s }, animate, 200);
  }

  /** Back to home: every node in the free rectangle (the box is brought up to date first). */
  function reset({ animate = true }: { animate?: boolean } = {}): Promise<void> {
    reframe();
    return move({ x: 0.5, y: 0.5, ratio: 1, angle: 0 }, animate, 300);
  }

  // Reframe when the pane or an overlay changes size (the filters box opens, a panel collapses,
  // the window turns), and when the layout moves nodes: at most once a frame.
  let pending = 0;
  const schedule = () => {
    if (pending) return;
    pending = requestAnimationFrame(() => {
      pending = 0;
      reframe();
      // Labels keep off the overlays: an overlay that grew without moving home still needs a new frame.
      renderer.scheduleRender();
    });
  };
  const observer = new ResizeObserver(schedule);
  observer.observe(container);
  for (const el of container.parentElement?.querySelectorAll<HTMLElement>('[data-overlay]') ?? []) observer.observe(el);
  // A running layout moves nodes on every step: reframe a few times a second, and once after the last.
  let moved: ReturnType<typeof setTimeout> | undefined;
  const nodesMoved = () => {
    moved ??= setTimeout(() => ((moved = undefined), schedule()), LAYOUT_REFRAME_MS);
  };
  graph.on('eachNodeAttributesUpdated', nodesMoved);
  reframe();

  return {
    freeRect,
    overlayRects,
    reframe,
    centreNode,
    centreNodes,
    fitNodes,
    zoom,
    pan,
    reset,
    kill() {
      observer.disconnect();
      cancelAnimationFrame(pending);
      clearTimeout(moved);
      graph.off('eachNodeAttributesUpdated', nodesMoved);
    },
  };
}
export type CameraFrame = ReturnType<typeof createCameraFrame>;
