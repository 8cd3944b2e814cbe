import { articles, corpus, type ArticleEntry } from 'virtual:kg-articles';
import type { BuiltArticle } from '../corpus/built.ts';
import { isFileView } from './fileStash.ts';
import { articleOf } from './view/urlState.ts';

/**
 * The view the URL names, and its data's chunk already asked for. main.ts imports this module
 * first, so it runs before the explorer's code (sigma, graphology) is evaluated: the chunk is
 * fetched meanwhile instead of after.
 */
export const wanted = articleOf(location.hash);

/** An opened file's view is read from this browser's copy (main.ts), not from the data folder. */
export const fileView = isFileView(wanted);

/** The article the URL names; else the corpus view when there is more than one article; else the only one. */
// An article the data folder does not hold falls back the same way; the hash is then rewritten.
export const entry: ArticleEntry | undefined = fileView ? undefined : (articles.find((a) => a.slug === wanted) ?? (corpus ? undefined : articles[0]));

export const built: Promise<{ default: BuiltArticle }> | undefined = fileView ? undefined : entry ? entry.load() : corpus?.();
// Awaited by main.ts once the code has run; a failed fetch is reported there, not as unhandled here.
built?.catch(() => {});
