import type { KgGraph } from '../../model/types.ts';
import type { Store } from '../state.ts';
import { fromHash, toHash } from '../view/urlState.ts';

/**
 * Keeps selection, filters and focus in the URL hash: every change is a history entry, so a
 * link reproduces the view and Back undoes the last step. `articles` are the slugs the page can
 * load.
 */
export function syncUrl(graph: KgGraph, slug: string, articles: readonly string[], store: Store) {
  const relations = new Set(graph.mapEdges((_, a) => a.relation));
  const exists = { node: (id: string) => graph.hasNode(id), edge: (id: string) => graph.hasEdge(id), relation: (id: string) => relations.has(id) };
  let applying = false;

  const apply = () => {
    const url = fromHash(location.hash, exists);
    // Another article of the data folder: load it afresh rather than write this one's hash back.
    // An unknown one is never reloaded for: the page would fall back to this article again, forever.
    if (url.article !== undefined && url.article !== slug && articles.includes(url.article)) return location.reload();
    applying = true;
    try {
      store.update({ selection: url.selection, hiddenTypes: url.hiddenTypes, hiddenRelations: url.hiddenRelations, focusDepth: url.focusDepth });
    } finally {
      applying = false;
    }
    // What the hash named but does not exist (an article, a node, a filter) is dropped from it, in place.
    const hash = toHash(slug, store.get());
    if (hash !== location.hash) history.replaceState(null, '', hash);
  };
  apply();

  store.subscribe((state, previous) => {
    if (applying) return;
    if (state.selection === previous.selection && state.hiddenTypes === previous.hiddenTypes && state.hiddenRelations === previous.hiddenRelations && state.focusDepth === previous.focusDepth) return;
    const hash = toHash(slug, state);
    if (hash !== location.hash) history.pushState(null, '', hash);
  });
  // Back and Forward between hash entries fire hashchange too: one listener serves both.
  window.addEventListener('hashchange', apply);
}
