import iterate from 'graphology-layout-forceatlas2/iterate.js';
import { warmUpIterate } from './fa2WarmUp.ts';

/**
 * ForceAtlas2 in a worker, many iterations per message. The library's own worker runs one
 * iteration per round trip, so the main thread's applying of every position and the two copies
 * of the matrix come with each iteration: at 20k nodes it ran at half the synchronous rate. Here
 * the worker iterates for a slice of time, posts the positions (x, y only) and goes on, until
 * it is ended or its budget of iterations is spent.
 */

/** First, before the matrices: warm up for a graph of `order` nodes (./fa2WarmUp.ts), while the main thread builds them. */
export interface WarmUp {
  warmUp: { settings: Record<string, unknown>; order: number };
}

export interface ToWorker {
  nodes: ArrayBuffer;
  edges: ArrayBuffer;
  settings: Record<string, unknown>;
  budget: number | null;
  sliceMs: number;
}

export interface FromWorker {
  positions: Float32Array;
  iterations: number;
  /** Time those iterations took in the worker, ms. */
  busyMs: number;
  done: boolean;
}

/** Floats per node in the library's node matrix; x and y come first. */
const PPN = 10;

type Poster = { postMessage(message: FromWorker, transfer: Transferable[]): void };

/**
 * One run per worker: it iterates without a break, posting the positions (x, y only) every slice
 * of time, until its budget is spent. Stopping is the runner terminating the worker, so the loop
 * never yields to read a message: a yield between slices cost a sixth of the rate at 20k nodes.
 */
self.onmessage = (event: MessageEvent<ToWorker | WarmUp>) => {
  if ('warmUp' in event.data) {
    warmUpIterate(event.data.warmUp.settings, event.data.warmUp.order);
    return;
  }
  const { settings, budget, sliceMs } = event.data;
  const nodes = new Float32Array(event.data.nodes);
  const edges = new Float32Array(event.data.edges);
  const order = nodes.length / PPN;
  let total = 0;
  for (;;) {
    const begun = performance.now();
    let done = 0;
    do {
      iterate(settings, nodes, edges);
      done++;
      total++;
    } while (performance.now() - begun < sliceMs && (budget === null || total < budget));
    const positions = new Float32Array(order * 2);
    for (let i = 0; i < order; i++) {
      positions[2 * i] = nodes[i * PPN]!;
      positions[2 * i + 1] = nodes[i * PPN + 1]!;
    }
    const finished = budget !== null && total >= budget;
    (self as unknown as Poster).postMessage({ positions, iterations: done, busyMs: performance.now() - begun, done: finished }, [positions.buffer]);
    if (finished) return;
  }
};
