import { EdgeCurvedArrowProgram } from '@sigma/edge-curve';
import Sigma from 'sigma';
import { EdgeArrowHeadProgram, EdgeClampedProgram, NodeCircleProgram, createEdgeCompoundProgram, drawStraightEdgeLabel } from 'sigma/rendering';
import type { KgGraph } from '../../model/types.ts';
import { toggleInSelection, type State, type Store } from '../state.ts';
import { CANVAS_PALETTES, type ThemeName } from '../view/canvasPalette.ts';
import { widerPicking } from '../view/edgePicking.ts';
import { uploadOnChange } from '../view/uploadOnChange.ts';
import { parallelCurvature } from '../view/parallelEdges.ts';
import { EDGE_LABEL_RATIO, reduceEdge, reduceNode, type Appearance, type ViewModel } from '../view/reducers.ts';
import { computeHighlight, computeVisibility } from '../view/visibility.ts';
import { createEdgeLabelLayout } from '../view/edgeLabels.ts';
import { drawEdgeLabelsNearby } from '../view/nearEdgeLabels.ts';
import { createCameraFrame } from './cameraFrame.ts';
import { createLabelLayer, withHalo } from './labelLayer.ts';

/** Above this many edges, edges and labels are hidden while the camera moves (frames stay fast). */
const LARGE_GRAPH_EDGES = 5000;

/**
 * Nodes drawn smaller on small panes (down to 70% on a phone): sizes are in screen pixels, so a
 * graph framed into a third of the room would otherwise leave labels no room between nodes.
 */
export const nodeScaleFor = (width: number, height: number) => Math.min(1, Math.max(0.7, Math.sqrt(Math.min(width, height) / 700)));

/** The pane's background colour as the browser reports it (`rgb(…)`), for label halos. */
const backgroundOf = (element: HTMLElement) => getComputedStyle(element).backgroundColor || '#ffffff';

/**
 * The sigma renderer and its wiring: the store decides what is hidden, dimmed and selected;
 * reducers only read it, and the data graph is never written for display. Labels are laid out
 * per frame (labelLayer) and the camera frames into what the overlays leave free (cameraFrame).
 */
