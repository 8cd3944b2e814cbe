import { chmodSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig, type Plugin } from 'vite';

/** npm links `kg` to the bundle, and a shell runs it only if it is executable. */
const executable = (file: string): Plugin => ({
  name: 'executable',
  writeBundle: (options) => chmodSync(join(options.dir!, file), 0o755),
});

/**
 * Two builds from one config: `vite build --mode cli` bundles the `kg` command for Node (every
 * dependency inlined, so a call loads one file and starts fast); the default mode is the explorer.
 */
export default defineConfig(({ mode }) => {
  if (mode === 'cli') {
    return {
      build: {
        ssr: 'src/cli/kg.ts',
        outDir: 'dist/cli',
        emptyOutDir: true,
        target: 'node20',
        minify: false,
        sourcemap: false,
        rollupOptions: { output: { entryFileNames: 'kg.js', chunkFileNames: '[name].js', banner: '#!/usr/bin/env node' } },
      },
      ssr: { noExternal: true, target: 'node' },
      plugins: [executable('kg.js')],
    };
  }
  return {};
});
