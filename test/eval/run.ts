// Drafts the dev set and the curated articles' texts, scores them with the shared scorer.
// Curated articles are drafted without their own curated data (no `known`).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { draftArticle, type Draft, type DraftVocabulary } from '../../src/draft/index';
import { resolutionShare } from './resolution';
import { readCorpusSources } from '../../src/cli/dataDir';
import { buildCorpus } from '../../src/corpus/buildCorpus';

const root = path.resolve(import.meta.dirname, '../..');
const shared = path.resolve(root, '../shared/testset');
const scorer = path.join(shared, 'score_draft.mjs');

export interface GoldDoc { id: string; text: string; entities: unknown[]; relations: unknown[] }
export function loadVocabulary(): DraftVocabulary {
  return parse(fs.readFileSync(path.join(root, 'data/vocabulary.yaml'), 'utf8')) as DraftVocabulary;
}

/**
 * The curated articles in the test set's format, so the same scorer reads them: read through
 * the corpus builder, so that an article's entities include the shared ones it names, with the
 * names that find them there.
 */
function curatedAsGold(): GoldDoc[] {
  const corpus = buildCorpus(readCorpusSources(path.join(root, 'data')));
  return corpus.articles.map((a) => ({
    id: a.meta.slug,
    text: a.text,
    entities: a.entities.map((e) => ({ id: e.id, type: e.type, label: e.label, mentions: [...new Set(e.mentions.map((m) => m.text))] })),
    relations: a.relations.map((r) => ({ source: r.source, target: r.target, label: corpus.vocabulary.relations[r.type]?.label ?? r.type, evidence: r.evidence.text })),
  }));
}

export function asPrediction(id: string, text: string, d: Draft): object {
  return {
    id,
    text,
    entities: d.entities.map((e) => ({ id: e.id, type: e.type, label: e.label, mentions: [...new Set(e.mentions.map((m) => m.text))] })),
    relations: d.relations.map((r) => ({ source: r.from, target: r.to, label: r.label, evidence: r.evidence.text })),
  };
}

export function goldDocs(): GoldDoc[] {
  const dev = fs.readdirSync(path.join(shared, 'dev')).filter((f) => f.endsWith('.json')).sort()
    .map((f) => JSON.parse(fs.readFileSync(path.join(shared, 'dev', f), 'utf8')) as GoldDoc);
  return [...dev, ...curatedAsGold()];
}

/** Drafts each document and scores the drafts against its gold with the shared scorer. */
function score(docs: GoldDoc[], vocab: DraftVocabulary, tmp: string, name: string): Report {
  const goldDir = path.join(tmp, name, 'gold');
  const predDir = path.join(tmp, name, 'pred');
  fs.mkdirSync(goldDir, { recursive: true });
  fs.mkdirSync(predDir, { recursive: true });
  for (const g of docs) {
    fs.writeFileSync(path.join(goldDir, `${g.id}.json`), JSON.stringify(g));
    // No `known`: a curated article is never drafted with its own curated data.
    const d = draftArticle(g.text, { vocabulary: vocab });
    fs.writeFileSync(path.join(predDir, `${g.id}.json`), JSON.stringify(asPrediction(g.id, g.text, d), null, 1));
  }
  return JSON.parse(execFileSync(process.execPath, [scorer, goldDir, predDir, '--json'], { encoding: 'utf8' })) as Report;
}

function main(): void {
  const vocab = loadVocabulary();
  const docs = goldDocs();
  // Curated slugs start with their date; the dev set's ids do not. The three dev texts are curated
  // too, so each set is scored on its own rather than counting those texts twice.
  const curated = docs.filter((d) => /^\d{4}-\d{2}-\d{2}-/.test(d.id));
  const dev = docs.filter((d) => !curated.includes(d));
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kg-eval-'));
  for (const [name, set, title] of [['dev', dev, 'the dev set (test-set gold)'], ['curated', curated, 'the curated corpus (its own curated gold)']] as const) {
    const report = score(set, vocab, tmp, name);
    if (process.argv.includes('--raw')) console.log(JSON.stringify(report, null, 1));
    console.log(`\n${title}:`);
    printReport(report);
  }
  const res = resolutionShare(dev, vocab);
  console.log(`\nresolution: ${res.right}/${res.refound} re-found entities given the known id (${f(res.refound ? res.right / res.refound : null)}), known = the other gold files of the dev set`);
  console.log(`predictions: ${tmp}`);
}

interface Metrics {
  entityTyped: { p: number; r: number; f1: number };
  relation: { p: number; r: number; f1: number };
  labelAgreement: number | null;
  groundingEvidence: number | null;
  groundingMentions: number | null;
}
interface Report { files: { file: string; metrics: Metrics }[]; total: { metrics: Metrics } }

const f = (x: number | null | undefined): string => (typeof x === 'number' ? x.toFixed(2) : 'n/a');
function line(name: string, m: Metrics): string {
  const e = m.entityTyped;
  const r = m.relation;
  return `${name.replace(/\.json$/u, '').padEnd(40)} entity P ${f(e.p)} R ${f(e.r)} F1 ${f(e.f1)} | relation P ${f(r.p)} R ${f(r.r)} F1 ${f(r.f1)} | label ${f(m.labelAgreement)} | grounding ${f(m.groundingEvidence)}/${f(m.groundingMentions)}`;
}
function printReport(report: Report): void {
  console.log('typed entity P/R/F1, directed relation P/R/F1, label agreement, grounding (evidence/mentions)');
  for (const file of report.files) console.log(line(file.file, file.metrics));
  console.log(line('TOTAL (micro)', report.total.metrics));
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) main();
