/**
 * The data table, as Gephi Lite's (issue 9): every shown entity or relation in a drawer over the
 * graph, sortable by any column, filtered by a box and by the legend, a row selecting its entity.
 * Only rows in view are in the DOM, so the tests read the table by scrolling it, as a user would.
 * The site is built into a temporary folder of its own: other suites build into dist/ at the same time.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openExplorer, waitForExplorer } from './helpers/browser.ts';
import { projectBrowser } from './helpers/site.ts';
import { REPO, SEED_SLUG } from './helpers/sources.ts';

const ARTIFACTS = join(REPO, 'test/artifacts');
const SEED = `#article=${SEED_SLUG}`;
const shared = projectBrowser();


interface TableRow {
  id: string;
  cells: string[];
  selected: boolean;
}

/** Every row of the table, top to bottom, read by scrolling it through (only rows in view are drawn). */
async function readTable(page: Page): Promise<TableRow[]> {
  const rows = new Map<number, TableRow>();
  const scroller = page.locator('#table-scroll');
  await scroller.evaluate((el) => (el.scrollTop = 0));
  for (let guard = 0; guard < 500; guard++) {
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    const seen = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLTableRowElement>('#table-grid tbody tr[data-id]')].map((tr) => ({
        index: Number(tr.getAttribute('aria-rowindex')),
        id: tr.dataset.id!,
        cells: [...tr.cells].map((c) => c.textContent ?? ''),
        selected: tr.classList.contains('selected'),
      })),
    );
    for (const { index, ...row } of seen) rows.set(index, row);
    const done = await scroller.evaluate((el) => {
      const end = el.scrollTop + el.clientHeight >= el.scrollHeight - 1;
      el.scrollTop += el.clientHeight * 0.8;
      return end;
    });
    if (done) break;
  }
  const indices = [...rows.keys()].sort((a, b) => a - b);
  // Row indices count the header as 1: the rows read must run 2, 3, … without a gap.
  expect(indices).toEqual(indices.map((_, i) => i + 2));
  return indices.map((i) => rows.get(i)!);
}

async function openTable(page: Page): Promise<void> {
  const menu = page.locator('#menu-toggle');
  if ((await menu.isVisible()) && (await menu.getAttribute('aria-expanded')) !== 'true') await menu.click();
  const toggle = page.locator('#table-toggle');
  await toggle.click();
  expect(await toggle.getAttribute('aria-pressed')).toBe('true');
  await expect.poll(() => page.locator('#data-table').isVisible()).toBe(true);
}

const entityLabels = (page: Page) => page.evaluate(() => {
  const graph = window.explorer.view.renderer.getGraph();
  return graph.nodes().map((n) => String(graph.getNodeAttribute(n, 'label')));
});
const sortedText = (values: readonly string[]) => [...values].sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : a.toLowerCase() > b.toLowerCase() ? 1 : 0));
const header = (page: Page, title: string) => page.locator('#table-grid thead th', { hasText: title });

