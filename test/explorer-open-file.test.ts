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

/**
 * A generated GraphML of `nodes` nodes and `edges` edges, with a group (12 values), a label and
 * a weight: large enough that reading it takes long enough to see (and cancel).
 */
function generatedGraphml(nodes: number, edges: number): string {
  const parts = [
    '<?xml version="1.0" encoding="UTF-8"?>\n<graphml xmlns="http://graphml.graphdrawing.org/xmlns">\n',
    '<key id="g" for="node" attr.name="group" attr.type="string"/>\n<key id="l" for="node" attr.name="label" attr.type="string"/>\n',
    '<key id="s" for="node" attr.name="score" attr.type="double"/>\n<key id="x" for="node" attr.name="x" attr.type="double"/>\n<key id="y" for="node" attr.name="y" attr.type="double"/>\n<key id="w" for="edge" attr.name="weight" attr.type="double"/>\n',
    '<graph id="G" edgedefault="directed">\n',
  ];
  for (let i = 0; i < nodes; i++) parts.push(`<node id="n${i}"><data key="g">group ${i % 12}</data><data key="l">Generated node number ${i}</data><data key="s">${(i * 0.37) % 100}</data><data key="x">${(i % 150) * 10}</data><data key="y">${Math.floor(i / 150) * 10}</data></node>\n`);
  for (let i = 0; i < edges; i++) {
    const source = i % nodes;
    let target = (i * 7919 + 13) % nodes;
    if (target === source) target = (target + 1) % nodes;
    parts.push(`<edge id="e${i}" source="n${source}" target="n${target}"><data key="w">${(i % 50) / 10}</data></edge>\n`);
  }
  parts.push('</graph>\n</graphml>\n');
  return parts.join('');
}

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
  writeFileSync(join(files, 'big.graphml'), generatedGraphml(20_000, 60_000));
  // Big enough (~95 MB) that its reading is still going when Cancel is pressed.
  writeFileSync(join(files, 'huge.graphml'), generatedGraphml(400_000, 600_000));
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
  // Long: under software GL (SwiftShader, no GPU here) a previous page's 60,000 edges can keep the
  // GPU process drawing for tens of seconds, and every page's frames wait for it.
  await page.waitForFunction(() => Boolean(window.kg && window.explorer), undefined, { timeout: 120_000 });
  return { page, alerts };
}

/** Waits for the page to have reloaded onto the opened file. */
const openedOn = (page: Page, name: string) => page.waitForFunction((n) => window.kg?.graph.getAttribute('title') === n && Boolean(window.explorer), name, { timeout: 180_000 });

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
      { file: 'notes.graphml', say: /^Line \d+, column \d+: not well-formed XML: text data outside of root node/ },
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

  it('a 20k-node GraphML file is read in a worker behind a progress bar, then opens with all its nodes and edges', async () => {
    const { page } = await freshPage();
    // Every state the progress bar is seen in, by its accessible name: the reading can be quicker than a poll.
    await page.evaluate(() => {
      const seen: { name: string; value: number }[] = [];
      (window as unknown as { progressSeen: typeof seen }).progressSeen = seen;
      const note = () => {
        const bar = document.querySelector<HTMLProgressElement>('dialog[open] progress');
        if (!bar) return;
        const name = document.getElementById(bar.getAttribute('aria-labelledby') ?? '')?.textContent ?? '';
        if (seen.at(-1)?.value !== bar.value || seen.at(-1)?.name !== name) seen.push({ name, value: bar.value });
      };
      new MutationObserver(note).observe(document.body, { subtree: true, childList: true, attributes: true });
      const poll = () => {
        note();
        requestAnimationFrame(poll);
      };
      poll();
    });
    await page.locator('#open-file-input').setInputFiles(join(files, 'big.graphml'));
    const picker = page.getByRole('dialog', { name: 'Open big.graphml' });
    await picker.waitFor({ timeout: 60_000 });
    await expect(picker.textContent()).resolves.toContain('20,000 nodes and 60,000 edges (GraphML)');
    const seen = await page.evaluate(() => (window as unknown as { progressSeen: { name: string; value: number }[] }).progressSeen);
    expect(seen.length).toBeGreaterThan(0);
    expect(new Set(seen.map((s) => s.name))).toEqual(new Set(['Reading big.graphml']));
    // The bar only goes forward, within 0..1.
    expect(seen.every((s, i) => s.value >= 0 && s.value <= 1 && (i === 0 || s.value >= seen[i - 1]!.value))).toBe(true);
    await expect(picker.getByLabel('Node types from').inputValue()).resolves.toBe('group');
    await picker.getByRole('button', { name: 'Open' }).click();
    await openedOn(page, 'big.graphml');
    const stats = await page.evaluate(() => window.kg.stats());
    expect(stats.entities).toBe(20_000);
    expect(stats.relations).toBe(60_000);
    expect(Object.keys(stats.entitiesByType)).toHaveLength(12);
    // 20,000 = 12 × 1,666 + 8: groups 0 to 7 have one node more.
    expect(stats.entitiesByType['group 7']).toBe(1667);
    expect(await page.evaluate(() => window.kg.show('n19999').attributes)).toMatchObject({ score: (19_999 * 0.37) % 100 });
    await page.close();
  }, 420_000);

  it('Cancel (or Escape) while a file is read ends the reading, leaving the graph on screen and no error', async () => {
    const { page } = await freshPage();
    const dialog = await openKarate(page);
    await dialog.getByRole('button', { name: 'Open' }).click();
    await openedOn(page, 'karate.graphml');

    for (const how of ['button', 'escape'] as const) {
      const started = page.waitForEvent('worker', (w) => w.url().includes('openFileWorker'));
      await page.locator('#open-file-input').setInputFiles(join(files, 'huge.graphml'));
      const worker = await started;
      let ended = false;
      worker.on('close', () => (ended = true));
      const reading = page.getByRole('dialog', { name: 'Reading huge.graphml' });
      await reading.waitFor();
      const bar = reading.getByRole('progressbar', { name: 'Reading huge.graphml' });
      await expect.poll(() => bar.evaluate((b) => (b as HTMLProgressElement).value), { timeout: 30_000 }).toBeGreaterThan(0);
      expect(await bar.evaluate((b) => (b as HTMLProgressElement).value)).toBeLessThan(1);
      if (how === 'button') {
        await page.screenshot({ path: join(ARTIFACTS, 'open-file-reading.png') });
        await reading.getByRole('button', { name: 'Cancel' }).click();
      } else await page.keyboard.press('Escape');
      await reading.waitFor({ state: 'hidden' });
      // The reading worker is ended, not left to finish unseen.
      await expect.poll(() => ended, { timeout: 15_000 }).toBe(true);
      await page.waitForTimeout(500);
      expect(await page.locator('dialog[open]').count()).toBe(0);
      expect(await page.evaluate(() => ({ title: window.kg.graph.getAttribute('title'), nodes: window.kg.stats().entities }))).toEqual({ title: 'karate.graphml', nodes: 34 });
    }
    // And the next file opens as usual.
    await page.locator('#open-file-input').setInputFiles(join(files, 'les.gexf'));
    await page.getByRole('dialog', { name: 'Open les.gexf' }).waitFor();
    await page.close();
  }, 300_000);

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
  }, 300_000);
});
