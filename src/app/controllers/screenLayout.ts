import type { Store } from '../state.ts';

/** Below this width the explorer stacks its panes (styles.css has the same breakpoint). */
export const NARROW_QUERY = '(max-width: 800px)';
/** Below this one the toolbar folds behind Menu and the filters box spans the top of the graph. */
export const MEDIUM_QUERY = '(max-width: 1100px)';

export interface ScreenLayoutElements {
  topbar: HTMLElement;
  menuToggle: HTMLButtonElement;
  legend: HTMLDetailsElement;
  side: HTMLElement;
  tabs: { details: HTMLButtonElement; article: HTMLButtonElement };
  collapse: HTMLButtonElement;
}

export type SidePanel = 'details' | 'article';

/**
 * The parts of the layout that change on narrow screens: the toolbar behind a Menu button, the
 * filters box (or its list of articles, on tablets) closed at first, and details and article as tabs (arrow keys move between them,
 * as in any tab list) of a panel that can be hidden to give the graph the whole height. On wide
 * screens the same markup shows everything at once and none of this is visible.
 */
export function createScreenLayout(el: ScreenLayoutElements, store: Store) {
  const narrow = matchMedia(NARROW_QUERY);
  if (narrow.matches) el.legend.open = false;
  // Spanning the top of the graph, the corpus's list of articles would push the graph into a strip.
  const articles = el.legend.querySelector<HTMLDetailsElement>('details.article-filters');
  if (articles && matchMedia(MEDIUM_QUERY).matches) articles.open = false;

  el.menuToggle.addEventListener('click', () => {
    const open = el.menuToggle.getAttribute('aria-expanded') !== 'true';
    el.menuToggle.setAttribute('aria-expanded', String(open));
    el.topbar.classList.toggle('menu-open', open);
  });

  function setCollapsed(collapsed: boolean): void {
    el.side.classList.toggle('collapsed', collapsed);
    el.collapse.setAttribute('aria-expanded', String(!collapsed));
    el.collapse.textContent = collapsed ? 'Show panel' : 'Hide panel';
  }

  function show(panel: SidePanel, { focus = false } = {}): void {
    el.side.dataset.tab = panel;
    for (const [name, tab] of Object.entries(el.tabs)) {
      const selected = name === panel;
      tab.setAttribute('aria-selected', String(selected));
      tab.tabIndex = selected ? 0 : -1;
    }
    setCollapsed(false);
    if (focus) el.tabs[panel].focus();
  }

  el.tabs.details.addEventListener('click', () => show('details'));
  el.tabs.article.addEventListener('click', () => show('article'));
  for (const tab of Object.values(el.tabs)) {
    tab.addEventListener('keydown', (event) => {
      if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
      show(el.side.dataset.tab === 'details' ? 'article' : 'details', { focus: true });
      event.preventDefault();
    });
  }
  el.collapse.addEventListener('click', () => setCollapsed(!el.side.classList.contains('collapsed')));

  // Something chosen outside the panel (on the graph, in search, from a link) shows its details;
  // a choice made inside it (a mention in the article, a link in the details) leaves the tab be.
  store.subscribe((state, previous) => {
    if (!narrow.matches || !state.selection || state.selection === previous.selection) return;
    if (!el.side.contains(document.activeElement)) show('details');
  });

  /**
   * A graph without text (an opened file) has no article to show: its tab and pane go, and the
   * details take the whole panel.
   */
  function hideArticle(): void {
    show('details');
    el.tabs.article.hidden = true;
    const pane = document.getElementById(el.tabs.article.getAttribute('aria-controls') ?? '');
    if (pane) pane.hidden = true;
    el.side.classList.add('no-article');
  }

  return {
    /** Brings a panel forward (on wide screens both always show). */
    show,
    hideArticle,
    isNarrow: () => narrow.matches,
  };
}
export type ScreenLayout = ReturnType<typeof createScreenLayout>;
