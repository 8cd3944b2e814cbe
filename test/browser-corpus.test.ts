import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openExplorer, pageWithProblems, startBrowser, type BrowserSession } from './helpers/browser.ts';
import { kg } from './helpers/kg.ts';
import { buildSite } from './helpers/site.ts';
import { REPO } from './helpers/sources.ts';

// The fixture corpus: two articles that share Ada Byron, Freedonia and Sylvania.
const CORPUS = join(REPO, 'test/fixtures/corpus');
const PARIS = '2025-01-01-paris-summit';
const SYLVANIA = '2025-02-01-byron-in-sylvania';
const scratch = mkdtempSync(join(tmpdir(), 'kg-corpus-browser-'));
let session: BrowserSession;

beforeAll(async () => {
  await buildSite(join(scratch, 'site'), CORPUS);
  session = await startBrowser(join(scratch, 'site'));
}, 120_000);
afterAll(async () => {
  await session?.close();
  rmSync(scratch, { recursive: true, force: true });
});

const hidden = (page: Page, node: string) => page.evaluate((n) => window.explorer.view.renderer.getNodeDisplayData(n)?.hidden ?? false, node);
const edgeHidden = (page: Page, edge: string) => page.evaluate((e) => window.explorer.view.renderer.getEdgeDisplayData(e)?.hidden ?? false, edge);
const shownArticle = (page: Page) => page.locator('#article').getAttribute('data-article');
const evidence = (page: Page) => page.evaluate(() => [...(CSS.highlights.get('evidence') ?? [])].map((r) => (r as Range).toString()));

