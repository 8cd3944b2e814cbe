import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'vite';
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

/**
 * Writes a small article into `dataDir`: every entity is one article in the corpus, so a test
 * that needs another article writes its own rather than copying one (a copy would define its
 * entities twice). `graph` is the graph.yaml text.
 */
export function writeArticle(dataDir: string, slug: string, article: { title: string; text: string; graph: string }): string {
  const dir = join(dataDir, 'articles', slug);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'meta.yaml'), `title: ${JSON.stringify(article.title)}\npublisher: Wire\ndateline: Berlin\ndate: ${slug.slice(0, 10)}\n`);
  writeFileSync(join(dir, 'article.txt'), article.text);
  writeFileSync(join(dir, 'graph.yaml'), article.graph);
  return dir;
}

/**
 * An article naming Germany (defined in the project's entities.yaml) and a person of its own,
 * `id`. Each such article needs its own `person`: a name may mean one entity only, corpus-wide.
 */
export const germanArticle = (title: string, id = 'otto-konstrukt', person = 'Otto Konstrukt') => ({
  title,
  text: `BERLIN (Wire) - ${person}, who leads Germany, spoke on Monday.\n`,
  graph: [
    'entities:',
    `  - id: ${JSON.stringify(id)}`,
    '    type: person',
    `    label: ${JSON.stringify(person)}`,
    'relations:',
    `  - from: ${JSON.stringify(id)}`,
    '    type: leader_of',
    '    to: germany',
    `    evidence: ${JSON.stringify(`${person}, who leads Germany`)}`,
    '',
  ].join('\n'),
});
