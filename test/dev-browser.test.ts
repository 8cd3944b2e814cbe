import { cpSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inkShare, launchChromium, waitForExplorer } from './helpers/browser.ts';
import { npmStart, type NpmStart } from './helpers/dev.ts';
import { REPO, SEED_SLUG } from './helpers/sources.ts';

// `npm start` as a user runs it, on a scratch copy of data/ that the tests edit while it runs.
const scratch = mkdtempSync(join(tmpdir(), 'kg-dev-'));
const data = join(scratch, 'data');
/** A second article, in which Olaf Scholz's id is `constructor`. */
const CTOR_SLUG = '2025-02-05-constructor';
const ADDED_SLUG = '2025-02-06-added';
const SEED_TITLE = /^title: "(.*)"$/m.exec(readFileSync(join(REPO, 'data/articles', SEED_SLUG, 'meta.yaml'), 'utf8'))![1]!;

let app: NpmStart;
let browser: Browser;
let context: BrowserContext;

function copyArticle(to: string, title: string, graph: (text: string) => string = (text) => text) {
  cpSync(join(REPO, 'data/articles', SEED_SLUG), to, { recursive: true });
  const edit = (file: string, change: (text: string) => string) => writeFileSync(join(to, file), change(readFileSync(join(to, file), 'utf8')));
  edit('meta.yaml', (text) => text.replace(/^title: .*$/m, `title: ${JSON.stringify(title)}`));
  edit('graph.yaml', graph);
}

beforeAll(async () => {
  cpSync(join(REPO, 'data'), data, { recursive: true });
  copyArticle(join(data, 'articles', CTOR_SLUG), 'Scholz as constructor', (text) => text.replaceAll(/\bolaf-scholz\b/g, 'constructor'));
  [app, browser] = await Promise.all([npmStart({ KG_DATA: data }), launchChromium()]);
  context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  // Counts the documents a tab loads (a reload loop shows as more than one), and reports CSP violations.
  await context.addInitScript(() => {
    if (location.protocol !== 'http:') return;
    sessionStorage.setItem('kg-loads', String(Number(sessionStorage.getItem('kg-loads') ?? 0) + 1));
    document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
  });
  // The first load may have Vite optimise dependencies (and reload): keep that out of the tests.
  const warm = await context.newPage();
  await waitForExplorer(warm, app.url);
  await warm.close();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await app?.stop();
  rmSync(scratch, { recursive: true, force: true });
});

/** A fresh tab on `hash`, with the console errors and page errors it shows; `setUp` runs before it loads. */
async function open(hash = '', setUp: (page: Page) => void = () => {}) {
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  page.on('pageerror', (e) => problems.push(e.message));
  setUp(page);
  await waitForExplorer(page, app.url + hash);
  return { page, problems };
}

/** Loads `hash` afresh (not a same-document hash change) and reads `value` once the explorer is up. */
async function reloadAt<T>(page: Page, hash: string, value: () => Promise<T>): Promise<T | undefined> {
  try {
    await page.goto('about:blank');
    await waitForExplorer(page, app.url + hash);
    return await value();
  } catch {
    // Vite reloading the page by itself at the same moment: try again.
    return undefined;
  }
}

const poll = { timeout: 30_000, interval: 250 };

