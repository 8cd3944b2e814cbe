/**
 * The dev server's writes (issue 10): one edit per request, validated by the builder, written
 * atomically, undone and redone byte for byte; refused without the page's token, from another
 * origin or host, for an article that is not in the data folder, and when the files changed on
 * disk since the page read them. Nothing refused writes anything.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { devServer } from './helpers/dev.ts';
import { kg } from './helpers/kg.ts';
import { REPO } from './helpers/sources.ts';

const scratch = mkdtempSync(join(tmpdir(), 'kg-dev-curation-'));
const data = join(scratch, 'data');
const SLUG = '2025-03-04-ribeiro-meets-starmer';
const TEXT = 'LISBON (Wire) - On Tuesday 4 March 2025 Portuguese Prime Minister Ana Ribeiro met Keir Starmer in Lisbon to discuss defence spending.\n';
const graphFile = join(data, 'articles', SLUG, 'graph.yaml');
let server: ViteDevServer;
let url: string;
let token: string;

/** Every file under the data folder with its text: what a refused request must leave as it was. */
const snapshot = () => Object.fromEntries(readdirSync(data, { recursive: true, encoding: 'utf8' }).filter((f) => /\.(ya?ml|txt)$/.test(f)).map((f) => [f, readFileSync(join(data, f), 'utf8')]));
const state = async () => (await (await fetch(`${url}/__kg/curate/state`)).json()) as { stamp: string; undo: string | null; redo: string | null };

/** A POST as the explorer sends it; `headers` overrides what a test wants to get wrong. */
function post(action: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: Record<string, unknown> }> {
  return new Promise((done, fail) => {
    const { hostname, port, host } = new URL(url);
    const text = JSON.stringify(body);
    const req = request(
      { hostname, port, path: `/__kg/curate/${action}`, method: 'POST', headers: { host, origin: url, 'content-type': 'application/json', 'x-kg-token': token, ...headers } },
      (res) => {
        let answer = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => (answer += chunk));
        res.on('end', () => {
          let parsed: Record<string, unknown>;
          try {
            parsed = JSON.parse(answer) as Record<string, unknown>;
          } catch {
            // Vite's own refusals (a host it does not serve) are plain text.
            parsed = { ok: false, error: answer };
          }
          done({ status: res.statusCode!, body: parsed });
        });
      },
    );
    req.on('error', fail);
    req.end(text);
  });
}
const edit = async (change: unknown, headers?: Record<string, string>) => post('edit', { edit: change, base: (await state()).stamp }, headers);

beforeAll(async () => {
  cpSync(join(REPO, 'data'), data, { recursive: true });
  writeFileSync(join(scratch, 'article.txt'), TEXT);
  expect(kg(['add', join(scratch, 'article.txt'), '--data', data, '--slug', SLUG]).stderr).toBe('');
  ({ server, url } = await devServer(data));
  const page = await (await fetch(`${url}/`)).text();
  token = /<meta name="kg-curation-token" content="([^"]+)"/.exec(page)![1]!;
  expect(page).toContain(`<meta name="kg-data-stamp" content="${(await state()).stamp}"`);
}, 120_000);
afterAll(async () => {
  await server?.close();
  rmSync(scratch, { recursive: true, force: true });
});

describe('the dev server writes curation edits', () => {
  it('accepts a draft: the marker leaves the file on disk, comments kept, and kg validate passes', async () => {
    const before = readFileSync(graphFile, 'utf8');
    const answer = await edit({ op: 'accept', id: 'ana-ribeiro' });
    expect(answer).toMatchObject({ status: 200, body: { ok: true, undo: 'accept ana-ribeiro', redo: null } });
    const after = readFileSync(graphFile, 'utf8');
    expect(after).not.toBe(before);
    expect(after).toContain('# Drafted by kg add');
    const block = after.slice(after.indexOf('  - id: ana-ribeiro'), after.indexOf('  - id:', after.indexOf('  - id: ana-ribeiro') + 1));
    expect(block).toMatch(/^ {2}- id: ana-ribeiro\n {4}type: person\n {4}label: Ana Ribeiro\n/);
    expect(block).not.toContain('draft');
    expect(before.replace(/(  - id: ana-ribeiro\n(?:    .*\n)*?)    draft:\n      confidence: .*\n      rule: .*\n/, '$1')).toBe(after);
    expect(kg(['validate', '--data', data]).code).toBe(0);
  });

  it('undo puts the file back byte for byte; redo makes the change again', async () => {
    const before = readFileSync(graphFile, 'utf8');
    await edit({ op: 'accept', id: 'lisbon' });
    const changed = readFileSync(graphFile, 'utf8');
    expect(changed).not.toBe(before);
    const undone = await post('undo', { base: (await state()).stamp });
    expect(undone).toMatchObject({ status: 200, body: { ok: true, done: 'accept lisbon', redo: 'accept lisbon' } });
    expect(readFileSync(graphFile, 'utf8')).toBe(before);
    const redone = await post('redo', { base: (await state()).stamp });
    expect(redone).toMatchObject({ status: 200, body: { ok: true, redo: null } });
    expect(readFileSync(graphFile, 'utf8')).toBe(changed);
  });

  it('adds an entity from a selection of the text and answers with its id', async () => {
    const at = TEXT.indexOf('defence spending');
    // The corpus has a shared "defence spending": a second entity of that name is refused...
    const refused = await edit({ op: 'addEntity', article: SLUG, type: 'topic', mention: { start: at, end: at + 16 } });
    expect(refused.status).toBe(422);
    expect(refused.body.error).toMatch(/"defence spending" names both defence-spending and/);
    // ...and "discuss" is nobody's name yet.
    const start = TEXT.indexOf('discuss');
    const added = await edit({ op: 'addEntity', article: SLUG, type: 'topic', label: 'Lisbon talks', mention: { start, end: start + 7 } });
    expect(added).toMatchObject({ status: 200, body: { ok: true, id: 'lisbon-talks' } });
    expect(readFileSync(graphFile, 'utf8')).toContain('  - id: lisbon-talks\n    type: topic\n    label: Lisbon talks\n    aliases: [discuss]\n');
    expect(kg(['validate', '--data', data]).code).toBe(0);
  });
});

