import { EdgeCurvedArrowProgram } from '@sigma/edge-curve';
import Sigma from 'sigma';
import type { KgGraph } from '../../build/toGraph.ts';
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
  let view = viewModel(store.get(), 1);

  function viewModel(state: State, cameraRatio: number): ViewModel {
    const visible = computeVisibility(graph, state);
    return {
      visible,
      highlight: computeHighlight(graph, state, visible),
      selectedNode: state.selection?.kind === 'node' ? state.selection.id : null,
      selectedEdge: state.selection?.kind === 'edge' ? state.selection.id : null,
      cameraRatio,
      curvature,
    };
  }

  const large = graph.size > LARGE_GRAPH_EDGES;
  const renderer = new Sigma(graph, container, {
    nodeReducer: (node, data) => reduceNode(node, data as never, view),
    edgeReducer: (edge, data) => reduceEdge(edge, data as never, view),
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

  const refresh = () => {
    view = viewModel(store.get(), renderer.getCamera().ratio);
    renderer.refresh({ skipIndexation: true });
  };

  renderer.on('enterNode', ({ node }) => store.update({ hoveredNode: node }));
  renderer.on('leaveNode', () => store.update({ hoveredNode: null }));
  renderer.on('clickNode', ({ node }) => store.update({ selection: { kind: 'node', id: node } }));
  renderer.on('clickEdge', ({ edge }) => store.update({ selection: { kind: 'edge', id: edge } }));
  renderer.on('clickStage', () => store.update({ selection: null }));
  renderer.on('enterEdge', () => container.classList.add('pointer'));
  renderer.on('leaveEdge', () => container.classList.remove('pointer'));

  // Edge labels appear when zooming in past a threshold: refresh only when it is crossed.
  renderer.getCamera().on('updated', ({ ratio }) => {
    if (ratio < EDGE_LABEL_RATIO !== view.cameraRatio < EDGE_LABEL_RATIO) refresh();
  });

  const unsubscribe = store.subscribe((state, previous) => {
    if (
      state.selection !== previous.selection ||
      state.hoveredNode !== previous.hoveredNode ||
      state.hiddenTypes !== previous.hiddenTypes ||
      state.hiddenRelations !== previous.hiddenRelations ||
      state.focusDepth !== previous.focusDepth
    ) {
      refresh();
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
