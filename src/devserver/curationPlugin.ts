import { randomBytes } from 'node:crypto';
import type { Plugin } from 'vite';
import { findDataDir, readCorpusSources } from '../cli/dataDir.ts';
import { CURATION_PATH, curationApi, dataStampOf } from './curationApi.ts';

/** The meta tags the page reads: their absence (the static dist/) means a read-only explorer. */
export const TOKEN_META = 'kg-curation-token';
export const STAMP_META = 'kg-data-stamp';

/**
 * Only the dev server (`npm start`) writes: this plugin applies to `vite` serving, never to a
 * build. It mounts the curation API and puts a token, new at each start, into the page it
 * serves, with the stamp of the data that page is built from.
 */
export function curation(options: { dataDir?: string } = {}): Plugin {
  const dataDir = findDataDir(options.dataDir);
  const token = randomBytes(24).toString('base64url');
  return {
    name: 'article-kg-curation',
    apply: 'serve',
    configureServer(server) {
      server.middlewares.use(curationApi(dataDir, token));
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
