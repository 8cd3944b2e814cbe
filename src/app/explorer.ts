import type { LoadedArticle } from '../corpus/built.ts';
import { TYPE_COLORS } from '../layout/palette.ts';
import type { ExportFormat } from '../export/index.ts';
import { createConsoleApi } from './console.ts';
import { createArticlePanel } from './controllers/articlePanel.ts';
import { createDetails } from './controllers/details.ts';
import { downloadExport } from './controllers/exports.ts';
import { createFilters } from './controllers/filters.ts';
import { createGraphView } from './controllers/graphView.ts';
import { createLayoutControl } from './controllers/layoutControl.ts';
import { createSearch } from './controllers/search.ts';
import { createTimeline } from './controllers/timeline.ts';
import { syncUrl } from './controllers/urlSync.ts';
import { byId } from './dom.ts';
import { createStore, type FocusDepth } from './state.ts';

/** Resolves once the browser has painted what is on screen now. */
const nextPaint = () => new Promise<void>((done) => requestAnimationFrame(() => setTimeout(done, 0)));

/**
 * Wires one loaded article into the page: one store, one controller per concern. The graph is
 * drawn first and painted before the panels are built, so the first frame does not wait for them.
 */
export async function createExplorer(article: LoadedArticle, slug: string, articles: readonly string[]) {
  const { graph } = article;
  const meta = graph.getAttributes();
  for (const [type, color] of Object.entries(TYPE_COLORS)) document.documentElement.style.setProperty(`--type-${type}`, color);
  document.title = `${meta.title} · article-kg`;
  byId('title').textContent = 'article-kg';
  byId('article-title').textContent = meta.title;
  byId('article-meta').textContent = [meta.dateline, meta.publisher, meta.date].filter(Boolean).join(' · ');

  const store = createStore();
  const view = createGraphView(byId('graph'), graph, store);
  performance.mark('kg:first-frame');
  await nextPaint();
  const select = (node: string) => {
    store.update({ selection: { kind: 'node', id: node } });
    // With a focus on, the view already frames the new neighbourhood; a second camera move would cancel it.
    if (store.get().focusDepth === 0) view.focusNode(node);
  };
  createDetails(byId('details'), byId('selection-status'), article, store);
  const articlePanel = createArticlePanel(byId('article'), article, store);
  createFilters(byId<HTMLFieldSetElement>('type-filters'), byId<HTMLFieldSetElement>('relation-filters'), graph, store);
  createTimeline(byId('timeline'), graph, store, select);
  createSearch(byId<HTMLInputElement>('search-input'), byId<HTMLUListElement>('search-options'), graph, select);

  const status = byId('layout-status');
  const toggle = byId<HTMLButtonElement>('layout-toggle');
  const layout = createLayoutControl(graph, {
    onChange: (running, message) => {
      toggle.textContent = running ? 'Stop layout' : 'Run layout';
      toggle.setAttribute('aria-pressed', String(running));
      status.textContent = message;
    },
  });
  toggle.addEventListener('click', () => (layout.isRunning() ? layout.stop() : layout.start()));
  byId('layout-reset').addEventListener('click', () => layout.reset());

  const camera = view.renderer.getCamera();
  byId('zoom-in').addEventListener('click', () => void camera.animatedZoom({ duration: 300 }));
  byId('zoom-out').addEventListener('click', () => void camera.animatedUnzoom({ duration: 300 }));
  byId('zoom-reset').addEventListener('click', () => void camera.animatedReset({ duration: 300 }));
  byId('fullscreen').addEventListener('click', () => {
    if (document.fullscreenElement) void document.exitFullscreen();
    else void document.documentElement.requestFullscreen();
  });
  const focus = byId<HTMLSelectElement>('focus-depth');
  focus.addEventListener('change', () => store.update({ focusDepth: Number(focus.value) as FocusDepth }));
  store.subscribe((s) => (focus.value = String(s.focusDepth)));
  const format = byId<HTMLSelectElement>('export-format');
  byId('export').addEventListener('click', () => void downloadExport(article, format.value as ExportFormat | 'png', slug, view.renderer));

  syncUrl(graph, slug, articles, store);
  const api = createConsoleApi(article, select);
  return { store, view, layout, articlePanel, api };
}
