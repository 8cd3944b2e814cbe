import type { KgGraph } from '../../model/types.ts';
import { compareText } from '../../query/compare.ts';
import { h, replaceChildren } from '../dom.ts';
import type { Store } from '../state.ts';

/**
 * The dated events in order. Choosing one selects it, which lights up what belongs to it (its
 * neighbours) in the graph and its mentions in the article.
 */
export function createTimeline(strip: HTMLElement, graph: KgGraph, store: Store, choose: (node: string) => void) {
  const events = graph
    .filterNodes((_, a) => a.type === 'event' && typeof a.attributes.date === 'string')
    .map((id) => ({ id, label: graph.getNodeAttribute(id, 'label'), date: String(graph.getNodeAttribute(id, 'attributes').date) }))
    .sort((a, b) => compareText(a.date, b.date) || compareText(a.label, b.label));
  if (events.length === 0) {
    strip.hidden = true;
    return;
  }
  const buttons = events.map((e) =>
    h('button', { class: 'event', attrs: { type: 'button', 'data-node': e.id, 'aria-pressed': 'false' }, on: { click: () => choose(e.id) } }, h('time', { attrs: { datetime: e.date } }, e.date), h('span', {}, e.label)),
  );
  replaceChildren(strip, h('h2', { class: 'visually-hidden' }, 'Timeline'), h('ol', {}, ...buttons.map((b) => h('li', {}, b))));
  store.subscribe((state, previous) => {
    if (state.selection === previous.selection) return;
    for (const b of buttons) b.setAttribute('aria-pressed', String(state.selection?.kind === 'node' && state.selection.id === b.dataset.node));
  });
}
