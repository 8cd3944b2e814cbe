import type { KgGraph } from '../../model/types.ts';
import { compareText } from '../../query/compare.ts';
import { foldCase } from '../../text/fold.ts';
import { byId, h, replaceChildren } from '../dom.ts';
import { toggleInSelection, type State, type Store } from '../state.ts';
import { computeVisibility } from '../view/visibility.ts';

/** Every row is this tall (interaction.css holds the same): rows are placed by arithmetic, not measured. */
const ROW_HEIGHT = 30;
/** Rows drawn above and below the visible ones, so a quick scroll does not show blank space. */
const OVERSCAN = 12;

type Cell = string | number;
interface Column {
  key: string;
  title: string;
  numeric?: boolean;
}
interface Row {
  id: string;
  cells: Cell[];
  /** The row's text, case-folded once, for the filter box. */
  text: string;
}
interface Tab {
  name: 'entities' | 'relations';
  columns: readonly Column[];
  rows: (graph: KgGraph, state: State) => Row[];
  selected: (state: State, id: string) => boolean;
}

const text = (cells: Cell[]) => foldCase(cells.join('\u0000'));

const TABS: readonly Tab[] = [
  {
    name: 'entities',
    columns: [{ key: 'label', title: 'Label' }, { key: 'type', title: 'Type' }, { key: 'degree', title: 'Degree', numeric: true }, { key: 'mentions', title: 'Mentions', numeric: true }],
    rows(graph, state) {
      const { nodes } = computeVisibility(graph, { ...state, focusDepth: 0 });
      return [...nodes].map((id) => {
        const a = graph.getNodeAttributes(id);
        const cells = [String(a.label), String(a.type), graph.degree(id), a.mentions?.length ?? 0];
        return { id, cells, text: text(cells) };
      });
    },
    selected: (state, id) => state.selectedNodes.has(id),
  },
  {
    name: 'relations',
    columns: [{ key: 'from', title: 'From' }, { key: 'relation', title: 'Relation' }, { key: 'to', title: 'To' }, { key: 'evidence', title: 'Evidence' }],
    rows(graph, state) {
      const { edges } = computeVisibility(graph, { ...state, focusDepth: 0 });
      return [...edges].map((id) => {
        const a = graph.getEdgeAttributes(id);
        const cells = [String(graph.getNodeAttribute(graph.source(id), 'label')), String(a.label), String(graph.getNodeAttribute(graph.target(id), 'label')), a.evidence?.text ?? ''];
        return { id, cells, text: text(cells) };
      });
    },
    selected: (state, id) => state.selection?.kind === 'edge' && state.selection.id === id,
  },
];

export interface DataTableElements {
  /** The drawer (marked data-overlay, so the camera frames the graph above it). */
  drawer: HTMLElement;
  toggle: HTMLButtonElement;
  close: HTMLButtonElement;
  tabs: Record<Tab['name'], HTMLButtonElement>;
  filter: HTMLInputElement;
  count: HTMLElement;
  scroller: HTMLElement;
  table: HTMLTableElement;
  /** The graph's container: the drawer sits on its bottom edge, above the timeline. */
  graphContainer: HTMLElement;
}

/** The drawer's elements in index.html. */
export const dataTableElements = (): DataTableElements => ({
  drawer: byId('data-table'),
  toggle: byId<HTMLButtonElement>('table-toggle'),
  close: byId<HTMLButtonElement>('table-close'),
  tabs: { entities: byId<HTMLButtonElement>('table-tab-entities'), relations: byId<HTMLButtonElement>('table-tab-relations') },
  filter: byId<HTMLInputElement>('table-filter'),
  count: byId('table-count'),
  scroller: byId('table-scroll'),
  table: byId<HTMLTableElement>('table-grid'),
  graphContainer: byId('graph'),
});

export interface TableChoice {
  node(id: string): void;
  edge(id: string): void;
}

