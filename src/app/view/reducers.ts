import type { Attributes } from 'graphology-types';
import type { KgEdgeAttributes, KgNodeAttributes } from '../../model/types.ts';
import type { Highlight, Visibility } from './visibility.ts';

export const DIM_NODE = '#e2e2e2';
export const DIM_EDGE = '#f0f0f0';
export const EDGE_COLOR = '#9aa3ad';
/** Below this camera ratio (zoomed in), every visible edge shows its relation label. */
export const EDGE_LABEL_RATIO = 0.45;

export interface ViewModel {
  visible: Visibility;
  highlight: Highlight | null;
  selectedNode: string | null;
  selectedEdge: string | null;
  cameraRatio: number;
  /** Curvature per edge that shares its two ends with others, so parallel relations stay apart. */
  curvature: ReadonlyMap<string, number>;
}

/** Sigma display data for a node: hidden by filters, dimmed outside the highlight. */
export function reduceNode(node: string, data: KgNodeAttributes, view: ViewModel): Attributes {
  // Our `type` is the entity type; sigma reads `type` as the node program, so set it explicitly.
  const display: Attributes = { ...data, type: 'circle', entityType: data.type };
  if (!view.visible.nodes.has(node)) return { ...display, hidden: true };
  if (view.highlight && !view.highlight.nodes.has(node)) return { ...display, color: DIM_NODE, label: '', zIndex: 0 };
  if (node === view.selectedNode) return { ...display, highlighted: true, forceLabel: true, zIndex: 2 };
  if (view.highlight) return { ...display, forceLabel: true, zIndex: 1 };
  return display;
}

/** Sigma display data for an edge: curved when parallel, labelled when zoomed in or highlighted. */
export function reduceEdge(edge: string, data: KgEdgeAttributes, view: ViewModel): Attributes {
  const curvature = view.curvature.get(edge);
  const display: Attributes = { ...data, type: curvature ? 'curved' : 'arrow', curvature: curvature ?? 0, color: EDGE_COLOR, size: 1.5 };
  if (!view.visible.edges.has(edge)) return { ...display, hidden: true };
  if (view.highlight && !view.highlight.edges.has(edge)) return { ...display, color: DIM_EDGE, label: '', zIndex: 0 };
  const emphasised = view.highlight !== null;
  return {
    ...display,
    color: edge === view.selectedEdge ? '#222222' : emphasised ? '#5b6470' : EDGE_COLOR,
    size: edge === view.selectedEdge ? 3 : emphasised ? 2 : 1.5,
    forceLabel: emphasised,
    label: emphasised || view.cameraRatio < EDGE_LABEL_RATIO ? data.label : '',
    zIndex: emphasised ? 1 : 0,
  };
}
