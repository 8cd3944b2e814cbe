import type { ArticleEntry } from 'virtual:kg-articles';
import type { LoadedArticle } from '../corpus/built.ts';
import { TYPE_COLORS } from '../layout/palette.ts';
import type { ExportFormat } from '../export/index.ts';
import { ownText, textsFromModules } from './articleTexts.ts';
import { createConsoleApi } from './console.ts';
import { createArticleFilter } from './controllers/articleFilter.ts';
import { createArticlePanel } from './controllers/articlePanel.ts';
import { createDetails } from './controllers/details.ts';
import { downloadExport } from './controllers/exports.ts';
import { createImageDialog } from './controllers/exportsDialog.ts';
import { downloadImage, isImageFormat } from './controllers/exportsImage.ts';
import { createFilters } from './controllers/filters.ts';
import { createGraphView } from './controllers/graphView.ts';
import { createCameraControls } from './controllers/cameraControls.ts';
import { createScreenLayout } from './controllers/screenLayout.ts';
import { createSkipLinks } from './controllers/skipLinks.ts';
import { createThemeToggle } from './controllers/theme.ts';
import { createLayoutControl } from './controllers/layoutControl.ts';
import { appearanceElements, createAppearanceControl } from './controllers/appearance.ts';
import { createSearch } from './controllers/search.ts';
import { createPathFinder } from './controllers/pathFinder.ts';
import { createSelection } from './controllers/selection.ts';
import { createDataTable, dataTableElements } from './controllers/dataTable.ts';
import { createLasso } from './controllers/lasso.ts';
import { createNodeDrag } from './controllers/nodeDrag.ts';
import './interaction.css';
import { createShareLink } from './controllers/shareLink.ts';
import './features.css';
import './exports.css';
import { createOpenFile } from './controllers/openFile.ts';
import { createCuration, curationElements } from './curation/review.ts';
import { createTimeline } from './controllers/timeline.ts';
import { syncUrl } from './controllers/urlSync.ts';
import { byId } from './dom.ts';
import { createStore, type FocusDepth } from './state.ts';

/** Resolves once the browser has painted what is on screen now. */
const nextPaint = () => new Promise<void>((done) => requestAnimationFrame(() => setTimeout(done, 0)));

/** What the page loaded: one article's view (`slug`) or the corpus view, and the data folder's articles. */
export interface ExplorerView {
  slug: string | undefined;
  entries: readonly ArticleEntry[];
  /** Whether the data folder has a corpus view (more than one article). */
  corpus: boolean;
}

/**
 * Wires one loaded view into the page: one store, one controller per concern. The graph is
 * drawn first and painted before the panels are built, so the first frame does not wait for them.
 */
