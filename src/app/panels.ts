import type { LoadedArticle } from '../corpus/built.ts';
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
import type { GraphView } from './controllers/graphView.ts';
import { createCameraControls } from './controllers/cameraControls.ts';
import type { createScreenLayout } from './controllers/screenLayout.ts';
import { createSkipLinks } from './controllers/skipLinks.ts';
import type { ThemeToggle } from './controllers/theme.ts';
import { createLayoutControl } from './controllers/layoutControl.ts';
import { appearanceElements, createAppearanceControl } from './controllers/appearance.ts';
import { createSearch } from './controllers/search.ts';
import { createPathFinder } from './controllers/pathFinder.ts';
import { createSelection } from './controllers/selection.ts';
import { createDataTable, dataTableElements } from './controllers/dataTable.ts';
import { createLasso } from './controllers/lasso.ts';
import { createNodeDrag } from './controllers/nodeDrag.ts';
import { createShareLink } from './controllers/shareLink.ts';
import { createOpenFile } from './controllers/openFile.ts';
import { createCuration, curationElements } from './curation/review.ts';
import { createTimeline } from './controllers/timeline.ts';
import { syncUrl } from './controllers/urlSync.ts';
import { byId } from './dom.ts';
import type { ExplorerView } from './explorer.ts';
import type { FocusDepth, Store } from './state.ts';

/** What the first frame was drawn with: the panels wire onto it. */
export interface FirstFrame {
  article: LoadedArticle;
  explorerView: ExplorerView;
  store: Store;
  view: GraphView;
  screen: ReturnType<typeof createScreenLayout>;
  theme: ThemeToggle;
}

/**
 * Everything the page has beyond the graph's first frame, one controller per concern: panels,
 * filters, search, layout, exports, curation, the console API. Loaded as its own chunk once that
 * frame is on screen, so the first frame waits for none of this code.
 */
export async function wirePanels({ article, explorerView: { slug, entries, corpus }, store, view, screen, theme }: FirstFrame) {
  const { graph } = article;
  const meta = graph.getAttributes();
  const inCorpus = slug === undefined;
  createSkipLinks(document, { graph: () => byId('graph'), article: () => (screen.show('article'), byId('article-pane')) });
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
