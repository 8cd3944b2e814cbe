import type { KgGraph } from '../../model/types.ts';
import type { SearchHit } from '../../query/index.ts';
import type { Selection, Store } from '../state.ts';
import { selectNeighbours } from '../view/visibility.ts';
import type { GraphView } from './graphView.ts';

/** The closest a relation is framed, as a node is centred (graphView's focusNode): the ratio, not closer unless already. */
const CENTRED_RATIO = 0.6;

/**
 * Choosing things, the way every control does it: a node or a relation is selected and brought
 * into view (unless a focus is on, which frames the neighbourhood itself); Escape anywhere on the
 * page clears the selection (every selected node) and the path, unless a control used it first
 * (a search list closing); N, outside a text field, adds the selection's neighbours to it.
 */
export function createSelection(graph: KgGraph, store: Store, view: Pick<GraphView, 'frame' | 'focusNode' | 'renderer'>) {
  /**
   * Brings a relation's two ends into the part of the pane the overlays leave free, zoomed in no
   * further than a node is centred (two ends alone would be blown up to fill the pane). The
   * target is found with the frame's own moves, then reached in one animation.
   */
  function centreEdge(edge: string): void {
    const camera = view.renderer.getCamera();
    const start = camera.getState();
    void view.frame.fitNodes([graph.source(edge), graph.target(edge)], { animate: false });
    const fitted = camera.ratio;
    const wanted = Math.max(fitted, Math.min(start.ratio, CENTRED_RATIO));
    if (wanted > fitted) void view.frame.zoom(fitted / wanted, { animate: false });
    const end = camera.getState();
    camera.setState(start);
    void camera.animate(end, { duration: 400 });
  }

  const selection = {
    /** Brings a selection into view without changing it (a shared link's node). */
    centre(selected: Selection): void {
      if (selected.kind === 'node') view.focusNode(selected.id);
      else centreEdge(selected.id);
    },
    node(id: string): void {
      store.update({ selection: { kind: 'node', id } });
      if (store.get().focusDepth === 0) view.focusNode(id);
    },
    edge(id: string): void {
      store.update({ selection: { kind: 'edge', id } });
      if (store.get().focusDepth === 0) centreEdge(id);
    },
    /** What a search box offers: an entity or a relation. */
    hit(hit: SearchHit): void {
      if (hit.kind === 'entity') selection.node(hit.id);
      else selection.edge(hit.id);
    },
    clear(): void {
      store.update({ selection: null, path: null });
    },
    /** Adds the neighbours of every selected node (or of a selected relation's ends) to the selection. */
    neighbours(): void {
      if (store.get().selection) store.update(selectNeighbours(graph, store.get()));
    },
  };

  const typing = (target: EventTarget | null) => target instanceof HTMLElement && (target.isContentEditable || target.matches('input, textarea, select'));
  const onKey = (event: KeyboardEvent) => {
    if (event.defaultPrevented) return;
    if ((event.key === 'n' || event.key === 'N') && !event.ctrlKey && !event.metaKey && !event.altKey && !typing(event.target)) return selection.neighbours();
    if (event.key !== 'Escape') return;
    const { selection: selected, path } = store.get();
    if (selected || path) selection.clear();
  };
  document.addEventListener('keydown', onKey);
  return { ...selection, kill: () => document.removeEventListener('keydown', onKey) };
}
export type SelectionControl = ReturnType<typeof createSelection>;
