import { SLUG } from '../model/types.ts';

/**
 * Opened files kept in this browser (IndexedDB: a 10k-node GraphML is megabytes, more than
 * sessionStorage holds), so the explorer can reload onto one: createExplorer wires the page once,
 * and a fresh page is the only clean way to swap its graph. The hash names the file the way it
 * names an article (`#article=karate.graphml&node=…`): urlState carries that name like a slug,
 * and an article's slug (SLUG) never holds a dot, which every stashed name does.
 */
export interface StashedFile {
  /** The name in the hash: the file's name, made unlike any article's slug. */
  view: string;
  /** The file's own name, the graph's title. */
  name: string;
  /** The file itself: IndexedDB keeps a Blob as it is, without the copy into a string. */
  file: Blob;
  /** The node attribute chosen as the entity types; null for none. */
  typeAttribute: string | null;
}

const DB = 'article-kg';
const STORE = 'opened-files';
/** Older files are forgotten: a browser need not keep every graph ever opened. */
const KEEP = 5;

/** The hash name for a file: its own name, unless that could be an article's slug ("graph" is given ".file"). */
export const viewNameOf = (name: string): string => (SLUG.test(name) || name === '' ? `${name}.file` : name);

/** Whether a name from the hash names an opened file rather than an article. */
export const isFileView = (view: string | undefined): view is string => view !== undefined && !SLUG.test(view) && view.includes('.');

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE, { keyPath: 'view' });
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('explorer: IndexedDB is not available'));
  });
}

function run<T>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => IDBRequest<T> | void): Promise<T | undefined> {
  return open().then(
    (db) =>
      new Promise<T | undefined>((resolve, reject) => {
        const tx = db.transaction(STORE, mode);
        const request = work(tx.objectStore(STORE));
        tx.oncomplete = () => {
          db.close();
          resolve(request ? request.result : undefined);
        };
        tx.onerror = () => reject(tx.error ?? new Error('explorer: the opened file could not be stored'));
      }),
  );
}

/** Keeps a file (replacing one of the same name) and forgets all but the latest few. */
export async function stashFile(file: StashedFile): Promise<void> {
  const stamped = { ...file, at: Date.now() };
  await run('readwrite', (store) => {
    store.put(stamped);
    const all = store.getAll();
    all.onsuccess = () => {
      const old = (all.result as (StashedFile & { at: number })[]).sort((a, b) => b.at - a.at).slice(KEEP);
      for (const entry of old) store.delete(entry.view);
    };
  });
}

/** The stashed file of that hash name, if this browser still has it. */
export async function readStash(view: string): Promise<StashedFile | undefined> {
  type Kept = StashedFile | (Omit<StashedFile, 'file'> & { text: string });
  const found = await run<Kept | undefined>('readonly', (store) => store.get(view) as IDBRequest<Kept | undefined>);
  if (!found) return undefined;
  // Kept before files were kept as Blobs: their text.
  return 'text' in found ? { view: found.view, name: found.name, typeAttribute: found.typeAttribute, file: new Blob([found.text]) } : found;
}
