import { type KgGraph, ENTITY_TYPES, type EntityType } from '../../model/types.ts';
import { compareText } from '../../query/compare.ts';
import { h, replaceChildren } from '../dom.ts';
import type { State, Store } from '../state.ts';

/**
 * The legend is the filter: one checkbox per entity type (its colour, its count) and one per
 * relation type. Unticking hides those nodes or edges; the store holds what is hidden.
 */
export function createFilters(typeBox: HTMLFieldSetElement, relationBox: HTMLFieldSetElement, graph: KgGraph, store: Store) {
  const typeCounts = new Map<EntityType, number>();
  graph.forEachNode((_, a) => typeCounts.set(a.type, (typeCounts.get(a.type) ?? 0) + 1));
  const relations = new Map<string, { label: string; count: number }>();
  graph.forEachEdge((_, a) => {
    const entry = relations.get(a.relation) ?? { label: a.label, count: 0 };
    entry.count++;
    relations.set(a.relation, entry);
  });

  const checkbox = (name: string, value: string, label: string, count: number, type?: EntityType) => {
    const id = `${name}-${value}`;
    return h(
      'div',
      { class: 'check' },
      h('input', { attrs: { type: 'checkbox', id, name, value, checked: true } }),
      h('label', { attrs: { for: id } }, type ? h('span', { class: 'swatch', attrs: { 'data-type': type, 'aria-hidden': 'true' } }) : null, label, h('span', { class: 'count' }, String(count))),
    );
  };

  const legend = typeBox.querySelector('legend');
  replaceChildren(typeBox, legend, ...ENTITY_TYPES.filter((t) => typeCounts.has(t)).map((t) => checkbox('type', t, t, typeCounts.get(t)!, t)));
  const relationLegend = relationBox.querySelector('legend');
  const sorted = [...relations].sort((a, b) => b[1].count - a[1].count || compareText(a[1].label, b[1].label));
  replaceChildren(relationBox, relationLegend, ...sorted.map(([id, r]) => checkbox('relation', id, r.label, r.count)));

  typeBox.addEventListener('change', () => {
    const hidden = new Set([...typeBox.querySelectorAll<HTMLInputElement>('input:not(:checked)')].map((i) => i.value as EntityType));
    store.update({ hiddenTypes: hidden });
  });
  relationBox.addEventListener('change', () => {
    const hidden = new Set([...relationBox.querySelectorAll<HTMLInputElement>('input:not(:checked)')].map((i) => i.value));
    store.update({ hiddenRelations: hidden });
  });

  // Reflect the state back (a link or Back can change it).
  const sync = (state: State) => {
    for (const input of typeBox.querySelectorAll<HTMLInputElement>('input')) input.checked = !state.hiddenTypes.has(input.value as EntityType);
    for (const input of relationBox.querySelectorAll<HTMLInputElement>('input')) input.checked = !state.hiddenRelations.has(input.value);
  };
  sync(store.get());
  store.subscribe((state, previous) => {
    if (state.hiddenTypes !== previous.hiddenTypes || state.hiddenRelations !== previous.hiddenRelations) sync(state);
  });
}
