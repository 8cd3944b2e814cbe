/**
 * The explorer built from the hostile data folder (test/helpers/hostileData.ts: our hostile
 * strings and OWASP's XSS filter-evasion vectors in every field), driven in headless Chromium so
 * that every panel renders every string: each entity and relation selected and hovered, the
 * search box, focus, real mouse hovers and every export format downloaded.
 * Nothing from the data may run: no script sets a global, no dialog opens, the CSP reports no
 * violation (it would, for a vector that became markup and loaded something), no page error.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowser, waitForExplorer, type BrowserSession } from './helpers/browser.ts';
import { writeHostileData, type HostileData } from './helpers/hostileData.ts';
import { buildSite } from './helpers/site.ts';
import { REPO } from './helpers/sources.ts';

const ARTIFACTS = join(REPO, 'test/artifacts');
const scratch = mkdtempSync(join(tmpdir(), 'kg-hostile-browser-'));
let data: HostileData;
let session: BrowserSession | undefined;

beforeAll(async () => {
  mkdirSync(join(scratch, 'data'));
  // Dense: every string once, in fewer entities and relations to select. Relation labels cut at
  // 200 characters: see HostileOptions (sigma draws long ones in quadratic time).
  data = writeHostileData(join(scratch, 'data'), { dense: true });
  await buildSite(join(scratch, 'site'), data.dataDir);
  session = await startBrowser(join(scratch, 'site'));
}, 180_000);
afterAll(async () => {
  await session?.close();
  rmSync(scratch, { recursive: true, force: true });
});

/** What the page saw that it should not have. */
interface Incidents {
  dialogs: string[];
  pageErrors: string[];
  consoleErrors: string[];
}

