import type { ArticleEntry } from 'virtual:kg-articles';
import type { LoadedArticle } from '../corpus/built.ts';
import type { ArticleMeta } from '../model/types.ts';

/** One article's text and metadata: what the article panel shows. */
export interface ArticleText {
  text: string;
  meta: ArticleMeta;
}

/** The text of an article by slug: at once in one article's view, fetched when first asked for in the corpus view. */
export type TextSource = (slug: string) => ArticleText | Promise<ArticleText>;

/** One article's view already holds its only text. */
export const ownText = (article: LoadedArticle): TextSource => {
  const own = { text: article.text, meta: article.graph.getAttributes() };
  return () => own;
};

/**
 * The corpus view has no text of its own: each article's comes from that article's module, loaded
 * the first time it is shown and kept (a failed load is forgotten, so the next try fetches again).
 */
export function textsFromModules(entries: readonly ArticleEntry[]): TextSource {
  const loading = new Map<string, Promise<ArticleText>>();
  return (slug) => {
    const entry = entries.find((e) => e.slug === slug);
    if (!entry) return Promise.reject(new Error(`explorer: no article "${slug}"`));
    let text = loading.get(slug);
    if (!text) {
      text = entry.load().then(({ default: built }) => ({ text: built.text, meta: built.graph.attributes! }));
      text.catch(() => loading.delete(slug));
      loading.set(slug, text);
    }
    return text;
  };
}
