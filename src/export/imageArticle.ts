/**
 * An article's graph as an image scene, from the graph's own attributes (the layout's x, y,
 * size and color): what `kg export --format svg` draws, with no screen to ask. The browser builds
 * its scene from what sigma displays instead (src/app/controllers/exportsScene.ts), and both
 * share the legend rule below.
 */
import { ENTITY_TYPES, type KgGraph } from '../model/types.ts';
import { TYPE_COLORS } from '../layout/palette.ts';
import { own } from '../model/own.ts';
import type { ImagePalette } from './imagePalette.ts';
import type { LegendEntry, SceneEdge, SceneNode, ImageScene } from './svg.ts';

/**
 * The legend of the nodes drawn: each entity type present once, in the vocabulary's order, with
 * the colour most of its nodes have (a type hidden by a filter has no node drawn, so no entry).
 */
export function legendEntries(nodes: Iterable<{ type: string; color: string }>): LegendEntry[] {
  const counts = new Map<string, Map<string, number>>();
  for (const { type, color } of nodes) {
    const byColour = counts.get(type) ?? new Map<string, number>();
    byColour.set(color, (byColour.get(color) ?? 0) + 1);
    counts.set(type, byColour);
  }
  const rank = (t: string) => {
    const i = (ENTITY_TYPES as readonly string[]).indexOf(t);
    return i < 0 ? ENTITY_TYPES.length : i;
  };
  return [...counts.entries()]
    .sort(([a], [b]) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0))
    .map(([type, byColour]) => ({ label: type, color: [...byColour.entries()].sort((x, y) => y[1] - x[1])[0]![0] }));
}

/** Every node and relation of the graph at its laid-out place, edges in the palette's colour; `legend` and `title` as asked. */
export function articleScene(graph: KgGraph, palette: ImagePalette, options: { title?: boolean; legend?: boolean } = {}): ImageScene {
  const index = new Map<string, number>();
  const nodes: SceneNode[] = [];
  const types: { type: string; color: string }[] = [];
  graph.forEachNode((id, a) => {
    index.set(id, nodes.length);
    const color = a.color ?? own(TYPE_COLORS, a.type) ?? '#888888';
    nodes.push({ x: a.x ?? 0, y: a.y ?? 0, size: a.size ?? 5, color, label: a.label });
    types.push({ type: a.type, color });
  });
  const edges: SceneEdge[] = [];
  graph.forEachEdge((_, a, source, target) => {
    edges.push({ source: index.get(source)!, target: index.get(target)!, color: palette.edge, size: 1.5, curvature: 0, arrow: true, label: '' });
  });
  return { nodes, edges, title: options.title === false ? '' : (graph.getAttribute('title') ?? ''), legend: options.legend === false ? [] : legendEntries(types) };
}