export function createGraphView(container: HTMLElement, graph: KgGraph, store: Store, theme: ThemeName = 'light') {
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
    palette: CANVAS_PALETTES[theme],
    nodeScale: nodeScaleFor(container.offsetWidth, container.offsetHeight),
    focusDepth: store.get().focusDepth,
  };
  let halo = backgroundOf(container);
  const palette = () => view.palette ?? CANVAS_PALETTES.light;
  // Filled in once the camera frame exists; the first frame is drawn inside sigma's constructor.
  let blocked: () => { x: number; y: number; width: number; height: number }[] = () => [];
  const labels = createLabelLayer({ palette, halo: () => halo, blocked: () => blocked(), selected: () => view.selectedNode, allNodes: !large });
  const haloColour = () => halo;
  // Edge labels get the same halo: sigma's curved-edge drawer is kept, wrapped.
  class HaloCurvedArrowProgram extends uploadOnChange(EdgeCurvedArrowProgram) {
    constructor(...args: ConstructorParameters<typeof EdgeCurvedArrowProgram>) {
      super(...args);
      if (this.drawLabel) this.drawLabel = withHalo(this.drawLabel, haloColour);
    }
  }

  const edgeLabels = createEdgeLabelLayout();
  // Sigma draws a frame inside its constructor, before the label layers listen or the camera box
  // is set (createCameraFrame), so that frame used to be drawn again in the same task: the page's
  // first frame cost two (every label drawn twice, every buffer uploaded twice). Until the box is
  // set, every node is hidden: the constructor's frame draws nothing.
  let booting = true;
  const renderer = new Sigma(graph, container, {
    nodeReducer: (node, data) => {
      const reduced = reduceNode(node, data, view);
      if (booting) reduced.hidden = true;
      return reduced;
    },
    edgeReducer: (edge, data) => reduceEdge(edge, data, view),
    defaultEdgeType: 'arrow',
    // Every program sends its arrays to the GPU only when they changed (see uploadOnChange).
    nodeProgramClasses: { circle: uploadOnChange(NodeCircleProgram) },
    renderEdgeLabels: true,
    enableEdgeEvents: true,
    zIndex: true,
    labelFont: 'system-ui, sans-serif',
    labelSize: 13,
    labelColor: { color: palette().label },
    edgeLabelSize: 12,
    edgeLabelColor: { color: palette().edgeLabel },
    ...labels.settings,
    // Sigma's arrow (a clamped line and a head), and the curved arrow, each easier to point at;
    // every edge label placed clear of the others (edgeLabels) and haloed.
    ...edgeLabels.settings(withHalo(drawStraightEdgeLabel, haloColour), {
      arrow: createEdgeCompoundProgram([widerPicking(uploadOnChange(EdgeClampedProgram)), uploadOnChange(EdgeArrowHeadProgram)]),
      curved: widerPicking(HaloCurvedArrowProgram),
    }),
    // Every label is a candidate and the label layer decides what fits; on large graphs sigma's
    // grid thins them out first, so a frame does not measure thousands of labels.
    labelDensity: large ? 0.6 : 100,
    labelRenderedSizeThreshold: large ? 5 : 0,
    // The camera frame does the padding (clear of overlays too) and needs an unrotated view.
    stagePadding: 0,
    enableCameraRotation: false,
    hideEdgesOnMove: large,
    hideLabelsOnMove: large,
  });
  labels.attach(renderer);
  edgeLabels.listen(renderer);
  // Sigma picks edge labels by scanning every edge on every render (~250 ms a hover at 500k):
  // large graphs take them from the labelled nodes' own edges instead; small ones keep sigma's code.
  if (large) drawEdgeLabelsNearby(renderer, graph);
  renderer.on('resize', () => {
    const { width, height } = renderer.getDimensions();
    const nodeScale = nodeScaleFor(width, height);
    if (nodeScale === view.nodeScale) return;
    view = { ...view, nodeScale };
    renderer.scheduleRefresh();
  });
  // The first frame is the camera frame's refresh, once it has set the box (or ours, if it did not).
  booting = false;
  let drawn = false;
  renderer.once('afterRender', () => void (drawn = true));
  const frame = createCameraFrame(renderer, graph, container);
  blocked = () => frame.overlayRects(2);
  if (!drawn) renderer.refresh();

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
      focusDepth: state.focusDepth,
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

  // Nothing new lights up while a button is held (a lasso drawn, a node dragged, the view panned):
  // the pointer sweeps over nodes it does not mean.
  const pressed = (event: { original: MouseEvent | TouchEvent }) => 'buttons' in event.original && event.original.buttons !== 0;
  renderer.on('enterNode', ({ node, event }) => pressed(event) || store.update({ hoveredNode: node }));
  renderer.on('leaveNode', () => store.update({ hoveredNode: null }));
  // Shift-click adds a node to the selection or takes it out; a shift-click on the stage keeps the selection.
  renderer.on('clickNode', ({ node, event }) => store.update(event.original.shiftKey ? toggleInSelection(store.get(), node) : { selection: { kind: 'node', id: node } }));
  // Sigma counts any two clicks in quick succession as a double click, wherever they land: two quick
  // shift-clicks are two toggles, not a zoom.
  renderer.on('doubleClickNode', ({ node, event, preventSigmaDefault }) => {
    if (!event.original.shiftKey) return;
    preventSigmaDefault();
    store.update(toggleInSelection(store.get(), node));
  });
  renderer.on('clickEdge', ({ edge }) => store.update({ selection: { kind: 'edge', id: edge } }));
  renderer.on('clickStage', ({ event }) => event.original.shiftKey || store.update({ selection: null }));
  renderer.on('enterEdge', ({ edge, event }) => {
    if (pressed(event)) return;
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
      state.draftsOnly !== previous.draftsOnly ||
      state.focusDepth !== previous.focusDepth ||
      (state.selection !== previous.selection && state.focusDepth > 0);
    if (visibility || state.selection !== previous.selection || state.hoveredNode !== previous.hoveredNode || state.hoveredEdge !== previous.hoveredEdge || state.path !== previous.path) {
      refresh(state, { visibility });
    }
    // Focusing on a neighbourhood also frames it, so it does not sit in a corner of the view.
    const refocused = state.focusDepth !== previous.focusDepth || state.selection !== previous.selection;
    if (refocused && state.focusDepth > 0 && view.visible.nodes.size > 0 && view.visible.nodes.size < graph.order) {
      void frame.fitNodes([...view.visible.nodes], { animate: true, labelWidth });
    }
  });

  /** A focused node's label width, and the gap before it: framing leaves it room. */
  const labelWidth = (node: string) => labels.labelWidth(graph.getNodeAttribute(node, 'label') ?? '', true) + 6;

  /** Moves the camera onto a node, in the middle of what the overlays leave free, keeping the zoom unless it is far out. */
  function focusNode(node: string): void {
    void frame.centreNode(node);
  }

  /** Switches the canvas to a theme's colours; the halo follows the pane's (CSS) background. */
  function setTheme(name: ThemeName): void {
    view = { ...view, palette: CANVAS_PALETTES[name] };
    halo = backgroundOf(container);
    renderer.setSettings({ labelColor: { color: palette().label }, edgeLabelColor: { color: palette().edgeLabel } });
    refresh(store.get(), { all: true });
  }

  /**
   * Colours, sizes and edge thickness from the Appearance panel, or the built ones (undefined).
   * Held in the view model and applied by the reducers: the data graph keeps its own colours.
   * New sizes re-index (sigma's label grid reads sizes); colours and thickness only redraw.
   */
  function setAppearance(appearance: Appearance | undefined): void {
    const resized = appearance?.size !== view.appearance?.size;
    view = { ...view, appearance };
    renderer.refresh(resized ? {} : { skipIndexation: true });
  }

  return {
    renderer,
    frame,
    /** Where the edge labels of the latest frame went (none overlap). */
    edgeLabels,
    focusNode,
    setTheme,
    setAppearance,
    /** What the Appearance panel last chose (undefined: the built look). */
    appearance: () => view.appearance,
    /** The node labels on screen now, where they are drawn. */
    placedLabels: labels.placed,
    visibleNodes: () => view.visible.nodes,
    kill() {
      unsubscribe();
      frame.kill();
      renderer.kill();
    },
  };
}
export type GraphView = ReturnType<typeof createGraphView>;
