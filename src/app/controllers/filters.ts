import { type KgGraph, ENTITY_TYPES, type EntityType } from '../../model/types.ts';
import { compareText } from '../../query/compare.ts';
import { h, replaceChildren } from '../dom.ts';
import type { State, Store } from '../state.ts';
import { swatch, typeColours } from '../view/swatch.ts';

interface FilterEntry {
  value: string;
  label: string;
  count: number;
  colour?: string;
}

const PLAIN_VALUE = /^[a-z][\w-]*$/i;
const OUR_TYPES: readonly string[] = ENTITY_TYPES;

/**
 * The graph's types in the legend's order: ours in their usual order, then any other (an opened
 * file's own categories) by count.
 */
function typeEntries(graph: KgGraph): FilterEntry[] {
  const counts = new Map<string, number>();
  graph.forEachNode((_, a) => counts.set(String(a.type), (counts.get(String(a.type)) ?? 0) + 1));
  const colours = typeColours(graph);
  const rank = (t: string) => (OUR_TYPES.includes(t) ? OUR_TYPES.indexOf(t) : OUR_TYPES.length);
  return [...counts]
    .sort(([a, m], [b, n]) => rank(a) - rank(b) || n - m || compareText(a, b))
    .map(([value, count]) => ({ value, label: value, count, colour: colours.get(value) }));
}

function relationEntries(graph: KgGraph): FilterEntry[] {
  const relations = new Map<string, FilterEntry>();
  graph.forEachEdge((_, a) => {
    const entry = relations.get(a.relation) ?? { value: a.relation, label: a.label, count: 0 };
    entry.count++;
    relations.set(a.relation, entry);
  });
  return [...relations.values()].sort((a, b) => b.count - a.count || compareText(a.label, b.label));
}

/**
 * One legend box: a checkbox per entry (its colour, its count), "All" and "None" above them,
 * and "only" beside each entry, which shows that one alone (Gephi's filters offer the same).
 * `onHidden` gets the values left unticked.
 */
function filterBox(box: HTMLFieldSetElement, name: string, entries: readonly FilterEntry[], swatches: boolean, onHidden: (hidden: Set<string>) => void) {
  const inputs = () => [...box.querySelectorAll<HTMLInputElement>(`input[name="${name}"]`)];
  const report = () => onHidden(new Set(inputs().filter((i) => !i.checked).map((i) => i.value)));
  const setAll = (checked: (value: string) => boolean) => {
    for (const input of inputs()) input.checked = checked(input.value);
    report();
  };
  const row = (entry: FilterEntry, index: number) => {
    // A plain value names its box (`type-person`); any other goes by its place, never by its text.
    const id = PLAIN_VALUE.test(entry.value) ? `${name}-${entry.value}` : `${name}-${index}`;
    return h(
      'div',
      { class: 'check' },
      h('input', { attrs: { type: 'checkbox', id, name, value: entry.value, checked: true } }),
      h('label', { attrs: { for: id } }, swatches ? swatch(entry.value, entry.colour) : null, entry.label, h('span', { class: 'count' }, String(entry.count))),
      h('button', { class: 'only', attrs: { type: 'button', 'aria-label': `Show only ${entry.label}`, title: `Show only ${entry.label}` }, on: { click: () => setAll((v) => v === entry.value) } }, 'only'),
    );
  };
  const bulk = h(
    'div',
    { class: 'filter-bulk' },
    h('button', { attrs: { type: 'button', 'aria-label': `Show all ${name === 'type' ? 'types' : 'relations'}` }, on: { click: () => setAll(() => true) } }, 'All'),
    h('button', { attrs: { type: 'button', 'aria-label': `Show none of the ${name === 'type' ? 'types' : 'relations'}` }, on: { click: () => setAll(() => false) } }, 'None'),
  );
  replaceChildren(box, box.querySelector('legend'), entries.length > 1 ? bulk : null, ...entries.map(row));
  box.addEventListener('change', report);
  return (hidden: ReadonlySet<string>) => {
    for (const input of inputs()) input.checked = !hidden.has(input.value);
  };
}

/**
 * The legend is the filter: one checkbox per entity type present and one per relation type.
 * Unticking hides those nodes or edges; the store holds what is hidden. Values are set as
 * attributes through the DOM, so no data string becomes markup.
 */
export function createFilters(typeBox: HTMLFieldSetElement, relationBox: HTMLFieldSetElement, graph: KgGraph, store: Store) {
  const syncTypes = filterBox(typeBox, 'type', typeEntries(graph), true, (hidden) => store.update({ hiddenTypes: hidden as Set<EntityType> }));
  const syncRelations = filterBox(relationBox, 'relation', relationEntries(graph), false, (hidden) => store.update({ hiddenRelations: hidden }));

  // Reflect the state back (a link or Back can change it).
  const sync = (state: State) => {
    syncTypes(state.hiddenTypes);
    syncRelations(state.hiddenRelations);
  };
  sync(store.get());
  store.subscribe((state, previous) => {
    if (state.hiddenTypes !== previous.hiddenTypes || state.hiddenRelations !== previous.hiddenRelations) sync(state);
  });
}