export async function createExplorer(article: LoadedArticle, { slug, entries, corpus }: ExplorerView) {
  const { graph } = article;
  const meta = graph.getAttributes();
  const inCorpus = slug === undefined;
  for (const [type, color] of Object.entries(TYPE_COLORS)) document.documentElement.style.setProperty(`--type-${type}`, color);
  document.title = `${meta.title} · article-kg`;
  byId('title').textContent = 'article-kg';
  const corpusLink = byId<HTMLAnchorElement>('corpus-link');
  corpusLink.hidden = !corpus || inCorpus;
  corpusLink.textContent = `All ${entries.length} articles`;

  const store = createStore();
  // Before the graph view: its first frame already has the right theme and the narrow layout's closed filters box.
  const screen = createScreenLayout({ topbar: byId('topbar'), menuToggle: byId<HTMLButtonElement>('menu-toggle'), legend: byId<HTMLDetailsElement>('legend'), side: byId('side'), tabs: { details: byId<HTMLButtonElement>('tab-details'), article: byId<HTMLButtonElement>('tab-article') }, collapse: byId<HTMLButtonElement>('side-collapse') }, store);
  const theme = createThemeToggle(byId<HTMLButtonElement>('theme-toggle'), (name) => view.setTheme(name));
  const view = createGraphView(byId('graph'), graph, store, theme.current());
  createSkipLinks(document, { graph: () => byId('graph'), article: () => (screen.show('article'), byId('article-pane')) });
  performance.mark('kg:first-frame');
  await nextPaint();
  const select = (node: string) => {
    store.update({ selection: { kind: 'node', id: node } });
    // With a focus on, the view already frames the new neighbourhood; a second camera move would cancel it.
    if (store.get().focusDepth === 0) view.focusNode(node);
  };
  const texts = inCorpus ? textsFromModules(entries) : ownText(article);
  const header = { title: byId('article-title'), meta: byId('article-meta') };
  const articlePanel = createArticlePanel(byId('article'), header, graph, store, texts, slug ?? entries[0]!.slug);
  const showArticle = (s: string) => void articlePanel.showArticle(s);
  createDetails(byId('details'), byId('selection-status'), article, store, inCorpus ? { articles: entries, showArticle } : undefined);
  if (inCorpus) createArticleFilter(byId<HTMLFieldSetElement>('article-filters'), graph, entries, store);
  createFilters(byId<HTMLFieldSetElement>('type-filters'), byId<HTMLFieldSetElement>('relation-filters'), graph, store);
  createTimeline(byId('timeline'), graph, store, select);
  const selection = createSelection(graph, store, view);
  createSearch(byId<HTMLInputElement>('search-input'), byId<HTMLUListElement>('search-options'), graph, { kinds: ['entity', 'relation'], choose: selection.hit });
  const pathFinder = createPathFinder(byId('details'), graph, store, view, selection);
  const { edgeLabels } = view;

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

  createCameraControls(view.frame, byId('graph'), { zoomIn: byId('zoom-in'), zoomOut: byId('zoom-out'), reset: byId('zoom-reset') });
  byId('fullscreen').addEventListener('click', () => {
    if (document.fullscreenElement) void document.exitFullscreen();
    else void document.documentElement.requestFullscreen();
  });
  const focus = byId<HTMLSelectElement>('focus-depth');
  focus.addEventListener('change', () => store.update({ focusDepth: Number(focus.value) as FocusDepth }));
  store.subscribe((s) => (focus.value = String(s.focusDepth)));
  const format = byId<HTMLSelectElement>('export-format');
  // PNG and SVG open the image dialog (wired at the export slot below); data formats download at once.
  byId('export').addEventListener('click', () => (isImageFormat(format.value) ? imageDialog.open(format.value) : downloadExport(article, format.value as ExportFormat, slug ?? 'corpus')));

  const url = syncUrl(graph, { slug, articles: entries.map((e) => e.slug), corpus }, store, { renderer: view.renderer, centre: selection.centre, reframe: () => view.frame.reframe() });
  createShareLink(byId('export'), url.link);
  // slot:appearance (appearance helper)
  createAppearanceControl(appearanceElements(), graph, view, layout);
  // slot:interaction (interaction helper)
  const lasso = createLasso({ renderer: view.renderer, graph, store, toggle: byId<HTMLButtonElement>('lasso-toggle'), visibleNodes: view.visibleNodes });
  createNodeDrag(view.renderer, graph, { enabled: () => !lasso.on() });
  createDataTable(dataTableElements(), graph, store, selection);
  // slot:export (export helper)
  const imageDialog = createImageDialog(byId('export'), { title: meta.title, run: (request) => downloadImage(view.renderer, theme.current(), request, slug ?? 'corpus') });
  // slot:open-file (open-file helper)
  createOpenFile(byId<HTMLButtonElement>('open-file'), byId<HTMLInputElement>('open-file-input'));
  // slot:review (review helper): only a view of the data folder (not an opened file) is curated
  const curation = createCuration(curationElements(), { graph, vocabulary: article.vocabulary, store, articlePanel, screen, renderer: view.renderer, frame: view.frame, entries, writable: entries.length > 0 });
  // An opened file has no text; the corpus view has none of its own, but every article's.
  if (!inCorpus && !article.text) {
    screen.hideArticle();
    document.querySelector<HTMLElement>('[data-skip="article"]')?.setAttribute('hidden', '');
  }
  await articlePanel.settled();
  const api = createConsoleApi(article, select, curation.actions);
  return { store, view, layout, articlePanel, api, selection, pathFinder, edgeLabels };
}
