import { cpSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { kg } from './kg.ts';
import { REPO } from './sources.ts';

/** An invented article for the curation tests: `kg add` drafts it with entities, relations and a new relation type or two. */
export const DRAFT_SLUG = '2025-03-04-ribeiro-meets-starmer';
export const DRAFT_TEXT = [
  'LISBON (Wire) - On Tuesday 4 March 2025 Portuguese Prime Minister Ana Ribeiro met Keir Starmer in Lisbon to discuss defence spending.',
  '',
  'Ribeiro said Portugal would raise its defence budget. Starmer welcomed the plan, and Ribeiro thanked Starmer for his support.',
  '',
].join('\n');

/** A copy of the project's data in `dir`/data with the article drafted by `kg add`; answers the data folder. */
export function draftedData(dir: string): string {
  const data = join(dir, 'data');
  cpSync(join(REPO, 'data'), data, { recursive: true });
  writeFileSync(join(dir, 'article.txt'), DRAFT_TEXT);
  const added = kg(['add', join(dir, 'article.txt'), '--data', data, '--slug', DRAFT_SLUG]);
  if (added.stderr) throw new Error(`kg add failed: ${added.stderr}`);
  return data;
}
