import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium, waitForExplorer } from './browser.ts';
import { npmStart, type NpmStart } from './dev.ts';
import { draftedData, DRAFT_SLUG, DRAFT_TEXT } from './draftedArticle.ts';
import { REPO } from './sources.ts';

export const ARTIFACTS = join(REPO, 'test/artifacts');
export const HASH = `#article=${DRAFT_SLUG}`;

/** Where words stand in the drafted article's text, as the edits take them. */
export const span = (words: string, from = 0) => {
  const start = DRAFT_TEXT.indexOf(words, from);
  if (start === -1) throw new Error(`the test text lacks "${words}"`);
  return { start, end: start + words.length };
};

/** Waits until the page has loaded no new document for a while: Vite may send one reload per changed data module. */
export async function quiet(page: Page): Promise<void> {
  for (;;) {
    await page.waitForFunction(() => Boolean(window.explorer && window.kg), null, { timeout: 20_000 });
    const origin = await page.evaluate(() => performance.timeOrigin);
    await page.waitForTimeout(700);
    const now = await page.evaluate(() => (window.explorer ? performance.timeOrigin : 0)).catch(() => 0);
    if (now === origin) return;
  }
}

/** Runs `action` and waits for the reload the saved change brings (a new document with the explorer up). */
export async function saving(page: Page, action: () => Promise<unknown>): Promise<void> {
  await page.evaluate(() => Object.assign(window, { beforeSave: true }));
  await action();
  await page.waitForFunction(() => !('beforeSave' in window) && Boolean(window.explorer && window.kg), null, { timeout: 20_000 });
  await quiet(page);
}

/** Selects article characters [start, end) as a mouse would, through the browser's own selection. */
export async function selectWords(page: Page, at: { start: number; end: number }): Promise<void> {
  await page.evaluate(({ start, end }) => {
    const range = window.explorer.articlePanel.rangeOf(start, end);
    const selection = document.getSelection()!;
    selection.removeAllRanges();
    selection.addRange(range);
  }, at);
  await page.locator('.selection-menu').waitFor({ state: 'visible' });
}

export const selectNode = (page: Page, id: string) => page.evaluate((node) => window.explorer.selection.node(node), id);

/**
 * One test file's review set-up: a scratch copy of the data with the drafted article, `npm start`
 * on it and Chromium, for the whole file (its tests run in order on the same data).
 */
export function reviewSession(prefix: string) {
  const scratch = mkdtempSync(join(tmpdir(), `${prefix}-`));
  const data = join(scratch, 'data');
  let app: NpmStart;
  let browser: Browser;
  beforeAll(async () => {
    draftedData(scratch);
    mkdirSync(ARTIFACTS, { recursive: true });
    [app, browser] = await Promise.all([npmStart({ KG_DATA: data }), launchChromium()]);
    // The first load may have Vite optimise dependencies (and reload): keep that out of the tests.
    const warm = await browser.newPage();
    await waitForExplorer(warm, app.url + HASH);
    await warm.close();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    rmSync(scratch, { recursive: true, force: true });
  });
  const graphFile = join(data, 'articles', DRAFT_SLUG, 'graph.yaml');
  return {
    scratch,
    data,
    graphFile,
    vocabularyFile: join(data, 'vocabulary.yaml'),
    get url() {
      return app.url;
    },
    get browser() {
      return browser;
    },
    read: (file = graphFile) => readFileSync(file, 'utf8'),
    /** Every data file with its text: what a refused change must leave as it was. */
    snapshot: () => Object.fromEntries(readdirSync(data, { recursive: true, encoding: 'utf8' }).filter((f) => /\.(ya?ml|txt)$/.test(f)).map((f) => [f, readFileSync(join(data, f), 'utf8')])),
    /** A page of the explorer on the drafted article, in a context of its own, once it has settled. */
    async open(viewport = { width: 1400, height: 900 }, colorScheme: 'light' | 'dark' = 'light'): Promise<{ page: Page; problems: string[] }> {
      const context = await browser.newContext({ viewport, colorScheme });
      const page = await context.newPage();
      page.on('close', () => void context.close().catch(() => {}));
      const problems: string[] = [];
      page.on('pageerror', (e) => problems.push(e.message));
      await waitForExplorer(page, app.url + HASH);
      await quiet(page);
      return { page, problems };
    },
  };
}
