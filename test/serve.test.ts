import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, describe, expect, it } from 'vitest';
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

async function devServer(dataDir?: string): Promise<{ server: ViteDevServer; url: string }> {
  const previous = process.env.KG_DATA;
  if (dataDir) process.env.KG_DATA = dataDir;
  try {
    const server = await createServer({ configFile: join(REPO, 'vite.config.ts'), mode: 'development', logLevel: 'silent', server: { port: 0, strictPort: false, hmr: false } });
    await server.listen();
    const address = server.httpServer!.address();
    if (!address || typeof address === 'string') throw new Error('no port');
    return { server, url: `http://127.0.0.1:${address.port}` };
  } finally {
    if (previous === undefined) delete process.env.KG_DATA;
    else process.env.KG_DATA = previous;
  }
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
    const child = spawn('npm', ['start', '--', '--port', '0'], { cwd: REPO, env: { ...process.env, NO_COLOR: '1' }, detached: true });
    try {
      const output = await new Promise<string>((done, fail) => {
        let text = '';
        const timer = setTimeout(() => fail(new Error(`no URL printed:\n${text}`)), 45_000);
        child.stdout.on('data', (chunk) => {
          text += chunk;
          if (/http:\/\/127\.0\.0\.1:\d+\//.test(text)) {
            clearTimeout(timer);
            done(text);
          }
        });
      });
      expect(output).toMatch(/^ok {3}2025-02-03-starmer-eu-leaders-dinner/m);
      const url = /http:\/\/127\.0\.0\.1:\d+\//.exec(output)![0];
      expect((await fetch(url)).status).toBe(200);
    } finally {
      process.kill(-child.pid!, 'SIGTERM');
    }
  });
});
