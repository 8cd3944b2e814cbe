import { join } from 'node:path';
import { PNG } from 'pngjs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { preview, type PreviewServer } from 'vite';
import { REPO } from './sources.ts';

/** Debian's Chromium by default; KG_CHROMIUM points at another Chromium or Chrome. */
export const CHROMIUM = process.env.KG_CHROMIUM || '/usr/bin/chromium';

const FLAGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--use-angle=swiftshader', '--enable-unsafe-swiftshader',
  // Without this, Chromium 156 runs a top-chrome WebUI renderer (its omnibox popup) beside the
  // pages, headless or not: work on the same cores as the page under test, noise in its timings.
  '--disable-features=WebUIOmniboxPopup,WebUIOmniboxFullPopup,WebUIOmniboxAimPopup',
];

/** Headless Chromium with the flags above. Playwright gives every launch a fresh temporary profile (it refuses --user-data-dir). */
export const launchChromium = (): Promise<Browser> => chromium.launch({ executablePath: CHROMIUM, args: FLAGS, headless: true });

export interface BrowserSession {
  browser: Browser;
  url: string;
  close(): Promise<void>;
}

/** Serves a built site (dist/ unless told otherwise) on a free loopback port, as `vite preview` would. */
export async function serveSite(outDir = join(REPO, 'dist')): Promise<{ server: PreviewServer; url: string }> {
  const server: PreviewServer = await preview({
    configFile: join(REPO, 'vite.config.ts'),
    logLevel: 'silent',
    build: { outDir },
    preview: { port: 0, host: '127.0.0.1', strictPort: false, open: false },
  });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('preview server has no port');
  return { server, url: `http://127.0.0.1:${address.port}/` };
}

/** Serves a built site (dist/ unless told otherwise) on a free loopback port and starts Chromium. */
export async function startBrowser(outDir = join(REPO, 'dist')): Promise<BrowserSession> {
  const { server, url } = await serveSite(outDir);
  const browser = await launchChromium();
  return {
    browser,
    url,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/** Opens the explorer and waits until sigma has drawn and window.kg is ready. */
export async function openExplorer(session: Pick<BrowserSession, 'browser' | 'url'>, hash = '', viewport = { width: 1440, height: 900 }): Promise<Page> {
  const page = await session.browser.newPage({ viewport });
  await waitForExplorer(page, session.url + hash);
  return page;
}

/** Loads `url` in `page` and waits until sigma has drawn and window.kg is ready. */
export async function waitForExplorer(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.waitForFunction(() => Boolean(window.kg && window.explorer));
}

/** Share of pixels in a PNG that are neither white nor near-white. */
export function inkShare(png: Buffer): number {
  const image = PNG.sync.read(png);
  let ink = 0;
  for (let i = 0; i < image.data.length; i += 4) if (image.data[i]! + image.data[i + 1]! + image.data[i + 2]! < 700) ink++;
  return ink / (image.width * image.height);
}

/** A fresh page that collects its console errors and page errors: a test expects none. */
export async function pageWithProblems(session: Pick<BrowserSession, 'browser'>, viewport = { width: 1440, height: 900 }): Promise<{ page: Page; problems: string[] }> {
  const page = await session.browser.newPage({ viewport });
  const problems: string[] = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  page.on('pageerror', (e) => problems.push(e.message));
  return { page, problems };
}
