/**
 * The layout worker (src/app/layout/fa2Worker.ts) run in-process with a stand-in for the worker
 * global: its positions after a budget of iterations are the synchronous forceAtlas2's from the
 * same start, bit for bit (the warm-up on its throwaway graph changes nothing), and its batches
 * add up to the budget, the last one saying so.
 */
import forceAtlas2 from 'graphology-layout-forceatlas2';
import defaults from 'graphology-layout-forceatlas2/defaults.js';
import { graphToByteArrays } from 'graphology-layout-forceatlas2/helpers.js';
import { MultiDirectedGraph } from 'graphology';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { WARM_UP_MIN_ORDER } from '../src/app/layout/fa2WarmUp.ts';
import type { FromWorker, ToWorker, WarmUp } from '../src/app/layout/fa2Worker.ts';
import type { KgGraph } from '../src/model/types.ts';
import { seededRandom as prng } from '../src/layout/communities.ts';

const worker: { onmessage?: (event: { data: ToWorker | WarmUp }) => void; postMessage(message: FromWorker): void } = { postMessage: () => {} };

beforeAll(async () => {
  vi.stubGlobal('self', worker);
  await import('../src/app/layout/fa2Worker.ts');
});
afterAll(() => vi.unstubAllGlobals());

/** A seeded graph with clustered starting positions, some nodes on top of each other, and weights on some edges. */
function graphOf(order: number, size: number): KgGraph {
  const rnd = prng(order);
  const graph = new MultiDirectedGraph() as unknown as KgGraph;
  for (let i = 0; i < order; i++) {
    const at = i % 97 === 0 ? 0 : rnd() * 100;
    graph.addNode(`n${i}`, { x: at, y: i % 97 === 0 ? 0 : rnd() * 100, size: 1 + rnd() * 8 } as never);
  }
  for (let j = 0; j < size; j++) {
    const source = Math.floor(rnd() * order);
    const target = Math.floor(rnd() * rnd() * order);
    graph.addDirectedEdgeWithKey(`e${j}`, `n${source}`, `n${target}`, (j % 5 === 0 ? { weight: 2 } : {}) as never);
  }
  return graph;
}

/** Runs the worker to its budget, warmed up first as the runner does it when `warmUp`; returns its batches. */
function runWorker(graph: KgGraph, settings: Record<string, unknown>, budget: number, sliceMs: number, warmUp = false): FromWorker[] {
  const batches: FromWorker[] = [];
  worker.postMessage = (message) => void batches.push(message);
  if (warmUp) worker.onmessage!({ data: { warmUp: { settings: { ...defaults, ...settings }, order: graph.order } } });
  expect(batches, 'the warm-up posts nothing').toHaveLength(0);
  const { nodes, edges } = graphToByteArrays(graph, (_, a) => (typeof a.weight === 'number' ? a.weight : 1));
  worker.onmessage!({ data: { nodes: nodes.buffer as ArrayBuffer, edges: edges.buffer as ArrayBuffer, settings: { ...defaults, ...settings }, budget, sliceMs } });
  return batches;
}

describe('the layout worker', () => {
  const cases = [
    { name: 'Barnes-Hut, strong gravity, sizes adjusted, above the warm-up size, warmed up by the runner\'s first message', order: WARM_UP_MIN_ORDER + 500, warmUp: true, settings: { barnesHutOptimize: true, strongGravityMode: true, adjustSizes: true } },
    { name: 'exact repulsion, LinLog, below the warm-up size', order: 400, warmUp: false, settings: { barnesHutOptimize: false, linLogMode: true, adjustSizes: true } },
  ];
  for (const c of cases) {
    it(`gives the synchronous layout's positions after its budget: ${c.name}`, () => {
      const graph = graphOf(c.order, c.order * 3);
      const settings = { ...forceAtlas2.inferSettings(graph), ...c.settings };
      const budget = 12;
      const batches = runWorker(graph, settings, budget, 0, c.warmUp);
      const expected = forceAtlas2(graph, { iterations: budget, settings });
      const last = batches.at(-1)!.positions;
      let i = 0;
      graph.forEachNode((node) => {
        expect([last[2 * i], last[2 * i + 1]], node).toEqual([expected[node]!.x, expected[node]!.y]);
        i++;
      });
      // A slice of 0 ms: one iteration per batch, each but the last saying more is to come.
      expect(batches.map((b) => b.iterations)).toEqual(Array(budget).fill(1));
      expect(batches.map((b) => b.done)).toEqual([...Array(budget - 1).fill(false), true]);
    });
  }

  it('folds iterations into one batch per slice and stops at the budget', () => {
    const graph = graphOf(300, 900);
    const batches = runWorker(graph, forceAtlas2.inferSettings(graph), 40, 60_000);
    expect(batches).toHaveLength(1);
    expect(batches[0]).toMatchObject({ iterations: 40, done: true });
    expect(batches[0]!.positions).toHaveLength(2 * graph.order);
  });
});
