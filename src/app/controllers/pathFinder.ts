import type { KgGraph } from '../../model/types.ts';
import { EntityNotFoundError } from '../../model/errors.ts';
import { alongArrow, path, resolve, type PathResult } from '../../query/index.ts';
import { h, replaceChildren } from '../dom.ts';
import type { PathHighlight, Store } from '../state.ts';
import { arrowLine } from '../view/entityLinks.ts';
import type { GraphView } from './graphView.ts';
import { createSearch } from './search.ts';
import type { SelectionControl } from './selection.ts';

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

/** One end of the path: a search box offering entities only, remembering the one chosen. */
function createPicker(graph: KgGraph, id: string, label: string) {
  let chosen: string | undefined;
  const input = h('input', {
    attrs: { id, type: 'search', placeholder: 'Entity…', autocomplete: 'off', spellcheck: 'false', role: 'combobox', 'aria-autocomplete': 'list', 'aria-expanded': 'false', 'aria-controls': `${id}-options` },
  });
  const list = h('ul', { attrs: { id: `${id}-options`, role: 'listbox', 'aria-label': `Entities for “${label}”` } });
  list.hidden = true;
  const element = h('div', { class: 'search picker' }, h('label', { attrs: { for: id } }, label), input, list);
  createSearch(input, list, graph, { kinds: ['entity'], limit: 8, choose: (hit) => (chosen = hit.id) });
  input.addEventListener('input', () => (chosen = undefined));
  return {
    element,
    input,
    /** The entity chosen, else the one the typed text names (id, label or alias: the core's `resolve`). */
    entity: (): string => chosen ?? resolve(graph, input.value),
    set(node: string): void {
      chosen = node;
      input.value = graph.getNodeAttribute(node, 'label');
    },
  };
}

/**
 * "How is Scholz connected to Putin?": two entity pickers and a Find button, answered by the
 * query core's `path` (as `kg path` is). The chain is highlighted in the graph and framed, and
 * listed step by step, each relation written the way its arrow reads, with its evidence: choosing
 * the evidence selects the relation, which marks that sentence in the article.
 */
export function createPathFinder(before: HTMLElement, graph: KgGraph, store: Store, view: Pick<GraphView, 'frame'>, selection: SelectionControl) {
  const from = createPicker(graph, 'path-from', 'From');
  const to = createPicker(graph, 'path-to', 'To');
  const directed = h('input', { attrs: { type: 'checkbox', id: 'path-directed' } });
  const result = h('div', { class: 'path-result', attrs: { 'aria-live': 'polite' } });
  const find = h('button', { attrs: { type: 'button', id: 'path-find' } }, 'Find');
  const clear = h('button', { attrs: { type: 'button', id: 'path-clear' } }, 'Clear');
  const panel = h(
    'details',
    { class: 'path-finder', attrs: { id: 'path-finder' } },
    h('summary', {}, 'Find a path'),
    h(
      'div',
      { class: 'path-form', attrs: { role: 'group', 'aria-label': 'Find a path between two entities' } },
      from.element,
      to.element,
      h('div', { class: 'path-actions' }, h('label', { class: 'check' }, directed, 'Follow arrows only'), find, clear),
    ),
    result,
  );
  before.before(panel);

  let shown: PathHighlight | null = null;

  function renderPath(found: PathResult): void {
    const { steps } = found;
    if (!steps) {
      shown = null;
      replaceChildren(result, h('p', { class: 'path-none' }, `No chain of relations joins ${found.from.label} and ${found.to.label}${directed.checked ? ' along the arrows' : ''}.`));
      return;
    }
    const edges = steps.flatMap((s) => s.relations.map((r) => r.id));
    shown = { nodes: [found.from.id, ...steps.map((s) => s.to.id)], edges };
    const items = steps.map((step, i) =>
      h(
        'li',
        { class: 'path-step' },
        h('span', { class: 'visually-hidden' }, `Step ${i + 1}: `),
        ...step.relations.map((r) =>
          h(
            'div',
            { class: 'path-relation', attrs: { 'data-edge': r.id } },
            h('p', { class: 'sentence' }, ...arrowLine(alongArrow(r, step.from), selection.node)),
            h('button', { class: 'quote', attrs: { type: 'button', 'data-edge': r.id, title: 'Show this relation and its sentence in the article' }, on: { click: () => store.update({ selection: { kind: 'edge', id: r.id }, path: shown }) } }, `“${r.evidence.text}”`),
          ),
        ),
      ),
    );
    replaceChildren(
      result,
      h('p', { class: 'path-summary' }, steps.length ? `${found.from.label} to ${found.to.label}: ${plural(steps.length, 'step')}` : `${found.from.label} is where the path starts and ends.`),
      h('ol', { class: 'path-steps' }, ...items),
    );
  }

  function run(): void {
    let found: PathResult;
    try {
      found = path(graph, from.entity(), to.entity(), { directed: directed.checked });
    } catch (error) {
      if (!(error instanceof EntityNotFoundError)) throw error;
      shown = null;
      replaceChildren(result, h('p', { class: 'path-none' }, error.message));
      store.update({ path: null });
      return;
    }
    renderPath(found);
    store.update({ path: shown });
    if (shown && shown.nodes.length > 1) void view.frame.fitNodes(shown.nodes, { animate: true });
  }

  find.addEventListener('click', run);
  clear.addEventListener('click', () => {
    shown = null;
    replaceChildren(result);
    store.update({ path: null });
  });
  // Opened with an entity selected: the path starts there.
  panel.addEventListener('toggle', () => {
    const selected = store.get().selection;
    if (panel.open && !from.input.value && selected?.kind === 'node') from.set(selected.id);
  });
  store.subscribe((state, previous) => {
    if (state.path === previous.path) return;
    // Ended elsewhere (Escape, a selection off the path): the list stays, marked as no longer drawn.
    result.classList.toggle('stale', state.path === null && result.childElementCount > 0);
  });

  return {
    /** Finds the path between two entities, as the Find button does. */
    find(a: string, b: string): void {
      from.set(resolve(graph, a));
      to.set(resolve(graph, b));
      panel.open = true;
      run();
    },
  };
}
