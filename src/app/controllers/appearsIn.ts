import type { ArticleEntry } from 'virtual:kg-articles';
import type { KgGraph } from '../../model/types.ts';
import { h } from '../dom.ts';

export type ArticleInfo = Pick<ArticleEntry, 'slug' | 'title' | 'date'>;

/**
 * In the corpus view, the articles an entity appears in: each a button that shows that article
 * in the article panel, the entity's mentions marked. Null in one article's view.
 */
export function appearsIn(graph: KgGraph, node: string, articles: readonly ArticleInfo[], showArticle: (slug: string) => void): HTMLElement | null {
  const { articles: slugs, mentions } = graph.getNodeAttributes(node);
  if (!slugs?.length || articles.length < 2) return null;
  const items = slugs.map((slug) => {
    const info = articles.find((a) => a.slug === slug);
    const count = mentions.filter((m) => m.article === slug).length;
    return h(
      'li',
      {},
      h('button', { class: 'link', attrs: { type: 'button', 'data-article': slug, title: 'Show this article, its mentions marked' }, on: { click: () => showArticle(slug) } }, info?.title ?? slug),
      h('span', { class: 'muted' }, ` ${info?.date ?? ''} · ${count} mention${count === 1 ? '' : 's'}`),
    );
  });
  return h('section', { class: 'appears-in' }, h('h3', {}, 'Appears in ', h('span', { class: 'count' }, String(slugs.length))), h('ul', {}, ...items));
}
