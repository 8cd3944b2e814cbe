import type Sigma from 'sigma';
import type { KgGraph } from '../../model/types.ts';
import { resolve } from '../../query/index.ts';
import type { Selection, Store } from '../state.ts';
import { fromHash, toHash, type CameraView } from '../view/urlState.ts';

/** The view on screen: one article's (`slug`), or the corpus's; and what else the page can load. */
export interface PageView {
  slug?: string;
  /** The slugs of the data folder's articles. */
  articles: readonly string[];
  /** Whether the corpus view exists (more than one article). */
  corpus: boolean;
}

/** The renderer (for its camera), how to bring a selection into view, and how to bring the framing up to date. */
export interface Screen {
  renderer: Sigma;
  centre(selection: Selection): void;
  /**
   * Fits the graph to the pane as the panels now leave it. The camera moves after this: a
   * reframing later (the pane's overlays filled in meanwhile) would shift a move under way, and
   * keep the view's scale in pixels, not its ratio, so a link's zoom would drift.
   */
  reframe(): void;
}

/** A camera that has stopped for this long is written into the URL: a drag or a zoom is one step, not hundreds. */
const CAMERA_SETTLE_MS = 250;

/**
 * Keeps selection, filters, focus and camera in the URL hash, so a link reproduces the view.
 * Every change of selection, filter or focus is a history entry (Back undoes the last step); a
 * camera move only rewrites the current entry. A hash may name its node as a person would
 * (`#node=Scholz`): it is resolved like `kg show Scholz` and rewritten to the id. A link without a
 * camera brings its selection into view. A hash naming another view (another article, or none
 * while the corpus view exists) loads that view afresh.
 */
export function syncUrl(graph: KgGraph, view: PageView, store: Store, screen: Screen) {
  const relations = new Set(graph.mapEdges((_, a) => a.relation));
  const types = new Set(graph.mapNodes((_, a) => String(a.type)));
  const exists = {
    type: (type: string) => types.has(type),
    node: (id: string) => graph.hasNode(id),
    resolveNode: (name: string) => {
      try {
        return resolve(graph, name);
      } catch {
        return undefined;
      }
    },
    edge: (id: string) => graph.hasEdge(id),
    relation: (id: string) => relations.has(id),
    article: (slug: string) => view.slug === undefined && view.articles.includes(slug),
  };
  const { renderer } = screen;
  const camera = renderer.getCamera();
  const middle = () => {
    const { width, height } = renderer.getDimensions();
    return { x: width / 2, y: height / 2 };
  };
  /** The graph point at the middle of the view, and the zoom; none at home (the whole graph, what a link without a camera shows). */
  const cameraNow = (): CameraView | undefined => {
    const { x, y, ratio, angle } = camera.getState();
    if (Math.abs(x - 0.5) < 1e-6 && Math.abs(y - 0.5) < 1e-6 && Math.abs(ratio - 1) < 1e-6 && angle === 0) return undefined;
    return { ...renderer.viewportToGraph(middle()), ratio };
  };
  /** The camera state that puts graph point (x, y) in the middle of the view at `ratio`. */
  const stateFor = (view: CameraView) => ({ ...renderer.viewportToFramedGraph(renderer.graphToViewport(view)), ratio: view.ratio });
  const hashNow = () => toHash(view.slug, store.get(), cameraNow());
  let applying = false;
  let settle: ReturnType<typeof setTimeout> | undefined;

  const writeCamera = () => {
    clearTimeout(settle);
    settle = undefined;
    const hash = hashNow();
    if (hash !== location.hash) history.replaceState(null, '', hash);
  };

  const apply = () => {
    const url = fromHash(location.hash, exists);
    // An unknown article is never reloaded for: the page would fall back to this view again, forever.
    const wanted = url.article !== undefined && view.articles.includes(url.article) ? url.article : view.corpus ? undefined : view.slug;
    if (url.article === undefined ? view.corpus && view.slug !== undefined : wanted !== view.slug) return location.reload();
    clearTimeout(settle);
    const before = store.get().selection;
    applying = true;
    try {
      store.update({ selection: url.selection, hiddenTypes: url.hiddenTypes, hiddenRelations: url.hiddenRelations, hiddenArticles: url.hiddenArticles, focusDepth: url.focusDepth });
    } finally {
      applying = false;
    }
    const sameSelection = before?.kind === url.selection?.kind && before?.id === url.selection?.id;
    const moveCamera = Boolean(url.camera) || (url.selection !== null && !sameSelection && url.focusDepth === 0);
    if (moveCamera) screen.reframe();
    if (url.camera) {
      const state = stateFor(url.camera);
      // A focus may have started framing its neighbourhood: an animation, cancelled by another one.
      if (camera.isAnimated()) void camera.animate(state, { duration: 1 });
      else camera.setState(state);
    } else if (url.selection && !sameSelection && url.focusDepth === 0) {
      screen.centre(url.selection);
    }
    // What the hash named but does not exist (an article, a node, a filter) is dropped from it, and a name becomes an id, in place.
    const hash = hashNow();
    if (hash !== location.hash) history.replaceState(null, '', hash);
  };
  apply();

  store.subscribe((state, previous) => {
    if (applying) return;
    const same = state.selection === previous.selection && state.hiddenTypes === previous.hiddenTypes && state.hiddenRelations === previous.hiddenRelations && state.hiddenArticles === previous.hiddenArticles && state.focusDepth === previous.focusDepth;
    if (same) return;
    clearTimeout(settle);
    const hash = toHash(view.slug, state, cameraNow());
    if (hash !== location.hash) history.pushState(null, '', hash);
  });
  camera.on('updated', () => {
    clearTimeout(settle);
    settle = setTimeout(writeCamera, CAMERA_SETTLE_MS);
  });
  // Back and Forward between hash entries fire hashchange too: one listener serves both.
  window.addEventListener('hashchange', apply);

  return {
    /** The link to this view as it is now, camera included (a move not yet written is written first). */
    link(): string {
      writeCamera();
      return location.href;
    },
  };
}