describe('what the dev server refuses, writing nothing', () => {
  const refusedWith = async (answer: Promise<{ status: number; body: Record<string, unknown> }>, status: number, message: RegExp) => {
    const before = snapshot();
    const { status: got, body } = await answer;
    expect(got).toBe(status);
    expect(body).toMatchObject({ ok: false });
    expect(String(body.error)).toMatch(message);
    expect(snapshot()).toEqual(before);
  };

  it('a write without the token, with a wrong one, from another origin, or for another host', async () => {
    const change = { op: 'accept', id: 'wire' };
    await refusedWith(edit(change, { 'x-kg-token': '' }), 403, /token/);
    await refusedWith(edit(change, { 'x-kg-token': `${token.slice(0, -1)}x` }), 403, /token/);
    await refusedWith(edit(change, { origin: 'http://evil.example' }), 403, /only from the explorer/);
    const { port } = new URL(url);
    // A DNS-rebound name: Vite refuses a host it does not serve before we see it; we refuse any host not loopback.
    await refusedWith(edit(change, { host: `evil.example:${port}`, origin: `http://evil.example:${port}` }), 403, /loopback|Blocked request/);
    await refusedWith(edit(change, { 'content-type': 'text/plain' }), 415, /JSON/);
  });

  it('an article that is not in the data folder, however it is spelled, and an edit of the wrong shape', async () => {
    const mention = { start: 0, end: 6 };
    for (const article of ['../outside', '/etc', `${SLUG}/../../x`, '__proto__']) {
      await refusedWith(edit({ op: 'addEntity', article, type: 'place', mention }), 422, /no article/);
    }
    await refusedWith(edit({ op: 'addEntity', article: SLUG, type: 'place', mention, path: '/etc/passwd' }), 400, /not an edit/);
    await refusedWith(edit({ op: 'rm -rf' }), 400, /not an edit/);
    await refusedWith(post('edit', 'x'.repeat(70_000)), 413, /over/);
  });

  it('a change the builder refuses, with its reason', async () => {
    const start = TEXT.indexOf('Lisbon to');
    await refusedWith(edit({ op: 'addRelation', article: SLUG, from: 'lisbon', type: 'leader_of', to: 'portugal', evidence: { start, end: start + 6 } }), 422, /"leader_of" cannot start at a place \(lisbon\)/);
  });

  it('a file changed on disk since the page read the data: the edit by hand stays', async () => {
    const base = (await state()).stamp;
    const edited = `${readFileSync(graphFile, 'utf8')}# a curator's note, typed in an editor\n`;
    writeFileSync(graphFile, edited);
    const answer = await post('edit', { edit: { op: 'accept', id: 'wire' }, base });
    expect(answer.status).toBe(409);
    expect(String(answer.body.error)).toMatch(/changed on disk/);
    expect(readFileSync(graphFile, 'utf8')).toBe(edited);
  });

  it('undo when the file changed since that change: refused, the file left as it is', async () => {
    expect(await edit({ op: 'accept', id: 'wire' })).toMatchObject({ status: 200, body: { undo: 'accept wire' } });
    const edited = `${readFileSync(graphFile, 'utf8')}# edited again by hand\n`;
    writeFileSync(graphFile, edited);
    const answer = await post('undo', { base: (await state()).stamp });
    expect(answer.status).toBe(409);
    expect(String(answer.body.error)).toMatch(/changed on disk since that change/);
    expect(readFileSync(graphFile, 'utf8')).toBe(edited);
  });
});
