import { h } from '../dom.ts';

export interface SelectedWords {
  article: string;
  start: number;
  end: number;
  text: string;
}

export interface SelectionMenuItem {
  label: string;
  /** Whether it is offered for this selection of words (e.g. "New relation" needs two chosen entities). */
  when?: () => boolean;
  run: (words: SelectedWords) => void;
}

/**
 * A small menu over words selected in the article text: what can be made of them (a new entity,
 * an alias, a relation's evidence). It follows the browser's own selection (mouse, keyboard or
 * script), once the pointer is up, and goes when the selection does.
 */
export function createSelectionMenu(text: HTMLElement, wordsOf: (range: Range) => SelectedWords | null, items: readonly SelectionMenuItem[]) {
  const menu = h('div', { class: 'selection-menu', attrs: { role: 'toolbar', 'aria-label': 'Selected words' } });
  menu.hidden = true;
  document.body.append(menu);
  let pointerDown = false;
  let words: SelectedWords | null = null;

  function hide(): void {
    menu.hidden = true;
    words = null;
  }

  function update(): void {
    if (pointerDown || document.querySelector('dialog[open]')) return;
    const selection = document.getSelection();
    const range = selection && selection.rangeCount ? selection.getRangeAt(0) : null;
    const found = range && text.contains(range.commonAncestorContainer) ? wordsOf(range) : null;
    if (!found || !found.text.trim()) {
      // Focus moving into the menu keeps it (the selection stays where it was).
      if (!menu.contains(document.activeElement)) hide();
      return;
    }
    words = found;
    const offered = items.filter((item) => item.when?.() ?? true);
    menu.replaceChildren(
      ...offered.map((item) =>
        h('button', { attrs: { type: 'button' }, on: { click: () => {
          const chosen = words;
          hide();
          if (chosen) item.run(chosen);
        } } }, item.label),
      ),
    );
    menu.hidden = false;
    const rect = range!.getBoundingClientRect();
    const width = menu.offsetWidth;
    menu.style.left = `${Math.max(4, Math.min(rect.left, innerWidth - width - 4))}px`;
    menu.style.top = `${rect.bottom + 6 + menu.offsetHeight > innerHeight ? Math.max(4, rect.top - menu.offsetHeight - 6) : rect.bottom + 6}px`;
  }

  let timer: ReturnType<typeof setTimeout> | undefined;
  const soon = () => {
    clearTimeout(timer);
    timer = setTimeout(update, 120);
  };
  document.addEventListener('selectionchange', soon);
  text.addEventListener('pointerdown', () => (pointerDown = true));
  document.addEventListener('pointerup', () => {
    if (!pointerDown) return;
    pointerDown = false;
    soon();
  });
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && !menu.hidden) hide();
  });
  // The panel scrolls under a fixed menu: it would point at other words.
  text.closest('.article-pane')?.addEventListener('scroll', () => !menu.hidden && update(), { passive: true });
  return { element: menu, refresh: update };
}
