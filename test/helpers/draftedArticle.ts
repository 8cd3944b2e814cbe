import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import { readCorpusSources } from '../../src/cli/dataDir.ts';
import { applyEdit, editSchema, type Edit } from '../../src/curate/index.ts';
import { kg } from './kg.ts';
import { REPO } from './sources.ts';

/** An invented article for the curation tests: `kg add` drafts it with entities, relations and a new relation type or two. */
export const DRAFT_SLUG = '2025-03-04-ribeiro-meets-starmer';
export const DRAFT_TEXT = [
  'LISBON (Wire) - On Tuesday 4 March 2025 Portuguese Prime Minister Ana Ribeiro greeted Keir Starmer in Lisbon to discuss defence spending.',
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

/**
 * The curation tests' scratch data: drafted once per test file, copied afresh before each test,
 * with the edit and the check every such test makes.
 */
export function draftedScratch(prefix: string) {
  const template = mkdtempSync(join(tmpdir(), `${prefix}-template-`));
  let dir = '';
  beforeAll(() => void draftedData(template));
  afterAll(() => rmSync(template, { recursive: true, force: true }));
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), `${prefix}-`));
    cpSync(join(template, 'data'), join(dir, 'data'), { recursive: true });
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const scratch = {
    /** The running test's data folder. */
    get data() {
      return join(dir, 'data');
    },
    graphFile: () => join(scratch.data, 'articles', DRAFT_SLUG, 'graph.yaml'),
    /** Applies an edit as the dev server does: checked by its schema, validated, then each changed file written. */
    apply(edit: Edit) {
      const result = applyEdit(readCorpusSources(scratch.data), editSchema.parse(edit));
      for (const file of result.files) writeFileSync(file.path, file.text);
      return result;
    },
    /** `kg validate` on the data folder passes, saying nothing on stderr. */
    validates() {
      const run = kg(['validate', '--data', scratch.data]);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
    },
  };
  return scratch;
}
