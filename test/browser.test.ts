import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inkShare, openExplorer, pageWithProblems, startBrowser, type BrowserSession } from './helpers/browser.ts';
import { kg } from './helpers/kg.ts';
import { buildSite, germanArticle, writeArticle } from './helpers/site.ts';
import { REPO, SEED_SLUG } from './helpers/sources.ts';

const ARTIFACTS = join(REPO, 'test/artifacts');
/** The seed article's own view: the data folder may hold more articles, and then opens the corpus. */
const SEED = `#article=${SEED_SLUG}`;
const DIM_NODE = '#e2e2e2';
let session: BrowserSession;

beforeAll(async () => {
  await buildSite(join(REPO, 'dist'));
  session = await startBrowser();
}, 120_000);
afterAll(async () => session?.close());

/** Where a node is drawn, in page coordinates. */
async function nodePoint(page: Page, node: string) {
  const point = await page.evaluate((n) => {
    const renderer = window.explorer.view.renderer;
    const a = renderer.getGraph().getNodeAttributes(n);
    return renderer.graphToViewport({ x: a.x, y: a.y });
  }, node);
  const box = (await page.locator('#graph').boundingBox())!;
  return { x: box.x + point.x, y: box.y + point.y };
}

const display = (page: Page, node: string) =>
  page.evaluate((n) => {
    const d = window.explorer.view.renderer.getNodeDisplayData(n)!;
    return { color: d.color, hidden: d.hidden, label: d.label };
  }, node);

