/**
 * Image exports from the explorer (issue 9): the dialog (scope, size, background, title, legend),
 * the SVG it downloads (real <text> per label, title, legend, only what the filters show), the
 * PNG drawn from that SVG (the size asked, ink on it, readable text whatever the theme), and the
 * data formats still downloading at once. The site is built into a folder of this test's own;
 * images and screenshots go to test/artifacts/export-*.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DOMParser, type Document, type Element } from '@xmldom/xmldom';
import type { Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildArticle, loadArticle } from '../src/corpus/index.ts';
import { estimateWidth, exportSvg } from '../src/export/index.ts';
import { xmlChars } from '../src/export/xml.ts';
import { ENTITY_TYPES } from '../src/model/types.ts';
import { inkShare, startBrowser, waitForExplorer, type BrowserSession } from './helpers/browser.ts';
import { writeHostileData } from './helpers/hostileData.ts';
import { buildSite, projectBrowser } from './helpers/site.ts';
import { REPO, SEED_SLUG, sources } from './helpers/sources.ts';

const ARTIFACTS = join(REPO, 'test/artifacts');
const SEED = `#article=${SEED_SLUG}`;
const SVG_NS = 'http://www.w3.org/2000/svg';
const shared = projectBrowser();


type Scheme = 'light' | 'dark';

async function open(viewport = { width: 1400, height: 900 }, scheme: Scheme = 'light', on: BrowserSession = shared.session, hash = SEED): Promise<Page> {
  const context = await on.browser.newContext({ viewport, colorScheme: scheme });
  const page = await context.newPage();
  page.on('close', () => void context.close().catch(() => undefined));
  await waitForExplorer(page, on.url + hash);
  return page;
}

interface Choices {
  scope?: 'graph' | 'view';
  size?: string;
  width?: number;
  height?: number;
  background?: 'white' | 'theme' | 'transparent';
  title?: string;
  legend?: boolean;
}

async function openDialog(page: Page, format: 'png' | 'svg'): Promise<void> {
  if (await page.locator('#menu-toggle').isVisible()) await page.locator('#menu-toggle').click();
  await page.locator('#export-format').selectOption(format);
  await page.locator('#export').click();
  await expect.poll(() => page.locator('#export-dialog').evaluate((d: HTMLDialogElement) => d.open)).toBe(true);
}

/** Chooses in the dialog as a user does, downloads, and returns the file's bytes. */
/** A field of the dialog by its label (other panels have their own "Size by", "Title"…). */
const field = (page: Page, label: string) => page.locator('#export-dialog').getByLabel(label, { exact: true });

async function exportImage(page: Page, format: 'png' | 'svg', choices: Choices = {}, slug = SEED_SLUG): Promise<Buffer> {
  await openDialog(page, format);
  if (choices.scope) await field(page, choices.scope === 'view' ? 'Current view' : 'Whole graph').check();
  if (choices.size) await field(page, 'Size').selectOption(choices.size);
  if (choices.width !== undefined) await field(page, 'Width').fill(String(choices.width));
  if (choices.height !== undefined) await field(page, 'Height').fill(String(choices.height));
  if (choices.background) await field(page, 'Background').selectOption(choices.background);
  if (choices.title !== undefined) await field(page, 'Title').fill(choices.title);
  if (choices.legend !== undefined) await field(page, 'Legend of entity types').setChecked(choices.legend);
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#export-image-download').click()]);
  expect(download.suggestedFilename()).toBe(`${slug}.${format}`);
  await expect.poll(() => page.locator('#export-dialog').evaluate((d: HTMLDialogElement) => d.open)).toBe(false);
  return readFileSync((await download.path())!);
}

function parse(svg: string): Document {
  const onError = (level: string, message: string) => {
    if (level !== 'warning') throw new Error(`not well-formed: ${message}`);
  };
  return new DOMParser({ onError }).parseFromString(svg, 'image/svg+xml');
}
const group = (doc: Document, name: string) => (Array.from(doc.getElementsByTagNameNS(SVG_NS, 'g')) as Element[]).find((g) => g.getAttribute('class') === name);
const texts = (doc: Document, name: string) => Array.from(group(doc, name)?.getElementsByTagNameNS(SVG_NS, 'text') ?? []).map((t) => t.textContent ?? '');
const titleOf = (doc: Document) => (Array.from(doc.getElementsByTagNameNS(SVG_NS, 'text')) as Element[]).find((t) => t.getAttribute('class') === 'title')?.textContent;

