import type { KgGraph } from '../../model/types.ts';
import { h, replaceChildren } from '../dom.ts';
import type { Store } from '../state.ts';

const KEY = 'kg-drafts-only';
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * The Drafts box of the filters: how many entities and relations are drafts, and "Only drafts",
 * which leaves just them (and a drafted relation's two ends) on screen. The legend beside it says
 * how a draft looks. The choice is kept for the tab's session: every saved change reloads the view.
 */
export function createDraftFilter(box: HTMLFieldSetElement, graph: KgGraph, store: Store): void {
  const entities = graph.filterNodes((_, a) => a.draft !== undefined).length;
  const relations = graph.filterEdges((_, a) => a.draft !== undefined).length;
  const input = h('input', { attrs: { type: 'checkbox', id: 'drafts-only', disabled: entities + relations === 0 } });
  const apply = (on: boolean) => {
    if (Boolean(store.get().draftsOnly) === on) return;
    store.update({ draftsOnly: on });
  };
  input.addEventListener('change', () => {
    sessionStorage.setItem(KEY, input.checked ? '1' : '');
    apply(input.checked);
  });
  replaceChildren(
    box,
    box.querySelector('legend'),
    h('p', { class: 'draft-counts' }, entities + relations ? `${plural(entities, 'entity', 'entities')} and ${plural(relations, 'relation', 'relations')} drafted, not yet reviewed` : 'No drafts: everything is reviewed.'),
    h('div', { class: 'check' }, input, h('label', { attrs: { for: 'drafts-only' } }, 'Only drafts', h('span', { class: 'count' }, String(entities + relations)))),
    h(
      'ul',
      { class: 'draft-key', attrs: { 'aria-label': 'How drafts look' } },
      h('li', {}, h('span', { class: 'draft-ring', attrs: { 'aria-hidden': 'true' } }), 'Drafted entity: dashed ring'),
      h('li', {}, h('span', { class: 'draft-line', attrs: { 'aria-hidden': 'true' } }), 'Drafted relation: lighter line'),
    ),
  );
  // Nothing drafted: the box would only take room over the graph.
  box.hidden = entities + relations === 0;
  if (sessionStorage.getItem(KEY) && entities + relations) {
    input.checked = true;
    apply(true);
  }
  store.subscribe((state) => (input.checked = Boolean(state.draftsOnly)));
}
