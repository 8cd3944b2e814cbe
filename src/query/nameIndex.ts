import { foldCase } from '../text/fold.ts';
import { nameQuery, namesOf, wordRun, words } from './names.ts';

/**
 * What `resolve` answers for every name it can answer, precomputed: every id, every folded name,
 * and every run of consecutive words of a name, each with the entity it finds, or AMBIGUOUS
 * where it finds several (an entity is its place in `ids`). `kg neighbours NAME` looks the name
 * up here without the graph or the query code; a name not in it (a typo, which `resolve`
 * answers with suggestions) goes to `resolve` itself. Pairs, not objects: the keys are data strings.
 */
export interface NameIndex {
  ids: string[];
  exact: [folded: string, entity: number][];
  byWord: [words: string, entity: number][];
}

export const AMBIGUOUS = -1;

type Named = { label: string; aliases: readonly string[] };

/** The index of `nodes`, in their order (an entity is its place in it). */
export function nameIndex(nodes: readonly (readonly [id: string, attributes: Named])[]): NameIndex {
  const exact = new Map<string, number>();
  const byWord = new Map<string, number>();
  // A second entity under a key makes it ambiguous; the same entity twice does not.
  const add = (map: Map<string, number>, key: string, entity: number) => {
    const seen = map.get(key);
    map.set(key, seen === undefined || seen === entity ? entity : AMBIGUOUS);
  };
  nodes.forEach(([id, a], entity) => {
    add(exact, id, entity);
    for (const name of namesOf(a)) {
      add(exact, foldCase(name), entity);
      // resolve looks for the query's words as a run of the name's, whole words only.
      const ws = words(name);
      for (let from = 0; from < ws.length; from++) for (let to = from + 1; to <= ws.length; to++) add(byWord, ws.slice(from, to).join(' '), entity);
    }
  });
  return { ids: nodes.map(([id]) => id), exact: [...exact], byWord: [...byWord] };
}

/** Maps of an index, built once by a reader that looks up more than one name. */
export interface NameLookup {
  ids: Map<string, number>;
  exact: Map<string, number>;
  byWord: Map<string, number>;
}

export const nameLookup = (index: NameIndex): NameLookup => ({ ids: new Map(index.ids.map((id, entity) => [id, entity])), exact: new Map(index.exact), byWord: new Map(index.byWord) });

/**
 * The entity `resolve` finds for `name`, AMBIGUOUS where it reports several, or undefined where
 * it finds none (and answers with suggestions): its steps in its order, each a lookup.
 */
export function lookUpName(lookup: NameLookup, name: string): number | undefined {
  const query = nameQuery(name);
  const id = lookup.ids.get(query.raw);
  if (id !== undefined) return id;
  const exact = lookup.exact.get(query.folded);
  if (exact !== undefined) return exact;
  const run = wordRun(query.raw);
  return run ? lookup.byWord.get(run) : undefined;
}
