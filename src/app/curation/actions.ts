import type { Edit } from '../../curate/edits.ts';
import type { KgGraph } from '../../model/types.ts';
import type { CurationClient } from './client.ts';

type Span = { start: number; end: number };

/**
 * The curation actions, one function each, as the buttons, the dialogs, the keys and window.kg
 * call them: each resolves once the change is on disk, and rejects with the dev server's reason
 * (the builder's validation error for a change that would break the data) otherwise.
 */
export function createCurationActions(client: CurationClient | undefined, graph: KgGraph) {
  const own = String(graph.getAttribute('slug'));
  const write = async (edit: Edit) => {
    if (!client) throw new Error('This explorer is read-only (a static build): run `npm start` and edit there; it writes to data/.');
    return client.edit(edit);
  };
  /** An edge key of the graph on screen as the edit names a relation: `<article>:<id>` in the corpus view, the id with its article in one article's. */
  const relationRef = (key: string) => {
    if (graph.hasEdge(key)) {
      const article = graph.getEdgeAttribute(key, 'article');
      if (article !== undefined) return { id: key.slice(article.length + 1), article };
      return { id: key, article: own };
    }
    return { id: key };
  };
  const item = (id: string) => (graph.hasNode(id) ? { id } : relationRef(id));
  return {
    readOnly: !client,
    async addEntity(options: { type: string; label?: string; article: string; mention: Span }): Promise<string> {
      return (await write({ op: 'addEntity', ...options })).id!;
    },
    async addAlias(options: { id: string; article: string; mention: Span }): Promise<void> {
      await write({ op: 'addAlias', ...options });
    },
    async addRelation(options: { from: string; type: string; to: string; article: string; evidence: Span }): Promise<string> {
      return (await write({ op: 'addRelation', ...options })).id!;
    },
    async accept(id: string): Promise<void> {
      await write({ op: 'accept', ...item(id) });
    },
    /** Resolves to the relations that went with it (`<article>:<id>`). */
    async reject(id: string): Promise<string[]> {
      return (await write({ op: 'reject', ...item(id) })).removed;
    },
    async merge(keep: string, merged: string): Promise<void> {
      await write({ op: 'merge', keep, merged });
    },
    /** Resolves to the new entity's id. */
    async splitAlias(id: string, alias: string): Promise<string> {
      return (await write({ op: 'splitAlias', id, alias })).id!;
    },
    async editEntity(id: string, change: { label?: string; type?: string; aliases?: string[]; description?: string; attributes?: Record<string, string | number | boolean>; accept?: boolean }): Promise<void> {
      await write({ op: 'editEntity', id, ...change });
    },
    /** Resolves to the relation's id afterwards (a derived id follows its type and direction). */
    async editRelation(key: string, change: { type?: string; reverse?: boolean; qualifiers?: Record<string, string | number | boolean>; evidence?: Span; accept?: boolean }): Promise<string> {
      return (await write({ op: 'editRelation', ...relationRef(key), ...change })).id!;
    },
    async undo(): Promise<void> {
      if (!client) throw new Error('This explorer is read-only: there is nothing to undo.');
      await client.undo();
    },
    async redo(): Promise<void> {
      if (!client) throw new Error('This explorer is read-only: there is nothing to redo.');
      await client.redo();
    },
  };
}
export type CurationActions = ReturnType<typeof createCurationActions>;
