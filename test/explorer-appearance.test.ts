/**
 * The Appearance section in Chromium: colour by community (stable from one load to the next),
 * size by degree, edge thickness, the ForceAtlas2 settings that Run layout hands the worker, and
 * axe on the open section. The site is built into a folder of this test's own; screenshots go to
 * test/artifacts/explorer-appearance-*.png.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { MAX_SIZE, MIN_SIZE } from '../src/layout/layout.ts';
import { waitForExplorer } from './helpers/browser.ts';
import { projectBrowser } from './helpers/site.ts';
import { REPO, SEED_SLUG } from './helpers/sources.ts';

const ARTIFACTS = join(REPO, 'test/artifacts');
const SEED = `#article=${SEED_SLUG}`;
const AXE = readFileSync(join(REPO, 'node_modules/axe-core/axe.min.js'), 'utf8');
const shared = projectBrowser();


/** A page in a fresh context (its own localStorage). */
async function open(viewport = { width: 1400, height: 900 }, colorScheme: 'light' | 'dark' = 'light'): Promise<Page> {
  const context = await shared.session.browser.newContext({ viewport, colorScheme });
  const page = await context.newPage();
  page.on('close', () => void context.close().catch(() => {}));
  await waitForExplorer(page, shared.session.url + SEED);
  return page;
}

/** Opens the filters box where it starts closed (narrow screens), then the Appearance section. */
async function openAppearance(page: Page): Promise<void> {
  if (!(await page.locator('#legend').evaluate((d) => (d as HTMLDetailsElement).open))) await page.locator('#legend > summary').click();
  if (!(await page.locator('#appearance').evaluate((d) => (d as HTMLDetailsElement).open))) await page.locator('#appearance > summary').click();
}

/** What sigma draws for every node: colour and size, by node id. */
const drawn = (page: Page) =>
  page.evaluate(() => {
    const r = window.explorer.view.renderer;
    return Object.fromEntries(r.getGraph().mapNodes((n) => [n, { color: r.getNodeDisplayData(n)!.color, size: r.getNodeDisplayData(n)!.size }]));
  });
const colours = async (page: Page) => Object.fromEntries(Object.entries(await drawn(page)).map(([n, d]) => [n, d.color]));

