import fc from 'fast-check';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ParsedFiles, buildModel, decodeSource, toGraph, type ArticleSources } from '../src/corpus/index.ts';
import { DataValidationError, type DataIssue } from '../src/model/errors.ts';
import { show } from '../src/query/index.ts';
import { graphemeBoundaries } from '../src/text/graphemes.ts';
import { MUTATIONS, MUTATION_KINDS, type MutationKind } from './helpers/mutations.ts';
import { prng } from './bench/prng.ts';
import { MINI, REPO, SEED_SLUG } from './helpers/sources.ts';

/**
 * Property: whatever is done to the data files, a build ends in either a valid, grounded model
 * (every span slices its quote, on character boundaries) or a DataValidationError whose every
 * issue names one of the files and a line. Never another exception, never a slow case.
 * FUZZ_RUNS and FUZZ_SEED widen or replay a run.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 10_000);
const SEED = Number(process.env.FUZZ_SEED ?? 20250203);
const CASE_LIMIT_MS = 2000;

type FileKey = 'vocabulary' | 'meta' | 'graph' | 'article';
const FILE_KEYS: FileKey[] = ['vocabulary', 'meta', 'graph', 'article'];

function readBase(dataDir: string, slug: string): Record<FileKey, { path: string; bytes: Uint8Array }> {
  const dir = join(dataDir, 'articles', slug);
  const file = (path: string) => ({ path, bytes: new Uint8Array(readFileSync(path)) });
  return {
    vocabulary: file(join(dataDir, 'vocabulary.yaml')),
    meta: file(join(dir, 'meta.yaml')),
    graph: file(join(dir, 'graph.yaml')),
    article: file(join(dir, 'article.txt')),
  };
}
const BASES = { tiny: readBase(join(REPO, 'test/fixtures/tiny'), 'tiny'), mini: readBase(MINI, 'mini'), seed: readBase(join(REPO, 'data'), SEED_SLUG) };

const caseArbitrary = fc.record({
  // YAML parsing is most of a case's time, and the seed article takes 40x as long as the tiny
  // one: most cases mutate small articles, so that 10,000 stay well under a minute.
  base: fc.oneof(
    { weight: 70, arbitrary: fc.constant('tiny' as const) },
    { weight: 27, arbitrary: fc.constant('mini' as const) },
    { weight: 3, arbitrary: fc.constant('seed' as const) },
  ),
  edits: fc.array(fc.record({ file: fc.constantFrom(...FILE_KEYS), kind: fc.constantFrom(...MUTATION_KINDS) }), { minLength: 1, maxLength: 3 }),
  seed: fc.integer(),
});
type Case = typeof caseArbitrary extends fc.Arbitrary<infer T> ? T : never;

interface Tally {
  cases: number;
  valid: number;
  invalid: number;
  slowestMs: number;
}
const tallies = new Map<MutationKind, Tally>(MUTATION_KINDS.map((k) => [k, { cases: 0, valid: 0, invalid: 0, slowestMs: 0 }]));

function checkIssue(issue: DataIssue, paths: Set<string>): void {
  if (!paths.has(issue.file)) throw new Error(`issue names no data file: ${JSON.stringify(issue)}`);
  if (!(typeof issue.line === 'number' && issue.line >= 1)) throw new Error(`issue has no line: ${JSON.stringify(issue)}`);
}

function checkModel(sources: ArticleSources, model: ReturnType<typeof buildModel>): void {
  const text = sources.article.text;
  const boundaries = graphemeBoundaries(text);
  const spans = [...model.relations.map((r) => r.evidence), ...model.entities.flatMap((e) => e.mentions)];
  for (const span of spans) {
    if (text.slice(span.start, span.end) !== span.text) throw new Error(`span ${span.start}-${span.end} does not slice its quote`);
    if (!boundaries.isBoundary(span.start) || !boundaries.isBoundary(span.end)) throw new Error(`span ${span.start}-${span.end} cuts a character`);
  }
  const graph = toGraph(model);
  // The query layer must serve whatever ids validation let through.
  graph.forEachNode((id) => void show(graph, id));
}

/** As `kg validate` does across articles: a file unchanged since an earlier build is not parsed again. */
const parsed = new ParsedFiles();

/** One case: mutate, decode as the CLI does, build. Returns whether the data came out valid. */
function runCase(c: Case): boolean {
  const random = prng(c.seed);
  const files = { ...BASES[c.base] };
  for (const { file, kind } of c.edits) files[file] = { path: files[file].path, bytes: MUTATIONS[kind](files[file].bytes, random) };
  const issues: DataIssue[] = [];
  const paths = new Set(FILE_KEYS.map((k) => files[k].path));
  try {
    const decoded = FILE_KEYS.map((k) => decodeSource(files[k].path, files[k].bytes, issues));
    if (issues.length) throw new DataValidationError(issues);
    const [vocabulary, meta, graph, article] = decoded as NonNullable<(typeof decoded)[number]>[];
    const sources: ArticleSources = { slug: 'fuzz', vocabulary: vocabulary!, meta: meta!, graph: graph!, article: article! };
    checkModel(sources, buildModel(sources, { parsed }));
    return true;
  } catch (error) {
    if (!(error instanceof DataValidationError)) throw error;
    if (error.issues.length === 0) throw new Error('a DataValidationError with no issues');
    for (const issue of error.issues) checkIssue(issue, paths);
    return false;
  }
}

describe('fuzzing the data files', () => {
  it(`${RUNS} mutated data folders: each a grounded model or a located DataValidationError, none slow`, () => {
    const started = performance.now();
    fc.assert(
      fc.property(caseArbitrary, (c) => {
        const t0 = performance.now();
        const valid = runCase(c);
        const ms = performance.now() - t0;
        for (const { kind } of c.edits) {
          const tally = tallies.get(kind)!;
          tally.cases++;
          tally[valid ? 'valid' : 'invalid']++;
          tally.slowestMs = Math.max(tally.slowestMs, ms);
        }
        if (ms > CASE_LIMIT_MS) throw new Error(`case took ${Math.round(ms)} ms`);
      }),
      { numRuns: RUNS, seed: SEED },
    );
    const seconds = (performance.now() - started) / 1000;
    const report = { runs: RUNS, seed: SEED, seconds: Math.round(seconds * 10) / 10, byMutation: Object.fromEntries(tallies) };
    mkdirSync(join(REPO, 'test/artifacts'), { recursive: true });
    writeFileSync(join(REPO, 'test/artifacts/fuzz-stats.json'), JSON.stringify(report, null, 2) + '\n');
    const rows = [...tallies].map(([k, t]) => `  ${k.padEnd(16)}${String(t.cases).padStart(6)} cases  ${String(t.valid).padStart(5)} valid  ${String(t.invalid).padStart(5)} refused  slowest ${Math.round(t.slowestMs)} ms`);
    console.log(`fuzz: ${RUNS} cases in ${report.seconds} s (seed ${SEED})\n${rows.join('\n')}`);
    // Every kind must have been exercised, and the mutations must not all be trivially refused.
    for (const [kind, t] of tallies) expect(t.cases, kind).toBeGreaterThan(0);
    expect([...tallies.values()].reduce((n, t) => n + t.valid, 0)).toBeGreaterThan(RUNS / 20);
  }, 240_000);
});
