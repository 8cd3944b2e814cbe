/**
 * Moving and selecting in the graph as Gephi Lite users expect (issue 9): dragging a node moves
 * it and not the view, shift-click adds to the selection, a lasso selects what it encloses,
 * "Select neighbours" grows the selection, Escape clears it all. The site is built into a
 * temporary folder of its own: other suites build into dist/ at the same time.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createStore, toggleInSelection } from '../src/app/state.ts';
import { insidePolygon, polygonArea } from '../src/app/view/polygon.ts';
import { openExplorer } from './helpers/browser.ts';
import { projectBrowser } from './helpers/site.ts';
import { REPO, SEED_SLUG } from './helpers/sources.ts';

const ARTIFACTS = join(REPO, 'test/artifacts');
const SEED = `#article=${SEED_SLUG}`;
const STARMER = 'keir-starmer';
const SCHOLZ = 'olaf-scholz';
const shared = projectBrowser();


type Point = { x: number; y: number };

/** Opens the seed article and waits until the camera rests and a frame is drawn. */
async function open(): Promise<Page> {
  const page = await openExplorer(shared.session, SEED, { width: 1400, height: 900 });
  await rest(page);
  return page;
}
async function rest(page: Page): Promise<void> {
  await expect.poll(() => page.evaluate(() => window.explorer.view.renderer.getCamera().isAnimated()), { timeout: 5000 }).toBe(false);
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
}

/** Where a node is drawn, in page pixels (its graph x/y through sigma, plus the container's offset). */
const onPage = (page: Page, node: string) =>
  page.evaluate((id) => {
    const { renderer } = window.explorer.view;
    const a = renderer.getGraph().getNodeAttributes(id);
    const p = renderer.graphToViewport({ x: a.x as number, y: a.y as number });
    const box = renderer.getContainer().getBoundingClientRect();
    return { x: box.x + p.x, y: box.y + p.y };
  }, node);
const position = (page: Page, node: string) => page.evaluate((id) => {
  const a = window.explorer.view.renderer.getGraph().getNodeAttributes(id);
  return { x: a.x as number, y: a.y as number };
}, node);
const camera = (page: Page) => page.evaluate(() => window.explorer.view.renderer.getCamera().getState());
const selected = (page: Page) => page.evaluate(() => [...window.explorer.store.get().selectedNodes].sort());
const selection = (page: Page) => page.evaluate(() => window.explorer.store.get().selection);
const heading = (page: Page) => page.locator('#details h2').textContent();
/** Moves the pointer off the graph, so what is lit is the selection, not a hover. */
const away = async (page: Page) => {
  await page.mouse.move(1300, 880);
  await expect.poll(() => page.evaluate(() => window.explorer.store.get().hoveredNode)).toBeNull();
};
const shot = (page: Page, name: string) => page.screenshot({ path: join(ARTIFACTS, `${name}.png`) });

async function drag(page: Page, from: Point, to: Point, steps = 12): Promise<void> {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  for (let i = 1; i <= steps; i++) await page.mouse.move(from.x + ((to.x - from.x) * i) / steps, from.y + ((to.y - from.y) * i) / steps);
  await page.mouse.up();
}

async function shiftClick(page: Page, at: Point): Promise<void> {
  await page.keyboard.down('Shift');
  await page.mouse.click(at.x, at.y);
  await page.keyboard.up('Shift');
}

