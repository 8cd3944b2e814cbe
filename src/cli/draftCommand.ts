import { join } from 'node:path';
import { decodeSource } from '../corpus/decodeSource.ts';
import { parseVocabulary } from '../corpus/vocabulary.ts';
import type { Draft, KnownEntity } from '../draft/index.ts';
import { DataValidationError, type DataIssue } from '../model/errors.ts';
import { VOCABULARY_FILE, findDataDir, listArticles, readSourceFile } from './dataDir.ts';
import { formatDraft } from './formatDraft.ts';
import { loadArticleData } from './load.ts';
import { readRegularFile } from './readData.ts';
import { visibleJson } from './terminal.ts';

/** The article's text: a file, or standard input for `-`, strict UTF-8 like every data file. */
async function readText(file: string): Promise<string> {
  const issues: DataIssue[] = [];
  let bytes: Uint8Array | undefined;
  if (file === '-') {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    bytes = Buffer.concat(chunks);
  } else bytes = readRegularFile(file, issues);
  const source = bytes && decodeSource(file === '-' ? 'standard input' : file, bytes, issues);
  if (!source) throw new DataValidationError(issues);
  return source.text;
}

/** The entities the data folder already has, so that a draft reuses their ids. */
async function knownEntities(dataDir: string): Promise<KnownEntity[]> {
  const known = new Map<string, KnownEntity>();
  for (const slug of listArticles(dataDir)) {
    const { graph } = await loadArticleData(dataDir, slug);
    graph.forEachNode((id, a) => known.has(id) || known.set(id, { id, type: a.type, label: a.label, aliases: a.aliases }));
  }
  return [...known.values()];
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