/** Runs before any page script: records CSP violations and every alert, confirm and prompt. */
function recorder() {
  const w = window as unknown as { __csp: string[]; __dialogs: string[] };
  w.__csp = [];
  w.__dialogs = [];
  document.addEventListener('securitypolicyviolation', (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`));
  for (const name of ['alert', 'confirm', 'prompt'] as const) {
    const original = window[name].bind(window) as (...args: unknown[]) => unknown;
    (window as unknown as Record<string, unknown>)[name] = (...args: unknown[]) => (w.__dialogs.push(`${name}(${args.map(String).join(', ')})`), original(...args));
  }
}

async function open(): Promise<{ page: Page; incidents: Incidents }> {
  const page = await session!.browser.newPage({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
  const incidents: Incidents = { dialogs: [], pageErrors: [], consoleErrors: [] };
  page.on('dialog', (d) => (incidents.dialogs.push(`${d.type()}: ${d.message()}`), void d.dismiss()));
  page.on('pageerror', (e) => incidents.pageErrors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && incidents.consoleErrors.push(m.text()));
  await page.addInitScript(recorder);
  await waitForExplorer(page, `${session!.url}#article=${data.slug}`);
  return { page, incidents };
}

describe('the explorer with hostile strings in every field', () => {
  it('renders every entity and relation as text: nothing runs, no dialog, no CSP violation, no page error', { timeout: 120_000 }, async () => {
    const { page, incidents } = await open();

    // Select and hover every entity, then every relation: the details panel shows each one (its
    // heading, and every string it holds, as text) and the article panel marks its mentions or
    // evidence.
    const shown = (element: 'node' | 'edge', id: string) =>
      data.fields.filter((f) => f.element === element && f.id === id && f.field !== 'inverse' && f.text !== '').map((f) => f.text);
    const missing = await page.evaluate(
      async ({ entities, relations }) => {
        const { store } = window.explorer;
        const frame = () => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0)));
        const details = document.querySelector('#details')!;
        const wrong: string[] = [];
        const check = (id: string, heading: string, texts: string[]) => {
          const h2 = details.querySelector('h2')?.textContent;
          if (h2 !== heading) wrong.push(`${id} heading: ${JSON.stringify(h2)}`);
          const text = details.textContent ?? '';
          for (const t of texts) if (!text.includes(t)) wrong.push(`${id} does not show ${JSON.stringify(t.slice(0, 60))}`);
        };
        for (const [i, e] of entities.entries()) {
          if (i % 2 === 0) window.kg.select(e.id);
          else store.update({ selection: { kind: 'node', id: e.id } });
          store.update({ hoveredNode: e.id });
          check(e.id, e.label, e.texts);
          await frame();
        }
        store.update({ hoveredNode: null });
        for (const r of relations) {
          store.update({ selection: { kind: 'edge', id: r.id }, hoveredEdge: r.id });
          check(r.id, window.kg.graph.getEdgeAttribute(r.id, 'label'), r.texts);
          await frame();
        }
        store.update({ hoveredEdge: null });
        return wrong;
      },
      {
        entities: data.entities.map((e) => ({ ...e, texts: shown('node', e.id) })),
        relations: data.relations.map((id) => ({ id, texts: shown('edge', id) })),
      },
    );
    expect(missing).toEqual([]);

    // The article panel holds the article verbatim, as text.
    const articleText = readFileSync(join(data.dataDir, 'articles', data.slug, 'article.txt'), 'utf8');
    expect(await page.locator('#article').evaluate((el) => el.textContent)).toBe(articleText);

    // Search: fragments of the vectors, chosen with the keyboard.
    const search = page.locator('#search-input');
    for (const query of ['<script', 'onerror', 'javascript:', 'alert(', '&amp;', ']]>', '__proto__', 'constructor', '=cmd', '\u202e', '😀', 'aka <IMG']) {
      await search.fill(query);
      await search.press('ArrowDown');
      await search.press('Enter');
    }

    // Focus on a neighbourhood, and real mouse hovers over a few nodes.
    await page.selectOption('#focus-depth', '2');
    await page.evaluate(() => window.kg.select('constructor'));
    await page.selectOption('#focus-depth', '0');
    const box = (await page.locator('#graph').boundingBox())!;
    for (const id of data.entities.slice(0, 12).map((e) => e.id)) {
      const point = await page.evaluate((n) => {
        const renderer = window.explorer.view.renderer;
        const a = renderer.getGraph().getNodeAttributes(n);
        return renderer.graphToViewport({ x: a.x, y: a.y });
      }, id);
      await page.mouse.move(box.x + point.x, box.y + point.y);
    }

    // Every export format, built in the page from the hostile graph.
    const downloads: string[] = [];
    page.on('download', (d) => downloads.push(d.suggestedFilename()));
    for (const format of ['graphml', 'gexf', 'json', 'csv']) {
      await page.selectOption('#export-format', format);
      await page.click('#export');
    }
    const files = ['graphml', 'gexf', 'json', 'nodes.csv', 'edges.csv'].map((suffix) => `${data.slug}.${suffix}`);
    await expect.poll(() => downloads.slice().sort()).toEqual(files.sort());

    await page.evaluate(() => window.kg.select(window.kg.graph.nodes()[4]!));
    await page.waitForTimeout(300);
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'hostile-explorer.png') });

    const seen = await page.evaluate(() => {
      const w = window as unknown as Record<string, unknown> & { __csp: string[]; __dialogs: string[] };
      const handlers: string[] = [];
      for (const el of document.querySelectorAll('*'))
        for (const attr of el.attributes) if (/^on/i.test(attr.name)) handlers.push(`${el.tagName} ${attr.name}`);
      const markup = document.querySelectorAll('#details *, #article *, #search-options *, #type-filters *, #relation-filters *, #timeline *, #article-title *, #article-meta *');
      const tags = [...new Set([...markup].map((el) => el.tagName.toLowerCase()))].filter((t) => !['div', 'span', 'p', 'h2', 'h3', 'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'button', 'label', 'input', 'mark', 'a', 'blockquote', 'q', 'time', 'table', 'tr', 'td', 'th', 'tbody', 'thead', 'legend', 'section', 'small', 'strong', 'em', 'abbr', 'code', 'details', 'summary', 'fieldset', 'br', 'sup'].includes(t));
      return {
        globals: Object.keys(w).filter((k) => k.startsWith('__hostile')),
        polluted: ({} as Record<string, unknown>).polluted,
        csp: w.__csp,
        dialogs: w.__dialogs,
        handlers,
        tags,
      };
    });
    expect(seen).toEqual({ globals: [], polluted: undefined, csp: [], dialogs: [], handlers: [], tags: [] });
    expect(incidents).toEqual({ dialogs: [], pageErrors: [], consoleErrors: [] });
    await page.close();
  });
});
