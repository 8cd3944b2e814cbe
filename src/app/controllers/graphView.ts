import { EdgeCurvedArrowProgram } from '@sigma/edge-curve';
import { fitViewportToNodes } from '@sigma/utils';
import Sigma from 'sigma';
import type { KgGraph } from '../../model/types.ts';
import type { State, Store } from '../state.ts';
import { parallelCurvature } from '../view/parallelEdges.ts';
import { EDGE_LABEL_RATIO, reduceEdge, reduceNode, type ViewModel } from '../view/reducers.ts';
import { computeHighlight, computeVisibility } from '../view/visibility.ts';

/** Above this many edges, edges and labels are hidden while the camera moves (frames stay fast). */
const LARGE_GRAPH_EDGES = 5000;

/**
 * The sigma renderer and its wiring: the store decides what is hidden, dimmed and selected;
 * reducers only read it, and the data graph is never written for display.
 */
export function createGraphView(container: HTMLElement, graph: KgGraph, store: Store) {
  const curvature = parallelCurvature(graph);
  const large = graph.size > LARGE_GRAPH_EDGES;
  const selectedOf = (state: State, kind: 'node' | 'edge') => (state.selection?.kind === kind ? state.selection.id : null);
  // Visibility depends on filters, focus and selection, never on hover: kept between hovers.
  let visible = computeVisibility(graph, store.get());
  let view: ViewModel = {
    visible,
    highlight: computeHighlight(graph, store.get(), visible),
    dimOthers: !large,
    selectedNode: selectedOf(store.get(), 'node'),
    selectedEdge: selectedOf(store.get(), 'edge'),
    cameraRatio: 1,
    curvature,
  };

  const renderer = new Sigma(graph, container, {
    nodeReducer: (node, data) => reduceNode(node, data, view),
    edgeReducer: (edge, data) => reduceEdge(edge, data, view),
    defaultEdgeType: 'arrow',
    edgeProgramClasses: { curved: EdgeCurvedArrowProgram },
    renderEdgeLabels: true,
    enableEdgeEvents: true,
    zIndex: true,
    labelFont: 'system-ui, sans-serif',
    labelSize: 13,
    edgeLabelSize: 11,
    labelDensity: 0.6,
    labelRenderedSizeThreshold: 5,
    hideEdgesOnMove: large,
    hideLabelsOnMove: large,
  });

  /**
   * Recomputes what changed and redraws. When only the highlight moved and nothing else dims,
   * sigma reprocesses just the old and new neighbourhoods (partialGraph) instead of every element.
   */
  function refresh(state: State, what: { visibility?: boolean; all?: boolean } = {}): void {
    if (what.visibility) visible = computeVisibility(graph, state);
    const previous = view;
    view = {
      ...view,
      visible,
      highlight: computeHighlight(graph, state, visible),
      selectedNode: selectedOf(state, 'node'),
      selectedEdge: selectedOf(state, 'edge'),
      cameraRatio: renderer.getCamera().ratio,
    };
    if (!what.visibility && !what.all && !view.dimOthers) {
      const nodes = new Set([...(previous.highlight?.nodes ?? []), ...(view.highlight?.nodes ?? [])]);
      const edges = new Set([...(previous.highlight?.edges ?? []), ...(view.highlight?.edges ?? [])]);
      for (const v of [previous, view]) {
        if (v.selectedNode) nodes.add(v.selectedNode);
        if (v.selectedEdge) edges.add(v.selectedEdge);
      }
      renderer.refresh({ partialGraph: { nodes: [...nodes], edges: [...edges] }, skipIndexation: true });
    } else {
      renderer.refresh({ skipIndexation: true });
    }
  }

  renderer.on('enterNode', ({ node }) => store.update({ hoveredNode: node }));
  renderer.on('leaveNode', () => store.update({ hoveredNode: null }));
  renderer.on('clickNode', ({ node }) => store.update({ selection: { kind: 'node', id: node } }));
  renderer.on('clickEdge', ({ edge }) => store.update({ selection: { kind: 'edge', id: edge } }));
  renderer.on('clickStage', () => store.update({ selection: null }));
  renderer.on('enterEdge', ({ edge }) => {
    container.classList.add('pointer');
    store.update({ hoveredEdge: edge });
  });
  renderer.on('leaveEdge', () => {
    container.classList.remove('pointer');
    store.update({ hoveredEdge: null });
  });

  // Edge labels appear when zooming in past a threshold: refresh only when it is crossed.
  renderer.getCamera().on('updated', ({ ratio }) => {
    if (ratio < EDGE_LABEL_RATIO !== view.cameraRatio < EDGE_LABEL_RATIO) refresh(store.get(), { all: true });
  });

  const unsubscribe = store.subscribe((state, previous) => {
    const visibility =
      state.hiddenTypes !== previous.hiddenTypes ||
      state.hiddenRelations !== previous.hiddenRelations ||
      state.hiddenArticles !== previous.hiddenArticles ||
      state.focusDepth !== previous.focusDepth ||
      (state.selection !== previous.selection && state.focusDepth > 0);
    if (visibility || state.selection !== previous.selection || state.hoveredNode !== previous.hoveredNode || state.hoveredEdge !== previous.hoveredEdge) {
      refresh(state, { visibility });
    }
    // Focusing on a neighbourhood also frames it, so it does not sit in a corner of the view.
    const refocused = state.focusDepth !== previous.focusDepth || state.selection !== previous.selection;
    if (refocused && state.focusDepth > 0 && view.visible.nodes.size > 0 && view.visible.nodes.size < graph.order) {
      void fitViewportToNodes(renderer, [...view.visible.nodes], { animate: true });
    }
  });

  /** Moves the camera onto a node, keeping the current zoom unless it is far out. */
  function focusNode(node: string): void {
    const position = renderer.getNodeDisplayData(node);
    if (!position) return;
    const camera = renderer.getCamera();
    void camera.animate({ x: position.x, y: position.y, ratio: Math.min(camera.ratio, 0.6) }, { duration: 400 });
  }

  return {
    renderer,
    focusNode,
    visibleNodes: () => view.visible.nodes,
    kill() {
      unsubscribe();
      renderer.kill();
    },
  };
}
export type GraphView = ReturnType<typeof createGraphView>;
