import { build } from 'vite';
import { join } from 'node:path';
import { REPO } from './sources.ts';

/**
 * Builds the explorer with vite's API, from the project data or from another data folder
 * (KG_DATA is read by the data plugin when the config loads), into `outDir`. dist/ is never emptied whole: the kg bundle lives in dist/cli.
 */
export async function buildSite(outDir: string, dataDir?: string): Promise<void> {
  const previous = process.env.KG_DATA;
  if (dataDir) process.env.KG_DATA = dataDir;
  try {
    await build({ configFile: join(REPO, 'vite.config.ts'), mode: 'production', logLevel: 'error', build: { outDir, emptyOutDir: outDir !== join(REPO, 'dist') } });
  } finally {
    if (previous === undefined) delete process.env.KG_DATA;
    else process.env.KG_DATA = previous;
  }
}
