import { join, relative, sep } from 'node:path';
import type { ViteDevServer } from 'vite';
import { ENTITIES_FILE, VOCABULARY_FILE } from './dataDir.ts';

/**
 * Reloads the page when the data changes in a way no module import records: an article folder
 * appears or goes (Vite resolves a watched path as an import, and a folder does not resolve), the
 * optional entities.yaml appears (no module could watch it while it was absent),
 * or a file changes while its article fails to build (a failed load records no imports). Edits
 * to files a built module imported are Vite's own business: it reloads for those already.
 */
export function reloadOnDataChange(server: ViteDevServer, dataDir: string): void {
  const articles = join(dataDir, 'articles');
  const shared = [join(dataDir, VOCABULARY_FILE), join(dataDir, ENTITIES_FILE)];
  server.watcher.add([articles, ...shared]);
  const client = server.environments.client;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const reload = () => {
    for (const [id, module] of client.moduleGraph.idToModuleMap) {
      if (id.startsWith('\0virtual:kg-')) client.moduleGraph.invalidateModule(module);
    }
    client.hot.send({ type: 'full-reload' });
  };
  const onChange = (path: string) => {
    const parts = relative(articles, path).split(sep);
    // The shared files, an article folder or a file directly in one: nothing deeper, nothing else.
    const data = shared.includes(path) || (parts[0] !== '..' && parts[0] !== '' && parts.length <= 2);
    if (!data || client.moduleGraph.getModulesByFile(path)?.size) return;
    // A folder copied in arrives as several events: reload once, after the last.
    clearTimeout(timer);
    timer = setTimeout(reload, 100).unref();
  };
  for (const event of ['add', 'change', 'unlink', 'addDir', 'unlinkDir'] as const) server.watcher.on(event, onChange);
}