describe('dragging a node', () => {
  it('moves Keir Starmer by the drag, keeps him there, and neither pans the view nor changes the selection', async () => {
    const page = await open();
    await page.evaluate((id) => window.explorer.store.update({ selection: { kind: 'node', id } }), SCHOLZ);
    await rest(page);
    const before = await position(page, STARMER);
    const start = await onPage(page, STARMER);
    const view = await camera(page);
    // The graph distance one viewport pixel stands for, measured by sigma itself.
    const scale = await page.evaluate(() => {
      const { renderer } = window.explorer.view;
      const a = renderer.viewportToGraph({ x: 0, y: 0 });
      const b = renderer.viewportToGraph({ x: 100, y: 100 });
      return { x: (b.x - a.x) / 100, y: (b.y - a.y) / 100 };
    });
    const delta = { x: 90, y: 60 };
    await drag(page, start, { x: start.x + delta.x, y: start.y + delta.y });
    await rest(page);

    const after = await position(page, STARMER);
    expect(Math.abs(after.x - before.x - delta.x * scale.x)).toBeLessThan(Math.abs(2 * scale.x));
    expect(Math.abs(after.y - before.y - delta.y * scale.y)).toBeLessThan(Math.abs(2 * scale.y));
    const drawn = await onPage(page, STARMER);
    expect(Math.hypot(drawn.x - start.x - delta.x, drawn.y - start.y - delta.y)).toBeLessThan(2);
    expect(await camera(page)).toEqual(view);
    expect(await selection(page)).toEqual({ kind: 'node', id: SCHOLZ });
    expect(await heading(page)).toBe('Olaf Scholz');

    // He stays where he was dropped (nothing puts him back), and a plain click still selects him.
    await page.waitForTimeout(400);
    expect(await position(page, STARMER)).toEqual(after);
    await page.mouse.click(drawn.x, drawn.y);
    await expect.poll(() => selection(page)).toEqual({ kind: 'node', id: STARMER });
    expect(await camera(page)).toEqual(view);
    await page.close();
  });
});