describe('the explorer', () => {
  it('draws the labelled, coloured graph beside the article, under a strict CSP, and saves a screenshot', async () => {
    const { page, problems } = await pageWithProblems(session);
    await page.goto(session.url + SEED);
    await page.waitForFunction(() => Boolean(window.kg));
    await page.waitForTimeout(300);
    const graphShot = await page.locator('#graph').screenshot();
    expect(inkShare(graphShot)).toBeGreaterThan(0.01);
    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(await page.locator('#article .mention').count()).toBeGreaterThan(50);
    expect(await page.locator('#type-filters input[type=checkbox]').count()).toBe(6);
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'explorer.png') });
    await page.evaluate(() => window.kg.select('Keir Starmer'));
    await page.waitForTimeout(600);
    await page.screenshot({ path: join(ARTIFACTS, 'explorer-starmer.png') });
    expect(problems).toEqual([]);
    await page.close();
  });

  it('selects Olaf Scholz when "scholz" is typed and Enter pressed', async () => {
    const page = await openExplorer(session, SEED);
    await page.locator('#search-input').fill('scholz');
    await expect.poll(() => page.locator('#search-options [role=option]').first().textContent()).toContain('Olaf Scholz');
    await page.locator('#search-input').press('Enter');
    await expect.poll(() => page.locator('#details h2').textContent()).toBe('Olaf Scholz');
    expect(page.url()).toContain('node=olaf-scholz');
    await page.close();
  });

  it('lists "invited to" with its evidence sentence in Keir Starmer\'s details', async () => {
    const page = await openExplorer(session, `#article=${SEED_SLUG}&node=keir-starmer`);
    const group = page.locator('#details .relation-group', { has: page.locator('h3', { hasText: 'invited to →' }) });
    await expect.poll(() => group.count()).toBe(1);
    expect(await group.locator('.quote').first().textContent()).toBe("“Starmer was invited to join the EU's 27 heads of state for dinner in Brussels”");
    expect(await group.locator('.link').first().textContent()).toBe("EU leaders' dinner in Brussels");
    await page.close();
  });

  it('dims everything but a hovered node and its neighbours', async () => {
    const page = await openExplorer(session, SEED);
    const neighbours = await page.evaluate(() => window.kg.neighbours('olaf-scholz').neighbours.map((n) => n.id));
    const stranger = await page.evaluate((ns) => window.kg.graph.filterNodes((n) => n !== 'olaf-scholz' && !ns.includes(n))[0]!, neighbours);
    expect((await display(page, stranger)).color).not.toBe(DIM_NODE);
    const p = await nodePoint(page, 'olaf-scholz');
    await page.mouse.move(p.x, p.y);
    await expect.poll(() => page.evaluate(() => window.explorer.store.get().hoveredNode)).toBe('olaf-scholz');
    expect((await display(page, stranger)).color).toBe(DIM_NODE);
    for (const n of neighbours) expect((await display(page, n)).color, n).not.toBe(DIM_NODE);
    expect(await page.locator('#article .mention.hovered').count()).toBeGreaterThan(0);
    await page.mouse.move(2, 400);
    await expect.poll(async () => (await display(page, stranger)).color).not.toBe(DIM_NODE);
    await page.close();
  });

  it('links only the shader programs its first frame draws, the others after it, and still picks what is under the pointer', async () => {
    const page = await session.browser.newPage();
    // Every WebGL program link, timed: the first frame's are those before the explorer's mark.
    await page.addInitScript(() => {
      const links: number[] = [];
      (window as unknown as { kgLinks: number[] }).kgLinks = links;
      for (const proto of [WebGLRenderingContext.prototype, WebGL2RenderingContext.prototype]) {
        const link = proto.linkProgram;
        proto.linkProgram = function (this: WebGLRenderingContext, program: WebGLProgram) {
          links.push(performance.now());
          return link.call(this, program);
        } as typeof link;
      }
    });
    await page.goto(session.url + SEED);
    await page.waitForFunction(() => Boolean(window.kg));
    const linked = () => page.evaluate(() => {
      const mark = performance.getEntriesByName('kg:first-frame')[0]!.startTime;
      const links = (window as unknown as { kgLinks: number[] }).kgLinks;
      return { before: links.filter((t) => t < mark).length, all: links.length };
    });
    // Nodes and straight lines first; then their picking passes, the arrow heads and the curves.
    await expect.poll(async () => (await linked()).all).toBe(8);
    expect((await linked()).before).toBe(2);
    const p = await nodePoint(page, 'olaf-scholz');
    await page.mouse.move(p.x, p.y);
    await expect.poll(() => page.evaluate(() => window.explorer.store.get().hoveredNode)).toBe('olaf-scholz');
    // The hover layer's program, at the first hover.
    await expect.poll(async () => (await linked()).all).toBe(9);
    await page.close();
  });

  it('hides a type\'s nodes when its box is unticked, and keeps the filter in the URL', async () => {
    const page = await openExplorer(session, SEED);
    const before = inkShare(await page.locator('#graph').screenshot());
    await page.locator('label[for="type-topic"]').click();
    await expect.poll(async () => (await display(page, 'defence-spending')).hidden).toBe(true);
    expect((await display(page, 'keir-starmer')).hidden).toBeFalsy();
    expect(page.url()).toContain('hide=topic');
    expect(inkShare(await page.locator('#graph').screenshot())).toBeLessThan(before);
    await page.close();
  });

  it('focuses on the selection\'s neighbourhood and frames it', async () => {
    const page = await openExplorer(session, `#article=${SEED_SLUG}&node=olaf-scholz`);
    // A link centres its node first; the focus then frames the neighbourhood, from whatever zoom that left.
    const atRest = () => page.waitForFunction(() => !window.explorer.view.renderer.getCamera().isAnimated());
    const camera = () => page.evaluate(() => window.explorer.view.renderer.getCamera().getState());
    await atRest();
    const before = await camera();
    await page.locator('#focus-depth').selectOption('1');
    const neighbours = await page.evaluate(() => window.kg.graph.neighbors('olaf-scholz'));
    await expect.poll(async () => (await display(page, 'iiss')).hidden).toBe(true);
    for (const n of neighbours) expect((await display(page, n)).hidden, n).toBeFalsy();
    expect(page.url()).toContain('focus=1');
    await expect.poll(camera).not.toEqual(before);
    await atRest();
    const outside = await page.evaluate((nodes) => {
      const { renderer, frame } = window.explorer.view;
      const free = frame.freeRect();
      return nodes.filter((n) => {
        const p = renderer.framedGraphToViewport(renderer.getNodeDisplayData(n)!);
        return p.x < free.x || p.x > free.x + free.width || p.y < free.y || p.y > free.y + free.height;
      });
    }, ['olaf-scholz', ...neighbours]);
    expect(outside).toEqual([]);
    await page.close();
  });

  it('selects a node when its mention in the article is clicked, and marks its mentions', async () => {
    const page = await openExplorer(session, SEED);
    await page.locator('#article .mention[data-node="iiss"]').first().click();
    await expect.poll(() => page.locator('#details h2').textContent()).toBe('International Institute for Strategic Studies');
    expect(await page.locator('#article .mention.selected[data-node="iiss"]').count()).toBeGreaterThan(0);
    await page.close();
  });

  it('highlights a relation\'s evidence in the article when the relation is chosen', async () => {
    const page = await openExplorer(session, `#article=${SEED_SLUG}&node=united-kingdom`);
    await page.locator('#details .quote', { hasText: 'projected to spend' }).click();
    await expect.poll(() => page.locator('#details h2').textContent()).toBe('projected by');
    const highlighted = await page.evaluate(() => [...(CSS.highlights.get('evidence') ?? [])].map((r) => (r as Range).toString()));
    expect(highlighted).toEqual([expect.stringMatching(/^is projected to spend the second-most on defence in Europe this year after Germany/)]);
    await page.close();
  });

  it('answers window.kg queries with the query core', async () => {
    const page = await openExplorer(session, SEED);
    const result = await page.evaluate(() => window.kg.neighbours('Starmer'));
    expect(result.entity.id).toBe('keir-starmer');
    expect(result.neighbours.length).toBe(JSON.parse(kg(['neighbours', 'Starmer', '--json', '--article', SEED_SLUG]).stdout).neighbours.length);
    expect(await page.evaluate(() => window.kg.path('Scholz', 'IISS').steps?.length)).toBeGreaterThan(0);
    expect(await page.evaluate(() => window.kg.help())).toContain('kg.neighbours');
    expect(await page.evaluate(() => window.kg.select('britain'))).toBe('united-kingdom');
    await expect.poll(() => page.locator('#details h2').textContent()).toBe('United Kingdom');
    await page.close();
  });

  it('downloads GraphML byte for byte equal to the CLI export', async () => {
    const page = await openExplorer(session, SEED);
    await page.locator('#export-format').selectOption('graphml');
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#export').click()]);
    expect(download.suggestedFilename()).toBe(`${SEED_SLUG}.graphml`);
    const fromPage = readFileSync((await download.path())!, 'utf8');
    const fromCli = kg(['export', '--format', 'graphml', '--article', SEED_SLUG]).stdout;
    expect(fromPage.length).toBeGreaterThan(10_000);
    expect(fromPage).toBe(fromCli);
    await page.close();
  });

  it('downloads a PNG of the graph and the CSV tables', async () => {
    const page = await openExplorer(session, SEED);
    await page.locator('#export-format').selectOption('png');
    // An image asks its size, scope and background first; the dialog's Download saves it.
    await page.locator('#export').click();
    const [png] = await Promise.all([page.waitForEvent('download'), page.locator('#export-image-download').click()]);
    const image = readFileSync((await png.path())!);
    expect(image.subarray(1, 4).toString()).toBe('PNG');
    expect(inkShare(image)).toBeGreaterThan(0.005);
    await page.locator('#export-format').selectOption('csv');
    const downloads: string[] = [];
    page.on('download', (d) => downloads.push(d.suggestedFilename()));
    await page.locator('#export').click();
    await expect.poll(() => downloads.sort()).toEqual([`${SEED_SLUG}.edges.csv`, `${SEED_SLUG}.nodes.csv`]);
    await page.close();
  });

  it('restores a selection from the URL on reload, and Back restores the previous one', async () => {
    const page = await openExplorer(session, `#article=${SEED_SLUG}&node=olaf-scholz`);
    await expect.poll(() => page.locator('#details h2').textContent()).toBe('Olaf Scholz');
    await page.reload();
    await page.waitForFunction(() => Boolean(window.kg));
    await expect.poll(() => page.locator('#details h2').textContent()).toBe('Olaf Scholz');
    await page.evaluate(() => window.kg.select('Brussels'));
    await expect.poll(() => page.locator('#details h2').textContent()).toBe('Brussels');
    await page.goBack();
    await expect.poll(() => page.locator('#details h2').textContent()).toBe('Olaf Scholz');
    await page.close();
  });

  it('gives the same node positions on two loads, and the worker layout runs, stops and resets', async () => {
    const positions = async (page: Page) => page.evaluate(() => window.kg.graph.mapNodes((n, a) => [n, a.x, a.y]));
    const first = await openExplorer(session, SEED);
    const second = await openExplorer(session, SEED);
    const initial = await positions(first);
    expect(initial).toEqual(await positions(second));
    await second.close();
    // Every status the layout shows, recorded as it changes: on a small graph the worker may spend
    // its whole budget before a poll would have seen "running".
    await first.evaluate(() => {
      const status = document.getElementById('layout-status')!;
      const seen: string[] = [];
      Object.assign(window, { layoutStatuses: seen });
      new MutationObserver(() => seen.push(status.textContent ?? '')).observe(status, { childList: true, characterData: true, subtree: true });
    });
    await first.locator('#layout-toggle').click();
    await expect.poll(() => first.evaluate(() => (window as unknown as { layoutStatuses: string[] }).layoutStatuses[0])).toMatch(/running/);
    await expect.poll(() => first.locator('#layout-status').textContent(), { timeout: 15_000 }).toMatch(/converged|budget/);
    expect(await positions(first)).not.toEqual(initial);
    await first.locator('#layout-reset').click();
    expect(await positions(first)).toEqual(initial);
    await first.close();
  });

  it('has no serious or critical accessibility violations (axe), whatever is selected', async () => {
    const page = await openExplorer(session, SEED);
    // page.evaluate is not subject to the page's CSP, unlike an injected <script>.
    await page.evaluate(readFileSync(join(REPO, 'node_modules/axe-core/axe.min.js'), 'utf8'));
    // One entity of every type, and a relation: a selected mention takes its type's colour.
    const nodes = await page.evaluate(() => ['person', 'country', 'organisation', 'place', 'event', 'topic'].map((t) => window.kg.graph.findNode((_, a) => a.type === t)!));
    for (const hash of [...nodes.map((n) => `node=${n}`), 'edge=united-kingdom--projected-by--iiss']) {
      await page.evaluate((h) => (location.hash = `#article=${location.hash.match(/article=([^&]+)/)![1]}&${h}`), hash);
      await expect.poll(() => page.url()).toContain(hash);
      const violations = await page.evaluate(async () => {
        const results = await (window as unknown as { axe: { run: (o: object) => Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }> } }).axe.run({ resultTypes: ['violations'] });
        return results.violations.map((v) => ({ id: v.id, impact: v.impact, count: v.nodes.length }));
      });
      expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical'), hash).toEqual([]);
    }
    await page.close();
  });

  it('keeps keyboard focus in the details panel when following a link there', async () => {
    const page = await openExplorer(session, `#article=${SEED_SLUG}&node=olaf-scholz`);
    await page.locator('#details button.link', { hasText: 'Germany' }).first().focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#details h2').textContent()).toBe('Germany');
    expect(await page.evaluate(() => document.activeElement?.closest('#details') !== null)).toBe(true);
    expect(await page.locator('#selection-status').textContent()).toBe('Selected: Germany');
    await page.close();
  });

  it('selects an event from the timeline, and zooms with the buttons', async () => {
    const page = await openExplorer(session, SEED);
    await page.locator('#timeline button', { hasText: 'Brexit' }).click();
    await expect.poll(() => page.locator('#details h2').textContent()).toBe('Brexit');
    expect(await page.locator('#timeline button[aria-pressed="true"]').textContent()).toContain('2020');
    const ratio = () => page.evaluate(() => window.explorer.view.renderer.getCamera().ratio);
    await page.locator('#zoom-reset').click();
    await expect.poll(ratio).toBe(1);
    await page.locator('#zoom-in').click();
    await expect.poll(ratio).toBeLessThan(1);
    await page.locator('#zoom-out').click();
    await page.locator('#zoom-out').click();
    await expect.poll(ratio).toBeGreaterThan(1);
    await page.close();
  });

  it('labels an edge while the pointer is on it', async () => {
    const page = await openExplorer(session, SEED);
    const edge = 'united-kingdom--projected-by--iiss';
    const label = () => page.evaluate((e) => window.explorer.view.renderer.getEdgeDisplayData(e)?.label, edge);
    expect(await label()).toBe('');
    const a = await nodePoint(page, 'united-kingdom');
    const b = await nodePoint(page, 'iiss');
    await page.mouse.move((a.x + b.x) / 2, (a.y + b.y) / 2);
    await expect.poll(() => page.evaluate(() => window.explorer.store.get().hoveredEdge)).toBe(edge);
    expect(await label()).toBe('projected by');
    await page.close();
  });

  it('reaches every control by keyboard', async () => {
    const page = await openExplorer(session, SEED);
    const reached = new Set<string>();
    // Enough presses to pass the toolbar and the legend's filters (each with its All / None / only).
    for (let i = 0; i < 60; i++) {
      await page.keyboard.press('Tab');
      reached.add(await page.evaluate(() => document.activeElement?.id || document.activeElement?.getAttribute('name') || ''));
    }
    for (const id of ['search-input', 'zoom-in', 'zoom-out', 'zoom-reset', 'layout-toggle', 'layout-reset', 'fullscreen', 'focus-depth', 'export-format', 'export', 'type-person', 'type-topic']) {
      expect(reached, id).toContain(id);
    }
    await page.close();
  });
});

