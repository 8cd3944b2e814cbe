import type Sigma from 'sigma';
import type { KgGraph } from '../../model/types.ts';
import { DRAG_THRESHOLD, swallowNextClick } from './pointerGesture.ts';

/**
 * Drag and drop of nodes, as in sigma's own example: a press on a node holds it, moving the
 * pointer moves it (where it was grabbed stays under the pointer) and the camera does not pan;
 * the release leaves it there. Positions are the graph's x/y, which the layout writes too, so the
 * drag writes them. The camera frame's custom bounding box (set before the first drag if missing)
 * keeps sigma from renormalising, so the rest of the graph does not jump. A press that does not
 * move is still a click; a drag is never one.
 */
export function createNodeDrag(renderer: Sigma, graph: KgGraph, { enabled }: { enabled: () => boolean }) {
  let held: { node: string; dx: number; dy: number; startX: number; startY: number; moved: boolean } | null = null;
  const container = renderer.getContainer();

  renderer.on('downNode', ({ node, event }) => {
    if (!enabled() || ('button' in event.original && event.original.button !== 0)) return;
    const at = renderer.viewportToGraph(event);
    const { x, y } = graph.getNodeAttributes(node) as { x: number; y: number };
    held = { node, dx: x - at.x, dy: y - at.y, startX: event.x, startY: event.y, moved: false };
    if (!renderer.getCustomBBox()) renderer.setCustomBBox(renderer.getBBox());
  });

  renderer.on('moveBody', ({ event, preventSigmaDefault }) => {
    if (!held) return;
    // Held still counts: the camera stays put from the press on, not only once the drag starts.
    preventSigmaDefault();
    if (!held.moved && Math.hypot(event.x - held.startX, event.y - held.startY) < DRAG_THRESHOLD) return;
    held.moved = true;
    container.classList.add('dragging');
    const at = renderer.viewportToGraph(event);
    graph.mergeNodeAttributes(held.node, { x: at.x + held.dx, y: at.y + held.dy });
    event.original.preventDefault();
  });

  const release = () => {
    if (!held) return;
    if (held.moved) swallowNextClick();
    held = null;
    container.classList.remove('dragging');
  };
  renderer.on('upNode', release);
  renderer.on('upStage', release);
  renderer.on('upEdge', release);

  return {
    /** Whether a node is held now. */
    dragging: () => held !== null,
  };
}
export type NodeDrag = ReturnType<typeof createNodeDrag>;
