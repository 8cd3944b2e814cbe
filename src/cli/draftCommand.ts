import { join } from 'node:path';
import { parseVocabulary } from '../corpus/vocabulary.ts';
import type { Draft, KnownEntity } from '../draft/index.ts';
import { DataValidationError, type DataIssue } from '../model/errors.ts';
import { VOCABULARY_FILE, chooseArticle, findDataDir, readSourceFile } from './dataDir.ts';
import { formatDraft } from './formatDraft.ts';
import { loadArticleData } from './load.ts';
import { readText } from './readText.ts';
import { visibleJson } from './terminal.ts';

/** The entities the data folder already has (from the corpus view, cached), so that a draft reuses their ids. */
async function knownEntities(dataDir: string): Promise<KnownEntity[]> {
  const { graph } = await loadArticleData(dataDir, chooseArticle(dataDir));
  return graph.mapNodes((id, a) => ({ id, type: a.type, label: a.label, aliases: a.aliases }));
}

/** The draft in the documented JSON shape: its keys first and in order, then what explains it. */
function draftJson(draft: Draft): unknown {
  return {
    entities: draft.entities.map(({ id, type, label, aliases, mentions, confidence, rule, attributes }) => ({ id, type, label, aliases, mentions, confidence, rule, ...(attributes ? { attributes } : {}) })),
    relations: draft.relations.map(({ from, type, label, to, evidence, confidence, rule, proposed }) => ({ from, type, label, to, evidence, confidence, rule, ...(proposed ? { proposed } : {}) })),
  };
}

/** `kg draft FILE|-`: prints a grounded draft of the text; reads the data folder, writes nothing. */
export async function draftCommand(file: string, options: { data?: string; json: boolean }): Promise<string> {
  const text = await readText(file);
  const dataDir = findDataDir(options.data);
  const issues: DataIssue[] = [];
  const vocabularyFile = readSourceFile(join(dataDir, VOCABULARY_FILE), issues);
  if (!vocabularyFile) throw new DataValidationError(issues);
  const vocabulary = parseVocabulary(vocabularyFile);
  // The drafter (its language model above all) loads only for this command.
  const { draftArticle } = await import('../draft/index.ts');
  const draft = draftArticle(text, { vocabulary, known: await knownEntities(dataDir) });
  return options.json ? visibleJson(JSON.stringify(draftJson(draft), null, 2)) : formatDraft(draft);
}
