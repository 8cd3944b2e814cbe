import type { LoadedArticle } from '../../corpus/built.ts';
import type { DraftMarker, Scalar } from '../../model/types.ts';
import { foldCase } from '../../text/fold.ts';
import { show, summary, valueEntities, valueLabeller, type RelationView } from '../../query/index.ts';
import { h, replaceChildren } from '../dom.ts';
import type { Selection, State, Store } from '../state.ts';
import { arrowLine, entityLink } from '../view/entityLinks.ts';
import { selectNeighbours } from '../view/visibility.ts';
import { appearsIn, type ArticleInfo } from './appearsIn.ts';

/** Above this many relations an entity's groups start folded: the counts are the summary, the filter finds the rest. */
const FOLD_ABOVE = 8;
/** From this many relations on, the panel offers a filter box. */
const FILTER_FROM = 5;
/** A lasso may catch thousands: the list names this many, the counts by type cover the rest. */
const LIST_AT_MOST = 200;

const typeChip = (type: string) => h('span', { class: 'chip' }, h('span', { class: 'swatch', attrs: { 'data-type': type, 'aria-hidden': 'true' } }), type);
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
/** What `kg add` said of a draft nobody has reviewed yet: how sure it was, and the rule that made it. */
const draftNote = (draft: DraftMarker | undefined) =>
  draft ? h('p', { class: 'draft-note' }, h('span', { class: 'draft-badge' }, 'Draft'), ` confidence ${draft.confidence.toFixed(2)} · rule ${draft.rule}`) : null;

interface Group {
  direction: 'out' | 'in';
  label: string;
  relations: RelationView[];
}

/**
 * The details panel: for a node, what the query core's `show` returns (the same answer as
 * `kg show`); for an edge, its relation, ends, qualifiers and evidence. Every entity it names (an
 * end, a neighbour, a qualifier or attribute naming one) is a link that selects it. A busy entity
 * is summarised first: how many relations of each kind, in groups that fold, with a filter. In
 * the corpus view (`corpus` given), an entity also lists the articles it appears in, and a
 * relation names the article that states it.
 */
