import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inkShare, launchChromium, waitForExplorer } from './helpers/browser.ts';
import { npmStart, type NpmStart } from './helpers/dev.ts';
import { germanArticle, writeArticle } from './helpers/site.ts';
import { REPO, SEED_SLUG } from './helpers/sources.ts';

// `npm start` as a user runs it, on a scratch copy of data/ that the tests edit while it runs.
const scratch = mkdtempSync(join(tmpdir(), 'kg-dev-'));
const data = join(scratch, 'data');
/** Another article, in which a person's id is `constructor`. */
const CTOR_SLUG = '2025-02-05-constructor';
const ADDED_SLUG = '2025-02-06-added';

let app: NpmStart;
let browser: Browser;
let context: BrowserContext;

/** The view on screen: an article's slug, or `_corpus`. */
const viewOf = (page: Page) => page.evaluate(() => window.kg.graph.getAttribute('slug'));

beforeAll(async () => {
  cpSync(join(REPO, 'data'), data, { recursive: true });
  writeArticle(data, CTOR_SLUG, germanArticle('A constructor', 'constructor'));
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
    // Relations naming him are listed too: choose the entity itself.
    await page.locator('#search-options [role=option][data-node="olaf-scholz"]').click();
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
    const SCHOLZ = "Germany's Chancellor, whose arrival";
    // Wherever Scholz is defined: the seed's graph.yaml, or the entities the articles share.
    const file = [join(data, 'entities.yaml'), join(data, 'articles', SEED_SLUG, 'graph.yaml')].find((f) => existsSync(f) && readFileSync(f, 'utf8').includes(SCHOLZ))!;
    writeFileSync(file, readFileSync(file, 'utf8').replace(SCHOLZ, `Edited while npm start ran. ${SCHOLZ}`));
    await expect.poll(() => reloadAt(page, `#article=${SEED_SLUG}&node=olaf-scholz`, description), poll).toMatch(/^Edited while npm start ran\./);
    await page.close();
  });

  it('lists an article folder added while it runs, and forgets it once removed', async () => {
    const { page } = await open(`#article=${ADDED_SLUG}`);
    const title = () => page.locator('#article-title').textContent();
    expect(await viewOf(page)).toBe('_corpus');
    // Moved in and out whole, so no reload sees a half-written folder.
    const staging = writeArticle(join(scratch, 'staging'), ADDED_SLUG, germanArticle('Added while npm start ran', 'added-person', 'Ada Neu'));
    const added = join(data, 'articles', ADDED_SLUG);
    renameSync(staging, added);
    try {
      await expect.poll(() => reloadAt(page, `#article=${ADDED_SLUG}`, title), poll).toBe('Added while npm start ran');
    } finally {
      // Even when the above fails: the tests after this one expect the folder gone.
      renameSync(added, staging);
    }
    await expect.poll(() => reloadAt(page, `#article=${ADDED_SLUG}`, () => viewOf(page)), poll).toBe('_corpus');
    expect(new URL(page.url()).hash).toBe('');
    await page.close();
  });

  it('falls back once to the corpus view for an article the data folder does not hold, and rewrites the hash', async () => {
    // One tab per name, side by side: a reload loop loads a document every few hundred milliseconds.
    const names = ['no-such-article', 'constructor', '__proto__', '../../etc/passwd'];
    const tabs = await Promise.all(names.map((name) => open(`#${new URLSearchParams({ article: name, node: 'olaf-scholz' })}`)));
    await new Promise((done) => setTimeout(done, 1000));
    for (const [i, { page, problems }] of tabs.entries()) {
      const name = names[i];
      expect(await page.evaluate(() => sessionStorage.getItem('kg-loads')), name).toBe('1');
      // The article is dropped; the node stays (the camera that centres it may follow).
      const hash = new URLSearchParams(new URL(page.url()).hash.slice(1));
      expect(hash.get('article'), name).toBeNull();
      expect(hash.get('node'), name).toBe('olaf-scholz');
      expect(await viewOf(page), name).toBe('_corpus');
      expect(problems, name).toEqual([]);
      await page.close();
    }
  });

  it('selects an entity whose id is constructor from the URL, and drops ids the article does not hold', async () => {
    const ctor = await open(`#article=${CTOR_SLUG}&node=constructor`);
    await expect.poll(() => ctor.page.locator('#details h2').textContent()).toBe('Otto Konstrukt');
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
