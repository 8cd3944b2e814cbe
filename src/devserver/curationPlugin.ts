import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { findDataDir, readCorpusSources } from '../cli/dataDir.ts';
import { CURATION_PATH, curationApi, dataStampOf } from './curationApi.ts';

/** The meta tags the page reads: their absence (the static dist/) means a read-only explorer. */
export const TOKEN_META = 'kg-curation-token';
export const STAMP_META = 'kg-data-stamp';
/** How src/cli/atomicWrite.ts names its temp files. */
const TEMP_FILES = '.*.tmp-*';
/** How long the reload waits after a write's answer has gone, so the page that asked reads it first. */
const ANSWER_LEAD_MS = 150;

/**
 * Only the dev server (`npm start`) writes: this plugin applies to `vite` serving, never to a
 * build. It mounts the curation API and puts a token, new at each start, into the page it
 * serves, with the stamp of the data that page is built from.
 */
export function curation(options: { dataDir?: string } = {}): Plugin {
  const dataDir = findDataDir(options.dataDir);
  const token = randomBytes(24).toString('base64url');
  /** What each data file was last written with by a saved change: its watcher events are that change's, already reloaded for. */
  const saved = new Map<string, string>();
  const ours = (file: string) => {
    const text = saved.get(resolve(file));
    if (text === undefined) return false;
    try {
      return readFileSync(file, 'utf8') === text;
    } catch {
      return false;
    }
  };
  return {
    name: 'article-kg-curation',
    apply: 'serve',
    // The atomic writes' temp files come and go beside the data files: no reason to reload.
    config: () => ({ server: { watch: { ignored: [`**/${TEMP_FILES}`] } } }),
    configureServer(server) {
      const client = server.environments.client;
      server.middlewares.use(
        curationApi(dataDir, token, {
          // One saved change, one reload of every tab, once its answer has gone: Vite would send
          // one per changed file as its watcher sees each (a tab reloaded by the first reloads again).
          written(files) {
            for (const file of files) {
              saved.set(file.path, file.text);
              for (const module of client.moduleGraph.getModulesByFile(file.path) ?? []) client.moduleGraph.invalidateModule(module);
            }
            for (const [id, module] of client.moduleGraph.idToModuleMap) if (id.startsWith('\0virtual:kg-')) client.moduleGraph.invalidateModule(module);
            setTimeout(() => client.hot.send({ type: 'full-reload', path: '*' }), ANSWER_LEAD_MS);
          },
        }),
      );
    },
    // A data file as a saved change left it: its modules are invalidated and the tabs told already.
    hotUpdate({ file }) {
      if (this.environment.name === 'client' && ours(file)) return [];
    },
    transformIndexHtml() {
      let stamp = '';
      try {
        stamp = dataStampOf(readCorpusSources(dataDir));
      } catch {
        // Unreadable data: the article modules report it; writes then need a reload anyway.
      }
      return [
        { tag: 'meta', attrs: { name: TOKEN_META, content: token }, injectTo: 'head' },
        { tag: 'meta', attrs: { name: STAMP_META, content: stamp }, injectTo: 'head' },
        { tag: 'meta', attrs: { name: 'kg-curation-path', content: CURATION_PATH }, injectTo: 'head' },
      ];
    },
  };
}