/** Pairs of node labels whose boxes (estimated widths) cross: what the explorer's placement avoids. */
function labelOverlaps(doc: Document): number {
  const g = group(doc, 'node-labels')!;
  const size = Number(g.getAttribute('font-size'));
  const boxes = Array.from(g.getElementsByTagNameNS(SVG_NS, 'text')).map((t) => ({ x: Number(t.getAttribute('x')), y: Number(t.getAttribute('y')) - 0.8 * size, w: estimateWidth(t.textContent ?? '', size, 400), h: size }));
  let crossings = 0;
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const [a, b] = [boxes[i]!, boxes[j]!];
      if (a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h) crossings++;
    }
  }
  return crossings;
}

const entities = (page: Page) => page.evaluate(() => window.kg.graph.mapNodes((_, a) => ({ label: a.label as string, type: a.type as string })));

/** Draws an SVG in Chromium, to look at (and to check an SVG renders at all). */
async function renderSvg(svg: Buffer, path: string, width: number, height: number): Promise<Buffer> {
  const page = await shared.session.browser.newPage({ viewport: { width, height } });
  await page.goto(`data:image/svg+xml;base64,${svg.toString('base64')}`);
  const shot = await page.screenshot({ path });
  await page.close();
  return shot;
}

/** Share of pixels whose channels sum below `max`: dark text on a light image. */
function darkShare(png: Buffer, max = 200): number {
  const image = PNG.sync.read(png);
  let dark = 0;
  for (let i = 0; i < image.data.length; i += 4) if (image.data[i + 3]! > 200 && image.data[i]! + image.data[i + 1]! + image.data[i + 2]! < max) dark++;
  return dark / (image.width * image.height);
}

const pixel = (png: Buffer, x: number, y: number) => {
  const image = PNG.sync.read(png);
  const i = (y * image.width + x) * 4;
  return [...image.data.subarray(i, i + 4)];
};

describe('the SVG download', () => {
  it('of the whole seed graph has a <text> per entity label, the title as edited, and the legend of its types', async () => {
    const page = await open();
    const nodes = await entities(page);
    expect(nodes.length).toBeGreaterThan(40);
    const svg = await exportImage(page, 'svg', { scope: 'graph', size: '1920x1080', title: 'Dinner <in> Brussels & "after"' });
    writeFileSync(join(ARTIFACTS, 'export-seed.svg'), svg);
    const doc = parse(svg.toString('utf8'));
    const root = doc.documentElement!;
    expect([root.getAttribute('width'), root.getAttribute('height')]).toEqual(['1920', '1080']);
    expect(texts(doc, 'node-labels').sort()).toEqual(nodes.map((n) => n.label).sort());
    expect(titleOf(doc)).toBe('Dinner <in> Brussels & "after"');
    const types = new Set(nodes.map((n) => n.type));
    expect(texts(doc, 'legend')).toEqual(ENTITY_TYPES.filter((t) => types.has(t)));
    // Drawn by Chromium, the whole graph has ink inside the frame and on its right half (labels not lost).
    const shot = await renderSvg(svg, join(ARTIFACTS, 'export-seed-svg.png'), 1920, 1080);
    expect(inkShare(shot)).toBeGreaterThan(0.01);
    // The explorer places labels round their nodes; the core alone (the CLI's picture) puts them all on the right.
    const plain = parse([...exportSvg(loadArticle(buildArticle(sources(join(REPO, 'data'), SEED_SLUG))), { width: 1920, height: 1080 }).chunks].join(''));
    expect(labelOverlaps(doc)).toBeLessThan(labelOverlaps(plain) / 2);
    await page.close();
  });

  it('leaves out a type hidden in the filters: its labels and its legend entry', async () => {
    const page = await open();
    const nodes = await entities(page);
    const countries = nodes.filter((n) => n.type === 'country').map((n) => n.label);
    expect(countries.length).toBeGreaterThan(2);
    await page.locator('#type-filters input[value="country"]').uncheck();
    const doc = parse((await exportImage(page, 'svg')).toString('utf8'));
    const labels = texts(doc, 'node-labels');
    for (const country of countries) expect(labels).not.toContain(country);
    expect(labels.sort()).toEqual(nodes.filter((n) => n.type !== 'country').map((n) => n.label).sort());
    expect(texts(doc, 'legend')).not.toContain('country');
    expect(texts(doc, 'legend')).toContain('person');
    await page.close();
  });

  it('of the current view holds only what the camera shows, and no legend when asked for none', async () => {
    const page = await open();
    const all = (await entities(page)).length;
    await page.evaluate(() => window.explorer.view.renderer.getCamera().setState({ x: 0.5, y: 0.5, ratio: 0.25 }));
    await page.waitForTimeout(200);
    const svg = await exportImage(page, 'svg', { scope: 'view', legend: false, size: '1600x1000' });
    await renderSvg(svg, join(ARTIFACTS, 'export-view-svg.png'), 1600, 1000);
    await page.screenshot({ path: join(ARTIFACTS, 'export-view-screen.png') });
    const doc = parse(svg.toString('utf8'));
    const shown = texts(doc, 'node-labels').length;
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThan(all);
    expect(group(doc, 'legend')).toBeUndefined();
    await page.close();
  });
});