describe('the data table', () => {
  it('lists every entity of the seed article, sorts by a column (aria-sort), and filters with its box', async () => {
    const page = await openExplorer(shared.session, SEED, { width: 1400, height: 900 });
    await openTable(page);
    const labels = await entityLabels(page);
    expect(labels.length).toBeGreaterThan(20);
    const rows = await readTable(page);
    expect(rows.map((r) => r.cells[0]).sort()).toEqual([...labels].sort());
    // Degree and mentions are the graph's own.
    const starmer = rows.find((r) => r.id === 'keir-starmer')!;
    const facts = await page.evaluate(() => {
      const graph = window.explorer.view.renderer.getGraph();
      return { type: String(graph.getNodeAttribute('keir-starmer', 'type')), degree: graph.degree('keir-starmer'), mentions: graph.getNodeAttribute('keir-starmer', 'mentions').length };
    });
    expect(starmer.cells).toEqual(['Keir Starmer', facts.type, String(facts.degree), String(facts.mentions)]);

    const label = header(page, 'Label');
    expect(await label.getAttribute('aria-sort')).toBeNull();
    await label.locator('button').click();
    expect(await label.getAttribute('aria-sort')).toBe('ascending');
    expect((await readTable(page)).map((r) => r.cells[0])).toEqual(sortedText(labels));
    await label.locator('button').click();
    expect(await label.getAttribute('aria-sort')).toBe('descending');
    expect((await readTable(page)).map((r) => r.cells[0])).toEqual(sortedText(labels).reverse());

    const degree = header(page, 'Degree');
    await degree.locator('button').click();
    expect(await degree.getAttribute('aria-sort')).toBe('ascending');
    expect(await label.getAttribute('aria-sort')).toBeNull();
    const degrees = (await readTable(page)).map((r) => Number(r.cells[2]));
    expect(degrees).toEqual([...degrees].sort((a, b) => a - b));
    expect(degrees.at(-1)).toBe(Math.max(...degrees));
    await page.setViewportSize({ width: 1400, height: 900 });
    await page.mouse.move(1300, 880);
    await page.screenshot({ path: join(ARTIFACTS, 'table-light-1400x900.png') });

    await page.locator('#table-filter').fill('starmer');
    const filtered = await readTable(page);
    expect(filtered.length).toBeGreaterThan(0);
    expect(filtered.length).toBeLessThan(rows.length);
    for (const row of filtered) expect(row.cells.join(' ').toLowerCase()).toContain('starmer');
    expect(filtered.map((r) => r.id)).toContain('keir-starmer');
    expect(await page.locator('#table-count').textContent()).toBe(`${filtered.length} of ${rows.length} entities`);
    // Escape empties the box first.
    await page.locator('#table-filter').press('Escape');
    expect(await page.locator('#table-filter').inputValue()).toBe('');
    expect((await readTable(page)).length).toBe(rows.length);
    await page.close();
  });

  it('drops the rows of a type hidden in the legend', async () => {
    const page = await openExplorer(shared.session, SEED, { width: 1400, height: 900 });
    await openTable(page);
    const before = await readTable(page);
    const topics = await page.evaluate(() => window.explorer.view.renderer.getGraph().filterNodes((_, a) => a.type === 'topic'));
    expect(topics.length).toBeGreaterThan(0);
    await page.locator('#type-filters input[value="topic"]').uncheck();
    await expect.poll(async () => (await readTable(page)).length).toBe(before.length - topics.length);
    const after = await readTable(page);
    expect(after.some((r) => r.cells[1] === 'topic')).toBe(false);
    expect(after.map((r) => r.id).sort()).toEqual(before.map((r) => r.id).filter((id) => !topics.includes(id)).sort());
    await page.close();
  });

  it('selects a row\'s entity on click, adds one with Shift, and marks the selected rows', async () => {
    const page = await openExplorer(shared.session, SEED, { width: 1400, height: 900 });
    await openTable(page);
    await page.locator('#table-filter').fill('scholz');
    await page.locator('#table-grid tbody tr[data-id="olaf-scholz"] td').nth(1).click();
    await expect.poll(() => page.evaluate(() => window.explorer.store.get().selection)).toEqual({ kind: 'node', id: 'olaf-scholz' });
    expect(await page.locator('#details h2').textContent()).toBe('Olaf Scholz');
    expect((await readTable(page)).filter((r) => r.selected).map((r) => r.id)).toEqual(['olaf-scholz']);
    expect(await page.locator('#table-grid tbody tr[data-id="olaf-scholz"] button').getAttribute('aria-pressed')).toBe('true');

    await page.locator('#table-filter').fill('starmer');
    await page.keyboard.down('Shift');
    await page.locator('#table-grid tbody tr[data-id="keir-starmer"] button').click();
    await page.keyboard.up('Shift');
    await expect.poll(() => page.evaluate(() => [...window.explorer.store.get().selectedNodes].sort())).toEqual(['keir-starmer', 'olaf-scholz']);
    expect(await page.locator('#details h2').textContent()).toBe('2 entities selected');
    await page.locator('#table-filter').fill('');
    expect((await readTable(page)).filter((r) => r.selected).map((r) => r.id).sort()).toEqual(['keir-starmer', 'olaf-scholz']);
    await page.close();
  });

  it('shows relations with their evidence, and a row selects its relation', async () => {
    const page = await openExplorer(shared.session, SEED, { width: 1400, height: 900 });
    await openTable(page);
    await page.locator('#table-tab-relations').click();
    expect(await page.locator('#table-tab-relations').getAttribute('aria-selected')).toBe('true');
    const columns = await page.locator('#table-grid thead th').allTextContents();
    expect(columns).toEqual(['From', 'Relation', 'To', 'Evidence']);
    const rows = await readTable(page);
    const edges = await page.evaluate(() => {
      const graph = window.explorer.view.renderer.getGraph();
      return graph.edges().map((e) => ({ id: e, evidence: graph.getEdgeAttribute(e, 'evidence').text as string, from: String(graph.getNodeAttribute(graph.source(e), 'label')) }));
    });
    expect(rows.map((r) => r.id).sort()).toEqual(edges.map((e) => e.id).sort());
    for (const edge of edges) {
      const row = rows.find((r) => r.id === edge.id)!;
      expect(row.cells[3]).toBe(edge.evidence);
      expect(row.cells[0]).toBe(edge.from);
    }
    const spoke = 'keir-starmer--spoke-at--eu-leaders-dinner';
    await page.locator('#table-filter').fill('spoke at');
    await page.locator(`#table-grid tbody tr[data-id="${spoke}"] td`).nth(3).click();
    await expect.poll(() => page.evaluate(() => window.explorer.store.get().selection)).toEqual({ kind: 'edge', id: spoke });
    expect(await page.locator('#details blockquote.evidence').textContent()).toBe(edges.find((e) => e.id === spoke)!.evidence);
    await page.close();
  });

  it('keeps nodes clear of the open drawer, and looks right in the dark and on a phone', async () => {
    for (const [scheme, viewport] of [['dark', { width: 1400, height: 900 }], ['light', { width: 390, height: 844 }]] as const) {
      const context = await shared.session.browser.newContext({ viewport, colorScheme: scheme });
      const page = await context.newPage();
      await waitForExplorer(page, shared.session.url + SEED);
      await openTable(page);
      if (viewport.width < 800) await page.locator('#menu-toggle').click();
      await page.locator('#zoom-reset').evaluate((b) => (b as HTMLButtonElement).click());
      await expect.poll(() => page.evaluate(() => window.explorer.view.renderer.getCamera().isAnimated())).toBe(false);
      const clear = await page.evaluate(() => {
        const { renderer } = window.explorer.view;
        const box = renderer.getContainer().getBoundingClientRect();
        const drawer = document.getElementById('data-table')!.getBoundingClientRect();
        return renderer.getGraph().nodes().every((n) => {
          const d = renderer.getNodeDisplayData(n)!;
          const p = renderer.framedGraphToViewport(d);
          return box.y + p.y + renderer.scaleSize(d.size) <= drawer.top;
        });
      });
      expect(clear).toBe(true);
      expect(await page.locator('#table-grid tbody tr[data-id]').count()).toBeGreaterThan(2);
      await page.screenshot({ path: join(ARTIFACTS, `table-${scheme}-${viewport.width}x${viewport.height}.png`) });
      await context.close();
    }
  });
});