export function createDetails(panel: HTMLElement, status: HTMLElement, article: LoadedArticle, store: Store, corpus?: { articles: readonly ArticleInfo[]; showArticle: (slug: string) => void }) {
  const { graph } = article;
  // An opened file has no text: no mentions or evidence offsets to speak of, and its attribute
  // names are its own (ours are snake_case, shown with spaces).
  const grounded = Boolean(article.text) || corpus !== undefined;
  const nameOf = (name: string) => (grounded ? name.replaceAll('_', ' ') : name);
  const values = valueLabeller(graph, article.vocabulary);
  const entities = valueEntities(graph, article.vocabulary);
  const select = (selection: Selection | null) => store.update({ selection });
  const selectNode = (id: string) => select({ kind: 'node', id });
  const link = (id: string) => entityLink({ id, label: graph.getNodeAttribute(id, 'label') }, selectNode);
  const neighboursButton = () =>
    h('button', { class: 'select-neighbours', attrs: { type: 'button', title: 'Add the neighbours to the selection (N)', 'aria-keyshortcuts': 'N' }, on: { click: () => store.update(selectNeighbours(graph, store.get())) } }, 'Select neighbours');
  const closeButton = () =>
    h('button', { class: 'close-details', attrs: { type: 'button', 'aria-label': 'Close details', title: 'Close details (Esc)' }, on: { click: () => select(null) } }, '×');
  const evidenceButton = (edge: string, text: string) =>
    h('button', { class: 'quote', attrs: { type: 'button', 'data-edge': edge, title: 'Show this relation' }, on: { click: () => select({ kind: 'edge', id: edge }) } }, `“${text}”`);
  /** Typed values, the ones naming an entity as links to it. */
  const valueList = (q: Record<string, Scalar>, entityOf: (name: string, value: Scalar) => string | undefined, text: (name: string, value: Scalar) => string) => {
    const entries = Object.entries(q);
    if (!entries.length) return null;
    return h(
      'dl',
      { class: 'qualifiers' },
      ...entries.flatMap(([k, v]) => {
        const entity = entityOf(k, v);
        return [h('dt', {}, nameOf(k)), h('dd', {}, entity === undefined ? text(k, v) : link(entity))];
      }),
    );
  };
  const qualifierList = (relation: string, q: Record<string, Scalar>) =>
    valueList(q, (k, v) => entities.qualifier(relation, k, v), (k, v) => values.qualifier(relation, k, v));

  function renderEmpty(): void {
    const meta = graph.getAttributes();
    replaceChildren(
      panel,
      h('h2', {}, 'Explore'),
      h('p', {}, `${graph.order} entities and ${graph.size} relations from ${corpus ? meta.title : `“${meta.title}”`}. Hover a node to see its neighbours, click it (or a name in the article) for details, or search above.`),
    );
  }

  /**
   * One kind of relation, as it reads from the entity shown: its label, then an arrow pointing
   * the way the relation's own arrow does, then the entities at the other end. "awaited by ←
   * Keir Starmer" reads from Scholz's side and the arrow says Starmer's is the arrow's tail.
   */
  function groupSection(group: Group, folded: boolean) {
    const section = h(
      'details',
      { class: 'relation-group', attrs: { 'data-direction': group.direction, open: !folded } },
      h(
        'summary',
        {},
        h('h3', {}, h('span', { class: 'relation-label' }, group.label), ' ', h('span', { class: 'arrow', attrs: { title: group.direction === 'out' ? 'from here to each entity below' : 'from each entity below to here' } }, group.direction === 'out' ? '→' : '←'), ' ', h('span', { class: 'count' }, String(group.relations.length))),
      ),
      h(
        'ul',
        {},
        ...group.relations.map((r) => h('li', { attrs: { 'data-edge': r.id } }, link(r.other.id), qualifierList(r.relation, r.qualifiers), evidenceButton(r.id, r.evidence.text))),
      ),
    );
    return section;
  }

  /** The relations of a busy entity: a count line, a filter, the groups (folded when many). */
  function relationsSection(groups: Group[]) {
    const total = groups.reduce((n, g) => n + g.relations.length, 0);
    if (total === 0) return null;
    const folded = total > FOLD_ABOVE;
    const sections = groups.map((g) => groupSection(g, folded));
    const heading = h('h3', { class: 'relations-heading' }, `${plural(total, 'relation')} of ${plural(groups.length, 'kind')}`);
    if (total < FILTER_FROM) return h('section', { class: 'relations' }, heading, ...sections);

    const filterStatus = h('p', { class: 'filter-status muted', attrs: { role: 'status' } });
    const filter = h('input', {
      class: 'relation-filter',
      attrs: { type: 'search', placeholder: 'Filter relations…', 'aria-label': 'Filter relations', autocomplete: 'off', spellcheck: 'false' },
    });
    const toggle = h('button', { class: 'fold-all', attrs: { type: 'button' } }, folded ? 'Expand all' : 'Collapse all');
    toggle.addEventListener('click', () => {
      const open = sections.some((s) => !s.open);
      for (const s of sections) s.open = open;
      toggle.textContent = open ? 'Collapse all' : 'Expand all';
    });
    const applyFilter = () => {
      const wanted = foldCase(filter.value.trim());
      let shown = 0;
      for (const section of sections) {
        let inGroup = 0;
        const groupMatches = wanted !== '' && foldCase(section.querySelector('summary')!.textContent ?? '').includes(wanted);
        for (const item of section.querySelectorAll('li')) {
          const match = !wanted || groupMatches || foldCase(item.textContent ?? '').includes(wanted);
          item.hidden = !match;
          if (match) inGroup++;
        }
        section.hidden = inGroup === 0;
        if (wanted) section.open = inGroup > 0;
        shown += inGroup;
      }
      filterStatus.textContent = wanted ? (shown ? `${shown} of ${total} relations match` : `No relation matches “${filter.value.trim()}”`) : '';
    };
    filter.addEventListener('input', applyFilter);
    filter.addEventListener('keydown', (event) => {
      // Escape empties the filter first; only an empty one lets Escape clear the selection.
      if (event.key === 'Escape' && filter.value) {
        filter.value = '';
        applyFilter();
        event.preventDefault();
        event.stopPropagation();
      }
    });
    return h('section', { class: 'relations' }, h('div', { class: 'relations-tools' }, heading, toggle), filter, filterStatus, ...sections);
  }

  /**
   * A description held to a few lines so the relations come into view; "More" shows the rest.
   * Whether it overflows is known once it is laid out.
   */
  function description(text: string) {
    const paragraph = h('p', { class: 'description clamped', attrs: { id: 'details-description' } }, text);
    const more = h('button', { class: 'link more', attrs: { type: 'button', 'aria-controls': 'details-description', 'aria-expanded': 'false' } }, 'More');
    more.hidden = true;
    more.addEventListener('click', () => {
      const open = paragraph.classList.toggle('clamped') === false;
      more.textContent = open ? 'Less' : 'More';
      more.setAttribute('aria-expanded', String(open));
    });
    requestAnimationFrame(() => (more.hidden = paragraph.scrollHeight <= paragraph.clientHeight + 1));
    return [paragraph, more];
  }

  function renderNode(id: string): void {
    const d = show(graph, id);
    const groups: Group[] = [
      ...Object.entries(d.out).map(([label, relations]) => ({ direction: 'out' as const, label, relations })),
      ...Object.entries(d.in).map(([label, relations]) => ({ direction: 'in' as const, label, relations })),
    ];
    replaceChildren(
      panel,
      closeButton(),
      h('h2', {}, d.label),
      typeChip(d.type),
      draftNote(graph.getNodeAttribute(id, 'draft')),
      neighboursButton(),
      ...(d.description ? description(d.description) : []),
      d.aliases.length ? h('p', { class: 'aliases' }, h('strong', {}, 'Also: '), d.aliases.join(', ')) : null,
      valueList(d.attributes, entities.attribute, values.attribute),
      grounded ? h('p', { class: 'muted' }, `Mentioned ${plural(d.mentions.length, 'time')} in ${corpus ? 'the articles' : 'the article'}.`) : null,
      corpus ? appearsIn(graph, id, corpus.articles, corpus.showArticle) : null,
      relationsSection(groups),
    );
  }

  /** Several selected nodes: how many, of which types, each by name (choosing one selects it alone). */
  function renderMany(nodes: readonly string[]): void {
    const byType = new Map<string, number>();
    for (const id of nodes) {
      const type = String(graph.getNodeAttribute(id, 'type'));
      byType.set(type, (byType.get(type) ?? 0) + 1);
    }
    const listed = nodes.slice(0, LIST_AT_MOST);
    replaceChildren(
      panel,
      closeButton(),
      h('h2', {}, `${nodes.length} entities selected`),
      h('ul', { class: 'type-counts', attrs: { 'aria-label': 'Selected entities by type' } }, ...[...byType].sort(([, m], [, n]) => n - m).map(([type, n]) => h('li', {}, typeChip(type), ' ', h('span', { class: 'count' }, String(n))))),
      h('p', { class: 'selection-actions' }, neighboursButton(), h('span', { class: 'muted' }, ' Shift-click a node to add or remove it.')),
      h('ul', { class: 'selected-list' }, ...listed.map((id) => h('li', {}, link(id), ' ', h('span', { class: 'muted' }, String(graph.getNodeAttribute(id, 'type')))))),
      nodes.length > listed.length ? h('p', { class: 'muted' }, `and ${nodes.length - listed.length} more`) : null,
    );
  }

  function renderEdge(id: string): void {
    const a = graph.getEdgeAttributes(id);
    const source = summary(graph, graph.source(id));
    const target = summary(graph, graph.target(id));
    replaceChildren(
      panel,
      closeButton(),
      h('h2', {}, a.label),
      h('p', { class: 'edge-ends' }, ...arrowLine({ source, label: a.label, target }, selectNode)),
      draftNote(a.draft),
      qualifierList(a.relation, a.qualifiers),
      a.evidence.text ? h('blockquote', { class: 'evidence' }, a.evidence.text) : null,
      h('p', { class: 'muted' }, `Relation type ${a.relation} (from ${target.label}'s side: “${a.inverse}”)${grounded ? `, characters ${a.evidence.start}–${a.evidence.end} of ${stating(a.article)}` : ''}.`),
    );
  }

  const stating = (slug: string | undefined) => {
    const title = slug === undefined ? undefined : corpus?.articles.find((a) => a.slug === slug)?.title;
    return title === undefined ? 'the article' : `“${title}”`;
  };

  function render({ selection, selectedNodes }: State): void {
    // A link inside the panel is about to be replaced: keep keyboard focus in the panel.
    const focusWasInside = panel.contains(document.activeElement);
    const many = [...selectedNodes].filter((n) => graph.hasNode(n));
    if (many.length > 1) renderMany(many);
    else if (selection?.kind === 'node' && graph.hasNode(selection.id)) renderNode(selection.id);
    else if (selection?.kind === 'edge' && graph.hasEdge(selection.id)) renderEdge(selection.id);
    else renderEmpty();
    panel.scrollTop = 0;
    const heading = panel.querySelector('h2');
    // A short announcement for screen readers, instead of reading the whole panel out.
    status.textContent = selection ? `Selected: ${heading?.textContent ?? ''}` : 'Nothing selected';
    if (focusWasInside && heading) {
      heading.tabIndex = -1;
      heading.focus();
    }
  }

  render(store.get());
  store.subscribe((state, previous) => {
    if (state.selection !== previous.selection) render(state);
  });
}
