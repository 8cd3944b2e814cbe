/**
 * The explorer's layout and look on phone, tablet and desktop screens, in the light and the dark
 * theme: the graph gets the room and nothing covers it, camera moves keep nodes clear of the
 * overlays, every text (on the canvas too) meets WCAG AA, labels are neither clipped nor drawn
 * over nodes, the graph takes keyboard focus and skip links jump past the article. The site is
 * built into a folder of this test's own; screenshots go to test/artifacts/explorer-layout-*.png.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { contrastRatio } from '../src/layout/palette.ts';
import { fitItems, freeRectangle, type Rect } from '../src/app/view/framing.ts';
import { placeLabels } from '../src/app/view/labelPlacement.ts';
import { waitForExplorer } from './helpers/browser.ts';
import { projectBrowser } from './helpers/site.ts';
import { REPO, SEED_SLUG } from './helpers/sources.ts';

const ARTIFACTS = join(REPO, 'test/artifacts');
const SEED = `#article=${SEED_SLUG}`;
const AXE = readFileSync(join(REPO, 'node_modules/axe-core/axe.min.js'), 'utf8');

/** The three screens, and the least share of the viewport's area (and width) the graph must get on each. */
const SCREENS = [
  { name: 'phone', width: 390, height: 844, area: 0.4, widthShare: 0.95 },
  { name: 'tablet', width: 1024, height: 768, area: 0.5, widthShare: 0.6 },
  { name: 'desktop', width: 1400, height: 900, area: 0.5, widthShare: 0.6 },
] as const;
type Screen = (typeof SCREENS)[number];
type Scheme = 'light' | 'dark';

const overlap = (a: Rect, b: Rect) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const inside = (outer: Rect, inner: Rect) => inner.x >= outer.x - 0.5 && inner.y >= outer.y - 0.5 && inner.x + inner.width <= outer.x + outer.width + 0.5 && inner.y + inner.height <= outer.y + outer.height + 0.5;
const circleHits = (c: { x: number; y: number; r: number }, rect: Rect) => {
  const nx = Math.max(rect.x, Math.min(c.x, rect.x + rect.width));
  const ny = Math.max(rect.y, Math.min(c.y, rect.y + rect.height));
  return (c.x - nx) ** 2 + (c.y - ny) ** 2 < c.r * c.r;
};

const shared = projectBrowser();

async function open(screen: Pick<Screen, 'width' | 'height'>, scheme: Scheme = 'light', hash = SEED): Promise<Page> {
  const context = await shared.session.browser.newContext({ viewport: { width: screen.width, height: screen.height }, colorScheme: scheme });
  const page = await context.newPage();
  page.on('close', () => void context.close().catch(() => {}));
  await waitForExplorer(page, shared.session.url + hash);
  await settled(page);
  return page;
}

/** Waits until the camera stops and a frame has been drawn after it. */
async function settled(page: Page): Promise<void> {
  await expect.poll(() => page.evaluate(() => window.explorer.view.renderer.getCamera().isAnimated()), { timeout: 5000 }).toBe(false);
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
}

/**
 * What is on screen, in page pixels: the graph's box, the visible panels, the overlays on the
 * graph (anything over it that is not a panel beside it), and every visible node's disc.
 */
function measure(page: Page) {
  return page.evaluate(() => {
    const box = (el: Element | null) => {
      if (!el || !(el as HTMLElement).checkVisibility()) return null;
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.height > 0 ? { x: r.x, y: r.y, width: r.width, height: r.height } : null;
    };
    const renderer = window.explorer.view.renderer;
    const graph = box(document.getElementById('graph'))!;
    const panels = Object.fromEntries(
      Object.entries({ details: '#details', article: '.article-pane', toolbar: '#toolbar', topbar: '.topbar', timeline: '#timeline', tabs: '.side-bar' }).map(([k, s]) => [k, box(document.querySelector(s))]),
    );
    const overlays = Object.fromEntries(Object.entries({ legend: '#legend', status: '#layout-status' }).map(([k, s]) => [k, box(document.querySelector(s))]));
    const nodes: { id: string; x: number; y: number; r: number }[] = [];
    renderer.getGraph().forEachNode((id) => {
      const d = renderer.getNodeDisplayData(id);
      if (!d || d.hidden) return;
      const p = renderer.framedGraphToViewport(d);
      nodes.push({ id, x: graph.x + p.x, y: graph.y + p.y, r: renderer.scaleSize(d.size) });
    });
    return { graph, panels, overlays, nodes, viewport: { width: innerWidth, height: innerHeight } };
  });
}
type Measured = Awaited<ReturnType<typeof measure>>;