/**
 * The data table, as Gephi Lite's: the shown entities (label, type, degree, mentions) or the
 * shown relations (from, relation, to, evidence), following the legend's type, relation and
 * article filters. Headers sort (aria-sort), the box filters, a row selects its entity or
 * relation (Shift adds an entity to the selection), selected rows are marked. Only the rows in
 * view (and a few more) are in the DOM, so a 10k-node graph scrolls as a 50-node one does.
 */
export function createDataTable(el: DataTableElements, graph: KgGraph, store: Store, choose: TableChoice) {
  let tab: Tab = TABS[0]!;
  let sort: { column: number; descending: boolean } | null = null;
  let all: Row[] = [];
  let shown: Row[] = [];
  const thead = el.table.createTHead();
  const tbody = el.table.tBodies[0] ?? el.table.createTBody();
  const caption = el.table.caption ?? el.table.createCaption();
  caption.classList.add('visually-hidden');

  const open = () => !el.drawer.hidden;

  function header(): void {
    const cells = tab.columns.map((column, i) => {
      const th = h('th', { attrs: { scope: 'col', 'data-column': column.key, class: column.numeric ? 'numeric' : undefined } }, h('button', { class: 'sort', attrs: { type: 'button' }, on: { click: () => sortBy(i) } }, column.title));
      if (sort?.column === i) th.setAttribute('aria-sort', sort.descending ? 'descending' : 'ascending');
      return th;
    });
    replaceChildren(thead, h('tr', {}, ...cells));
  }

  function sortBy(column: number): void {
    sort = sort?.column === column ? { column, descending: !sort.descending } : { column, descending: false };
    header();
    arrange();
  }

  /** Filters and sorts the rows; draws from the top. */
  function arrange(): void {
    const wanted = foldCase(el.filter.value.trim());
    shown = wanted ? all.filter((r) => r.text.includes(wanted)) : [...all];
    if (sort) {
      const { column, descending } = sort;
      const numeric = tab.columns[column]!.numeric;
      shown.sort((a, b) => {
        const x = a.cells[column]!;
        const y = b.cells[column]!;
        const order = numeric ? Number(x) - Number(y) : compareText(foldCase(String(x)), foldCase(String(y)));
        return (descending ? -order : order) || compareText(a.id, b.id);
      });
    }
    el.table.setAttribute('aria-rowcount', String(shown.length + 1));
    const noun = tab.name === 'entities' ? 'entities' : 'relations';
    el.count.textContent = shown.length === all.length ? `${all.length} ${noun}` : `${shown.length} of ${all.length} ${noun}`;
    caption.textContent = `${tab.name === 'entities' ? 'Entities' : 'Relations'} shown in the graph${sort ? `, sorted by ${tab.columns[sort.column]!.title} ${sort.descending ? 'descending' : 'ascending'}` : ''}`;
    draw();
  }

  const spacer = (height: number) => {
    const row = h('tr', { class: 'spacer', attrs: { 'aria-hidden': 'true' } }, h('td', { attrs: { colspan: tab.columns.length } }));
    row.style.setProperty('height', `${height}px`);
    return row;
  };

  /** Draws the rows in view: a spacer above and below stands for the rest. */
  function draw(): void {
    if (!open()) return;
    const state = store.get();
    const top = Math.max(0, el.scroller.scrollTop - thead.offsetHeight);
    const first = Math.max(0, Math.floor(top / ROW_HEIGHT) - OVERSCAN);
    const last = Math.min(shown.length, Math.ceil((top + el.scroller.clientHeight) / ROW_HEIGHT) + OVERSCAN);
    const rows = shown.slice(first, last).map((row, i) => {
      const selected = tab.selected(state, row.id);
      const cells = row.cells.map((cell, c) =>
        c === 0
          ? h('td', {}, h('button', { class: 'link', attrs: { type: 'button', 'aria-pressed': String(selected) } }, String(cell)))
          : h('td', { class: tab.columns[c]!.numeric ? 'numeric' : undefined, attrs: { title: typeof cell === 'string' && cell.length > 40 ? cell : undefined } }, String(cell)),
      );
      return h('tr', { class: selected ? 'selected' : undefined, attrs: { 'data-id': row.id, 'aria-rowindex': first + i + 2 } }, ...cells);
    });
    const focused = tbody.contains(document.activeElement) ? (document.activeElement?.closest('tr') as HTMLElement | null)?.dataset.id : undefined;
    replaceChildren(tbody, first > 0 ? spacer(first * ROW_HEIGHT) : null, ...rows, last < shown.length ? spacer((shown.length - last) * ROW_HEIGHT) : null);
    // A row redrawn under the keyboard keeps the focus.
    if (focused !== undefined) tbody.querySelector<HTMLButtonElement>(`tr[data-id="${CSS.escape(focused)}"] button`)?.focus();
  }

  function reload(): void {
    if (!open()) return;
    all = tab.rows(graph, store.get());
    arrange();
  }

  function showTab(next: Tab): void {
    tab = next;
    sort = null;
    for (const t of TABS) {
      const button = el.tabs[t.name];
      button.setAttribute('aria-selected', String(t === tab));
      button.tabIndex = t === tab ? 0 : -1;
    }
    el.scroller.setAttribute('aria-labelledby', el.tabs[tab.name].id);
    el.table.dataset.tab = tab.name;
    el.scroller.scrollTop = 0;
    header();
    reload();
  }

  function setOpen(value: boolean): void {
    el.drawer.hidden = !value;
    el.toggle.setAttribute('aria-pressed', String(value));
    if (value) {
      place();
      showTab(tab);
    }
  }

  /** The drawer covers the bottom of the graph, not the timeline under it. */
  function place(): void {
    const pane = el.drawer.offsetParent as HTMLElement | null;
    if (!pane) return;
    const below = pane.clientHeight - (el.graphContainer.offsetTop + el.graphContainer.offsetHeight);
    el.drawer.style.setProperty('bottom', `${Math.max(0, below)}px`);
  }

  el.toggle.addEventListener('click', () => setOpen(!open()));
  el.close.addEventListener('click', () => {
    setOpen(false);
    el.toggle.focus();
  });
  for (const t of TABS) el.tabs[t.name].addEventListener('click', () => showTab(t));
  el.tabs.entities.parentElement?.addEventListener('keydown', (event) => {
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
    const next = TABS.find((t) => t !== tab)!;
    showTab(next);
    el.tabs[next.name].focus();
    event.preventDefault();
  });
  el.filter.addEventListener('input', () => {
    el.scroller.scrollTop = 0;
    arrange();
  });
  el.filter.addEventListener('keydown', (event) => {
    // Escape empties the filter first; only an empty one lets Escape clear the selection.
    if (event.key === 'Escape' && el.filter.value) {
      el.filter.value = '';
      arrange();
      event.preventDefault();
      event.stopPropagation();
    }
  });
  let frame = 0;
  el.scroller.addEventListener('scroll', () => {
    if (!frame) frame = requestAnimationFrame(() => ((frame = 0), draw()));
  });
  tbody.addEventListener('click', (event) => {
    const row = (event.target as Element).closest<HTMLElement>('tr[data-id]');
    const id = row?.dataset.id;
    if (id === undefined) return;
    if (tab.name === 'relations') choose.edge(id);
    else if (event.shiftKey) store.update(toggleInSelection(store.get(), id));
    else choose.node(id);
  });
  const resize = new ResizeObserver(() => open() && (place(), draw()));
  resize.observe(el.graphContainer);

  store.subscribe((state, previous) => {
    if (!open()) return;
    if (state.hiddenTypes !== previous.hiddenTypes || state.hiddenRelations !== previous.hiddenRelations || state.hiddenArticles !== previous.hiddenArticles || state.draftsOnly !== previous.draftsOnly) reload();
    else if (state.selection !== previous.selection) draw();
  });

  return {
    setOpen,
    isOpen: open,
    kill: () => resize.disconnect(),
  };
}
