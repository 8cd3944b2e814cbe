import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isAbsolute, relative, resolve } from 'node:path';
import type { Connect } from 'vite';
import { writeFilesAtomic } from '../cli/atomicWrite.ts';
import { readCorpusSources } from '../cli/dataDir.ts';
import { buildCorpus, type CorpusSources } from '../corpus/buildCorpus.ts';
import { applyEdit, CurationError, describeEdit, editSchema } from '../curate/index.ts';
import { DataValidationError, formatIssue } from '../model/errors.ts';
import { createHistory } from './history.ts';
import { readJson, refusal, RequestError } from './requestGuard.ts';

export const CURATION_PATH = '/__kg/curate/';

/** A hash of every data file's path and text: what the page's view was built from, to tell a file changed since. */
export function dataStampOf(sources: CorpusSources): string {
  const hash = createHash('sha256');
  const files = [sources.vocabulary, sources.entities, ...sources.articles.flatMap((a) => [a.meta, a.graph, a.article])];
  for (const file of files) if (file) hash.update(`${file.path}\0${file.text}\0`);
  return hash.digest('hex').slice(0, 20);
}

/**
 * The dev server's writes: one edit, undo or redo per POST, each validated by the same builder
 * as `kg validate` and written atomically. Nothing from the client names a file: an edit names
 * an article by slug and items by id, and the files are the data folder's own, checked to lie
 * inside it. A request whose `base` (the stamp of the data the page was built from) is no longer
 * the data's is refused, so a file edited on disk since is never overwritten.
 */
export function curationApi(dataDir: string, token: string, options: { written?: (files: readonly { path: string; text: string }[]) => void } = {}): Connect.NextHandleFunction {
  const root = resolve(dataDir);
  const history = createHistory();
  /** The files the request being answered wrote: told to `written` once its answer has gone. */
  const wrote = new WeakMap<IncomingMessage, { path: string; text: string }[]>();
  const inside = (path: string) => {
    const rel = relative(root, resolve(path));
    return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
  };
  const write = async (req: IncomingMessage, files: { path: string; text: string }[]) => {
    for (const f of files) if (!inside(f.path)) throw new RequestError(403, 'refused: a file outside the data folder');
    await writeFilesAtomic(files.map((f) => ({ path: f.path, chunks: [f.text] })));
    wrote.set(req, files.map((f) => ({ path: resolve(f.path), text: f.text })));
  };
  const current = (base: unknown) => {
    const sources = readCorpusSources(dataDir);
    if (typeof base !== 'string' || base !== dataStampOf(sources)) {
      throw new RequestError(409, 'the data files changed on disk since this page read them: the view reloads with them; make the change again there');
    }
    return sources;
  };
  /** Undo and redo write a file back only if it is still what the change left, and the corpus stays valid. */
  const writeBack = (req: IncomingMessage, sources: CorpusSources) => async (files: { path: string; expected: string; text: string }[]) => {
    for (const f of files) {
      if (readFileSync(f.path, 'utf8') !== f.expected) throw new RequestError(409, `${relative(root, f.path)} changed on disk since that change: it is left as it is`);
    }
    const texts = new Map(files.map((f) => [f.path, f.text]));
    const swap = <T extends { path: string; text: string }>(file: T): T => (texts.has(file.path) ? { ...file, text: texts.get(file.path)! } : file);
    buildCorpus({ ...sources, vocabulary: swap(sources.vocabulary), ...(sources.entities ? { entities: swap(sources.entities) } : {}), articles: sources.articles.map((a) => ({ ...a, graph: swap(a.graph), meta: swap(a.meta) })) });
    await write(req, files);
  };

  const handle = async (req: IncomingMessage, route: string) => {
    if (route === 'state' && req.method === 'GET') return { stamp: dataStampOf(readCorpusSources(dataDir)), ...history.state() };
    const refused = refusal(req, token);
    if (refused) throw new RequestError(refused.status, refused.message);
    const body = (await readJson(req)) as { edit?: unknown; base?: unknown } | null;
    const sources = current(body?.base);
    if (route === 'undo' || route === 'redo') {
      const change = await history[route](writeBack(req, sources));
      if (!change) throw new RequestError(409, `nothing to ${route}`);
      return { done: change.label, stamp: dataStampOf(readCorpusSources(dataDir)), ...history.state() };
    }
    if (route !== 'edit') throw new RequestError(404, 'no such action');
    const parsed = editSchema.safeParse(body?.edit);
    if (!parsed.success) throw new RequestError(400, `not an edit: ${parsed.error.issues[0]?.message ?? 'bad shape'}`);
    const result = applyEdit(sources, parsed.data);
    const before = new Map(result.files.map((f) => [f.path, readFileSync(f.path, 'utf8')]));
    await write(req, result.files);
    history.record({ label: describeEdit(parsed.data), files: result.files.map((f) => ({ path: f.path, before: before.get(f.path)!, after: f.text })) });
    return { ...(result.id !== undefined ? { id: result.id } : {}), removed: result.removed, stamp: dataStampOf(readCorpusSources(dataDir)), ...history.state() };
  };

  return (req, res, next) => {
    const url = req.url ?? '';
    if (!url.startsWith(CURATION_PATH)) return next();
    const route = url.slice(CURATION_PATH.length).split('?')[0]!;
    handle(req, route).then(
      (answer) => {
        const files = wrote.get(req);
        if (files && options.written) res.once('finish', () => options.written!(files));
        send(res, 200, { ok: true, ...answer });
      },
      (error: unknown) => send(res, ...failure(error)),
    );
  };
}

function failure(error: unknown): [number, Record<string, unknown>] {
  if (error instanceof RequestError) return [error.status, { ok: false, error: error.message }];
  // Refused by the builder: its reasons, one per problem, as `kg validate` prints them.
  if (error instanceof DataValidationError) return [422, { ok: false, error: error.issues.map(formatIssue).join('\n'), issues: error.issues }];
  if (error instanceof CurationError) return [422, { ok: false, error: error.message }];
  return [500, { ok: false, error: `the dev server failed: ${error instanceof Error ? error.message : String(error)}` }];
}

function send(res: ServerResponse, status: number, body: Record<string, unknown>): void {
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store');
  res.end(JSON.stringify(body));
}
