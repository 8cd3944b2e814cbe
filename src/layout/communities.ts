import { UndirectedGraph } from 'graphology';
import louvain from 'graphology-communities-louvain';
import type { Attributes } from 'graphology-types';
import type { KgGraph } from '../model/types.ts';

/**
 * mulberry32: a tiny seeded PRNG. Louvain visits nodes in a random order and breaks ties at
 * random; with Math.random the communities (and so their colours) would change on every load.
 */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The seed every caller shares, so the explorer, a test and a later export agree on the partition. */
export const COMMUNITY_SEED = 0x6b67;

export interface Communities {
  /** Community index per node: 0 is the largest community, 1 the next, and so on. */
  of: ReadonlyMap<string, number>;
  /** Members per community, by index. */
  sizes: readonly number[];
  modularity: number;
}

/**
 * Louvain communities of the graph, the same on every run for the same data. Relations are read
 * as undirected ties: "A leads B" and "B is led by A" say the same about who belongs together,
 * and undirected modularity is what Gephi computes by default. Communities are renumbered by size
 * (ties by their first member in graph order) so that the largest always takes the first colour,
 * whatever numbers Louvain happened to hand out.
 */
export function detectCommunities(graph: KgGraph, seed = COMMUNITY_SEED): Communities {
  if (graph.order === 0) return { of: new Map(), sizes: [], modularity: 0 };
  // Louvain's result is a plain object keyed by node: a node named `__proto__` would vanish
  // from it. It runs on a copy whose keys are positions ("0", "1", …), mapped back by index.
  const nodes = graph.nodes();
  const position = new Map(nodes.map((node, i) => [node, i]));
  // Undirected modularity wants a simple graph: parallel relations become one tie of their
  // summed weight, and self-loops, which say nothing about belonging, are dropped.
  const ties = new UndirectedGraph<Attributes, { weight: number }>();
  for (let i = 0; i < nodes.length; i++) ties.addNode(String(i));
  graph.forEachEdge((_edge, _attributes, source, target) => {
    if (source === target) return;
    ties.updateEdge(String(position.get(source)), String(position.get(target)), (tie) => ({ weight: (tie.weight ?? 0) + 1 }));
  });
  const detailed = louvain.detailed(ties, { rng: seededRandom(seed), getEdgeWeight: 'weight' });
  const raw = nodes.map((_, i) => detailed.communities[String(i)]!);
  const members = new Map<number, { first: number; count: number }>();
  raw.forEach((c, i) => {
    const m = members.get(c);
    if (m) m.count++;
    else members.set(c, { first: i, count: 1 });
  });
  const order = [...members].sort((a, b) => b[1].count - a[1].count || a[1].first - b[1].first);
  const index = new Map(order.map(([c], i) => [c, i]));
  const of = new Map(nodes.map((node, i) => [node, index.get(raw[i]!)!]));
  // Louvain reports NaN for a graph without ties.
  return { of, sizes: order.map(([, m]) => m.count), modularity: Number.isFinite(detailed.modularity) ? detailed.modularity : 0 };
}
