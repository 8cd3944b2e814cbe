import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { devServer, npmStart } from './helpers/dev.ts';
import { REPO, SEED_SLUG } from './helpers/sources.ts';

const scratch = mkdtempSync(join(tmpdir(), 'kg-serve-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function brokenData(): string {
  const dir = join(scratch, 'broken');
  cpSync(join(REPO, 'data'), dir, { recursive: true });
  const file = join(dir, 'articles', SEED_SLUG, 'graph.yaml');
  writeFileSync(file, readFileSync(file, 'utf8').replace('to: olaf-scholz', 'to: olaf-scholtz'));
  return dir;
}

const articleModule = `/@id/__x00__virtual:kg-article/${SEED_SLUG}`;

describe('the dev server', () => {
  it('serves the explorer and the built article', async () => {
    const { server, url } = await devServer();
    try {
      expect(await (await fetch(url)).text()).toContain('<div id="graph"');
      const module = await fetch(url + articleModule);
      expect(module.status).toBe(200);
      expect(await module.text()).toContain('keir-starmer');
    } finally {
      await server.close();
    }
  });

  it('serves the article list the page imports, and each article it lists', async () => {
    const { server, url } = await devServer();
    try {
      // In the page's order: main.ts first, which has Vite transform its imports ahead of time.
      const main = await fetch(`${url}/main.ts`);
      expect(main.status).toBe(200);
      const listUrl = /from "(\/@id\/[^"]*virtual:kg-articles)"/.exec(await main.text())?.[1];
      expect(listUrl).toBe('/@id/__x00__virtual:kg-articles');
      const list = await fetch(url + listUrl);
      const text = await list.text();
      expect(list.status, text).toBe(200);
      const articles = [...text.matchAll(/import\("([^"]+)"\)/g)].map((m) => m[1]!);
      // One module per article of the data folder (and the corpus view, when there are several).
      for (const slug of readdirSync(join(REPO, 'data/articles'))) expect(articles).toContain(`/@id/__x00__virtual:kg-article/${slug}`);
      for (const article of articles) expect((await fetch(url + article)).status).toBe(200);
    } finally {
      await server.close();
    }
  });

  it('answers a data error with the file, line and reason (what Vite\'s overlay shows)', async () => {
    const { server, url } = await devServer(brokenData());
    try {
      const module = await fetch(url + articleModule);
      expect(module.status).toBe(500);
      expect(await module.text()).toMatch(/graph\.yaml:\d+:\d+: relations\[\d+\]\.to: unknown entity \\?"olaf-scholtz\\?"/);
    } finally {
      await server.close();
    }
  });
});

describe('npm start', () => {
  it('stops on invalid data with the file, place and reason', () => {
    const r = spawnSync('npm', ['start'], { cwd: REPO, encoding: 'utf8', env: { ...process.env, KG_DATA: brokenData() }, timeout: 60_000 });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/graph\.yaml:\d+:\d+: relations\[\d+\]\.to: unknown entity "olaf-scholtz"/);
  });

  it('validates, then serves the explorer and prints its URL', async () => {
    const app = await npmStart();
    try {
      expect(app.output()).toMatch(/^ok {3}2025-02-03-starmer-eu-leaders-dinner/m);
      expect((await fetch(app.url)).status).toBe(200);
    } finally {
      await app.stop();
    }
  });
});