/** Every listed node's disc lies in the graph's box and clear of every overlay. */
function expectClear(m: Measured, ids?: readonly string[]): void {
  const discs = ids ? m.nodes.filter((n) => ids.includes(n.id)) : m.nodes;
  expect(discs.length).toBeGreaterThan(0);
  for (const n of discs) {
    expect(inside(m.graph, { x: n.x - n.r, y: n.y - n.r, width: 2 * n.r, height: 2 * n.r }), `${n.id} inside the graph`).toBe(true);
    for (const [name, o] of Object.entries(m.overlays)) if (o) expect(circleHits(n, o), `${n.id} under the ${name}`).toBe(false);
  }
}

/** Opens the toolbar where it folds behind the Menu button, then chooses a focus depth. */
async function chooseFocus(page: Page, depth: '0' | '1' | '2'): Promise<void> {
  const menu = page.locator('#menu-toggle');
  if ((await menu.isVisible()) && (await menu.getAttribute('aria-expanded')) !== 'true') await menu.click();
  await page.locator('#focus-depth').selectOption(depth);
}

/** `rgb(r, g, b)` as `#rrggbb`. */
const hex = (rgb: string) => `#${(rgb.match(/\d+/g) ?? []).slice(0, 3).map((n) => Number(n).toString(16).padStart(2, '0')).join('')}`;