describe('the PNG download', () => {
  it('has the size chosen, and ink on it', async () => {
    const page = await open();
    const png = await exportImage(page, 'png', { scope: 'graph', width: 1234, height: 777 });
    writeFileSync(join(ARTIFACTS, 'export-seed.png'), png);
    const image = PNG.sync.read(png);
    expect([image.width, image.height]).toEqual([1234, 777]);
    expect(pixel(png, 2, 2)).toEqual([255, 255, 255, 255]);
    expect(inkShare(png)).toBeGreaterThan(0.01);
    // Labels are drawn, in dark text.
    expect(darkShare(png)).toBeGreaterThan(0.002);
    await page.close();
  });

  it('in the dark theme: white background with dark text; the theme background with light text; transparent', async () => {
    const page = await open({ width: 1400, height: 900 }, 'dark');
    expect(await page.evaluate(() => document.documentElement.dataset.theme ?? matchMedia('(prefers-color-scheme: dark)').matches)).toBeTruthy();
    const white = await exportImage(page, 'png', { size: '1200x800', background: 'white' });
    writeFileSync(join(ARTIFACTS, 'export-dark-theme-white.png'), white);
    expect(pixel(white, 2, 2)).toEqual([255, 255, 255, 255]);
    expect(darkShare(white)).toBeGreaterThan(0.002);

    const themed = await exportImage(page, 'png', { background: 'theme' });
    writeFileSync(join(ARTIFACTS, 'export-dark-theme-theme.png'), themed);
    expect(pixel(themed, 2, 2)).toEqual([0x14, 0x18, 0x1d, 255]);
    const image = PNG.sync.read(themed);
    let light = 0;
    for (let i = 0; i < image.data.length; i += 4) if (image.data[i]! + image.data[i + 1]! + image.data[i + 2]! > 600) light++;
    expect(light / (image.width * image.height)).toBeGreaterThan(0.002);

    const clear = await exportImage(page, 'png', { background: 'transparent' });
    expect(pixel(clear, 2, 2)[3]).toBe(0);
    // The SVG in the dark theme on white: its text is the dark of the white palette.
    const svg = parse((await exportImage(page, 'svg', { background: 'white' })).toString('utf8'));
    expect(group(svg, 'node-labels')!.getAttribute('fill')).toBe('#1d232a');
    await page.close();
  });
});

