import type { LoadedArticle } from '../../corpus/built.ts';
import type { Scalar } from '../../model/types.ts';
import { show, valueLabeller, type RelationView } from '../../query/index.ts';
import { h, replaceChildren } from '../dom.ts';
import type { Selection, Store } from '../state.ts';
import { appearsIn, type ArticleInfo } from './appearsIn.ts';

const typeChip = (type: string) => h('span', { class: 'chip' }, h('span', { class: 'swatch', attrs: { 'data-type': type, 'aria-hidden': 'true' } }), type);

/**
 * The details panel: for a node, what the query core's `show` returns (the same answer as
 * `kg show`); for an edge, its relation, ends, qualifiers and evidence. Everything is clickable
 * through to the next entity or relation. In the corpus view (`corpus` given), an entity also
 * lists the articles it appears in, and a relation names the article that states it.
 */
export function createDetails(panel: HTMLElement, status: HTMLElement, article: LoadedArticle, store: Store, corpus?: { articles: readonly ArticleInfo[]; showArticle: (slug: string) => void }) {
  const { graph } = article;
  const values = valueLabeller(graph, article.vocabulary);
  const select = (selection: Selection) => store.update({ selection });
  const entityButton = (id: string, label: string) =>
    h('button', { class: 'link', attrs: { type: 'button', 'data-node': id }, on: { click: () => select({ kind: 'node', id }) } }, label);
  const evidenceButton = (edge: string, text: string) =>
    h('button', { class: 'quote', attrs: { type: 'button', 'data-edge': edge, title: 'Show this relation' }, on: { click: () => select({ kind: 'edge', id: edge }) } }, `“${text}”`);
  const valueList = (q: Record<string, Scalar>, text: (name: string, value: Scalar) => string) => {
    const entries = Object.entries(q);
    return entries.length ? h('dl', { class: 'qualifiers' }, ...entries.flatMap(([k, v]) => [h('dt', {}, k.replaceAll('_', ' ')), h('dd', {}, text(k, v))])) : null;
  };
  const qualifierList = (relation: string, q: Record<string, Scalar>) => valueList(q, (k, v) => values.qualifier(relation, k, v));

  function renderEmpty(): void {
    const meta = graph.getAttributes();
    replaceChildren(
      panel,
      h('h2', {}, 'Explore'),
      h('p', {}, `${graph.order} entities and ${graph.size} relations from ${corpus ? meta.title : `“${meta.title}”`}. Hover a node to see its neighbours, click it (or a name in the article) for details, or search above.`),
    );
  }

  function renderNode(id: string): void {
    const d = show(graph, id);
    const groups = (views: Record<string, RelationView[]>, arrow: string) =>
      Object.entries(views).map(([label, list]) =>
        h(
          'section',
          { class: 'relation-group' },
          h('h3', {}, `${arrow} ${label} `, h('span', { class: 'count' }, String(list.length))),
          h('ul', {}, ...list.map((r) => h('li', {}, entityButton(r.other.id, r.other.label), qualifierList(r.relation, r.qualifiers), evidenceButton(r.id, r.evidence.text)))),
        ),
      );
    replaceChildren(
      panel,
      h('h2', {}, d.label),
      typeChip(d.type),
      d.description ? h('p', { class: 'description' }, d.description) : null,
      d.aliases.length ? h('p', { class: 'aliases' }, h('strong', {}, 'Also: '), d.aliases.join(', ')) : null,
      valueList(d.attributes, values.attribute),
      h('p', { class: 'muted' }, `Mentioned ${d.mentions.length} time${d.mentions.length === 1 ? '' : 's'} in ${corpus ? 'the articles' : 'the article'}.`),
      corpus ? appearsIn(graph, id, corpus.articles, corpus.showArticle) : null,
      ...groups(d.out, '→'),
      ...groups(d.in, '←'),
    );
  }

  function renderEdge(id: string): void {
    const a = graph.getEdgeAttributes(id);
    const source = graph.source(id);
    const target = graph.target(id);
    replaceChildren(
      panel,
      h('h2', {}, a.label),
      h('p', { class: 'edge-ends' }, entityButton(source, graph.getNodeAttribute(source, 'label')), ` → ${a.label} → `, entityButton(target, graph.getNodeAttribute(target, 'label'))),
      qualifierList(a.relation, a.qualifiers),
      h('blockquote', { class: 'evidence' }, a.evidence.text),
      h('p', { class: 'muted' }, `Relation type ${a.relation} (read backwards: “${a.inverse}”), characters ${a.evidence.start}–${a.evidence.end} of ${stating(a.article)}.`),
    );
  }

  const stating = (slug: string | undefined) => {
    const title = slug === undefined ? undefined : corpus?.articles.find((a) => a.slug === slug)?.title;
    return title === undefined ? 'the article' : `“${title}”`;
  };

  function render(selection: Selection | null): void {
    // A link inside the panel is about to be replaced: keep keyboard focus in the panel.
    const focusWasInside = panel.contains(document.activeElement);
    if (selection?.kind === 'node' && graph.hasNode(selection.id)) renderNode(selection.id);
    else if (selection?.kind === 'edge' && graph.hasEdge(selection.id)) renderEdge(selection.id);
    else renderEmpty();
    const heading = panel.querySelector('h2');
    // A short announcement for screen readers, instead of reading the whole panel out.
    status.textContent = selection ? `Selected: ${heading?.textContent ?? ''}` : 'Nothing selected';
    if (focusWasInside && heading) {
      heading.tabIndex = -1;
      heading.focus();
    }
  }

  render(store.get().selection);
  store.subscribe((state, previous) => {
    if (state.selection !== previous.selection) render(state.selection);
  });
}
