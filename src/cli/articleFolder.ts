import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from '../model/errors.ts';
import { writeFilesAtomic } from './atomicWrite.ts';
import { ARTICLE_FILES } from './dataDir.ts';
import { onInterrupt } from './signals.ts';

export interface ArticleTexts {
  article: string;
  meta: string;
  graph: string;
}

/**
 * Writes a new article folder `articles/<slug>` whole or not at all: built beside its final place
 * under a hidden name (listArticles passes hidden entries over), then renamed, so the article
 * appears complete and a rename never replaces an existing folder. `beforeRename` runs between
 * (kg add writes the relation types it proposes there: once the folder exists it must
 * validate) and `undo` if the rename then fails. `verb` says what an interrupt left undone.
 */
export async function writeArticleFolder(articles: string, slug: string, texts: ArticleTexts, verb: string, steps: { beforeRename?: () => Promise<void>; undo?: () => Promise<void> } = {}): Promise<string> {
  const target = join(articles, slug);
  const temp = join(articles, `.${slug}.tmp-${process.pid}-${Date.now()}`);
  const stop = onInterrupt(() => {
    rmSync(temp, { recursive: true, force: true });
    return `${target} not ${verb}`;
  });
  try {
    mkdirSync(temp);
    await writeFilesAtomic((Object.keys(ARTICLE_FILES) as (keyof ArticleTexts)[]).map((file) => ({ path: join(temp, ARTICLE_FILES[file]), chunks: [texts[file]] })));
    await steps.beforeRename?.();
    try {
      // rename(2) replaces an empty folder: one made meanwhile is refused, not replaced.
      if (existsSync(target)) throw new UsageError(`an article "${slug}" appeared meanwhile: give another --slug`);
      renameSync(temp, target);
    } catch (error) {
      await steps.undo?.();
      throw error;
    }
  } catch (error) {
    rmSync(temp, { recursive: true, force: true });
    throw error;
  } finally {
    stop();
  }
  return target;
}