/** Serious and critical axe violations inside the Appearance section. */
async function axeViolations(page: Page) {
  await page.evaluate(AXE);
  return page.evaluate(async () => {
    const results = await (window as unknown as { axe: { run: (context: string, o: object) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe.run('#appearance', { resultTypes: ['violations'] });
    return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => ({ id: v.id, targets: v.nodes.map((n) => n.target.join(' ')) }));
  });
}

describe('appearance', () => {
  it('colours nodes by community, two at least, with a legend, and the same colours on every load', async () => {
    const page = await open();
    const built = await colours(page);
    await openAppearance(page);
    await page.locator('#colour-by').selectOption('community');
    await expect.poll(() => colours(page)).not.toEqual(built);
    const byCommunity = await colours(page);
    const distinct = new Set(Object.values(byCommunity));
    expect(distinct.size).toBeGreaterThanOrEqual(2);
    // The legend lists each colour drawn, with counts that add up to every node.
    const legend = await page.locator('#colour-legend .legend-entry').evaluateAll((items) =>
      items.map((li) => ({ label: li.querySelector('.legend-label')?.textContent ?? '', count: Number(li.querySelector('.count')!.textContent), colour: getComputedStyle(li.querySelector('.swatch')!).backgroundColor })),
    );
    expect(legend.length).toBe(distinct.size);
    expect(legend[0]!.label).toBe('Community 1');
    expect(legend.reduce((n, e) => n + e.count, 0)).toBe(Object.keys(byCommunity).length);
    // The data graph keeps its built colours: only the view changed.
    expect(await page.evaluate(() => window.kg.graph.getNodeAttribute('keir-starmer', 'color'))).toBe(built['keir-starmer']);

    // A reload brings the choice back (localStorage) and Louvain, seeded, gives the same colours.
    await page.reload();
    await page.waitForFunction(() => Boolean(window.kg && window.explorer));
    await expect.poll(() => colours(page)).toEqual(byCommunity);
    // So does a fresh visit that chooses it again.
    const fresh = await open();
    expect(await colours(fresh)).toEqual(built);
    await openAppearance(fresh);
    await fresh.locator('#colour-by').selectOption('community');
    await expect.poll(() => colours(fresh)).toEqual(byCommunity);
    // Back to type: the built colours, and no legend.
    await fresh.locator('#colour-by').selectOption('type');
    await expect.poll(() => colours(fresh)).toEqual(built);
    expect(await fresh.locator('#colour-legend').isHidden()).toBe(true);
    await fresh.close();
    await page.close();
  });

  it('sizes by degree (Keir Starmer the largest) and by in-degree, from the smallest size to the largest', async () => {
    const page = await open();
    await openAppearance(page);
    await page.locator('#size-by').selectOption('degree');
    // Sigma's sizes carry the pane's node scale: the spread, largest over smallest, is the scale's.
    const spread = async () => {
      const sizes = Object.entries(await drawn(page)).map(([n, d]) => [n, d.size] as const).sort((a, b) => b[1] - a[1]);
      return { largest: sizes[0]![0], ratio: sizes[0]![1] / sizes.at(-1)![1] };
    };
    await expect.poll(async () => (await spread()).ratio).toBeCloseTo(MAX_SIZE / MIN_SIZE, 5);
    expect((await spread()).largest).toBe('keir-starmer');
    await page.locator('#size-by').selectOption('in-degree');
    const mostPointedAt = await page.evaluate(() => {
      const g = window.kg.graph;
      return g.nodes().sort((a, b) => g.inDegree(b) - g.inDegree(a))[0];
    });
    await expect.poll(async () => (await spread()).largest).toBe(mostPointedAt);
    await page.close();
  });

  it('draws edges at the chosen thickness', async () => {
    const page = await open();
    const edge = await page.evaluate(() => window.kg.graph.edges()[0]!);
    const size = () => page.evaluate((e) => window.explorer.view.renderer.getEdgeDisplayData(e)!.size, edge);
    expect(await size()).toBe(1.5);
    await openAppearance(page);
    await page.locator('#edge-size').fill('4');
    await expect.poll(size).toBe(4);
    expect(await page.locator('#edge-size-value').textContent()).toBe('4');
    await page.close();
  });

  it('hands the worker the layout settings: another gravity, another layout; the same settings, the same layout', async () => {
    const page = await open();
    await openAppearance(page);
    await page.locator('#layout-settings > summary').click();
    const positions = () => page.evaluate(() => window.kg.graph.mapNodes((n, a) => [n, a.x, a.y]));
    const run = async () => {
      await page.locator('#layout-toggle').click();
      await expect.poll(() => page.locator('#layout-status').textContent(), { timeout: 20_000 }).toMatch(/budget of 40 iterations/);
      const after = await positions();
      await page.locator('#layout-reset').click();
      return after;
    };
    await page.locator('#fa2-iterations').fill('40');
    await page.locator('#fa2-iterations').dispatchEvent('change');
    const defaults = await page.evaluate(() => window.explorer.layout.workerSettings());
    expect(defaults).toMatchObject({ gravity: 0.05, scalingRatio: 10, linLogMode: false, barnesHutOptimize: false, adjustSizes: true });
    const first = await run();
    expect(await run()).toEqual(first);
    await page.locator('#fa2-gravity').fill('5');
    await page.locator('#fa2-gravity').dispatchEvent('change');
    await page.locator('#fa2-linlog').check();
    expect(await page.evaluate(() => window.explorer.layout.workerSettings())).toMatchObject({ gravity: 5, linLogMode: true });
    expect(await run()).not.toEqual(first);
    // Defaults: the built layout's settings again (1000 iterations), and with 40 iterations the first run's layout.
    await page.locator('#fa2-defaults').click();
    expect(await page.evaluate(() => window.explorer.layout.workerSettings())).toEqual(defaults);
    expect(await page.locator('#fa2-linlog').isChecked()).toBe(false);
    expect(await page.locator('#fa2-iterations').inputValue()).toBe('1000');
    await page.locator('#fa2-iterations').fill('40');
    await page.locator('#fa2-iterations').dispatchEvent('change');
    expect(await run()).toEqual(first);

    // Run until stopped: still running well after a 40-iteration run would have ended.
    await page.locator('#fa2-until-stopped').check();
    expect(await page.locator('#fa2-iterations').isDisabled()).toBe(true);
    await page.locator('#layout-toggle').click();
    await page.waitForTimeout(1500);
    expect(await page.locator('#layout-status').textContent()).toMatch(/running/);
    await page.locator('#layout-toggle').click();
    expect(await page.locator('#layout-status').textContent()).toBe('Layout stopped');
    await page.close();
  });

  for (const [scheme, viewport] of [['light', { width: 1400, height: 900 }], ['dark', { width: 1400, height: 900 }], ['light', { width: 390, height: 844 }]] as const) {
    it(`is accessible (axe) with the section open, coloured by community, at ${viewport.width}x${viewport.height} (${scheme})`, async () => {
      const page = await open(viewport, scheme);
      await openAppearance(page);
      await page.locator('#colour-by').selectOption('community');
      await page.locator('#size-by').selectOption('degree');
      if (viewport.width > 800) await page.locator('#layout-settings > summary').click();
      await expect.poll(() => page.locator('#colour-legend .legend-entry').count()).toBeGreaterThan(1);
      // On a phone the filters box scrolls: the section is shown as a user scrolled to it sees it.
      await page.locator('#appearance').evaluate((section) => section.scrollIntoView({ block: 'start' }));
      await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
      await page.screenshot({ path: join(ARTIFACTS, `explorer-appearance-${scheme}-${viewport.width}x${viewport.height}.png`) });
      expect(await axeViolations(page)).toEqual([]);
      await page.close();
    });
  }
});
