import type { Edit } from '../../curate/edits.ts';

/** What the dev server answers a write it made. */
export interface WriteAnswer {
  id?: string;
  removed: string[];
  stamp: string;
  undo: string | null;
  redo: string | null;
}

/** A write the dev server refused: its reason (the builder's, for a change that would break the data) and HTTP status. */
export class CurationRefused extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = 'CurationRefused';
  }
}

/** How long after a write the page waits for the dev server's own reload before reloading itself. */
const RELOAD_FALLBACK_MS = 1500;

const metaContent = (name: string) => document.querySelector<HTMLMetaElement>(`meta[name="${name}"]`)?.content;

export interface CurationClientOptions {
  /** Tells the user something (a refusal, a conflict) until the next message. */
  notify: (message: string, kind: 'error' | 'info') => void;
  /** Reloads the view, keeping the URL (selection, filters, camera). */
  reload?: () => void;
}

/**
 * The explorer's side of the dev server's write API: one POST per edit, undo or redo, with the
 * page's token and the stamp of the data the view was built from. Only the dev server puts the
 * token in the page; without it (the static site) there is no client and the explorer is
 * read-only. A success resolves once the files are on disk; the data modules then change and the
 * page reloads with them (the dev server's watcher does it; the page does it too, should that
 * not come). A 409 (the files changed on disk since) reloads the view at once.
 */
export function createCurationClient(options: CurationClientOptions) {
  const token = metaContent('kg-curation-token');
  const path = metaContent('kg-curation-path');
  if (!token || !path) return undefined;
  let base = metaContent('kg-data-stamp') ?? '';
  const reload = options.reload ?? (() => location.reload());
  let state: { undo: string | null; redo: string | null } = { undo: null, redo: null };
  let writes = 0;
  const listeners = new Set<(s: typeof state) => void>();
  const setState = (next: typeof state) => {
    state = next;
    for (const listener of listeners) listener(state);
  };

  async function post(action: 'edit' | 'undo' | 'redo', body: Record<string, unknown>): Promise<WriteAnswer> {
    let response: Response;
    try {
      response = await fetch(`${path}${action}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-kg-token': token! }, body: JSON.stringify({ ...body, base }) });
    } catch {
      throw refused('The dev server did not answer: is `npm start` still running?', 0);
    }
    const answer = (await response.json().catch(() => ({ ok: false, error: `the dev server answered ${response.status}` }))) as { ok: boolean; error?: string } & WriteAnswer;
    // The one 409 that means this view is out of date (others: nothing to undo, a file edited since that change).
    if (response.status === 409 && /changed on disk since this page/.test(answer.error ?? '')) {
      options.notify('The data files changed on disk since this view was loaded: nothing was written. The view reloads with them; make the change again there.', 'error');
      setTimeout(reload, RELOAD_FALLBACK_MS);
      throw new CurationRefused(answer.error ?? 'conflict', 409);
    }
    if (!answer.ok) throw refused(answer.error ?? 'refused', response.status);
    base = answer.stamp;
    writes++;
    setState({ undo: answer.undo, redo: answer.redo });
    setTimeout(reload, RELOAD_FALLBACK_MS);
    return answer;
  }

  const refused = (message: string, status: number) => {
    options.notify(`Not saved: ${message}`, 'error');
    return new CurationRefused(message, status);
  };

  // What there is to undo: the dev server keeps the history, so it survives the reloads.
  void fetch(`${path}state`)
    .then((r) => r.json() as Promise<{ undo: string | null; redo: string | null }>)
    .then((s) => setState({ undo: s.undo, redo: s.redo }))
    .catch(() => {});

  return {
    edit: (edit: Edit) => post('edit', { edit }),
    undo: () => post('undo', {}),
    redo: () => post('redo', {}),
    history: () => state,
    /** How many changes this page has saved (a dialog tells from it whether it saved one). */
    writes: () => writes,
    onHistory(listener: (s: typeof state) => void): void {
      listeners.add(listener);
      listener(state);
    },
  };
}
export type CurationClient = NonNullable<ReturnType<typeof createCurationClient>>;