/** The fully opaque colours on one of sigma's 2D canvases (`labels`, `edgeLabels`), most frequent first. */
const solidColours = (page: Page, layer: 'labels' | 'edgeLabels') =>
  page.evaluate((name) => {
    const canvas = window.explorer.view.renderer.getCanvases()[name]!;
    const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
    const counts = new Map<string, number>();
    for (let i = 0; i < data.length; i += 4) {
      if (data[i + 3] !== 255) continue;
      const key = `rgb(${data[i]}, ${data[i + 1]}, ${data[i + 2]})`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    return [...counts].sort((a, b) => b[1] - a[1]).map(([c]) => c);
  }, layer);

/** The most frequent solid colour that is not the background's (or a shade of it: antialiased halo edges). */
const textColour = (solidByFrequency: readonly string[], background: string) => solidByFrequency.map(hex).find((c) => contrastRatio(c, background) > 1.2);


describe('the explorer on any screen', () => {
  for (const scheme of ['light', 'dark'] as const) {
    for (const screen of SCREENS) {
      it(`gives the graph the room at ${screen.width}x${screen.height} (${scheme}): panels beside it, overlays off its nodes`, async () => {
        const page = await open(screen, scheme);
        await page.screenshot({ path: join(ARTIFACTS, `explorer-layout-${scheme}-${screen.width}x${screen.height}.png`) });
        const m = await measure(page);
        const { width, height } = m.viewport;
        expect((m.graph.width * m.graph.height) / (width * height), 'graph area share').toBeGreaterThanOrEqual(screen.area);
        expect(m.graph.width / width, 'graph width share').toBeGreaterThanOrEqual(screen.widthShare);
        // Panels sit beside or below the graph, never on it, and never on one another or on an overlay.
        const shown = Object.entries({ ...m.panels, ...m.overlays }).filter((e): e is [string, Rect] => e[1] !== null);
        const names = shown.map(([k]) => k);
        expect(names).toContain('legend');
        expect(names.filter((k) => k === 'details' || k === 'article').length, 'details or article shown').toBeGreaterThan(0);
        for (const [name, p] of Object.entries(m.panels)) if (p) expect(overlap(p, m.graph), `${name} over the graph`).toBe(false);
        for (const [i, [a, ra]] of shown.entries()) {
          for (const [b, rb] of shown.slice(i + 1)) if (![a, b].includes('topbar') || ![a, b].includes('toolbar')) expect(overlap(ra, rb), `${a} and ${b}`).toBe(false);
        }
        for (const [name, o] of Object.entries(m.overlays)) if (o) expect(inside(m.graph, o), `${name} within the graph`).toBe(true);
        // Every panel fits the screen: no horizontal scrolling, nothing cut off at the right.
        for (const [name, r] of shown) expect(r.x + r.width, name).toBeLessThanOrEqual(width + 0.5);
        expectClear(m);
        await page.close();
      });
    }
  }

  for (const screen of SCREENS) {
    it(`keeps a selected node and a focused neighbourhood clear of the overlays at ${screen.width}x${screen.height}`, async () => {
      const page = await open(screen);
      await page.evaluate(() => window.kg.select('Olaf Scholz'));
      await settled(page);
      expectClear(await measure(page), ['olaf-scholz']);
      // Zooming in from the buttons keeps him in view too: it zooms about the free part of the view.
      await chooseFocus(page, '1');
      await expect.poll(() => page.evaluate(() => window.explorer.view.visibleNodes().size)).toBeLessThan(20);
      await settled(page);
      const neighbourhood = await page.evaluate(() => [...window.explorer.view.visibleNodes()]);
      expect(neighbourhood).toContain('olaf-scholz');
      expectClear(await measure(page), neighbourhood);
      await page.close();

      for (const hash of [`${SEED}&node=olaf-scholz`, `${SEED}&node=olaf-scholz&focus=1`]) {
        const linked = await open(screen, 'light', hash);
        expect(await linked.evaluate(() => window.explorer.store.get().selection?.id)).toBe('olaf-scholz');
        const shown = await linked.evaluate(() => [...window.explorer.view.visibleNodes()]);
        expectClear(await measure(linked), hash.includes('focus') ? shown : ['olaf-scholz']);
        await linked.close();
      }
    });
  }

  it('frames into the free part of the view when the filters box grows, and zooms about it', async () => {
    const page = await open(SCREENS[2]);
    await page.locator('.relation-filters summary').click();
    await settled(page);
    expectClear(await measure(page));
    // Zooming keeps the middle of the free rectangle (right of the filters box) where it is.
    const before = await page.evaluate(() => {
      const { view } = window.explorer;
      const free = view.frame.freeRect();
      const middle = { x: free.x + free.width / 2, y: free.y + free.height / 2 };
      return { free, middle, point: view.renderer.viewportToFramedGraph(middle) };
    });
    expect(before.free.x).toBeGreaterThan(100);
    await page.locator('#zoom-in').click();
    await settled(page);
    const after = await page.evaluate((p) => window.explorer.view.renderer.framedGraphToViewport(p), before.point);
    expect(Math.hypot(after.x - before.middle.x, after.y - before.middle.y)).toBeLessThan(1);
    expect(await page.evaluate(() => window.explorer.view.renderer.getCamera().ratio)).toBeLessThan(1);
    await page.locator('#zoom-reset').click();
    await settled(page);
    expect(await page.evaluate(() => window.explorer.view.renderer.getCamera().ratio)).toBe(1);
    expectClear(await measure(page));
    await page.close();
  });
});

describe('labels at first load', () => {
  for (const screen of SCREENS) {
    it(`are neither clipped nor drawn over a node or another label at ${screen.width}x${screen.height}`, async () => {
      const page = await open(screen);
      const result = await page.evaluate(() => {
        const view = window.explorer.view;
        const renderer = view.renderer;
        const settings = renderer.getSettings();
        const canvas = renderer.getCanvases().labels!;
        const ctx = canvas.getContext('2d')!;
        const probe = document.createElement('canvas').getContext('2d')!;
        probe.font = `${settings.labelWeight} ${settings.labelSize}px ${settings.labelFont}`;
        const discs: { id: string; x: number; y: number; r: number }[] = [];
        renderer.getGraph().forEachNode((id) => {
          const d = renderer.getNodeDisplayData(id)!;
          if (d.hidden) return;
          const p = renderer.framedGraphToViewport(d);
          discs.push({ id, x: p.x, y: p.y, r: renderer.scaleSize(d.size) });
        });
        const labels = view.placedLabels().map((l) => ({ ...l, measured: probe.measureText(l.text).width, full: renderer.getGraph().getNodeAttribute(l.key, 'label') as string }));
        // Ink on the labels canvas outside every reported label box: the boxes are what is drawn.
        const { width, height } = renderer.getDimensions();
        const ratio = canvas.width / width;
        const pixels = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
        let stray = 0;
        let ink = 0;
        for (let y = 0; y < canvas.height; y++) {
          for (let x = 0; x < canvas.width; x++) {
            if (pixels[(y * canvas.width + x) * 4 + 3]! === 0) continue;
            ink++;
            const px = x / ratio;
            const py = y / ratio;
            if (!labels.some((l) => px >= l.box.x - 1 && px <= l.box.x + l.box.width + 1 && py >= l.box.y - 1 && py <= l.box.y + l.box.height + 1)) stray++;
          }
        }
        const graph = document.getElementById('graph')!.getBoundingClientRect();
        const overlays = [...document.querySelectorAll('[data-overlay]')]
          .filter((el) => (el as HTMLElement).checkVisibility())
          .map((el) => el.getBoundingClientRect())
          .filter((r) => r.width > 0)
          .map((r) => ({ x: r.x - graph.x, y: r.y - graph.y, width: r.width, height: r.height }));
        return { labels, discs, stray, ink, width, height, overlays };
      });
      const labelled = new Set(result.labels.map((l) => l.key));
      console.info(`labels at ${screen.width}x${screen.height}: ${labelled.size} of ${result.discs.length} nodes`);
      expect(result.ink).toBeGreaterThan(0);
      expect(result.stray, 'label pixels outside the label boxes').toBe(0);
      // Most nodes keep a label where there is room (the old label grid left about nine of 48 unlabelled at desktop size).
      expect(labelled.size / result.discs.length).toBeGreaterThanOrEqual({ phone: 0.25, tablet: 0.7, desktop: 0.85 }[screen.name]);
      const pane = { x: 0, y: 0, width: result.width, height: result.height };
      for (const [i, l] of result.labels.entries()) {
        expect(inside(pane, l.box), `${l.key} clipped`).toBe(true);
        // The box holds the text as the browser measures it (cut with an ellipsis only when long).
        expect(l.box.width).toBeGreaterThanOrEqual(l.measured);
        expect(l.text === l.full || l.text.endsWith('…')).toBe(true);
        for (const d of result.discs) if (d.id !== l.key) expect(circleHits(d, l.box), `${l.key} over ${d.id}`).toBe(false);
        for (const o of result.overlays) expect(overlap(o, l.box), `${l.key} under an overlay`).toBe(false);
        for (const other of result.labels.slice(i + 1)) expect(overlap(l.box, other.box), `${l.key} over ${other.key}`).toBe(false);
        // Next to its own node: the box's nearest point is a few pixels from the disc.
        const own = result.discs.find((d) => d.id === l.key)!;
        const nx = Math.max(l.box.x, Math.min(own.x, l.box.x + l.box.width));
        const ny = Math.max(l.box.y, Math.min(own.y, l.box.y + l.box.height));
        expect(Math.hypot(own.x - nx, own.y - ny) - own.r).toBeLessThan(6);
      }
      await page.close();
    });
  }
});

describe('contrast and themes', () => {
  for (const scheme of ['light', 'dark'] as const) {
    it(`passes axe with nothing and with a node selected, and draws canvas text at 4.5:1 or more (${scheme})`, async () => {
      for (const screen of [SCREENS[2], SCREENS[0]]) {
        const page = await open(screen, scheme);
        await page.evaluate(AXE);
        for (const hash of ['', '&node=olaf-scholz', '&edge=united-kingdom--projected-by--iiss']) {
          await page.evaluate((h) => (location.hash = `#article=${location.hash.match(/article=([^&]+)/)![1]}${h}`), hash);
          await settled(page);
          const violations = await page.evaluate(async () => {
            const results = await (window as unknown as { axe: { run: (o: object) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe.run({ resultTypes: ['violations'] });
            return results.violations.map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
          });
          expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical'), `${scheme} ${screen.name} ${hash}`).toEqual([]);
        }
        // The canvas is out of axe's reach: its text colours against the pane's background, and the pixels drawn.
        await page.evaluate(() => (location.hash = `#article=${location.hash.match(/article=([^&]+)/)![1]}`));
        await settled(page);
        const drawn = await solidColours(page, 'labels');
        const colours = await page.evaluate(() => {
          const s = window.explorer.view.renderer.getSettings();
          return { background: getComputedStyle(document.getElementById('graph')!).backgroundColor, label: s.labelColor.color!, edgeLabel: s.edgeLabelColor.color! };
        });
        const background = hex(colours.background);
        expect(scheme === 'dark' ? contrastRatio(background, '#000000') : contrastRatio(background, '#ffffff')).toBeLessThan(1.3);
        expect(contrastRatio(colours.label, background)).toBeGreaterThanOrEqual(4.5);
        expect(contrastRatio(colours.edgeLabel, background)).toBeGreaterThanOrEqual(4.5);
        expect(textColour(drawn, background), 'the colour of the text drawn on the canvas').toBe(colours.label);
        await page.close();
      }
    });
  }

  it('draws edge labels in a colour that meets AA on the pane, with a halo', async () => {
    for (const scheme of ['light', 'dark'] as const) {
      const page = await open(SCREENS[2], scheme, `${SEED}&node=keir-starmer`);
      const drawn = await solidColours(page, 'edgeLabels');
      const { colour, background } = await page.evaluate(() => ({ colour: window.explorer.view.renderer.getSettings().edgeLabelColor.color!, background: getComputedStyle(document.getElementById('graph')!).backgroundColor }));
      expect(drawn.length, 'edge labels drawn').toBeGreaterThan(2);
      // Halo pixels (the background, a shade off where strokes overlap) dominate; after them, the text.
      expect(drawn.slice(0, 3).map(hex).some((c) => c === hex(background)), 'a halo drawn').toBe(true);
      // At 12 px most text pixels are blends of text and halo; the pure text colour is the one of
      // highest contrast among the frequent ones (a blend always has less).
      const strongest = drawn.slice(0, 12).map(hex).sort((a, b) => contrastRatio(b, hex(background)) - contrastRatio(a, hex(background)))[0];
      expect(strongest, scheme).toBe(colour);
      expect(contrastRatio(colour, hex(background))).toBeGreaterThanOrEqual(4.5);
      await page.close();
    }
  });

  it('follows the system theme, and a remembered toggle overrides it, canvas included', async () => {
    const theme = (page: Page) =>
      page.evaluate(() => ({
        pressed: document.getElementById('theme-toggle')!.getAttribute('aria-pressed'),
        background: getComputedStyle(document.getElementById('graph')!).backgroundColor,
        label: window.explorer.view.renderer.getSettings().labelColor.color!,
        stored: localStorage.getItem('kg-theme'),
      }));
    const dark = await open(SCREENS[2], 'dark');
    const button = dark.getByRole('button', { name: 'Dark theme' });
    expect(await button.count()).toBe(1);
    const followed = await theme(dark);
    expect(followed.pressed).toBe('true');
    expect(contrastRatio(hex(followed.background), '#000000')).toBeLessThan(1.3);
    expect(contrastRatio(followed.label, '#ffffff')).toBeLessThan(1.5);
    await button.click();
    await expect.poll(async () => (await theme(dark)).pressed).toBe('false');
    const chosen = await theme(dark);
    expect(contrastRatio(hex(chosen.background), '#ffffff')).toBeLessThan(1.3);
    expect(contrastRatio(chosen.label, '#000000')).toBeLessThan(1.5);
    expect(chosen.stored).toBe('light');
    await dark.reload();
    await waitForExplorer(dark, dark.url());
    expect(await theme(dark)).toEqual(chosen);
    await dark.close();

    const light = await open(SCREENS[0], 'light');
    expect((await theme(light)).pressed).toBe('false');
    await light.locator('#menu-toggle').click();
    await light.getByRole('button', { name: 'Dark theme' }).click();
    await expect.poll(async () => (await theme(light)).pressed).toBe('true');
    expect(contrastRatio(hex((await theme(light)).background), '#000000')).toBeLessThan(1.3);
    await light.close();
  });
});

describe('keyboard', () => {
  it('skips to the graph, which takes focus, pans with the arrows and zooms with + and −', async () => {
    const page = await open(SCREENS[2]);
    const camera = () => page.evaluate(() => window.explorer.view.renderer.getCamera().getState());
    await page.keyboard.press('Tab');
    const skip = page.locator(':focus');
    expect(await skip.textContent()).toBe('Skip to graph');
    const box = (await skip.boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('graph');
    expect(await page.locator('#graph').getAttribute('aria-label')).toMatch(/graph/i);
    expect(page.url()).toContain(`article=${SEED_SLUG}`);
    const start = await camera();
    await page.keyboard.press('ArrowRight');
    await expect.poll(async () => (await camera()).x).toBeGreaterThan(start.x);
    await page.keyboard.press('ArrowUp');
    await expect.poll(async () => (await camera()).y).toBeGreaterThan(start.y);
    await page.keyboard.press('+');
    await expect.poll(async () => (await camera()).ratio).toBeLessThan(start.ratio);
    await page.keyboard.press('-');
    await page.keyboard.press('-');
    await expect.poll(async () => (await camera()).ratio).toBeGreaterThan(start.ratio);
    await page.keyboard.press('0');
    await expect.poll(camera).toEqual({ x: 0.5, y: 0.5, ratio: 1, angle: 0 });
    await page.close();
  });

  it('skips to the article (its tab on a phone), past the toolbar and the filters', async () => {
    for (const screen of [SCREENS[2], SCREENS[0]]) {
      const page = await open(screen);
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      expect(await page.locator(':focus').textContent()).toBe('Skip to article');
      await page.keyboard.press('Enter');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('article-pane');
      expect(await page.locator('#article').isVisible()).toBe(true);
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.classList.contains('mention'))).toBe(true);
      await page.close();
    }
  });
});

describe('framing and label placement arithmetic', () => {
  it('finds the largest rectangle the overlays leave, for the content\'s shape', () => {
    const pane = { x: 0, y: 0, width: 800, height: 600 };
    const legend = { x: 0, y: 0, width: 200, height: 200 };
    expect(freeRectangle(pane, [legend], 1)).toEqual({ x: 200, y: 0, width: 600, height: 600 });
    expect(freeRectangle(pane, [legend], 4)).toEqual({ x: 0, y: 200, width: 800, height: 400 });
    expect(freeRectangle(pane, [])).toEqual(pane);
  });

  it('fits points with pixel reach into a rectangle, centred', () => {
    const items = [
      { x: 0, y: 0, left: 10, right: 10, top: 10, bottom: 10 },
      { x: 10, y: 5, left: 10, right: 50, top: 10, bottom: 10 },
    ];
    const fit = fitItems(items, { x: 100, y: 0, width: 200, height: 100 })!;
    const xs = items.flatMap((i) => [fit.scale * i.x + fit.offsetX - i.left, fit.scale * i.x + fit.offsetX + i.right]);
    expect(Math.min(...xs)).toBeCloseTo(100, 3);
    expect(Math.max(...xs)).toBeCloseTo(300, 3);
    expect(fitItems(items, { x: 0, y: 0, width: 30, height: 30 })).toBeNull();
  });

  it('moves a label to the left of its node at the right edge, and drops one with no room', () => {
    const options = { fontSize: 10, gap: 2, halo: 1, forcedRank: 2 };
    const bounds = { x: 0, y: 0, width: 200, height: 100 };
    const edge = placeLabels([{ key: 'a', x: 190, y: 50, radius: 5, text: 'Alpha', width: 40, rank: 2 }], [], bounds, [], options);
    expect(edge.map((l) => l.side)).toEqual(['left']);
    const crowded = placeLabels(
      [
        { key: 'big', x: 100, y: 50, radius: 8, text: 'Big', width: 30, rank: 2 },
        { key: 'small', x: 100, y: 50, radius: 2, text: 'Small', width: 30, rank: 2 },
      ],
      [{ key: 'big', x: 100, y: 50, radius: 8 }, { key: 'small', x: 100, y: 50, radius: 2 }],
      bounds,
      [],
      options,
    );
    expect(crowded.map((l) => l.key)).toEqual(['big']);
  });
});
