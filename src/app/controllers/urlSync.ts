import type { KgGraph } from '../../model/types.ts';
import type { Store } from '../state.ts';
import { fromHash, toHash } from '../view/urlState.ts';

/**
 * Keeps selection, filters and focus in the URL hash: every change is a history entry, so a
 * link reproduces the view and Back undoes the last step.
 */
export function syncUrl(graph: KgGraph, slug: string, store: Store) {
  const relations = new Set(graph.mapEdges((_, a) => a.relation));
  const exists = { node: (id: string) => graph.hasNode(id), edge: (id: string) => graph.hasEdge(id), relation: (id: string) => relations.has(id) };

  const apply = () => {
    const url = fromHash(location.hash, exists);
    // Another article named in the URL: load it afresh rather than write this one's hash back.
    if (url.article && url.article !== slug) return location.reload();
    store.update({ selection: url.selection, hiddenTypes: url.hiddenTypes, hiddenRelations: url.hiddenRelations, focusDepth: url.focusDepth });
  };
  apply();
  if (!location.hash) history.replaceState(null, '', toHash(slug, store.get()));

  store.subscribe((state, previous) => {
    if (state.selection === previous.selection && state.hiddenTypes === previous.hiddenTypes && state.hiddenRelations === previous.hiddenRelations && state.focusDepth === previous.focusDepth) return;
    const hash = toHash(slug, state);
    if (hash !== location.hash) history.pushState(null, '', hash);
  });
  // Back and Forward between hash entries fire hashchange too: one listener serves both.
  window.addEventListener('hashchange', apply);
}
