/**
 * Opening one's own graph file in the explorer (issue 9): a GraphML file written by NetworkX by
 * the file picker, a GEXF and a graphology JSON file dropped on the page, broken files reported
 * with their place while the graph on screen stays. The site is built into a folder of this
 * test's own; screenshots go to test/artifacts/open-file-*.png.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MultiDirectedGraph } from 'graphology';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TYPE_COLORS } from '../src/layout/palette.ts';
import { startBrowser, type BrowserSession } from './helpers/browser.ts';
import { projectSite } from './helpers/site.ts';
import { REPO } from './helpers/sources.ts';

const ARTIFACTS = join(REPO, 'test/artifacts');
const scratch = mkdtempSync(join(tmpdir(), 'kg-open-file-'));
const files = join(scratch, 'files');
let session: BrowserSession;

/** Zachary's karate club with typed attributes, a hostile label and attributes named like Object.prototype's members; Les Misérables as GEXF. */
const NETWORKX = `
import sys, networkx as nx
out = sys.argv[1]
G = nx.karate_club_graph()
for n in G.nodes:
    G.nodes[n]['label'] = f'Member {n}'
    G.nodes[n]['age'] = 20 + n
    G.nodes[n]['score'] = n / 4
    G.nodes[n]['vip'] = n % 5 == 0
    G.nodes[n]['__proto__'] = f'proto {n}'
    G.nodes[n]['constructor'] = 'c'
G.nodes[0]['label'] = '<script>alert(1)</script>'
nx.write_graphml(G, out + '/karate.graphml')
L = nx.les_miserables_graph()
for n in L.nodes:
    L.nodes[n]['group'] = 'main' if L.degree(n) > 10 else 'minor'
nx.write_gexf(L, out + '/les.gexf')
`;

function graphologyJson(): string {
  const graph = new MultiDirectedGraph();
  graph.addNode('ada', { label: 'Ada Lovelace', kind: 'Person', born: 1815 });
  graph.addNode('rs', { label: 'Royal Society', kind: 'organization' });
  graph.addNode('lab', { label: 'Engine Lab', kind: 'lab' });
  graph.addEdgeWithKey('m', 'ada', 'rs', { relation: 'member of' });
  graph.addEdgeWithKey('w', 'ada', 'lab', { relation: 'works at' });
  return JSON.stringify(graph.export());
}

beforeAll(async () => {
  mkdirSync(files, { recursive: true });
  execFileSync('/usr/bin/python3', ['-c', NETWORKX, files]);
  writeFileSync(join(files, 'lab.json'), graphologyJson());
  const karate = readFileSync(join(files, 'karate.graphml'), 'utf8');
  writeFileSync(join(files, 'cut.graphml'), karate.slice(0, karate.indexOf('<node id="5">')));
  writeFileSync(join(files, 'notes.graphml'), 'These are my notes, not a graph.\n');
  writeFileSync(join(files, 'list.json'), '[1, 2, 3]\n');
  session = await startBrowser(await projectSite());
}, 240_000);

afterAll(async () => {
  await session?.close();
  rmSync(scratch, { recursive: true, force: true });
});

/** A page in a context of its own (its own IndexedDB), with the explorer on the articles. */
async function freshPage(viewport = { width: 1400, height: 900 }, scheme: 'light' | 'dark' = 'light'): Promise<{ page: Page; alerts: string[] }> {
  const context = await session.browser.newContext({ viewport, colorScheme: scheme });
  const page = await context.newPage();
  page.on('close', () => void context.close().catch(() => {}));
  const alerts: string[] = [];
  page.on('dialog', (d) => {
    alerts.push(d.message());
    void d.dismiss();
  });
  await page.goto(session.url);
  await page.waitForFunction(() => Boolean(window.kg && window.explorer));
  return { page, alerts };
}

/** Waits for the page to have reloaded onto the opened file. */
const openedOn = (page: Page, name: string) => page.waitForFunction((n) => window.kg?.graph.getAttribute('title') === n && Boolean(window.explorer), name, { timeout: 60_000 });

/** Drops a file on the page as a person dragging it from their desktop would. */
async function dropFile(page: Page, name: string, type: string) {
  const text = readFileSync(join(files, name), 'utf8');
  return page.evaluate(
    ([name, text, type]) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([text!], name!, { type: type! }));
      document.body.dispatchEvent(new DragEvent('dragenter', { dataTransfer: transfer, bubbles: true, cancelable: true }));
      const hintShown = !document.querySelector<HTMLElement>('.drop-hint')!.hidden;
      document.getElementById('graph')!.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
      return { hintShown, hintAfter: !document.querySelector<HTMLElement>('.drop-hint')!.hidden };
    },
    [name, text, type],
  );
}

/** Opens karate.graphml by the file picker, typed by `club`. */
async function openKarate(page: Page) {
  await page.locator('#open-file-input').setInputFiles(join(files, 'karate.graphml'));
  const dialog = page.getByRole('dialog', { name: 'Open karate.graphml' });
  await dialog.waitFor();
  return dialog;
}

