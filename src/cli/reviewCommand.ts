import { buildCorpus } from '../corpus/buildCorpus.ts';
import { applyEdit, listDrafts, type DraftItem, type Edit } from '../curate/index.ts';
import { UsageError } from '../model/errors.ts';
import { writeFilesAtomic } from './atomicWrite.ts';
import { chooseArticle, findDataDir, readCorpusSources } from './dataDir.ts';
import { visible, visibleJson } from './terminal.ts';

export interface ReviewOptions {
  data?: string;
  article?: string;
  json?: boolean;
  yes?: boolean;
}

/** Two lines per draft (a relation type: with the relations using it); each data string made visible on its own, so none can break a line. */
const line = (d: DraftItem, text: string) => {
  const head = `  ${(d.kind === 'relationType' ? 'type' : d.kind).padEnd(9)}${visible(d.name)}  [${visible(d.id)}]\n      ${d.confidence.toFixed(2)} ${visible(d.rule)}  `;
  if (d.kind !== 'relationType') return `${head}"${visible(text.slice(d.start, d.end))}" [${d.start}-${d.end}]`;
  const uses = d.uses ?? [];
  return head + (uses.length ? `used by ${uses.length}: ${uses.map(visible).join('; ')}` : 'used by no relation');
};

/** `kg review`: the drafts of the article (or of every article), in text order, each with where the text states it. */
export function reviewCommand(options: ReviewOptions): string {
  const dataDir = findDataDir(options.data);
  const slug = chooseArticle(dataDir, options.article);
  const corpus = buildCorpus(readCorpusSources(dataDir));
  const drafts = listDrafts(corpus, slug);
  if (options.json) return visibleJson(JSON.stringify(drafts, null, 2));
  if (!drafts.length) return `No drafts${slug ? ` in ${visible(slug)}` : ''}: everything is reviewed.`;
  const texts = new Map(corpus.articles.map((a) => [a.meta.slug, a.text]));
  const out: string[] = [];
  for (const article of new Set(drafts.map((d) => d.article))) {
    const mine = drafts.filter((d) => d.article === article);
    out.push(`${visible(article)}: ${mine.length} draft${mine.length === 1 ? '' : 's'}`, ...mine.map((d) => line(d, texts.get(article) ?? '')));
  }
  out.push('', 'kg accept ID… clears the draft mark; kg reject ID… removes the item (a relation type only once no relation uses it).');
  return out.join('\n');
}

/**
 * `kg accept ID…` / `kg reject ID…`: one edit per id, each validated against the whole corpus
 * and written atomically before the next is read. Rejecting an entity takes its relations with
 * it: without --yes, that is said and nothing is written.
 */
export async function decideCommand(op: 'accept' | 'reject', ids: readonly string[], options: ReviewOptions): Promise<string> {
  const dataDir = findDataDir(options.data);
  const article = options.article;
  const done: string[] = [];
  for (const id of ids) {
    const edit: Edit = { op, id, ...(article !== undefined ? { article } : {}) };
    const result = applyEdit(readCorpusSources(dataDir), edit);
    if (op === 'reject' && result.target === 'entity' && result.removed.length > 0 && !options.yes) {
      throw new UsageError(`rejecting ${id} also removes ${result.removed.length} relation${result.removed.length === 1 ? '' : 's'}: ${result.removed.join(', ')}. Run again with --yes to remove them all (nothing was written)`);
    }
    await writeFilesAtomic(result.files.map((f) => ({ path: f.path, chunks: [f.text] })));
    const taken = result.target === 'entity' && result.removed.length ? ` and its ${result.removed.length} relation${result.removed.length === 1 ? '' : 's'}` : '';
    const what = result.target === 'relationType' ? 'relation type ' : '';
    done.push(`${op === 'accept' ? 'accepted' : 'rejected'} ${what}${visible(id)}${taken}`);
  }
  return done.join('\n');
}
