import type { EntityType } from '../model/types.ts';

export interface Selection {
  kind: 'node' | 'edge';
  id: string;
}

export const FOCUS_DEPTHS = [0, 1, 2] as const;
export type FocusDepth = (typeof FOCUS_DEPTHS)[number];

/** Everything the view shows that is not the data: one place, read by reducers and panels. */
export interface State {
  selection: Selection | null;
  hoveredNode: string | null;
  hoveredEdge: string | null;
  hiddenTypes: ReadonlySet<EntityType>;
  hiddenRelations: ReadonlySet<string>;
  /** In the corpus view: articles whose relations, and the entities only they mention, are hidden. */
  hiddenArticles: ReadonlySet<string>;
  /** 0: the whole graph; 1 or 2: only what lies that many hops from the selection. */
  focusDepth: FocusDepth;
}

export const initialState = (): State => ({
  selection: null,
  hoveredNode: null,
  hoveredEdge: null,
  hiddenTypes: new Set(),
  hiddenRelations: new Set(),
  hiddenArticles: new Set(),
  focusDepth: 0,
});

export type Listener = (state: State, previous: State) => void;

/** A minimal store: controllers call `update`, and every subscriber sees the new state. */
export function createStore(initial: State = initialState()) {
  let state = initial;
  const listeners = new Set<Listener>();
  return {
    get: () => state,
    update(patch: Partial<State>) {
      const previous = state;
      state = { ...state, ...patch };
      for (const listener of listeners) listener(state, previous);
    },
    subscribe(listener: Listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
export type Store = ReturnType<typeof createStore>;
