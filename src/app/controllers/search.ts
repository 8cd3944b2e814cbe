import type { KgGraph } from '../../model/types.ts';
import { h, replaceChildren } from '../dom.ts';
import { complete, type Suggestion } from '../../query/index.ts';

/**
 * The search box as an ARIA combobox: type to list matching entities, arrows to move, Enter to
 * choose (the first match when none is highlighted), Escape to close.
 */
export function createSearch(input: HTMLInputElement, list: HTMLUListElement, graph: KgGraph, choose: (node: string) => void) {
  let options: Suggestion[] = [];
  let active = -1;

  function render(): void {
    replaceChildren(
      list,
      ...options.map((s, i) =>
        h(
          'li',
          {
            attrs: { id: `search-option-${i}`, role: 'option', 'aria-selected': i === active ? 'true' : 'false', 'data-node': s.id },
            on: { mousedown: (e) => (e.preventDefault(), pick(i)) },
          },
          h('span', { class: 'swatch', attrs: { 'data-type': s.type, 'aria-hidden': 'true' } }),
          s.label,
          s.matched ? h('span', { class: 'muted' }, ` (${s.matched})`) : null,
          h('span', { class: 'muted type' }, ` ${s.type}`),
        ),
      ),
    );
    const open = options.length > 0;
    list.hidden = !open;
    input.setAttribute('aria-expanded', String(open));
    if (active >= 0) input.setAttribute('aria-activedescendant', `search-option-${active}`);
    else input.removeAttribute('aria-activedescendant');
  }

  function pick(index: number): void {
    const choice = options[index];
    if (!choice) return;
    input.value = choice.label;
    close();
    choose(choice.id);
  }

  function close(): void {
    options = [];
    active = -1;
    render();
  }

  input.addEventListener('input', () => {
    options = complete(graph, input.value);
    active = -1;
    render();
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (!options.length) options = complete(graph, input.value);
      const step = event.key === 'ArrowDown' ? 1 : -1;
      active = options.length ? (active + step + options.length) % options.length : -1;
      render();
      event.preventDefault();
    } else if (event.key === 'Enter') {
      if (!options.length) options = complete(graph, input.value);
      pick(Math.max(active, 0));
      event.preventDefault();
    } else if (event.key === 'Escape') {
      close();
    }
  });
  input.addEventListener('blur', () => close());
}