describe('npm start, in Chromium', () => {
  it('draws the graph, answers window.kg and search, and connects HMR under a CSP that reaches only the dev server', async () => {
    const sockets: string[] = [];
    let connected: Promise<unknown> = Promise.resolve();
    const { page, problems } = await open('', (tab) => {
      tab.on('websocket', (ws) => sockets.push(ws.url()));
      connected = tab.waitForEvent('console', { predicate: (m) => m.text() === '[vite] connected.', timeout: 20_000 });
    });
    await connected;
    expect(await page.locator('vite-error-overlay').count()).toBe(0);

    const undrawn = await page.evaluate(() => window.kg.graph.filterNodes((n) => !window.explorer.view.renderer.getNodeDisplayData(n)));
    expect(undrawn).toEqual([]);
    expect(inkShare(await page.locator('#graph').screenshot())).toBeGreaterThan(0.01);
    mkdirSync(join(REPO, 'test/artifacts'), { recursive: true });
    await page.screenshot({ path: join(REPO, 'test/artifacts/explorer-dev.png') });
    const result = await page.evaluate(() => window.kg.neighbours('Starmer'));
    expect(result.entity.id).toBe('keir-starmer');
    expect(result.neighbours.length).toBeGreaterThan(5);

    await page.locator('#search-input').fill('scholz');
    await page.locator('#search-options [role=option]', { hasText: 'Olaf Scholz' }).click();
    await expect.poll(() => page.locator('#details h2').textContent()).toBe('Olaf Scholz');
    expect(page.url()).toContain('node=olaf-scholz');

    const csp = (await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content'))!;
    expect(csp.split('; ').filter((d) => d.startsWith('connect-src'))).toEqual(["connect-src 'self'"]);
    expect(sockets).toEqual([expect.stringMatching(new RegExp(`^ws://127\\.0\\.0\\.1:${new URL(app.url).port}/`))]);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('shows an edit to the data after a reload', async () => {
    const { page } = await open(`#article=${SEED_SLUG}&node=olaf-scholz`);
    const description = () => page.locator('#details .description').textContent();
    expect(await description()).toMatch(/^Germany's Chancellor/);
    const file = join(data, 'articles', SEED_SLUG, 'graph.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace("description: Germany's Chancellor,", "description: Edited while npm start ran. Germany's Chancellor,"));
    await expect.poll(() => reloadAt(page, `#article=${SEED_SLUG}&node=olaf-scholz`, description), poll).toMatch(/^Edited while npm start ran\./);
    await page.close();
  });

  it('lists an article folder added while it runs, and forgets it once removed', async () => {
    const { page } = await open(`#article=${ADDED_SLUG}`);
    const title = () => page.locator('#article-title').textContent();
    expect(await title()).toBe(SEED_TITLE);
    // Moved in and out whole, so no reload sees a half-copied folder.
    const staging = join(scratch, ADDED_SLUG);
    copyArticle(staging, 'Added while npm start ran');
    renameSync(staging, join(data, 'articles', ADDED_SLUG));
    await expect.poll(() => reloadAt(page, `#article=${ADDED_SLUG}`, title), poll).toBe('Added while npm start ran');
    renameSync(join(data, 'articles', ADDED_SLUG), staging);
    await expect.poll(() => reloadAt(page, `#article=${ADDED_SLUG}`, title), poll).toBe(SEED_TITLE);
    expect(new URL(page.url()).hash).toBe(`#article=${SEED_SLUG}`);
    await page.close();
  });

  it('falls back once to the first article for one the data folder does not hold, and rewrites the hash', async () => {
    // One tab per name, side by side: a reload loop loads a document every few hundred milliseconds.
    const names = ['no-such-article', 'constructor', '__proto__', '../../etc/passwd'];
    const tabs = await Promise.all(names.map((name) => open(`#${new URLSearchParams({ article: name, node: 'olaf-scholz' })}`)));
    await new Promise((done) => setTimeout(done, 1000));
    for (const [i, { page, problems }] of tabs.entries()) {
      const name = names[i];
      expect(await page.evaluate(() => sessionStorage.getItem('kg-loads')), name).toBe('1');
      expect(new URL(page.url()).hash, name).toBe(`#article=${SEED_SLUG}&node=olaf-scholz`);
      expect(await page.locator('#article-title').textContent(), name).toBe(SEED_TITLE);
      expect(problems, name).toEqual([]);
      await page.close();
    }
  });

  it('selects an entity whose id is constructor from the URL, and drops ids the article does not hold', async () => {
    const ctor = await open(`#article=${CTOR_SLUG}&node=constructor`);
    await expect.poll(() => ctor.page.locator('#details h2').textContent()).toBe('Olaf Scholz');
    expect(ctor.page.url()).toContain('node=constructor');
    expect(await ctor.page.locator('#article .mention.selected[data-node="constructor"]').count()).toBeGreaterThan(0);
    expect(await ctor.page.evaluate(() => window.kg.neighbours('constructor').neighbours.length)).toBeGreaterThan(0);
    expect(ctor.problems).toEqual([]);
    await ctor.page.close();

    const unknown = await open(`#article=${SEED_SLUG}&node=constructor&edge=__proto__&hideRel=constructor,toString&focus=constructor`);
    await expect.poll(() => unknown.page.locator('#details h2').textContent()).toBe('Explore');
    expect(new URL(unknown.page.url()).hash).toBe(`#article=${SEED_SLUG}`);
    expect(unknown.problems).toEqual([]);
    await unknown.page.close();
  });
});
