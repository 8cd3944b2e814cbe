import { createHash } from 'node:crypto';
import { chmodSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import type {} from 'vitest/config';
import { articleData } from './src/cli/articleDataPlugin.ts';
import { curation } from './src/devserver/curationPlugin.ts';

/** Paths are taken from here, so builds started by tests or scripts from any folder agree. */
const ROOT = dirname(fileURLToPath(import.meta.url));

/** A hash of the core and CLI sources: the kg bundle's cache key changes whenever they do. */
function codeId(): string {
  const hash = createHash('sha256');
  const files = readdirSync(join(ROOT, 'src'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts') && !f.startsWith('app')).sort();
  for (const file of files) hash.update(`${file}\0`).update(readFileSync(join(ROOT, 'src', file)));
  return hash.digest('hex').slice(0, 16);
}

/**
 * Rewrites only the bundle files whose content changed, and removes files of older builds. The
 * tests start `npm start`, which rebuilds the kg bundle while other tests run it: a file emptied
 * and rewritten under a starting `kg` would be read half-written.
 */
const writeChanged = (outDir: string): Plugin => {
  let current = new Set<string>();
  return {
    name: 'write-changed',
    generateBundle(_, bundle) {
      current = new Set(Object.keys(bundle));
      for (const [name, output] of Object.entries(bundle)) {
        const content = Buffer.from(output.type === 'chunk' ? output.code : output.source);
        try {
          if (readFileSync(join(outDir, name)).equals(content)) delete bundle[name];
        } catch {
          // Not there yet: written as usual.
        }
      }
    },
    writeBundle() {
      for (const name of readdirSync(outDir)) if (!current.has(name)) rmSync(join(outDir, name), { recursive: true, force: true });
    },
  };
};

/** npm links `kg` to the bundle, and a shell runs it only if it is executable. */
const executable = (file: string): Plugin => ({
  name: 'executable',
  writeBundle: (options) => chmodSync(join(options.dir!, file), 0o755),
});

/**
 * The explorer's Content-Security-Policy. The built site runs no inline script or style; the
 * only blob: use is ForceAtlas2's worker. The dev server needs inline styles (its error overlay);
 * its HMR websocket goes back to the page's own host and port, which 'self' covers (CSP 3 lets
 * 'self' match ws: on the same host), so no other host is ever reachable, in dev or built.
 */
export function contentSecurityPolicy(dev: boolean): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    `style-src 'self'${dev ? " 'unsafe-inline'" : ''}`,
    "img-src 'self' data: blob:",
    "worker-src 'self' blob:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

const csp = (): Plugin => {
  let dev = false;
  return {
    name: 'content-security-policy',
    configResolved: (config) => void (dev = config.command === 'serve'),
    transformIndexHtml: () => [
      { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: contentSecurityPolicy(dev) }, injectTo: 'head-prepend' },
    ],
  };
};

/**
 * The explorer shares dist/ with the kg bundle in dist/cli: clear only its own files, in the
 * folder this build writes to. The resolved one, not dist/: a build into another folder (the
 * tests build sites of other data) emptied dist/ under the suites serving it.
 */
const cleanSite = (): Plugin => {
  let outDir: string | undefined;
  return {
    name: 'clean-site',
    apply: 'build',
    configResolved: (config) => void (outDir = resolve(config.root, config.build.outDir)),
    buildStart: () => {
      if (outDir === undefined) return;
      for (const entry of ['assets', 'index.html']) rmSync(join(outDir, entry), { recursive: true, force: true });
    },
  };
};

/**
 * Two builds from one config: `vite build --mode cli` bundles the `kg` command for Node (every
 * dependency inlined, so a call loads one file and starts fast); the default mode is the explorer.
 */
export default defineConfig(({ mode }) => {
  if (mode === 'cli') {
    return {
      publicDir: false,
      define: { __KG_CODE_ID__: JSON.stringify(codeId()) },
      build: {
        ssr: join(ROOT, 'src/cli/kg.ts'),
        outDir: join(ROOT, 'dist/cli'),
        emptyOutDir: false,
        target: 'node20',
        minify: false,
        sourcemap: false,
        // CommonJS: Node 20 loads it measurably faster than ESM, and start-up is most of a query.
        rollupOptions: {
          output: {
            format: 'cjs',
            entryFileNames: 'kg.cjs',
            chunkFileNames: '[name].cjs',
            banner: '#!/usr/bin/env node',
            // What the entry loads statically (the quick path, src/cli/quickAnswer.ts) in one chunk:
            // each further file a call requires cost it 0.4 ms, a fortieth of Node's start-up. Not
            // the entry itself: the later chunks require what they share with it, and an entry
            // loaded twice (node --preserve-symlinks-main names it by its link) would run twice.
            codeSplitting: { groups: [{ name: 'start', tags: ['$initial'], test: (id: string) => !id.endsWith('/src/cli/kg.ts') }] },
          },
        },
      },
      ssr: { noExternal: true, target: 'node' },
      plugins: [writeChanged(join(ROOT, 'dist/cli')), executable('kg.cjs')],
    };
  }
  if (mode === 'test') {
    return {
      test: {
        include: ['test/**/*.test.ts'],
        // The browser and real-reader tests spawn Chromium and Python: give them room on 2 cores.
        testTimeout: 60_000,
        hookTimeout: 120_000,
        // Two files at a time (vitest's default is one fewer than the cores: one, here). Most
        // suites wait on Chromium, PostgreSQL or a child process, so two run in about half the time.
        maxWorkers: 2,
      },
    };
  }
  const outDir = join(ROOT, 'dist');
  return {
    root: join(ROOT, 'src/app'),
    publicDir: join(ROOT, 'public'),
    // Relative asset URLs, so dist/ works from any folder of any static host.
    base: './',
    // One stylesheet: explorer.ts imports every one before the first frame anyway (one request, not three).
    build: { outDir, emptyOutDir: false, target: 'es2022', modulePreload: { polyfill: false }, cssCodeSplit: false },
    worker: { format: 'es' },
    plugins: [articleData(), curation(), csp(), cleanSite()],
    server: { host: '127.0.0.1' },
    preview: { host: '127.0.0.1' },
  };
});
