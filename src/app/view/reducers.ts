import type { Attributes } from 'graphology-types';
import { CANVAS_PALETTES, type CanvasPalette } from './canvasPalette.ts';
import { reduceOuterRing } from './outerRing.ts';
import type { Highlight, Visibility } from './visibility.ts';

export const DIM_NODE = CANVAS_PALETTES.light.dimNode;
/** Below this camera ratio (zoomed in), every visible edge shows its relation label. */
export const EDGE_LABEL_RATIO = 0.45;

export interface ViewModel {
  visible: Visibility;
  highlight: Highlight | null;
  /**
   * Whether a highlight dims everything else. Dimming restyles every node and edge, so on large
   * graphs a hover only emphasises the neighbourhood and sigma redraws just that part.
   */
  dimOthers: boolean;
  selectedNode: string | null;
  selectedEdge: string | null;
  cameraRatio: number;
  /** Curvature per edge that shares its two ends with others, so parallel relations stay apart. */
  curvature: ReadonlyMap<string, number>;
  /** The theme's canvas colours (light when not given). */
  palette?: CanvasPalette;
  /** Node sizes are multiplied by this: below 1 on small panes, so that labels find room between nodes. */
  nodeScale?: number;
  /** The focus (hops from the selection); with one on, what lies beyond the highlight is its outer ring, not dimmed. */
  focusDepth?: number;
  /** Colours and sizes chosen in the Appearance panel, in place of the built ones. */
  appearance?: Appearance;
}

/**
 * What the Appearance panel chose: a colour and a size per node (absent: the built colour by
 * type, the built size by degree) and the edges' thickness. Filters, dimming, the outer ring
 * and the selection's highlight are applied after it, so they still win.
 */
export interface Appearance {
  color?: ReadonlyMap<string, string>;
  size?: ReadonlyMap<string, number>;
  /** Thickness of an edge at rest, in pixels (default EDGE_SIZE); highlighted edges keep a little more. */
  edgeSize?: number;
}

/** An edge's thickness at rest when no appearance says otherwise. */
export const EDGE_SIZE = 1.5;

/**
 * Sigma display data for a node: hidden by filters, dimmed outside the highlight. Sigma hands
 * reducers a fresh copy of the attributes, so it is changed in place: on 100k elements per
 * refresh, a second copy per element is the cost that shows.
 */
export function reduceNode(node: string, data: Attributes, view: ViewModel): Attributes {
  // Our `type` is the entity type; sigma reads `type` as the node program.
  data.entityType = data.type;
  data.type = 'circle';
  // Map lookups only: reducers run on every element of a 100k graph per refresh.
  const appearance = view.appearance;
  if (appearance) {
    const color = appearance.color?.get(node);
    if (color !== undefined) data.color = color;
    const size = appearance.size?.get(node);
    if (size !== undefined) data.size = size;
  }
  if (view.nodeScale !== undefined && view.nodeScale !== 1) data.size = (data.size ?? 1) * view.nodeScale;
  if (!view.visible.nodes.has(node)) data.hidden = true;
  else if (view.highlight?.nodes.has(node)) {
    data.forceLabel = true;
    data.zIndex = 1;
    if (node === view.selectedNode || !view.dimOthers) data.highlighted = true;
    if (node === view.selectedNode) data.zIndex = 2;
  } else if (view.highlight && view.dimOthers && view.focusDepth) {
    reduceOuterRing(data, (view.palette ?? CANVAS_PALETTES.light).dimNode);
  } else if (view.highlight && view.dimOthers) {
    data.color = (view.palette ?? CANVAS_PALETTES.light).dimNode;
    data.label = '';
    data.zIndex = 0;
    // Read by the label layer: a highlighted neighbourhood's labels may cover dimmed nodes.
    data.dimmed = true;
  } else if (node === view.selectedNode) {
    data.highlighted = true;
    data.zIndex = 2;
  }
  return data;
}

/** Sigma display data for an edge: curved when parallel, labelled when zoomed in or highlighted. Changed in place, like nodes. */
export function reduceEdge(edge: string, data: Attributes, view: ViewModel): Attributes {
  const palette = view.palette ?? CANVAS_PALETTES.light;
  const curvature = view.curvature.get(edge);
  data.type = curvature ? 'curved' : 'arrow';
  data.curvature = curvature ?? 0;
  const size = view.appearance?.edgeSize ?? EDGE_SIZE;
  data.color = palette.edge;
  data.size = size;
  if (!view.visible.edges.has(edge)) {
    data.hidden = true;
  } else if (view.highlight?.edges.has(edge)) {
    data.color = edge === view.selectedEdge ? palette.edgeSelected : palette.edgeHighlight;
    // Thicker than the rest whatever the chosen thickness: 3 and 2 at the default 1.5.
    data.size = edge === view.selectedEdge ? size * 2 : size + 0.5;
    data.forceLabel = true;
    data.zIndex = 1;
  } else if (view.highlight && view.dimOthers) {
    data.color = palette.dimEdge;
    data.label = '';
    data.zIndex = 0;
  } else if (view.cameraRatio >= EDGE_LABEL_RATIO) {
    data.label = '';
  }
  // A drafted relation's line reads lighter than a curated one's until it is reviewed (the legend says so).
  if (data.draft && !view.highlight?.edges.has(edge)) data.color = faded(data.color as string);
  return data;
}

/** A `#rrggbb` colour at 45% opacity; any other form is left as it is. */
export function faded(colour: string): string {
  const hex = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(colour);
  if (!hex) return colour;
  const [r, g, b] = hex.slice(1).map((c) => parseInt(c, 16));
  return `rgba(${r}, ${g}, ${b}, 0.45)`;
}
