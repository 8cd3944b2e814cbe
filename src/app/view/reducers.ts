import type { Attributes } from 'graphology-types';
import type { Highlight, Visibility } from './visibility.ts';

export const DIM_NODE = '#e2e2e2';
export const DIM_EDGE = '#f0f0f0';
export const EDGE_COLOR = '#9aa3ad';
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
}

/**
 * Sigma display data for a node: hidden by filters, dimmed outside the highlight. Sigma hands
 * reducers a fresh copy of the attributes, so it is changed in place: on 100k elements per
 * refresh, a second copy per element is the cost that shows.
 */
export function reduceNode(node: string, data: Attributes, view: ViewModel): Attributes {
  // Our `type` is the entity type; sigma reads `type` as the node program.
  data.entityType = data.type;
  data.type = 'circle';
  if (!view.visible.nodes.has(node)) data.hidden = true;
  else if (view.highlight?.nodes.has(node)) {
    data.forceLabel = true;
    data.zIndex = 1;
    if (node === view.selectedNode || !view.dimOthers) data.highlighted = true;
    if (node === view.selectedNode) data.zIndex = 2;
  } else if (view.highlight && view.dimOthers) {
    data.color = DIM_NODE;
    data.label = '';
    data.zIndex = 0;
  } else if (node === view.selectedNode) {
    data.highlighted = true;
    data.zIndex = 2;
  }
  return data;
}

/** Sigma display data for an edge: curved when parallel, labelled when zoomed in or highlighted. Changed in place, like nodes. */
export function reduceEdge(edge: string, data: Attributes, view: ViewModel): Attributes {
  const curvature = view.curvature.get(edge);
  data.type = curvature ? 'curved' : 'arrow';
  data.curvature = curvature ?? 0;
  data.color = EDGE_COLOR;
  data.size = 1.5;
  if (!view.visible.edges.has(edge)) {
    data.hidden = true;
  } else if (view.highlight?.edges.has(edge)) {
    data.color = edge === view.selectedEdge ? '#222222' : '#5b6470';
    data.size = edge === view.selectedEdge ? 3 : 2;
    data.forceLabel = true;
    data.zIndex = 1;
  } else if (view.highlight && view.dimOthers) {
    data.color = DIM_EDGE;
    data.label = '';
    data.zIndex = 0;
  } else if (view.cameraRatio >= EDGE_LABEL_RATIO) {
    data.label = '';
  }
  return data;
}
