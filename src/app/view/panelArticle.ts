import type { KgGraph } from '../../model/types.ts';
import type { Selection } from '../state.ts';

/**
 * Which article the panel should show for a selection, given the one on screen: an edge's own
 * article (its evidence offsets are in that text); for an entity, the article on screen while it
 * mentions the entity, else the first that does. One article's view has no `article`s: it stays.
 */
export function articleOfSelection(graph: KgGraph, selection: Selection | null, shown: string): string {
  if (selection?.kind === 'edge' && graph.hasEdge(selection.id)) return graph.getEdgeAttribute(selection.id, 'article') ?? shown;
  if (selection?.kind === 'node' && graph.hasNode(selection.id)) {
    const articles = graph.getNodeAttribute(selection.id, 'articles');
    if (articles?.length && !articles.includes(shown)) return articles[0]!;
  }
  return shown;
}
