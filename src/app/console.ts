import type { LoadedArticle } from '../corpus/built.ts';
import { exportArticle, exportText } from '../export/index.ts';
import { alongArrow, arrowSentence, bindQueries, resolve, summary, type NeighbourOptions } from '../query/index.ts';
import type { CurationActions } from './curation/actions.ts';

/**
 * `window.kg`: the query core bound to the loaded graph, the same functions as the `kg` CLI.
 * Each call prints a readable table and returns the data for further use.
 */
export function createConsoleApi(article: LoadedArticle, select: (node: string) => void, curation?: CurationActions) {
  const { graph } = article;
  const q = bindQueries(graph);
  const neighbours = (name: string, options?: NeighbourOptions) => {
    const result = q.neighbours(name, options);
    console.table(result.neighbours.flatMap((n) => n.via.map((v) => ({ depth: n.depth, entity: n.label, type: n.type, relation: arrowSentence(alongArrow(v, summary(graph, v.from))), evidence: v.evidence.text }))));
    return result;
  };
  const api = {
    neighbours,
    neighbors: neighbours,
    path(a: string, b: string, options?: { directed?: boolean }) {
      const result = q.path(a, b, options);
      // Each relation as its arrow reads ("Keir Starmer → waited for → Olaf Scholz"), even where the path walks it backwards.
      console.table((result.steps ?? []).flatMap((s, i) => s.relations.map((r) => ({ step: i + 1, from: s.from.label, to: s.to.label, relation: arrowSentence(alongArrow(r, s.from)), evidence: r.evidence.text }))));
      return result;
    },
    search(text: string, limit?: number) {
      const hits = q.search(text, limit);
      console.table(hits.map((hit) => (hit.kind === 'entity' ? { kind: hit.kind, name: hit.label, type: hit.type, score: hit.score } : { kind: hit.kind, name: arrowSentence(hit), type: 'relation', score: hit.score })));
      return hits;
    },
    show(name: string) {
      const details = q.show(name);
      console.log(`${details.label} (${details.type}): ${details.description}`);
      const self = summary(graph, details.id);
      console.table([...Object.values(details.out).flat(), ...Object.values(details.in).flat()].map((r) => ({ entity: r.other.label, relation: arrowSentence(alongArrow(r, self)), evidence: r.evidence.text })));
      return details;
    },
    stats() {
      const s = q.stats();
      console.table(s.entitiesByType);
      console.table(s.mostConnected);
      return s;
    },
    resolve: q.resolve,
    /** Selects an entity in the explorer, as a click would; returns its id. */
    select(name: string) {
      const id = resolve(graph, name);
      select(id);
      return id;
    },
    /** The GraphML of the graph as laid out on screen (what the Download button saves). */
    exportGraphML(): string {
      return exportText(exportArticle(article, 'graphml')[0]!);
    },
    // The curation actions, the very functions behind the explorer's buttons: each resolves once the change is on disk.
    addEntity: async (options: Parameters<CurationActions['addEntity']>[0]) => needs(curation).addEntity(options),
    addRelation: async (options: Parameters<CurationActions['addRelation']>[0]) => needs(curation).addRelation(options),
    accept: async (id: string) => needs(curation).accept(id),
    reject: async (id: string) => needs(curation).reject(id),
    merge: async (keep: string, merged: string) => needs(curation).merge(keep, merged),
    splitAlias: async (id: string, alias: string) => needs(curation).splitAlias(id, alias),
    undo: async () => needs(curation).undo(),
    redo: async () => needs(curation).redo(),
    graph,
    help() {
      const text = [
        'window.kg: the article-kg query core, as in the `kg` CLI. Names: id, label or alias, any case.',
        '  kg.neighbours(name, {depth, direction: "in"|"out"|"both", relations, types})  (also kg.neighbors)',
        '  kg.path(a, b, {directed})   kg.search(text)   kg.show(name)   kg.stats()   kg.resolve(name)',
        '  kg.select(name)   select it in the explorer',
        '  kg.exportGraphML()   the GraphML of the graph as laid out on screen',
        'Curation (under `npm start`; each returns a promise that resolves once the change is on disk):',
        '  kg.addEntity({type, label, article, mention: {start, end}})   resolves to the new id',
        '  kg.addRelation({from, type, to, article, evidence: {start, end}})   offsets: UTF-16 units of the article text',
        '  kg.accept(id)   kg.reject(id)   id: an entity, a relation, or a relation type kg add proposed',
        '  kg.merge(keepId, mergedId)   kg.splitAlias(id, alias)   kg.undo()   kg.redo()',
        '  kg.graph   the graphology graph',
      ].join('\n');
      console.log(text);
      return text;
    },
  };
  return api;
}
/** The actions, or a rejection saying why there are none (a view that cannot write). */
function needs(curation: CurationActions | undefined): CurationActions {
  if (!curation) throw new Error('This view cannot be edited: run `npm start` and open an article of data/.');
  return curation;
}

export type ConsoleApi = ReturnType<typeof createConsoleApi>;