describe('the dialog', () => {
  it('has labelled fields, closes on Escape and gives focus back to Download; data formats download at once', async () => {
    const page = await open();
    await openDialog(page, 'png');
    for (const name of ['Format', 'Whole graph', 'Current view', 'Size', 'Width', 'Height', 'Background', 'Title', 'Legend of entity types']) {
      await expect.poll(() => field(page, name).count(), { message: name }).toBe(1);
    }
    expect(await field(page, 'Title').inputValue()).toBe(await page.evaluate(() => window.kg.graph.getAttribute('title')));
    // A preset fills the sizes; a size of one's own reads as Custom.
    await field(page, 'Size').selectOption('3840x2160');
    expect([await field(page, 'Width').inputValue(), await field(page, 'Height').inputValue()]).toEqual(['3840', '2160']);
    await field(page, 'Width').fill('1000');
    expect(await field(page, 'Size').inputValue()).toBe('custom');
    // An impossible size is refused by the form, not sent to the canvas.
    await field(page, 'Width').fill('20000');
    await page.locator('#export-image-download').click();
    expect(await page.locator('#export-dialog').evaluate((d: HTMLDialogElement) => d.open)).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('#export-dialog').evaluate((d: HTMLDialogElement) => d.open)).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('export');

    await page.locator('#export-format').selectOption('json');
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#export').click()]);
    expect(download.suggestedFilename()).toBe(`${SEED_SLUG}.json`);
    expect(await page.locator('#export-dialog').evaluate((d: HTMLDialogElement) => d.open)).toBe(false);
    await page.close();
  });

  for (const scheme of ['light', 'dark'] as const) {
    for (const viewport of [{ width: 1400, height: 900 }, { width: 390, height: 844 }]) {
      it(`fits the screen and passes axe at ${viewport.width}x${viewport.height} (${scheme})`, async () => {
        const page = await open(viewport, scheme);
        await openDialog(page, 'svg');
        const box = (await page.locator('#export-dialog').boundingBox())!;
        expect(box.x).toBeGreaterThanOrEqual(0);
        expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
        expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
        await page.evaluate(readFileSync(join(REPO, 'node_modules/axe-core/axe.min.js'), 'utf8'));
        const violations = await page.evaluate(async () => {
          const results = await (window as unknown as { axe: { run: (c: unknown, o: object) => Promise<{ violations: { id: string; impact: string }[] }> } }).axe.run('#export-dialog', { resultTypes: ['violations'] });
          return results.violations.map((v) => `${v.id} (${v.impact})`);
        });
        expect(violations).toEqual([]);
        await page.screenshot({ path: join(ARTIFACTS, `export-dialog-${scheme}-${viewport.width}x${viewport.height}.png`) });
        await page.close();
      });
    }
  }
});

describe('hostile labels', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'kg-export-hostile-'));
  let hostile: BrowserSession;
  let data: ReturnType<typeof writeHostileData>;
  beforeAll(async () => {
    mkdirSync(join(scratch, 'data'));
    data = writeHostileData(join(scratch, 'data'), { dense: true });
    await buildSite(join(scratch, 'site'), data.dataDir);
    hostile = await startBrowser(join(scratch, 'site'));
  }, 180_000);
  afterAll(async () => {
    await hostile?.close();
    rmSync(scratch, { recursive: true, force: true });
  });

  it('give a well-formed SVG with each label as text (cut with … only when wider than the image), and a PNG', async () => {
    const page = await open({ width: 1400, height: 900 }, 'light', hostile, `#article=${data.slug}`);
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('dialog', (d) => void d.dismiss().then(() => problems.push(`dialog: ${d.message()}`)));
    const svg = (await exportImage(page, 'svg', { size: '1600x1000' }, data.slug)).toString('utf8');
    writeFileSync(join(ARTIFACTS, 'export-hostile.svg'), svg);
    const doc = parse(svg);
    expect(doc.getElementsByTagName('script')).toHaveLength(0);
    const drawn = texts(doc, 'node-labels');
    const labels = (await page.evaluate(() => window.kg.graph.mapNodes((_, a) => a.label as string))).filter((l) => l.length > 0);
    expect(drawn).toHaveLength(labels.length);
    const shown = (label: string) => drawn.some((t) => t === xmlChars(label) || (t.endsWith('…') && xmlChars(label).startsWith(t.slice(0, -1))));
    expect(labels.filter((l) => !shown(l))).toEqual([]);
    const png = PNG.sync.read(await exportImage(page, 'png', { size: '1200x800' }, data.slug));
    expect([png.width, png.height]).toEqual([1200, 800]);
    expect(problems).toEqual([]);
    await renderSvg(Buffer.from(svg), join(ARTIFACTS, 'export-hostile-svg.png'), 1600, 1000);
    await page.close();
  });
});
