import type { KgGraph } from '../../model/types.ts';
import { arrowSentence, search, type SearchHit } from '../../query/index.ts';
import { h, replaceChildren } from '../dom.ts';

export interface SearchBoxOptions {
  /** What to offer: entities only (the path finder's pickers), or relations too (the main search). */
  kinds: readonly SearchHit['kind'][];
  /** Called with the hit the user chose. */
  choose: (hit: SearchHit) => void;
  /** How many options to list at most. */
  limit?: number;
}

/** Enough candidates for the kinds wanted to survive the filter, few enough to stay instant. */
const CANDIDATES = 40;

/** Whether an entity was found by one of its names, rather than by its description. */
const byName = (hit: SearchHit) => hit.fields.some((f) => f === 'label' || f === 'aliases' || f === 'acronyms');

/**
 * A search box as an ARIA combobox, answering with the query core's `search` (the same hits as
 * `kg search`: fuzzy, full text, entities and relations): type to list matches, arrows to move,
 * Enter to choose (the first match when none is highlighted), Escape to close. When nothing
 * matches it says so, in a status line screen readers announce.
 */
export function createSearch(input: HTMLInputElement, list: HTMLUListElement, graph: KgGraph, { kinds, choose, limit = 10 }: SearchBoxOptions) {
  let options: SearchHit[] = [];
  let active = -1;
  const optionId = (i: number) => `${list.id}-option-${i}`;
  const empty = h('p', { class: 'search-empty', attrs: { id: `${list.id}-empty`, role: 'status', 'aria-live': 'polite' } });
  empty.hidden = true;
  list.after(empty);

  const find = (text: string) => search(graph, text, CANDIDATES).filter((hit) => kinds.includes(hit.kind)).slice(0, limit);

  const entityOption = (hit: Extract<SearchHit, { kind: 'entity' }>) => [
    h('span', { class: 'swatch', attrs: { 'data-type': hit.type, 'aria-hidden': 'true' } }),
    h('span', { class: 'option-text' }, hit.label, byName(hit) ? null : h('span', { class: 'option-context muted' }, graph.getNodeAttribute(hit.id, 'description'))),
    h('span', { class: 'muted type' }, hit.type),
  ];
  const relationOption = (hit: Extract<SearchHit, { kind: 'relation' }>) => [
    h('span', { class: 'relation-mark', attrs: { 'aria-hidden': 'true' } }, '→'),
    h('span', { class: 'option-text' }, arrowSentence(hit), h('span', { class: 'option-context muted' }, `“${hit.evidence}”`)),
    h('span', { class: 'muted type' }, 'relation'),
  ];

  function render(): void {
    replaceChildren(
      list,
      ...options.map((hit, i) =>
        h(
          'li',
          {
            class: `search-option ${hit.kind}`,
            attrs: { id: optionId(i), role: 'option', 'aria-selected': i === active ? 'true' : 'false', [hit.kind === 'entity' ? 'data-node' : 'data-edge']: hit.id },
            on: { mousedown: (e) => (e.preventDefault(), pick(i)) },
          },
          ...(hit.kind === 'entity' ? entityOption(hit) : relationOption(hit)),
        ),
      ),
    );
    const open = options.length > 0;
    list.hidden = !open;
    input.setAttribute('aria-expanded', String(open));
    if (active >= 0) input.setAttribute('aria-activedescendant', optionId(active));
    else input.removeAttribute('aria-activedescendant');
  }

  function say(text: string): void {
    empty.textContent = text;
    empty.hidden = !text;
  }

  function refresh(): void {
    const text = input.value.trim();
    options = text ? find(text) : [];
    active = -1;
    say(text && options.length === 0 ? `No match for “${text}”` : '');
    render();
  }

  function pick(index: number): void {
    const choice = options[index];
    if (!choice) return;
    input.value = choice.kind === 'entity' ? choice.label : arrowSentence(choice);
    close();
    choose(choice);
  }

  function close(): void {
    options = [];
    active = -1;
    render();
  }

  input.addEventListener('input', refresh);
  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (!options.length) refresh();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      active = options.length ? (active + step + options.length) % options.length : -1;
      render();
      event.preventDefault();
    } else if (event.key === 'Enter') {
      if (!options.length) refresh();
      pick(Math.max(active, 0));
      event.preventDefault();
    } else if (event.key === 'Escape' && (options.length || !empty.hidden)) {
      // Only closes the list: an Escape with nothing open is the page's (it clears the selection).
      close();
      say('');
      event.preventDefault();
      event.stopPropagation();
    }
  });
  input.addEventListener('blur', () => {
    close();
    say('');
  });

  return {
    /** Empties the box. */
    clear(): void {
      input.value = '';
      close();
      say('');
    },
  };
}