describe('hostile data', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'kg-xss-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('renders labels holding markup as text and runs nothing', async () => {
    const data = join(scratch, 'data');
    cpSync(join(REPO, 'data'), data, { recursive: true });
    // Wherever Reuters is defined: the seed's graph.yaml, or the entities the articles share.
    const graphFile = [join(data, 'articles', SEED_SLUG, 'graph.yaml'), join(data, 'entities.yaml')].find((f) => existsSync(f) && /label: Reuters\n/.test(readFileSync(f, 'utf8')))!;
    const payload = '<img src=x onerror="window.__xss=1">Reuters';
    const yaml = readFileSync(graphFile, 'utf8');
    expect(yaml).toMatch(/label: Reuters\n/);
    writeFileSync(graphFile, yaml.replace(/label: Reuters\n/, `label: '${payload}'\n    aliases: [Reuters]\n`));
    const site = join(scratch, 'site');
    await buildSite(site, data);
    expect(existsSync(join(site, 'index.html'))).toBe(true);
    const hostile = await startBrowser(site);
    try {
      const page = await openExplorer(hostile, `#article=${SEED_SLUG}&node=reuters`);
      let dialogs = 0;
      page.on('dialog', (d) => (dialogs++, void d.dismiss()));
      await expect.poll(() => page.locator('#details h2').textContent()).toBe(payload);
      await page.locator('#search-input').fill('img');
      await expect.poll(() => page.locator('#search-options [role=option]').first().textContent()).toContain(payload);
      expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
      expect(await page.locator('#details img, #search-options img, #article img').count()).toBe(0);
      expect(dialogs).toBe(0);
    } finally {
      await hostile.close();
    }
  });

  it('serves every article in the data folder, the one named in the URL', async () => {
    const data = join(scratch, 'two');
    cpSync(join(REPO, 'data'), data, { recursive: true });
    writeArticle(data, '2025-02-04-copy', germanArticle('The second article'));
    const site = join(scratch, 'two-site');
    await buildSite(site, data);
    const two = await startBrowser(site);
    try {
      const page = await openExplorer(two, `#article=${SEED_SLUG}&node=olaf-scholz`);
      expect(await page.locator('#article-title').textContent()).not.toBe('The second article');
      await page.evaluate(() => (location.hash = '#article=2025-02-04-copy&node=otto-konstrukt'));
      await page.waitForFunction(() => document.getElementById('article-title')?.textContent === 'The second article');
      await page.waitForFunction(() => Boolean(window.kg));
      await expect.poll(() => page.locator('#details h2').textContent()).toBe('Otto Konstrukt');
      expect(page.url()).toContain('article=2025-02-04-copy');
    } finally {
      await two.close();
    }
  });
});