describe('open a file', () => {
  it('a GraphML file written by NetworkX opens by the file picker and window.kg.stats() counts its nodes', async () => {
    const { page, alerts } = await freshPage();
    const dialog = await openKarate(page);
    await expect(dialog.textContent()).resolves.toContain('34 nodes and 78 edges (GraphML)');
    const picker = dialog.getByLabel('Node types from');
    const offered = await picker.locator('option').allTextContents();
    expect(offered).toContain('club (2 values)');
    // Ids, labels and fractional numbers are no categories.
    expect(offered.join('|')).not.toMatch(/label|score|__proto__/);
    await picker.selectOption('club');
    await dialog.getByRole('button', { name: 'Open' }).click();
    await openedOn(page, 'karate.graphml');

    const stats = await page.evaluate(() => window.kg.stats());
    expect(stats.entities).toBe(34);
    expect(stats.relations).toBe(78);
    expect(stats.entitiesByType).toEqual({ 'Mr. Hi': 17, Officer: 17 });
    await expect(page.title()).resolves.toBe('karate.graphml · article-kg');
    expect(page.url()).toContain('#article=karate.graphml');

    // Hovering a node lights it up, as for an article.
    await page.waitForFunction(() => !window.explorer.view.renderer.getCamera().isAnimated());
    const point = await page.evaluate(() => {
      const { x, y } = window.kg.graph.getNodeAttributes('33');
      const box = document.getElementById('graph')!.getBoundingClientRect();
      const p = window.explorer.view.renderer.graphToViewport({ x: x!, y: y! });
      return { x: box.left + p.x, y: box.top + p.y };
    });
    await page.mouse.move(point.x, point.y);
    await expect.poll(() => page.evaluate(() => window.explorer.store.get().hoveredNode)).toBe('33');
    await page.mouse.move(1, 1);

    // The filters legend lists the file's two types, each with its swatch in its nodes' colour.
    const legend = await page.locator('#type-filters .check label').allTextContents();
    expect(legend.map((t) => t.replace(/\d+$/, ''))).toEqual(['Mr. Hi', 'Officer']);
    const swatches = await page.locator('#type-filters .swatch').evaluateAll((dots) => dots.map((d) => getComputedStyle(d).backgroundColor));
    expect(new Set(swatches).size).toBe(2);
    await page.locator('#type-filters input[value="Officer"]').uncheck();
    const hidden = await page.evaluate(() => [...window.explorer.store.get().hiddenTypes]);
    expect(hidden).toEqual(['Officer']);
    await page.locator('#type-filters input[value="Officer"]').check();

    // Search finds the hostile label as text; nothing ran.
    await page.locator('#search-input').fill('script');
    const option = page.locator('#search-options [role="option"]').first();
    await expect(option.textContent()).resolves.toContain('<script>alert(1)</script>');
    await option.click();
    const details = page.locator('#details');
    await expect(details.locator('h2').textContent()).resolves.toBe('<script>alert(1)</script>');
    // The entity's own attributes are the first list (the relations' weights follow), under the
    // file's own names; a file has no text, so nothing speaks of mentions.
    const attributes = details.locator('.qualifiers').first();
    const terms = await attributes.locator('dt').allTextContents();
    expect(terms).toEqual(['club', 'age', 'score', 'vip', '__proto__', 'constructor']);
    expect(await details.textContent()).not.toContain('Mentioned');
    const values = await attributes.locator('dd').allTextContents();
    expect(values).toEqual(expect.arrayContaining(['Mr. Hi', '20', 'true', 'proto 0']));
    expect(alerts).toEqual([]);
    expect(await page.locator('script:not([src])').count()).toBe(0);

    // The queries answer on the opened graph, undirected edges walked both ways.
    const answers = await page.evaluate(() => ({
      neighbours: window.kg.neighbours('33').neighbours.length,
      path: window.kg.path('<script>alert(1)</script>', 'Member 33').steps?.length,
      graphml: (window.kg.exportGraphML().match(/<node /g) ?? []).length,
    }));
    expect(answers).toEqual({ neighbours: 17, path: 2, graphml: 34 });

    // No text, no article: its tab, pane and skip link are gone; the link back to the articles is there.
    await expect(page.locator('#tab-article').isHidden()).resolves.toBe(true);
    await expect(page.locator('#article-pane').isHidden()).resolves.toBe(true);
    await expect(page.getByRole('link', { name: 'Back to the articles' }).isVisible()).resolves.toBe(true);

    // A reload comes back to the same file, from this browser's copy.
    await page.reload();
    await openedOn(page, 'karate.graphml');
    expect(await page.evaluate(() => window.kg.stats().entities)).toBe(34);

    // And the link goes back to the articles.
    await page.getByRole('link', { name: 'Back to the articles' }).click();
    await page.waitForFunction(() => window.kg && window.kg.graph.getAttribute('title') !== 'karate.graphml');
    await page.close();
  }, 120_000);

  it('a GEXF file and a graphology JSON file open by dropping them on the page, typed by their conventional attribute', async () => {
    const { page } = await freshPage();
    expect(await dropFile(page, 'les.gexf', 'application/gexf+xml')).toEqual({ hintShown: true, hintAfter: false });
    const dialog = page.getByRole('dialog', { name: 'Open les.gexf' });
    await dialog.waitFor();
    await expect(dialog.getByLabel('Node types from').inputValue()).resolves.toBe('group');
    await dialog.getByRole('button', { name: 'Open' }).click();
    await openedOn(page, 'les.gexf');
    const les = await page.evaluate(() => window.kg.stats());
    expect(les.entities).toBe(77);
    expect(Object.keys(les.entitiesByType).sort()).toEqual(['main', 'minor']);
    expect(await page.evaluate(() => window.kg.search('Valjean')[0]?.label)).toBe('Valjean');

    await dropFile(page, 'lab.json', 'application/json');
    const second = page.getByRole('dialog', { name: 'Open lab.json' });
    await second.waitFor();
    await expect(second.getByLabel('Node types from').inputValue()).resolves.toBe('kind');
    await second.getByRole('button', { name: 'Open' }).click();
    await openedOn(page, 'lab.json');
    const lab = await page.evaluate(() => ({ stats: window.kg.stats(), colour: window.kg.graph.getNodeAttribute('ada', 'color'), out: window.kg.neighbours('Ada Lovelace', { direction: 'out' }).neighbours.map((n) => n.label) }));
    expect(lab.stats.entitiesByType).toEqual({ lab: 1, organisation: 1, person: 1 });
    // Our own entity types keep our colours.
    expect(lab.colour).toBe(TYPE_COLORS.person);
    expect(lab.out.sort()).toEqual(['Engine Lab', 'Royal Society']);
    const legend = await page.locator('#type-filters input[name="type"]').evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));
    expect(legend.sort()).toEqual(['lab', 'organisation', 'person']);
    await page.close();
  }, 120_000);

  it('a broken file is reported with its name and place, and the graph on screen stays', async () => {
    const { page } = await freshPage();
    const dialog = await openKarate(page);
    await dialog.getByRole('button', { name: 'Open' }).click();
    await openedOn(page, 'karate.graphml');

    const cases = [
      { file: 'cut.graphml', say: /^Line \d+, column \d+: not well-formed XML/ },
      { file: 'notes.graphml', say: /^Line 1, column 1: not well-formed XML/ },
      { file: 'list.json', say: /expected an object with a "nodes" list/ },
    ];
    for (const { file, say } of cases) {
      await page.locator('#open-file-input').setInputFiles(join(files, file));
      const report = page.getByRole('dialog', { name: `Could not open ${file}` });
      await report.waitFor();
      await expect(report.getByRole('alert').textContent()).resolves.toMatch(say);
      await page.keyboard.press('Escape');
      await report.waitFor({ state: 'hidden' });
      expect(await page.evaluate(() => ({ title: window.kg.graph.getAttribute('title'), nodes: window.kg.stats().entities }))).toEqual({ title: 'karate.graphml', nodes: 34 });
    }
    // Escape closes the type picker too, and nothing changes.
    await page.locator('#open-file-input').setInputFiles(join(files, 'les.gexf'));
    const picker = page.getByRole('dialog', { name: 'Open les.gexf' });
    await picker.waitFor();
    await page.keyboard.press('Escape');
    await picker.waitFor({ state: 'hidden' });
    expect(await page.evaluate(() => window.kg.graph.getAttribute('title'))).toBe('karate.graphml');
    await page.close();
  }, 120_000);

  it('looks right on a desktop and a phone, light and dark (screenshots)', async () => {
    for (const [viewport, scheme] of [[{ width: 1400, height: 900 }, 'light'], [{ width: 1400, height: 900 }, 'dark'], [{ width: 390, height: 844 }, 'light'], [{ width: 390, height: 844 }, 'dark']] as const) {
      const { page } = await freshPage(viewport, scheme);
      const dialog = await openKarate(page);
      await dialog.getByLabel('Node types from').selectOption('club');
      if (viewport.width === 1400 && scheme === 'light') await page.screenshot({ path: join(ARTIFACTS, 'open-file-picker.png') });
      await dialog.getByRole('button', { name: 'Open' }).click();
      await openedOn(page, 'karate.graphml');
      await page.waitForTimeout(500);
      await page.screenshot({ path: join(ARTIFACTS, `open-file-${scheme}-${viewport.width}x${viewport.height}.png`) });
      if (viewport.width === 1400 && scheme === 'light') {
        await page.evaluate(() => window.kg.select('33'));
        await page.waitForTimeout(700);
        await page.screenshot({ path: join(ARTIFACTS, 'open-file-selected.png') });
      }
      await page.close();
    }
  }, 180_000);
});
