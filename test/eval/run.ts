// Drafts the dev set and the curated articles' texts, scores them with the shared scorer.
// Curated articles are drafted without their own curated data (no `known`).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { draftArticle, type Draft, type DraftVocabulary } from '../../src/draft/index';
import { resolutionShare } from './resolution';

const root = path.resolve(import.meta.dirname, '../..');
const shared = path.resolve(root, '../shared/testset');
const scorer = path.join(shared, 'score_draft.mjs');

export interface GoldDoc { id: string; text: string; entities: unknown[]; relations: unknown[] }
interface CuratedGraph {
  entities: { id: string; type: string; label: string; aliases?: string[] }[];
  relations: { from: string; type: string; to: string; evidence: string }[];
}

export function loadVocabulary(): DraftVocabulary {
  return parse(fs.readFileSync(path.join(root, 'data/vocabulary.yaml'), 'utf8')) as DraftVocabulary;
}

/** A curated article in the test set's format, so the same scorer reads it. */
function curatedAsGold(dir: string, vocab: DraftVocabulary): GoldDoc {
  const text = fs.readFileSync(path.join(dir, 'article.txt'), 'utf8');
  const g = parse(fs.readFileSync(path.join(dir, 'graph.yaml'), 'utf8')) as CuratedGraph;
  return {
    id: path.basename(dir),
    text,
    entities: g.entities.map((e) => ({ id: e.id, type: e.type, label: e.label, mentions: [e.label, ...(e.aliases ?? [])] })),
    relations: g.relations.map((r) => ({ source: r.from, target: r.to, label: vocab.relations[r.type]?.label ?? r.type, evidence: r.evidence })),
  };
}

export function asPrediction(id: string, text: string, d: Draft): object {
  return {
    id,
    text,
    entities: d.entities.map((e) => ({ id: e.id, type: e.type, label: e.label, mentions: [...new Set(e.mentions.map((m) => m.text))] })),
    relations: d.relations.map((r) => ({ source: r.from, target: r.to, label: r.label, evidence: r.evidence.text })),
  };
}

export function goldDocs(vocab: DraftVocabulary): GoldDoc[] {
  const dev = fs.readdirSync(path.join(shared, 'dev')).filter((f) => f.endsWith('.json')).sort()
    .map((f) => JSON.parse(fs.readFileSync(path.join(shared, 'dev', f), 'utf8')) as GoldDoc);
  const articles = path.join(root, 'data/articles');
  const curated = fs.readdirSync(articles).sort().map((a) => curatedAsGold(path.join(articles, a), vocab));
  return [...dev, ...curated];
}

function main(): void {
  const vocab = loadVocabulary();
  const docs = goldDocs(vocab);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kg-eval-'));
  const goldDir = path.join(tmp, 'gold');
  const predDir = path.join(tmp, 'pred');
  fs.mkdirSync(goldDir);
  fs.mkdirSync(predDir);
  for (const g of docs) {
    fs.writeFileSync(path.join(goldDir, `${g.id}.json`), JSON.stringify(g));
    const d = draftArticle(g.text, { vocabulary: vocab });
    fs.writeFileSync(path.join(predDir, `${g.id}.json`), JSON.stringify(asPrediction(g.id, g.text, d), null, 1));
  }
  const out = execFileSync(process.execPath, [scorer, goldDir, predDir, '--json'], { encoding: 'utf8' });
  const report = JSON.parse(out) as Report;
  if (process.argv.includes('--raw')) console.log(JSON.stringify(report, null, 1));
  printReport(report);
  const res = resolutionShare(docs, vocab);
  console.log(`resolution: ${res.right}/${res.refound} re-found entities given the known id (${f(res.refound ? res.right / res.refound : null)}), known = the other gold files`);
  console.log(`predictions: ${predDir}`);
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
