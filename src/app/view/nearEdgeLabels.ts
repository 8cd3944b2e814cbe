import type Graph from 'graphology';
import type Sigma from 'sigma';
import type { EdgeLabelDrawingFunction } from 'sigma/rendering';
import type { Settings } from 'sigma/settings';
import type { EdgeDisplayData, NodeDisplayData } from 'sigma/types';

/**
 * The edges whose labels sigma 3 considers drawing (its edgeLabelsToDisplayFromNodes): an edge
 * at the hovered node or at a highlighted one, or whose two ends both have their label shown.
 * Sigma finds them by scanning every edge of the graph on every render (500k edges: ~250 ms a
 * hover); the same set is here gathered from those few nodes' own edges.
 *
 * Same set, other order: the hovered node's edges come first, then the highlighted nodes', then
 * those between displayed labels (sigma's order is the graph's edge order). Where two labels
 * would overlap, the one drawn first wins: the hovered node's relations.
 */
export function edgesNearLabels(graph: Graph, hovered: string | null | undefined, highlighted: ReadonlySet<string>, displayedNodeLabels: ReadonlySet<string>): string[] {
  const found = new Set<string>();
  const all = (node: string) => {
    if (graph.hasNode(node)) graph.forEachEdge(node, (edge) => void found.add(edge));
  };
  if (hovered) all(hovered);
  for (const node of highlighted) all(node);
  for (const node of displayedNodeLabels) {
    if (!graph.hasNode(node)) continue;
    graph.forEachEdge(node, (edge, _, source, target) => {
      if (displayedNodeLabels.has(source === node ? target : source)) found.add(edge);
    });
  }
  return [...found];
}

/** The members of sigma 3.0.3's Sigma that its renderEdgeLabels reads (most are private in its types). */
interface SigmaInternals {
  settings: Settings;
  canvasContexts: Record<string, CanvasRenderingContext2D>;
  width: number;
  height: number;
  hoveredNode: string | null;
  highlightedNodes: Set<string>;
  displayedNodeLabels: Set<string>;
  edgesWithForcedLabels: Set<string>;
  displayedEdgeLabels: Set<string>;
  nodeDataCache: Record<string, NodeDisplayData>;
  edgeDataCache: Record<string, EdgeDisplayData>;
  edgePrograms: Record<string, { drawLabel?: EdgeLabelDrawingFunction } | undefined>;
  scaleSize(size: number): number;
  framedGraphToViewport(point: { x: number; y: number }): { x: number; y: number };
  renderEdgeLabels(): unknown;
}

/**
 * Replaces the renderer's renderEdgeLabels with sigma 3.0.3's own (sigma.esm.js, renderEdgeLabels),
 * line for line, except that the candidates come from edgesNearLabels instead of a scan of every
 * edge. Both of sigma's callers (render, and the hover layer's frame) go through the instance.
 */
export function drawEdgeLabelsNearby(renderer: Sigma, graph: Graph): void {
  const r = renderer as unknown as SigmaInternals;
  r.renderEdgeLabels = function renderEdgeLabels(this: SigmaInternals) {
    if (!this.settings.renderEdgeLabels) return this;
    const context = this.canvasContexts.edgeLabels!;
    context.clearRect(0, 0, this.width, this.height);
    const toDisplay = edgesNearLabels(graph, this.hoveredNode, this.highlightedNodes, this.displayedNodeLabels);
    for (const edge of this.edgesWithForcedLabels) toDisplay.push(edge);
    const displayed = new Set<string>();
    for (const edge of toDisplay) {
      // Already drawn (eligible and forced too): not drawn twice.
      if (displayed.has(edge)) continue;
      const [source, target] = graph.extremities(edge);
      const sourceData = this.nodeDataCache[source]!;
      const targetData = this.nodeDataCache[target]!;
      const edgeData = this.edgeDataCache[edge]!;
      if (edgeData.hidden || sourceData.hidden || targetData.hidden) continue;
      const drawLabel = this.edgePrograms[edgeData.type]?.drawLabel || this.settings.defaultDrawEdgeLabel;
      drawLabel(
        context,
        { key: edge, ...edgeData, size: this.scaleSize(edgeData.size) },
        { key: source, ...sourceData, ...this.framedGraphToViewport(sourceData), size: this.scaleSize(sourceData.size) },
        { key: target, ...targetData, ...this.framedGraphToViewport(targetData), size: this.scaleSize(targetData.size) },
        this.settings,
      );
      displayed.add(edge);
    }
    this.displayedEdgeLabels = displayed;
    return this;
  };
}
