import type { ArticleEntry } from 'virtual:kg-articles';
import type { LoadedArticle } from '../corpus/built.ts';
import { TYPE_COLORS } from '../layout/palette.ts';
import { EdgeCurvedArrowProgram } from '@sigma/edge-curve';
import { EdgeArrowHeadProgram } from 'sigma/rendering';
import { withoutPicking } from './controllers/firstFramePicking.ts';
import { createGraphView } from './controllers/graphView.ts';
import { createScreenLayout } from './controllers/screenLayout.ts';
import { createThemeToggle } from './controllers/theme.ts';
import { byId } from './dom.ts';
import { createStore } from './state.ts';
// Every stylesheet, the panels' too: the page is laid out once, before the first frame, and the
// panels' code (loaded after it) does not move the graph pane when it arrives.
import './interaction.css';
import './features.css';
import './exports.css';
import './appearance.css';
import './curation.css';
import './openFile.css';

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
 * Draws the loaded view's graph, then wires the rest of the page (panels.ts) onto it. Only what
 * the first frame needs runs, and is loaded, before it is painted: the store, the layout and theme
 * of the page, and the graph view; the panels' code is a chunk of its own, fetched after.
 */
export async function createExplorer(article: LoadedArticle, explorerView: ExplorerView) {
  const { graph } = article;
  const meta = graph.getAttributes();
  for (const [type, color] of Object.entries(TYPE_COLORS)) document.documentElement.style.setProperty(`--type-${type}`, color);
  document.title = `${meta.title} · article-kg`;
  byId('title').textContent = 'article-kg';
  const corpusLink = byId<HTMLAnchorElement>('corpus-link');
  corpusLink.hidden = !explorerView.corpus || explorerView.slug === undefined;
  corpusLink.textContent = `All ${explorerView.entries.length} articles`;

  const store = createStore();
  // Before the graph view: its first frame already has the right theme and the narrow layout's closed filters box.
  const screen = createScreenLayout({ topbar: byId('topbar'), menuToggle: byId<HTMLButtonElement>('menu-toggle'), legend: byId<HTMLDetailsElement>('legend'), side: byId('side'), tabs: { details: byId<HTMLButtonElement>('tab-details'), article: byId<HTMLButtonElement>('tab-article') }, collapse: byId<HTMLButtonElement>('side-collapse') }, store);
  const theme = createThemeToggle(byId<HTMLButtonElement>('theme-toggle'), (name) => view.setTheme(name));
  // The first frame's edges are lines: their heads and the curved (parallel) edges come one frame later.
  const { drawn: view, fillPicking } = withoutPicking(() => createGraphView(byId('graph'), graph, store, theme.current()), [EdgeArrowHeadProgram, EdgeCurvedArrowProgram]);
  performance.mark('kg:first-frame');
  await nextPaint();
  fillPicking();
  // Fetched only now: evaluated while the first frame was waiting to be painted, it would delay it.
  const { wirePanels } = await import('./panels.ts');
  return wirePanels({ article, explorerView, store, view, screen, theme });
}
