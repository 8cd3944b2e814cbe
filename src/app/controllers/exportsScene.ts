import type Sigma from 'sigma';
import { legendEntries, type GraphBounds, type ImagePalette, type ImageScene, type SceneEdge, type SceneNode } from '../../export/index.ts';
import { COLOUR_ROLES } from '../../export/imagePalette.ts';
import type { CanvasPalette } from '../view/canvasPalette.ts';

export const IMAGE_SCOPES = ['graph', 'view'] as const;
export type ImageScope = (typeof IMAGE_SCOPES)[number];

export interface SceneRequest {
  scope: ImageScope;
  /** The canvas palette on screen now: its colours are translated into the image's. */
  screen: CanvasPalette;
  palette: ImagePalette;
  title: string;
  legend: boolean;
}

/** The part of the graph the camera shows, in graph coordinates. */
export function viewBounds(renderer: Sigma): GraphBounds {
  const { width, height } = renderer.getDimensions();
  const a = renderer.viewportToGraph({ x: 0, y: 0 });
  const b = renderer.viewportToGraph({ x: width, y: height });
  return { minX: Math.min(a.x, b.x), minY: Math.min(a.y, b.y), maxX: Math.max(a.x, b.x), maxY: Math.max(a.y, b.y) };
}

/**
 * The image scene of what sigma displays: nodes and edges after the reducers (so filters, focus
 * and whatever another control changed are honoured: hidden stays out, colours and sizes are the
 * ones drawn), at their graph positions. The screen theme's own colours (edges, dimmed nodes) are
 * swapped for the image palette's of the same role: a dark-theme edge grey on a white PNG would be
 * a different picture. Type colours and any other colour pass through.
 */
export function sceneFromRenderer(renderer: Sigma, request: SceneRequest): ImageScene {
  const graph = renderer.getGraph();
  const swap = new Map<string, string>(COLOUR_ROLES.map((role) => [request.screen[role].toLowerCase(), request.palette[role]]));
  const colourOf = (c: string | undefined, fallback: string) => (c === undefined ? fallback : (swap.get(c.toLowerCase()) ?? c));
  const bounds = request.scope === 'view' ? viewBounds(renderer) : undefined;
  // In a view, sizes are what the zoom makes them on screen; the whole graph is drawn at zoom 1.
  const sized = (size: number) => (bounds ? renderer.scaleSize(size) : size);
  const listed: { node: SceneNode; z: number; key: string; type: string; dimmed: boolean }[] = [];
  graph.forEachNode((key, attributes) => {
    const d = renderer.getNodeDisplayData(key);
    if (!d || d.hidden) return;
    const color = colourOf(d.color, '#888888');
    listed.push({
      key,
      node: { x: Number(attributes.x) || 0, y: Number(attributes.y) || 0, size: sized(d.size), color, label: typeof d.label === 'string' ? d.label : '' },
      z: d.zIndex ?? 0,
      type: String((d as { entityType?: unknown }).entityType ?? attributes.type ?? ''),
      dimmed: color === request.palette.dimNode,
    });
  });
  // Drawn in sigma's order: higher zIndex (the selection, its neighbourhood) on top.
  listed.sort((a, b) => a.z - b.z);
  const index = new Map(listed.map((l, i) => [l.key, i]));
  const edges: (SceneEdge & { z: number })[] = [];
  graph.forEachEdge((key, _, source, target) => {
    const d = renderer.getEdgeDisplayData(key);
    const s = index.get(source);
    const t = index.get(target);
    if (!d || d.hidden || s === undefined || t === undefined) return;
    const curvature = Number((d as { curvature?: unknown }).curvature) || 0;
    edges.push({ source: s, target: t, color: colourOf(d.color, request.palette.edge), size: sized(d.size), curvature, arrow: true, label: typeof d.label === 'string' ? d.label : '', z: d.zIndex ?? 0 });
  });
  edges.sort((a, b) => a.z - b.z);
  const inView = (n: SceneNode) => !bounds || (n.x >= bounds.minX && n.x <= bounds.maxX && n.y >= bounds.minY && n.y <= bounds.maxY);
  // The legend names the types drawn in their own colour: a dimmed node is grey, not a type.
  const legend = request.legend ? legendEntries(listed.filter((l) => !l.dimmed && inView(l.node)).map((l) => ({ type: l.type, color: l.node.color }))) : [];
  return { nodes: listed.map((l) => l.node), edges, ...(bounds ? { bounds } : {}), title: request.title, legend };
}
