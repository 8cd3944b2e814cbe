import { randomUUID } from 'node:crypto';
import fs, { cpSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { syncBuiltinESMExports } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { devServer } from './helpers/dev.ts';
import { REPO } from './helpers/sources.ts';

// The data folder served (two articles, so the corpus view is served too), and beside it a valid
// article the dev server must never read.
const scratch = mkdtempSync(join(tmpdir(), 'kg-sec-'));
const data = join(scratch, 'data');
const outside = join(scratch, 'outside');
const MARKER = `marker-${randomUUID()}`;
const SLUG = '2025-01-01-paris-summit';
const OTHER = '2025-02-01-byron-in-sylvania';

/** Every path under `outside` that anything in this process asked the file system about. */
const touched: string[] = [];
const restore: (() => void)[] = [];

/**
 * Records the path given to each fs call. syncBuiltinESMExports carries the patch into every
 * module's named imports (`import { readFileSync } from 'node:fs'`), Vite's and ours alike.
 */
function recordFsCalls(): void {
  const targets: [Record<string, unknown>, string[]][] = [
    [fs as unknown as Record<string, unknown>, ['readFileSync', 'readdirSync', 'statSync', 'lstatSync', 'existsSync', 'openSync', 'realpathSync', 'accessSync', 'readFile', 'stat', 'lstat', 'readdir', 'open', 'createReadStream']],
    [fs.promises as unknown as Record<string, unknown>, ['readFile', 'stat', 'lstat', 'readdir', 'open', 'access', 'realpath']],
  ];
  for (const [object, names] of targets) {
    for (const name of names) {
      const original = object[name];
      if (typeof original !== 'function') continue;
      object[name] = function (this: unknown, path: unknown, ...rest: unknown[]) {
        if (String(path).includes(outside)) touched.push(String(path));
        return original.call(this, path, ...rest);
      };
      restore.push(() => (object[name] = original));
    }
  }
  syncBuiltinESMExports();
}

/** A GET with the path exactly as written: fetch() would resolve `..` and `%2e%2e` before sending. */
function rawGet(url: string, path: string): Promise<{ status: number; body: string }> {
  return new Promise((done, fail) => {
    const { hostname, port } = new URL(url);
    const req = request({ hostname, port, path, headers: { accept: '*/*' } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => done({ status: res.statusCode!, body }));
    });
    req.on('error', fail);
    req.end();
  });
}

let server: ViteDevServer;
let url: string;

beforeAll(async () => {
  cpSync(join(REPO, 'test/fixtures/corpus'), data, { recursive: true });
  const evil = join(outside, 'articles', 'evil');
  mkdirSync(join(outside, 'articles'), { recursive: true });
  for (const file of ['vocabulary.yaml', 'entities.yaml']) cpSync(join(data, file), join(outside, file));
  cpSync(join(data, 'articles', SLUG), evil, { recursive: true });
  writeFileSync(join(evil, 'meta.yaml'), readFileSync(join(evil, 'meta.yaml'), 'utf8').replace(/^title: .*$/m, `title: ${MARKER}`));
  ({ server, url } = await devServer(data));
  recordFsCalls();
});
afterAll(async () => {
  for (const undo of restore) undo();
  syncBuiltinESMExports();
  await server?.close();
  rmSync(scratch, { recursive: true, force: true });
});

/** From data/articles/ to the outside article, and to a folder that does not exist. */
const relative = '../../outside/articles/evil';
const missing = '../../outside/articles/nothing-here';
const absolute = () => `${'../'.repeat(12)}${outside.slice(1)}/articles/evil`;

/** One traversal, spelt every way a client can send it. */
const spellings = (target: string) => [
  target,
  target.replaceAll('.', '%2e'),
  target.replaceAll('/', '%2f'),
  target.replaceAll('.', '%2e').replaceAll('/', '%2F'),
  target.replaceAll('.', '%252e').replaceAll('/', '%252f'),
  target.replaceAll('/', '\\'),
  target.replaceAll('/', '%5c'),
  `${target}%00`,
  `${SLUG}%00/${target}`,
  `${SLUG}/../${target}`,
  `./${SLUG}/../${target}`,
];

describe('the dev server serves only the articles listArticles returns', () => {
  it('answers every traversal at every spelling of its module URLs with the same 404, and reads nothing outside the data folder', async () => {
    const articleForms = ['/@id/__x00__virtual:kg-article/', '/@id/virtual:kg-article/', '/@id/__x00__virtual%3Akg-article/', '/@id/%00virtual:kg-article/', '/virtual:kg-article/', '/@id/__x00__virtual:kg-article%2f'];
    const targets = [relative, missing, absolute(), `${outside}/articles/evil`, `%2f${outside.slice(1)}/articles/evil`];
    const paths = [
      ...articleForms.flatMap((form) => targets.flatMap(spellings).map((target) => form + target)),
      ...['/', '?', '%2f', '%00', '/../', '?x=../'].map((joint) => `/@id/__x00__virtual:kg-articles${joint}${relative}`),
      `/@id/virtual:kg-articles/${absolute()}`,
      ...['/', '?', '%2f', '%00', '/../', '?x=../'].map((joint) => `/@id/__x00__virtual:kg-corpus${joint}${relative}`),
      ...['/@id/__x00__virtual:kg-corpus/', '/@id/virtual:kg-corpus%2f', '/virtual:kg-corpus/', '/@id/__x00__virtual%3Akg-corpus/'].flatMap((form) => [relative, absolute()].flatMap(spellings).map((target) => form + target)),
      `/@id/__x00__virtual:kg-corpus?${relative}`,
      '/@id/__x00__virtual:kg-corpusx',
      '/virtual:kg-corpus',
      `/@id/__x00__virtual:kg-article/${SLUG}?t=1`,
      `/@id/__x00__virtual:kg-article/${SLUG}?${relative}`,
    ];
    const answers = new Map<string, { status: number; body: string }>();
    for (const path of paths) answers.set(path, await rawGet(url, path));
    for (const [path, answer] of answers) {
      expect(answer.status, path).toBe(404);
      for (const secret of [MARKER, outside, scratch, 'evil', 'nothing-here']) expect(answer.body, path).not.toContain(secret);
    }
    // The same answer whether the folder exists or not: it tells nothing about the disk.
    expect(new Set([...answers.values()].map((a) => a.body))).toEqual(new Set(['Not found']));
    expect(touched).toEqual([]);
  });

  it('still serves the list and each listed article, in the forms the page and Vite use', async () => {
    for (const path of ['/@id/__x00__virtual:kg-articles', '/@id/__x00__virtual:kg-corpus', '/@id/virtual:kg-corpus?import', `/@id/__x00__virtual:kg-article/${SLUG}`, `/@id/virtual:kg-article/${SLUG}`, `/@id/__x00__virtual:kg-article/${SLUG}?t=1796155306608`, `/@id/virtual:kg-article/${SLUG}?import`]) {
      const answer = await rawGet(url, path);
      expect(answer.status, path).toBe(200);
      expect(answer.body, path).toMatch(/ada-byron|export const articles/);
    }
  });

  it('serves the corpus view only while the data folder holds more than one article', async () => {
    const away = join(scratch, OTHER);
    renameSync(join(data, 'articles', OTHER), away);
    try {
      const answer = await rawGet(url, '/@id/__x00__virtual:kg-corpus');
      expect(answer).toEqual({ status: 404, body: 'Not found' });
    } finally {
      renameSync(away, join(data, 'articles', OTHER));
    }
    expect((await rawGet(url, '/@id/__x00__virtual:kg-corpus')).status).toBe(200);
  });
});
