import { MultiDirectedGraph } from 'graphology';
import { describe, expect, it } from 'vitest';
import { layoutGraph, NOVERLAP_MAX_NODES } from '../src/layout/layout.ts';
import type { KgGraph } from '../src/model/types.ts';

/** A graph of `n` entities with no positions, every one linked to three others. */
function unplaced(n: number): KgGraph {
  const graph = new MultiDirectedGraph() as KgGraph;
  for (let i = 0; i < n; i++) graph.addNode(`n${i}`, { label: `n${i}`, type: 'topic', description: '', aliases: [], attributes: {}, mentions: [] });
  for (let i = 0; i < n * 3; i++) graph.addDirectedEdgeWithKey(`e${i}`, `n${i % n}`, `n${(i * 7919 + 1) % n}`, { relation: 'r', label: 'r', inverse: 'r', evidence: { start: 0, end: 0, text: '' }, qualifiers: {} });
  return graph;
}

describe('layoutGraph', () => {
  // Overlap removal ran for minutes on a file of a few thousand nodes without positions, which then never opened.
  it(`places a graph of over ${NOVERLAP_MAX_NODES} nodes with finite, distinct positions, without overlap removal`, () => {
    const graph = unplaced(5000);
    layoutGraph(graph, { iterations: 5 });
    const spots = new Set(graph.mapNodes((_, a) => `${a.x},${a.y}`));
    expect(graph.everyNode((_, a) => Number.isFinite(a.x) && Number.isFinite(a.y))).toBe(true);
    expect(spots.size).toBeGreaterThan(4900);
  });
});