describe('the explorer on a corpus', () => {
  it('opens the corpus view by default: every article in one graph, the article list with counts', async () => {
    const { page, problems } = await pageWithProblems(session);
    await page.goto(session.url);
    await page.waitForFunction(() => Boolean(window.kg && window.explorer));
    expect(new URL(page.url()).hash).toBe('');
    expect(await page.evaluate(() => window.kg.graph.getAttribute('slug'))).toBe('_corpus');
    expect(await page.evaluate(() => window.kg.stats().entities)).toBe(7);
    const rows = page.locator('#article-filters li');
    expect(await rows.allTextContents()).toEqual([
      'Byron invited to Paris summit2025-01-01 · 6 entities · 4 relationsopen',
      'Byron visits Sylvania2025-02-01 · 4 entities · 2 relationsopen',
    ]);
    expect(await shownArticle(page)).toBe(PARIS);
    expect(await page.locator('#corpus-link').isHidden()).toBe(true);
    mkdirSync(join(REPO, 'test/artifacts'), { recursive: true });
    // Selected without moving the camera, so the picture shows the whole corpus.
    await page.evaluate(() => window.explorer.store.update({ selection: { kind: 'node', id: 'ada-byron' } }));
    await page.waitForTimeout(500);
    await page.screenshot({ path: join(REPO, 'test/artifacts/explorer-corpus.png') });
    expect(problems).toEqual([]);
    await page.close();
  });

  it('hides an article\'s relations and the entities only it mentions, and keeps that in the URL', async () => {
    const page = await openExplorer(session);
    await page.locator('label[for="article-0"]').click();
    await expect.poll(() => hidden(page, 'institute')).toBe(true);
    expect(await hidden(page, 'paris-summit')).toBe(true);
    expect(await edgeHidden(page, `${PARIS}:ada-byron--leader-of--freedonia`)).toBe(true);
    // Shared with the other article: still there, with that article's relations.
    expect(await hidden(page, 'ada-byron')).toBe(false);
    expect(await hidden(page, 'sylvania')).toBe(false);
    expect(await edgeHidden(page, `${SYLVANIA}:ada-byron--leader-of--freedonia`)).toBe(false);
    expect(page.url()).toContain(`hideArt=${PARIS}`);
    await page.reload();
    await page.waitForFunction(() => Boolean(window.explorer));
    expect(await page.locator('#article-0').isChecked()).toBe(false);
    expect(await hidden(page, 'institute')).toBe(true);
    // By keyboard: the box toggles with Space.
    await page.locator('#article-0').focus();
    await page.keyboard.press('Space');
    await expect.poll(() => hidden(page, 'institute')).toBe(false);
    expect(page.url()).not.toContain('hideArt');
    await page.close();
  });

  it('lists every article an entity appears in, and shows the other one with its mentions marked', async () => {
    const page = await openExplorer(session, '#node=sylvania');
    const items = page.locator('#details .appears-in li');
    expect(await items.allTextContents()).toEqual(['Byron invited to Paris summit 2025-01-01 · 1 mention', 'Byron visits Sylvania 2025-02-01 · 2 mentions']);
    expect(await shownArticle(page)).toBe(PARIS);
    await items.nth(1).locator('button').click();
    await expect.poll(() => shownArticle(page)).toBe(SYLVANIA);
    expect(await page.locator('#article-title').textContent()).toBe('Byron visits Sylvania');
    expect(await page.locator('#article .mention.selected[data-node="sylvania"]').count()).toBe(2);
    // A mention in the shown article selects its entity; the panel stays on that article.
    await page.locator('#article .mention[data-node="ada-byron"]').first().click();
    await expect.poll(() => page.locator('#details h2').textContent()).toBe('Ada Byron');
    expect(await shownArticle(page)).toBe(SYLVANIA);
    await page.close();
  });

  it('switches the article panel to the article of a chosen relation, and highlights its evidence', async () => {
    const page = await openExplorer(session, '#node=ada-byron');
    expect(await shownArticle(page)).toBe(PARIS);
    await page.locator('#details .quote', { hasText: 'visited Sylvania on Saturday' }).click();
    await expect.poll(() => shownArticle(page)).toBe(SYLVANIA);
    await expect.poll(() => evidence(page)).toEqual(['visited Sylvania on Saturday']);
    expect(await page.locator('#details').textContent()).toContain('of “Byron visits Sylvania”');
    // And back, by choosing an edge of the first article.
    await page.evaluate((edge) => window.explorer.store.update({ selection: { kind: 'edge', id: edge } }), `${PARIS}:paris-summit--held-in--paris`);
    await expect.poll(() => shownArticle(page)).toBe(PARIS);
    await expect.poll(() => evidence(page)).toEqual(['a summit in Paris']);
    await page.close();
  });

  it('opens one article\'s view from the list, as before, and comes back to the corpus', async () => {
    const page = await openExplorer(session);
    await page.locator('#article-filters a.open-article').nth(1).click();
    await page.waitForFunction(() => window.kg?.graph.getAttribute('slug') === '2025-02-01-byron-in-sylvania');
    expect(await page.evaluate(() => window.kg.graph.order)).toBe(4);
    expect(await page.locator('#articles').isHidden()).toBe(true);
    expect(await page.locator('#article-title').textContent()).toBe('Byron visits Sylvania');
    expect(page.url()).toContain(`#article=${SYLVANIA}`);
    await page.locator('#corpus-link').click();
    await page.waitForFunction(() => window.kg?.graph.getAttribute('slug') === '_corpus');
    await page.close();
  });

  it('answers window.kg on the corpus graph, and axe finds no serious violation', async () => {
    const page = await openExplorer(session, '#node=ada-byron');
    const relations = await page.evaluate(() => window.kg.show('Byron').out);
    expect(Object.values(relations).flat().map((r) => r.article).sort()).toEqual([PARIS, PARIS, SYLVANIA, SYLVANIA]);
    await page.evaluate(readFileSync(join(REPO, 'node_modules/axe-core/axe.min.js'), 'utf8'));
    const violations = await page.evaluate(async () => {
      const results = await (window as unknown as { axe: { run: (o: object) => Promise<{ violations: { id: string; impact: string }[] }> } }).axe.run({ resultTypes: ['violations'] });
      return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id);
    });
    expect(violations).toEqual([]);
    await page.close();
  });

  it('preloads the corpus view with the page, and downloads the corpus GraphML the CLI exports', async () => {
    const html = readFileSync(join(scratch, 'site/index.html'), 'utf8');
    // The page may preload shared chunks of its own code too: one of the preloads is the corpus view.
    const preloads = [...html.matchAll(/<link rel="modulepreload" crossorigin href="\.\/([^"]+)"/g)].map((m) => m[1]!);
    expect(preloads.some((file) => readFileSync(join(scratch, 'site', file), 'utf8').includes('_corpus'))).toBe(true);
    const page = await openExplorer(session);
    await page.locator('#export-format').selectOption('graphml');
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#export').click()]);
    expect(download.suggestedFilename()).toBe('corpus.graphml');
    expect(readFileSync((await download.path())!, 'utf8')).toBe(kg(['export', '--format', 'graphml', '--data', CORPUS]).stdout);
    await page.close();
  });
});

describe('an article added with kg add, in the explorer', () => {
  it("is listed in the corpus view and its known entities are the corpus's, with the new article among theirs", async () => {
    const data = join(scratch, 'added-data');
    cpSync(CORPUS, data, { recursive: true });
    const text = join(scratch, 'byron-returns.txt');
    writeFileSync(text, 'SYLVANIA CITY (Wire) - On Monday 3 March 2025, Ada Byron, the prime minister of Freedonia, returned to Sylvania. Byron met traders there.\n');
    const added = kg(['add', text, '--data', data, '--slug', 'byron-returns']);
    expect(added.code, added.stderr).toBe(0);
    await buildSite(join(scratch, 'added-site'), data);
    const other = await startBrowser(join(scratch, 'added-site'));
    try {
      const page = await openExplorer(other);
      expect(await page.locator('#article-filters li').allTextContents()).toContainEqual(expect.stringMatching(/^Byron, the prime minister of Freedonia, returned to Sylvania|2025-03-03/));
      const appears = await page.evaluate(() => window.kg.graph.getNodeAttribute('ada-byron', 'articles'));
      expect(appears).toContain('byron-returns');
      expect(await page.evaluate(() => window.kg.graph.filterNodes((_, a) => a.label === 'Ada Byron').length)).toBe(1);
      await page.close();
    } finally {
      await other.close();
    }
  });
});
