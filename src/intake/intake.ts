import { Document, isMap, isNode, parseDocument } from 'yaml';
import { buildCorpus, type CorpusModel, type CorpusSources } from '../corpus/buildCorpus.ts';
import type { ParsedFiles } from '../corpus/parsedFiles.ts';
import type { Draft } from '../draft/index.ts';
import { DataValidationError, type DataIssue } from '../model/errors.ts';
import type { ArticleMeta, Vocabulary } from '../model/types.ts';
import { draftedFiles, type CorpusIndex, type ProposedType } from './articleFiles.ts';

/** What `kg add` writes for one article: its three files, and the vocabulary if it proposes types. */
export interface IntakeResult {
  meta: string;
  graph: string;
  /** vocabulary.yaml with the proposed relation types added as drafts; undefined if none. */
  vocabulary?: string;
  /** Entries written to graph.yaml. */
  written: { entities: number; relations: number };
  /** Drafted items left out because they could not be made valid (a name another entity owns...). */
  dropped: { entities: number; relations: number };
  /** The corpus with the article in it, as validated: what the next article added is resolved against. */
  corpus: CorpusModel;
}

const ROUNDS = 6;

/**
 * vocabulary.yaml with `proposed` added at the end of `relations:`, each marked as a draft. The
 * new entries are spliced in as text where that mapping ends, so the rest of the file (its
 * comments and their alignment) stays byte for byte as the curator wrote it.
 */
export function withProposedTypes(vocabularyText: string, proposed: ProposedType[]): string {
  const doc = parseDocument(vocabularyText);
  const relations = doc.get('relations', true);
  if (!isMap(relations) || !relations.range) throw new Error('vocabulary.yaml has no relations mapping');
  const fresh = proposed.filter((type) => !relations.has(type.id));
  if (!fresh.length) return vocabularyText;
  const entries = new Document(
    Object.fromEntries(fresh.map((type) => [type.id, {
      label: type.label,
      inverse: `${type.label} (inverse)`,
      description: 'Proposed by kg add: no relation type fitted. Review the label, inverse and entity types.',
      from: type.from,
      to: type.to,
      draft: { confidence: 0.5, rule: 'proposed-type' },
    }])),
  ).toString({ lineWidth: 0, flowCollectionPadding: false });
  const indent = ' '.repeat(relations.items[0]?.key && isNode(relations.items[0].key) ? lineStart(vocabularyText, relations.items[0].key.range![0]) : 2);
  const block = entries.trimEnd().split('\n').map((line) => indent + line).join('\n');
  const end = relations.range[1];
  const before = vocabularyText.slice(0, end).replace(/\s*$/, '');
  return `${before}\n\n${block}\n${vocabularyText.slice(end).replace(/^[^\S\n]*\n?/, '')}`;
}

/** How far into its line an offset is: the indentation of the key there. */
function lineStart(text: string, offset: number): number {
  return offset - (text.lastIndexOf('\n', offset - 1) + 1);
}

/** Which drafted entity or relation (by index in the draft) a validation issue of the new graph.yaml is about. */
function blame(issue: DataIssue, graphPath: string, written: { entities: number[]; relations: number[] }): { kind: 'entities' | 'relations'; index: number } | undefined {
  if (issue.file !== graphPath) return undefined;
  const match = /^(entities|relations)\[(\d+)\]/.exec(issue.path);
  if (!match) return undefined;
  const kind = match[1] as 'entities' | 'relations';
  const index = written[kind][Number(match[2])];
  return index === undefined ? undefined : { kind, index };
}

/**
 * A drafted article as data files that pass validation with the rest of the corpus. Each round
 * writes the files, validates the whole corpus with them in memory, and leaves out the drafted
 * items the problems point at (an entity whose name only occurs inside another's, a relation
 * whose types do not fit), until nothing is left to fix. Problems in the metadata are the
 * caller's to fix (a date to give), and are thrown.
 * @throws DataValidationError when the article cannot be made valid by leaving drafted items out.
 */
export function intakeArticle(
  input: { slug: string; text: string; meta: Omit<ArticleMeta, 'slug'>; draft: Draft; vocabulary: Vocabulary; corpus: CorpusIndex },
  sources: CorpusSources,
  options: { parsed?: ParsedFiles; dir: string },
): IntakeResult {
  const omit = { entities: new Set<number>(), relations: new Set<number>() };
  const paths = { meta: `${options.dir}/meta.yaml`, graph: `${options.dir}/graph.yaml`, article: `${options.dir}/article.txt` };
  for (let round = 0; ; round++) {
    const files = draftedFiles(input, omit);
    const vocabulary = files.proposed.length ? withProposedTypes(sources.vocabulary.text, files.proposed) : undefined;
    const written = files.sourceOf;
    try {
      const corpus = buildCorpus(
        {
          ...sources,
          vocabulary: vocabulary === undefined ? sources.vocabulary : { path: sources.vocabulary.path, text: vocabulary },
          articles: [...sources.articles, { slug: input.slug, meta: { path: paths.meta, text: files.meta }, graph: { path: paths.graph, text: files.graph }, article: { path: paths.article, text: input.text } }],
        },
        // The rest of the corpus is valid already: only the new article needs grounding.
        { parsed: options.parsed, ground: new Set([input.slug]) },
      );
      return {
        meta: files.meta,
        graph: files.graph,
        vocabulary,
        written: { entities: written.entities.length, relations: written.relations.length },
        dropped: { entities: omit.entities.size, relations: omit.relations.size },
        corpus,
      };
    } catch (error) {
      if (!(error instanceof DataValidationError)) throw error;
      const blamed = error.issues.map((issue) => ({ issue, item: blame(issue, paths.graph, written) }));
      const fixable = blamed.filter((b) => b.item);
      if (round >= ROUNDS || fixable.length === 0 || fixable.length < blamed.length) {
        throw new DataValidationError(blamed.filter((b) => !b.item).map((b) => b.issue).concat(round >= ROUNDS ? fixable.map((b) => b.issue) : []));
      }
      for (const { item } of fixable) omit[item!.kind].add(item!.index);
    }
  }
}