describe('selecting several nodes', () => {
  it('adds a node with shift-click, says "2 entities selected", lights both, and takes one out again', async () => {
    const page = await open();
    const starmer = await onPage(page, STARMER);
    await page.mouse.click(starmer.x, starmer.y);
    await expect.poll(() => heading(page)).toBe('Keir Starmer');
    await shiftClick(page, await onPage(page, SCHOLZ));
    await expect.poll(() => selected(page)).toEqual([STARMER, SCHOLZ].sort());
    expect(await heading(page)).toBe('2 entities selected');
    const listed = await page.locator('#details .selected-list [data-node]').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.node).sort());
    expect(listed).toEqual([STARMER, SCHOLZ].sort());
    expect(await page.locator('#details .type-counts').textContent()).toMatch(/person\s*2/);
    await away(page);
    // Both are drawn lit, with their relations; a neighbour outside the selection is dimmed (the selection is what reads as lit).
    const lit = await page.evaluate((ids) => {
      const { renderer } = window.explorer.view;
      const other = renderer.getGraph().neighbors(ids[0]!).find((n) => !ids.includes(n))!;
      return { selected: ids.map((id) => renderer.getNodeDisplayData(id)?.forceLabel === true), other: (renderer.getNodeDisplayData(other) as { dimmed?: boolean }).dimmed === true };
    }, [STARMER, SCHOLZ]);
    expect(lit).toEqual({ selected: [true, true], other: true });
    await shot(page, 'interaction-multi-selection');

    // A name in the list selects that entity alone.
    await page.locator(`#details .selected-list [data-node="${SCHOLZ}"]`).click();
    await expect.poll(() => selected(page)).toEqual([SCHOLZ]);
    expect(await heading(page)).toBe('Olaf Scholz');
    // Shift-click on a selected node takes it out.
    await shiftClick(page, await onPage(page, STARMER));
    await expect.poll(() => selected(page)).toEqual([STARMER, SCHOLZ].sort());
    await shiftClick(page, await onPage(page, SCHOLZ));
    await expect.poll(() => selected(page)).toEqual([STARMER]);
    expect(await heading(page)).toBe('Keir Starmer');
    await page.close();
  });

  it('selects exactly the shown nodes inside a lasso (the Lasso button, then Shift+drag), and Escape clears them all', async () => {
    const page = await open();
    const nodes = await page.evaluate(() => {
      const { renderer } = window.explorer.view;
      const box = renderer.getContainer().getBoundingClientRect();
      return [...window.explorer.view.visibleNodes()].map((id) => {
        const a = renderer.getGraph().getNodeAttributes(id);
        const p = renderer.graphToViewport({ x: a.x as number, y: a.y as number });
        return { id, x: box.x + p.x, y: box.y + p.y };
      });
    });
    expect(nodes.length).toBeGreaterThan(10);
    // A pentagon round the middle of the drawn nodes, nudged until no node sits on its outline.
    const cx = nodes.reduce((s, n) => s + n.x, 0) / nodes.length;
    const cy = nodes.reduce((s, n) => s + n.y, 0) / nodes.length;
    let loop: Point[] = [];
    let expected: string[] = [];
    for (let r = 110; r < 400; r += 7) {
      loop = [0, 1, 2, 3, 4].map((k) => ({ x: cx + r * Math.cos((2 * Math.PI * k) / 5 + 0.3), y: cy + 0.7 * r * Math.sin((2 * Math.PI * k) / 5 + 0.3) }));
      const near = nodes.some((n) => distanceToOutline(n, loop) < 4);
      expected = nodes.filter((n) => insidePolygon(n, loop)).map((n) => n.id).sort();
      if (!near && expected.length >= 3 && expected.length < nodes.length) break;
    }
    expect(expected.length).toBeGreaterThanOrEqual(3);
    expect(expected.length).toBeLessThan(nodes.length);
    expect(polygonArea(loop)).toBeGreaterThan(1000);

    const toggle = page.locator('#lasso-toggle');
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    await toggle.click();
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    const view = await camera(page);
    await drawLoop(page, loop, async () => {
      expect(await page.locator('.lasso-layer.drawing').count()).toBe(1);
      await shot(page, 'interaction-lasso-drawing');
    });
    await expect.poll(() => selected(page)).toEqual(expected);
    expect(await camera(page)).toEqual(view);
    expect(await heading(page)).toBe(`${expected.length} entities selected`);
    await away(page);
    await shot(page, 'interaction-lasso-selected');

    await page.keyboard.press('Escape');
    await expect.poll(() => selected(page)).toEqual([]);
    expect(await selection(page)).toBeNull();
    expect(await heading(page)).toBe('Explore');

    // Without the button, Shift+drag from the empty stage draws the same lasso.
    await toggle.click();
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    const startsOnStage = await page.evaluate((p) => {
      const { renderer } = window.explorer.view;
      const box = renderer.getContainer().getBoundingClientRect();
      return (renderer as unknown as { getNodeAtPosition(p: Point): string | null }).getNodeAtPosition({ x: p.x - box.x, y: p.y - box.y }) === null;
    }, loop[0]!);
    expect(startsOnStage).toBe(true);
    await page.keyboard.down('Shift');
    await drawLoop(page, loop);
    await page.keyboard.up('Shift');
    await expect.poll(() => selected(page)).toEqual(expected);
    expect(await camera(page)).toEqual(view);
    await page.close();
  });

  it('adds the neighbours of Keir Starmer with the Select neighbours button and with N', async () => {
    const page = await open();
    const neighbours = await page.evaluate((id) => window.explorer.view.renderer.getGraph().neighbors(id), STARMER);
    expect(neighbours.length).toBeGreaterThan(2);
    const expected = [STARMER, ...neighbours].sort();

    await page.evaluate((id) => window.kg.select(id), STARMER);
    await expect.poll(() => heading(page)).toBe('Keir Starmer');
    await page.locator('#details .select-neighbours').click();
    await expect.poll(() => selected(page)).toEqual(expected);
    expect(await heading(page)).toBe(`${expected.length} entities selected`);
    // Starmer stays the one the URL and the path finder follow.
    expect(await selection(page)).toEqual({ kind: 'node', id: STARMER });

    await page.keyboard.press('Escape');
    await expect.poll(() => selected(page)).toEqual([]);
    await page.evaluate((id) => window.kg.select(id), STARMER);
    await page.locator('#graph').focus();
    await page.keyboard.press('n');
    await expect.poll(() => selected(page)).toEqual(expected);
    // In a text field, N is a letter.
    await page.keyboard.press('Escape');
    await page.evaluate((id) => window.kg.select(id), STARMER);
    await page.locator('#search-input').focus();
    await page.keyboard.press('n');
    expect(await selected(page)).toEqual([STARMER]);
    await page.close();
  });
});

