/**
 * `path` in the store: graphology's bidirectional search (graphology-shortest-path/unweighted),
 * run here step by step on neighbour lists read from SQL one fringe at a time, so that only the
 * entities it expands are ever read. Its steps, and the order it meets neighbours in, are those of
 * the search the core runs on the whole graph, so it finds the same path, ties included.
 */

/** The neighbours of each of these entities, in the order the whole graph lists them. */
export type NeighbourReader = (ids: string[]) => Promise<Map<string, string[]>>;

export interface Fringes {
  /** For the forward search: an entity's successors (its out-neighbours, or every neighbour when arrows are ignored). */
  successors: NeighbourReader;
  predecessors: NeighbourReader;
}

/**
 * The nodes of the shortest path from `source` to `target`, or null: graphology's bidirectional(),
 * line for line, with each fringe's neighbour lists read in one call before it is expanded.
 */
export async function bidirectionalPath(source: string, target: string, read: Fringes): Promise<string[] | null> {
  if (source === target) return [source];
  // Null-prototype records, as graphology keeps: `in` tests only what was set.
  const predecessor: Record<string, string | null> = Object.create(null);
  const successor: Record<string, string | null> = Object.create(null);
  predecessor[source] = null;
  successor[target] = null;
  let forwardFringe = [source];
  let reverseFringe = [target];
  let meeting: string | null = null;
  outer: while (forwardFringe.length && reverseFringe.length) {
    // graphology expands the smaller fringe, the forward one on a tie.
    const forward = forwardFringe.length <= reverseFringe.length;
    const current = forward ? forwardFringe : reverseFringe;
    const seen = forward ? predecessor : successor;
    const other = forward ? successor : predecessor;
    const next: string[] = [];
    if (forward) forwardFringe = next;
    else reverseFringe = next;
    const lists = await (forward ? read.successors : read.predecessors)(current);
    for (const node of current) {
      for (const neighbour of lists.get(node) ?? []) {
        if (!(neighbour in seen)) {
          next.push(neighbour);
          seen[neighbour] = node;
        }
        if (neighbour in other) {
          meeting = neighbour;
          break outer;
        }
      }
    }
  }
  if (meeting === null) return null;
  const nodes: string[] = [];
  for (let node: string | null = meeting; node !== null; node = predecessor[node] ?? null) nodes.unshift(node);
  for (let node = successor[meeting] ?? null; node !== null; node = successor[node] ?? null) nodes.push(node);
  return nodes;
}

/** One relation as a neighbour list is made of: its ends and its place in the corpus's edge order. */
export type EdgeRow = [source: string, target: string, article: string, pos: number];

const byEdgeOrder = (a: EdgeRow, b: EdgeRow) => (a[2] < b[2] ? -1 : a[2] > b[2] ? 1 : a[3] - b[3]);

/**
 * Neighbour lists as graphology makes them: each entity's neighbours keyed in a null-prototype
 * object in the order of the first relation that joins them (the corpus graph adds relations by
 * article, then their place in it), read back with Object.keys (which puts integer-like ids first,
 * as graphology's lists do). `ends` says which ends of a relation are neighbours of which.
 */
export function neighbourLists(ids: readonly string[], rows: EdgeRow[], ends: (row: EdgeRow) => [node: string, neighbour: string][]): Map<string, string[]> {
  const wanted = new Set(ids);
  const keyed = new Map<string, Record<string, true>>();
  for (const row of rows.sort(byEdgeOrder)) {
    for (const [node, neighbour] of ends(row)) {
      if (!wanted.has(node)) continue;
      let record = keyed.get(node);
      if (!record) keyed.set(node, (record = Object.create(null) as Record<string, true>));
      record[neighbour] = true;
    }
  }
  return new Map([...keyed].map(([node, record]) => [node, Object.keys(record)]));
}
