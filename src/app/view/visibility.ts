import type { KgGraph } from '../../model/types.ts';
import { addToSelection, type State } from '../state.ts';

export interface Visibility {
  nodes: ReadonlySet<string>;
  edges: ReadonlySet<string>;
}

/**
 * What the filters and the focus leave on screen. The focus walk is written by hand: the
 * library's BFS would need a filtered copy of the graph (as query/neighbours.ts makes), and this
 * runs on every filter or selection change, where copying a large graph would show.
 */
export function computeVisibility(graph: KgGraph, state: Pick<State, 'hiddenTypes' | 'hiddenRelations' | 'focusDepth' | 'selection'> & Partial<Pick<State, 'hiddenArticles' | 'selectedNodes' | 'draftsOnly'>>): Visibility {
  const articles = state.hiddenArticles ?? new Set<string>();
  // An entity stays while any article that mentions it is shown; one article's view has no `articles`.
  const inShownArticle = (n: string) => {
    const of = graph.getNodeAttribute(n, 'articles');
    return !of || of.length === 0 || of.some((a) => !articles.has(a));
  };
  // Drafts only: the drafted entities, and the ends of the drafted relations (a relation needs both its ends on screen).
  const drafts = state.draftsOnly ? draftedNodes(graph) : undefined;
  const nodeShown = (n: string) => !state.hiddenTypes.has(graph.getNodeAttribute(n, 'type')) && (articles.size === 0 || inShownArticle(n)) && (!drafts || drafts.has(n));
  const edgeShown = (e: string) => {
    const a = graph.getEdgeAttributes(e);
    return !state.hiddenRelations.has(a.relation) && !(a.article !== undefined && articles.has(a.article)) && (!drafts || a.draft !== undefined) && nodeShown(graph.source(e)) && nodeShown(graph.target(e));
  };

  let nodes = new Set(graph.filterNodes(nodeShown));
  const seeds = [...new Set([...selectionNodes(graph, state.selection), ...(state.selectedNodes ?? [])])].filter((n) => nodes.has(n));
  if (state.focusDepth > 0 && seeds.length) {
    const reached = new Set(seeds);
    let frontier = seeds;
    for (let depth = 0; depth < state.focusDepth; depth++) {
      const next: string[] = [];
      for (const node of frontier) {
        graph.forEachEdge(node, (edge, _, source, target) => {
          const other = source === node ? target : source;
          if (!reached.has(other) && edgeShown(edge)) {
            reached.add(other);
            next.push(other);
          }
        });
      }
      frontier = next;
    }
    nodes = reached;
  }
  const edges = new Set(graph.filterEdges((e, _, s, t) => nodes.has(s) && nodes.has(t) && edgeShown(e)));
  return { nodes, edges };
}

/** The drafted entities and both ends of every drafted relation. */
export function draftedNodes(graph: KgGraph): Set<string> {
  const nodes = new Set(graph.filterNodes((_, a) => a.draft !== undefined));
  graph.forEachEdge((_, a, source, target) => {
    if (a.draft === undefined) return;
    nodes.add(source);
    nodes.add(target);
  });
  return nodes;
}

/** The nodes a selection stands for: the node itself, or an edge's two ends. */
export function selectionNodes(graph: KgGraph, selection: State['selection']): string[] {
  if (!selection) return [];
  if (selection.kind === 'node') return graph.hasNode(selection.id) ? [selection.id] : [];
  return graph.hasEdge(selection.id) ? [graph.source(selection.id), graph.target(selection.id)] : [];
}

export interface Highlight {
  nodes: ReadonlySet<string>;
  edges: ReadonlySet<string>;
}

/**
 * What stays bright while everything else dims: the hovered node and its neighbours; else the
 * hovered edge and its ends; else several selected nodes and every relation at them; else the
 * selected node and its neighbours, or the selected edge and its ends. Null: nothing dims.
 */
export function computeHighlight(graph: KgGraph, state: Pick<State, 'hoveredNode' | 'hoveredEdge' | 'selection'> & Partial<Pick<State, 'path' | 'selectedNodes'>>, visible: Visibility): Highlight | null {
  // The path finder's chain stays lit while nothing is hovered, whatever on it is selected.
  if (state.path && !state.hoveredNode && !state.hoveredEdge) return { nodes: new Set(state.path.nodes), edges: new Set(state.path.edges) };
  const many = state.selectedNodes && state.selectedNodes.size > 1 ? state.selectedNodes : null;
  if (many && !state.hoveredNode && !state.hoveredEdge) return severalNodes(graph, many, visible);
  const focus = state.hoveredNode ?? (state.selection?.kind === 'node' ? state.selection.id : null);
  if (focus && graph.hasNode(focus)) {
    const nodes = new Set([focus]);
    const edges = new Set<string>();
    graph.forEachEdge(focus, (edge, _, source, target) => {
      if (!visible.edges.has(edge)) return;
      edges.add(edge);
      nodes.add(source === focus ? target : source);
    });
    return { nodes, edges };
  }
  const edge = state.hoveredEdge ?? (state.selection?.kind === 'edge' ? state.selection.id : null);
  if (edge && graph.hasEdge(edge)) {
    return { nodes: new Set([graph.source(edge), graph.target(edge)]), edges: new Set([edge]) };
  }
  return null;
}

/**
 * Several selected nodes: they stay bright, and so does every relation at them; the far end of a
 * relation leaving the selection stays dim, so the selection is what reads as lit (one node's
 * neighbours light up with it; a lasso's hundred would drown the selection in theirs).
 */
function severalNodes(graph: KgGraph, selected: ReadonlySet<string>, visible: Visibility): Highlight {
  const nodes = new Set([...selected].filter((n) => graph.hasNode(n)));
  const edges = new Set<string>();
  for (const node of nodes) graph.forEachEdge(node, (edge) => void (visible.edges.has(edge) && edges.add(edge)));
  return { nodes, edges };
}

/**
 * The patch for "Select neighbours": every node one shown relation away from the selected ones
 * (a selected relation's two ends count as selected) joins the selection.
 */
export function selectNeighbours(graph: KgGraph, state: State): Partial<State> {
  const visible = computeVisibility(graph, state);
  const from = new Set([...state.selectedNodes, ...selectionNodes(graph, state.selection)]);
  const found = new Set(from);
  for (const node of from) {
    if (!graph.hasNode(node)) continue;
    graph.forEachEdge(node, (edge, _, source, target) => {
      if (visible.edges.has(edge)) found.add(source === node ? target : source);
    });
  }
  return addToSelection({ selectedNodes: new Set() }, found);
}