/** Draws a closed loop through `corners` with the mouse, many small moves per side; `during` runs before the release. */
async function drawLoop(page: Page, corners: readonly Point[], during?: () => Promise<void>): Promise<void> {
  await page.mouse.move(corners[0]!.x, corners[0]!.y);
  await page.mouse.down();
  for (let k = 1; k <= corners.length; k++) {
    const a = corners[k - 1]!;
    const b = corners[k % corners.length]!;
    for (let i = 1; i <= 8; i++) await page.mouse.move(a.x + ((b.x - a.x) * i) / 8, a.y + ((b.y - a.y) * i) / 8);
  }
  await during?.();
  await page.mouse.up();
}

function distanceToOutline(p: Point, loop: readonly Point[]): number {
  let best = Infinity;
  for (let i = 0; i < loop.length; i++) {
    const a = loop[i]!;
    const b = loop[(i + 1) % loop.length]!;
    const t = Math.max(0, Math.min(1, ((p.x - a.x) * (b.x - a.x) + (p.y - a.y) * (b.y - a.y)) / ((b.x - a.x) ** 2 + (b.y - a.y) ** 2)));
    best = Math.min(best, Math.hypot(p.x - a.x - t * (b.x - a.x), p.y - a.y - t * (b.y - a.y)));
  }
  return best;
}

describe('the selection state', () => {
  it('keeps one selection and the node set in step, whichever a control sets', () => {
    const store = createStore();
    store.update({ selection: { kind: 'node', id: 'a' } });
    expect([...store.get().selectedNodes]).toEqual(['a']);
    store.update(toggleInSelection(store.get(), 'b'));
    expect([...store.get().selectedNodes]).toEqual(['a', 'b']);
    // The one chosen stays while it is in; the URL, path finder and timeline keep following it.
    expect(store.get().selection).toEqual({ kind: 'node', id: 'a' });
    const before = store.get().selection;
    store.update(toggleInSelection(store.get(), 'a'));
    expect(store.get().selection).toEqual({ kind: 'node', id: 'b' });
    // A change of the set alone is still a new selection object, so listeners comparing it redraw.
    store.update(toggleInSelection(store.get(), 'c'));
    expect(store.get().selection).not.toBe(before);
    expect(store.get().selection).toEqual({ kind: 'node', id: 'b' });
    // Choosing a relation, or nothing, empties the set; the focus goes back to the whole graph.
    store.update({ focusDepth: 1 });
    store.update({ selection: { kind: 'edge', id: 'e' } });
    expect(store.get().selectedNodes.size).toBe(0);
    store.update(toggleInSelection(store.get(), 'a'));
    store.update({ selection: null });
    expect(store.get().selectedNodes.size).toBe(0);
    expect(store.get().focusDepth).toBe(0);
  });

  it('counts a point inside a lasso by the even-odd rule', () => {
    const square = [{ x: 0, y: 0 }, { x: 10, y: 0 }, { x: 10, y: 10 }, { x: 0, y: 10 }];
    expect(insidePolygon({ x: 5, y: 5 }, square)).toBe(true);
    expect(insidePolygon({ x: 15, y: 5 }, square)).toBe(false);
    expect(insidePolygon({ x: -1, y: 5 }, square)).toBe(false);
    // A concave loop: the notch is outside.
    const u = [{ x: 0, y: 0 }, { x: 10, y: 0 }, { x: 10, y: 10 }, { x: 7, y: 10 }, { x: 7, y: 3 }, { x: 3, y: 3 }, { x: 3, y: 10 }, { x: 0, y: 10 }];
    expect(insidePolygon({ x: 5, y: 7 }, u)).toBe(false);
    expect(insidePolygon({ x: 1, y: 7 }, u)).toBe(true);
    expect(polygonArea(square)).toBe(100);
  });
});
