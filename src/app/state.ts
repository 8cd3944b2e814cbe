import type { EntityType } from '../model/types.ts';

export interface Selection {
  kind: 'node' | 'edge';
  id: string;
}

/** The chain the path finder found, drawn highlighted in the graph. */
export interface PathHighlight {
  nodes: readonly string[];
  edges: readonly string[];
}

export const FOCUS_DEPTHS = [0, 1, 2] as const;
export type FocusDepth = (typeof FOCUS_DEPTHS)[number];

/** Everything the view shows that is not the data: one place, read by reducers and panels. */
export interface State {
  /**
   * The one thing chosen last: what the details of one entity or relation, the URL, the path
   * finder and the timeline follow. With several nodes selected it is one of them.
   */
  selection: Selection | null;
  /**
   * Every selected node (shift-click, the lasso, Select neighbours): the selected node alone when
   * one is, empty when an edge or nothing is. `settle` keeps it and `selection` in step.
   */
  selectedNodes: ReadonlySet<string>;
  hoveredNode: string | null;
  hoveredEdge: string | null;
  hiddenTypes: ReadonlySet<EntityType>;
  hiddenRelations: ReadonlySet<string>;
  /** In the corpus view: articles whose relations, and the entities only they mention, are hidden. */
  hiddenArticles: ReadonlySet<string>;
  /** 0: the whole graph; 1 or 2: only what lies that many hops from the selection. */
  focusDepth: FocusDepth;
  /** The path finder's chain, highlighted until it is cleared or something off it is selected. */
  path: PathHighlight | null;
  /** The Drafts filter: only what `kg add` drafted and no curator has reviewed yet (and a drafted relation's two ends). */
  draftsOnly?: boolean;
}

export const initialState = (): State => ({
  selection: null,
  selectedNodes: new Set(),
  hoveredNode: null,
  hoveredEdge: null,
  hiddenTypes: new Set(),
  hiddenRelations: new Set(),
  hiddenArticles: new Set(),
  focusDepth: 0,
  path: null,
});

/**
 * Keeps the node set and the one selection in step, whichever the patch set. A patch of
 * `selection` alone (every control that selects one thing) makes it the whole selection; a patch
 * of `selectedNodes` alone keeps the chosen node if it is still in, else takes the last added,
 * and is always a new `selection` object: listeners that compare `selection` see the change.
 */
function settleNodes(state: State, patch: Partial<State>): State {
  if ('selectedNodes' in patch && !('selection' in patch)) {
    const current = state.selection?.kind === 'node' && state.selectedNodes.has(state.selection.id) ? state.selection.id : undefined;
    const id = current ?? [...state.selectedNodes].at(-1);
    return { ...state, selection: id === undefined ? null : { kind: 'node', id } };
  }
  if ('selection' in patch && !('selectedNodes' in patch)) {
    return { ...state, selectedNodes: state.selection?.kind === 'node' ? new Set([state.selection.id]) : new Set() };
  }
  return state;
}

/** The patch that adds nodes to the node selection (an edge selected before is dropped). */
export function addToSelection(state: Pick<State, 'selectedNodes'>, nodes: Iterable<string>): Partial<State> {
  const next = new Set(state.selectedNodes);
  for (const node of nodes) next.add(node);
  return { selectedNodes: next };
}

/** The patch for a shift-click: the node joins the selection, or leaves it if it was in. */
export function toggleInSelection(state: Pick<State, 'selectedNodes'>, node: string): Partial<State> {
  const next = new Set(state.selectedNodes);
  if (!next.delete(node)) next.add(node);
  return { selectedNodes: next };
}

const onPath = (path: PathHighlight, selection: Selection) => (selection.kind === 'node' ? path.nodes : path.edges).includes(selection.id);

/**
 * The rules that tie one part of the state to another, applied in the same update (a listener
 * that updated the store in turn would hand the listeners after it a state already out of date):
 * without a selection there is nothing to focus on, so the focus goes back to the whole graph;
 * selecting something off the highlighted path ends the path.
 */
export function settle(next: State, previous: State, patch: Partial<State>): State {
  let state = settleNodes(next, patch);
  if (previous.selection && !state.selection && state.focusDepth !== 0 && !('focusDepth' in patch)) state = { ...state, focusDepth: 0 };
  if (state.path && state.selection && state.selection !== previous.selection && !onPath(state.path, state.selection) && !('path' in patch)) state = { ...state, path: null };
  return state;
}

export type Listener = (state: State, previous: State) => void;

/** A minimal store: controllers call `update`, and every subscriber sees the new state. */
export function createStore(initial: State = initialState()) {
  let state = initial;
  const listeners = new Set<Listener>();
  return {
    get: () => state,
    update(patch: Partial<State>) {
      const previous = state;
      state = settle({ ...state, ...patch }, previous, patch);
      for (const listener of listeners) listener(state, previous);
    },
    subscribe(listener: Listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
export type Store = ReturnType<typeof createStore>;
