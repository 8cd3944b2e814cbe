// Modules served by src/cli/articleDataPlugin.ts.
declare module 'virtual:kg-articles' {
  export interface ArticleEntry {
    slug: string;
    title: string;
    date: string;
    load: () => Promise<{ default: import('../corpus/built.ts').BuiltArticle }>;
  }
  export const articles: ArticleEntry[];
  /** The corpus view (every article in one graph, no text), when there is more than one article. */
  export const corpus: (() => Promise<{ default: import('../corpus/built.ts').BuiltArticle }>) | undefined;
}
