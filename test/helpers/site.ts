import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { afterAll, beforeAll } from 'vitest';
import { startBrowser, type BrowserSession } from './browser.ts';
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

/** Files whose change changes the built site: the sources, the data, the config and the locked dependencies. */
function siteInputsHash(): string {
  const hash = createHash('sha256');
  const visit = (path: string) => {
    for (const name of readdirSync(path, { recursive: true, encoding: 'utf8' }).sort()) {
      const file = join(path, name);
      const stats = statSync(file);
      if (stats.isFile()) hash.update(`${file}\0${stats.size}\0${stats.mtimeMs}\0`);
    }
  };
  for (const folder of ['src', 'data', 'public']) visit(join(REPO, folder));
  for (const file of ['vite.config.ts', 'package-lock.json']) hash.update(`${file}\0${statSync(join(REPO, file)).mtimeMs}\0`);
  return hash.digest('hex').slice(0, 16);
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/**
 * The explorer built from the project's own data, once for every test file that needs it (the
 * suites run in parallel workers): the first to ask builds it into a folder named by a hash of
 * its inputs, under a lock; the others wait for it. Folders of older inputs go after an hour.
 */
export async function projectSite(): Promise<string> {
  const root = join(tmpdir(), `kg-site-${process.getuid?.() ?? 'user'}`);
  mkdirSync(root, { recursive: true });
  const dir = join(root, siteInputsHash());
  const lock = `${dir}.lock`;
  const deadline = Date.now() + 300_000;
  while (!existsSync(join(dir, 'index.html'))) {
    try {
      mkdirSync(lock);
    } catch {
      // Someone else is building: wait, unless the builder has died.
      const pid = Number(readFileSyncSafe(join(lock, 'pid')));
      if (pid && !alive(pid)) rmSync(lock, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error(`projectSite: ${lock} held for 5 minutes`);
      await new Promise((done) => setTimeout(done, 250));
      continue;
    }
    try {
      writeFileSync(join(lock, 'pid'), String(process.pid));
      const building = `${dir}.tmp-${process.pid}`;
      await buildSite(building);
      renameSync(building, dir);
      // Builds of older inputs go once nobody can still be serving them.
      for (const old of readdirSync(root)) {
        const path = join(root, old);
        if (path !== dir && !old.endsWith('.lock') && statSync(path).mtimeMs < Date.now() - 3_600_000) rmSync(path, { recursive: true, force: true });
      }
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  }
  return dir;
}

function readFileSyncSafe(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

/**
 * The browser suites' set-up: Chromium on the project's site for the whole file, and the
 * artifacts folder for screenshots. The session is there from the suite's beforeAll on.
 */
export function projectBrowser(): { session: BrowserSession } {
  const shared = {} as { session: BrowserSession };
  beforeAll(async () => {
    shared.session = await startBrowser(await projectSite());
    mkdirSync(join(REPO, 'test/artifacts'), { recursive: true });
  }, 180_000);
  afterAll(async () => {
    await shared.session?.close();
  });
  return shared;
}
