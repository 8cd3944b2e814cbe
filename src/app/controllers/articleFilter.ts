import type { KgGraph } from '../../model/types.ts';
import { h, replaceChildren } from '../dom.ts';
import type { State, Store } from '../state.ts';
import type { ArticleInfo } from './appearsIn.ts';

/** Entities each article mentions and relations each states, by slug (a Map: slugs are data). */
function countsOf(graph: KgGraph) {
  const counts = new Map<string, { entities: number; relations: number }>();
  const entry = (slug: string) => counts.get(slug) ?? (counts.set(slug, { entities: 0, relations: 0 }), counts.get(slug)!);
  graph.forEachNode((_, a) => a.articles?.forEach((slug) => entry(slug).entities++));
  graph.forEachEdge((_, a) => a.article !== undefined && entry(a.article).relations++);
  return counts;
}

/**
 * The corpus view's article list: each article's title, date and counts, a checkbox that hides
 * its relations and the entities only it mentions, and a link to that article's own view.
 */
export function createArticleFilter(box: HTMLFieldSetElement, graph: KgGraph, articles: readonly ArticleInfo[], store: Store) {
  const counts = countsOf(graph);
  const rows = articles.map((article, i) => {
    const id = `article-${i}`;
    const n = counts.get(article.slug) ?? { entities: 0, relations: 0 };
    return h(
      'li',
      { class: 'check article-check' },
      h('input', { attrs: { type: 'checkbox', id, name: 'article', value: article.slug, checked: true } }),
      h(
        'label',
        { attrs: { for: id } },
        h('span', { class: 'article-name', attrs: { title: article.title } }, article.title),
        h('span', { class: 'count' }, `${article.date} · ${n.entities} entities · ${n.relations} relations`),
      ),
      h('a', { class: 'open-article', attrs: { href: `#${new URLSearchParams({ article: article.slug })}`, title: `Open “${article.title}” on its own`, 'aria-label': `Open “${article.title}” on its own` } }, 'open'),
    );
  });
  const legend = box.querySelector('legend');
  replaceChildren(box, legend, h('ul', { class: 'article-list' }, ...rows));
  const pane = box.closest('details');
  if (pane) pane.hidden = false;

  const inputs = () => box.querySelectorAll<HTMLInputElement>('input[name="article"]');
  box.addEventListener('change', () => store.update({ hiddenArticles: new Set([...inputs()].filter((i) => !i.checked).map((i) => i.value)) }));
  const sync = (state: State) => {
    for (const input of inputs()) input.checked = !state.hiddenArticles.has(input.value);
  };
  sync(store.get());
  store.subscribe((state, previous) => {
    if (state.hiddenArticles !== previous.hiddenArticles) sync(state);
  });
}
