import defaults from 'graphology-layout-forceatlas2/defaults.js';
import { graphToByteArrays } from 'graphology-layout-forceatlas2/helpers.js';
import type { ForceAtlas2Settings } from 'graphology-layout-forceatlas2';
import type { KgGraph } from '../../model/types.ts';
import { createDrawPacer } from './drawPacer.ts';
import type { FromWorker, ToWorker, WarmUp } from './fa2Worker.ts';

export interface Fa2RunOptions {
  settings: ForceAtlas2Settings;
  /** Stop after this many iterations; null: until stopped. */
  budget: number | null;
  /** Called after each batch of positions is on the graph, with the iterations since the last one and their time in the worker. */
  onIterations?: (iterations: number, done: boolean, busyMs: number) => void;
}

/**
 * Time the worker iterates between two posts of positions. The graph (and so sigma) is updated
 * once per slice, not once per iteration: on a large graph, applying positions and redrawing
 * cost more than an iteration, and would hold the layout to the redraw rate.
 */
const sliceMs = (order: number) => (order > 5000 ? 250 : 50);

/** A worker's edge weight: the file's `weight` when it is a number, else 1, as the library's default. */
export const weightOf = (_edge: string, attributes: { weight?: unknown }) => (typeof attributes.weight === 'number' ? attributes.weight : 1);

/**
 * ForceAtlas2 in our worker (./fa2Worker.ts), from the positions on the graph now. One run at a
 * time; `stop` keeps the positions reached. The worker posts a batch every slice; the graph gets
 * the latest one when the pacer says the last one's drawing leaves room (./drawPacer.ts).
 */
export function createFa2Runner(graph: KgGraph) {
  let worker: Worker | null = null;
  let running = false;
  let report: Fa2RunOptions['onIterations'];
  /** The latest positions not yet on the graph, and the iterations and worker time since the last applied. */
  let pending: Float32Array | null = null;
  let pendingIterations = 0;
  let pendingBusyMs = 0;
  const pacer = createDrawPacer();
  let timer: ReturnType<typeof setTimeout> | undefined;

  const apply = (done: boolean) => {
    clearTimeout(timer);
    timer = undefined;
    if (!pending) return;
    const positions = pending;
    const iterations = pendingIterations;
    const busyMs = pendingBusyMs;
    pending = null;
    pendingIterations = pendingBusyMs = 0;
    let i = 0;
    graph.updateEachNodeAttributes(
      (_, a) => {
        a.x = positions[i++];
        a.y = positions[i++];
        return a;
      },
      { attributes: ['x', 'y'] },
    );
    if (running) pacer.applied();
    report?.(iterations, done, busyMs);
  };

  const finish = () => {
    running = false;
    clearTimeout(timer);
    timer = undefined;
    worker?.terminate();
    worker = null;
  };

  return {
    start({ settings, budget, onIterations }: Fa2RunOptions): void {
      if (running) return;
      worker = new Worker(new URL('./fa2Worker.ts', import.meta.url), { type: 'module' });
      const full = { ...defaults, ...settings };
      // The worker starts and warms up on the other core while this one builds its matrices.
      const warmUp: WarmUp = { warmUp: { settings: full, order: graph.order } };
      worker.postMessage(warmUp);
      const { nodes, edges } = graphToByteArrays(graph, weightOf);
      running = true;
      report = onIterations;
      pending = null;
      pendingIterations = pendingBusyMs = 0;
      pacer.reset(sliceMs(graph.order));
      worker.onmessage = (event: MessageEvent<FromWorker>) => {
        if (!running) return;
        const { positions, iterations, done, busyMs } = event.data;
        pending = positions;
        pendingIterations += iterations;
        pendingBusyMs += busyMs;
        if (done) {
          finish();
          apply(true);
          return;
        }
        const wait = pacer.wait();
        if (wait <= 0) apply(false);
        else timer ??= setTimeout(() => apply(false), wait);
      };
      const message: ToWorker = { nodes: nodes.buffer as ArrayBuffer, edges: edges.buffer as ArrayBuffer, settings: full, budget, sliceMs: sliceMs(graph.order) };
      worker.postMessage(message, [nodes.buffer as ArrayBuffer, edges.buffer as ArrayBuffer]);
    },
    /** The worker never stops to read a message: stopping is ending it, the latest positions it sent kept. */
    stop(): void {
      if (!running) return;
      finish();
      apply(false);
    },
    isRunning: () => running,
  };
}
export type Fa2Runner = ReturnType<typeof createFa2Runner>;
