import defaults from 'graphology-layout-forceatlas2/defaults.js';
import { graphToByteArrays } from 'graphology-layout-forceatlas2/helpers.js';
import type { ForceAtlas2Settings } from 'graphology-layout-forceatlas2';
import type { KgGraph } from '../../model/types.ts';
import type { FromWorker, ToWorker } from './fa2Worker.ts';

export interface Fa2RunOptions {
  settings: ForceAtlas2Settings;
  /** Stop after this many iterations; null: until stopped. */
  budget: number | null;
  /** Called after each batch of positions is on the graph, with the iterations it took and their time in the worker. */
  onIterations?: (iterations: number, done: boolean, busyMs: number) => void;
}

/**
 * Time the worker iterates between two posts of positions. The graph (and so sigma) is updated
 * once per slice, not once per iteration: on a large graph, applying positions and redrawing
 * cost more than an iteration, and would hold the layout to the redraw rate.
 */
const sliceMs = (order: number) => (order > 5000 ? 250 : 50);

/** A worker's edge weight: the file's `weight` when it is a number, else 1, as the library's default. */
const weightOf = (_edge: string, attributes: { weight?: unknown }) => (typeof attributes.weight === 'number' ? attributes.weight : 1);

/**
 * ForceAtlas2 in our worker (./fa2Worker.ts), from the positions on the graph now. One run at a
 * time; `stop` keeps the positions reached.
 */
export function createFa2Runner(graph: KgGraph) {
  let worker: Worker | null = null;
  let running = false;

  const finish = () => {
    running = false;
    worker?.terminate();
    worker = null;
  };

  return {
    start({ settings, budget, onIterations }: Fa2RunOptions): void {
      if (running) return;
      const { nodes, edges } = graphToByteArrays(graph, weightOf);
      worker = new Worker(new URL('./fa2Worker.ts', import.meta.url), { type: 'module' });
      running = true;
      worker.onmessage = (event: MessageEvent<FromWorker>) => {
        if (!running) return;
        const { positions, iterations, done, busyMs } = event.data;
        let i = 0;
        graph.updateEachNodeAttributes(
          (_, a) => {
            a.x = positions[i++];
            a.y = positions[i++];
            return a;
          },
          { attributes: ['x', 'y'] },
        );
        if (done) finish();
        onIterations?.(iterations, done, busyMs);
      };
      const message: ToWorker = { nodes: nodes.buffer as ArrayBuffer, edges: edges.buffer as ArrayBuffer, settings: { ...defaults, ...settings }, budget, sliceMs: sliceMs(graph.order) };
      worker.postMessage(message, [nodes.buffer as ArrayBuffer, edges.buffer as ArrayBuffer]);
    },
    /** The worker never stops to read a message: stopping is ending it, positions reached kept. */
    stop(): void {
      if (running) finish();
    },
    isRunning: () => running,
  };
}
export type Fa2Runner = ReturnType<typeof createFa2Runner>;
