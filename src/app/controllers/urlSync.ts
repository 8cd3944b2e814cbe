import type { KgGraph } from '../../model/types.ts';
import type { Store } from '../state.ts';
import { fromHash, toHash } from '../view/urlState.ts';

/** The view on screen: one article's (`slug`), or the corpus's; and what else the page can load. */
export interface PageView {
  slug?: string;
  /** The slugs of the data folder's articles. */
  articles: readonly string[];
  /** Whether the corpus view exists (more than one article). */
  corpus: boolean;
}

/**
 * Keeps selection, filters and focus in the URL hash: every change is a history entry, so a
 * link reproduces the view and Back undoes the last step. A hash naming another view (another
 * article, or none while the corpus view exists) loads that view afresh.
 */
export function syncUrl(graph: KgGraph, view: PageView, store: Store) {
  const relations = new Set(graph.mapEdges((_, a) => a.relation));
  const exists = {
    node: (id: string) => graph.hasNode(id),
    edge: (id: string) => graph.hasEdge(id),
    relation: (id: string) => relations.has(id),
    article: (slug: string) => view.slug === undefined && view.articles.includes(slug),
  };
  let applying = false;

  const apply = () => {
    const url = fromHash(location.hash, exists);
    // An unknown article is never reloaded for: the page would fall back to this view again, forever.
    const wanted = url.article !== undefined && view.articles.includes(url.article) ? url.article : view.corpus ? undefined : view.slug;
    if (url.article === undefined ? view.corpus && view.slug !== undefined : wanted !== view.slug) return location.reload();
    applying = true;
    try {
      store.update({ selection: url.selection, hiddenTypes: url.hiddenTypes, hiddenRelations: url.hiddenRelations, hiddenArticles: url.hiddenArticles, focusDepth: url.focusDepth });
    } finally {
      applying = false;
    }
    // What the hash named but does not exist (an article, a node, a filter) is dropped from it, in place.
    const hash = toHash(view.slug, store.get());
    if (hash !== location.hash) history.replaceState(null, '', hash);
  };
  apply();

  store.subscribe((state, previous) => {
    if (applying) return;
    const same = state.selection === previous.selection && state.hiddenTypes === previous.hiddenTypes && state.hiddenRelations === previous.hiddenRelations && state.hiddenArticles === previous.hiddenArticles && state.focusDepth === previous.focusDepth;
    if (same) return;
    const hash = toHash(view.slug, state);
    if (hash !== location.hash) history.pushState(null, '', hash);
  });
  // Back and Forward between hash entries fire hashchange too: one listener serves both.
  window.addEventListener('hashchange', apply);
}
