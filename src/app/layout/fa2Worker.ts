import iterate from 'graphology-layout-forceatlas2/iterate.js';

/**
 * ForceAtlas2 in a worker, many iterations per message. The library's own worker runs one
 * iteration per round trip, so the main thread's applying of every position and the two copies
 * of the matrix come with each iteration: at 20k nodes it ran at half the synchronous rate. Here
 * the worker iterates for a slice of time, posts the positions (x, y only) and goes on, until
 * told to stop or its budget of iterations is spent.
 */

export type ToWorker =
  | { kind: 'start'; nodes: ArrayBuffer; edges: ArrayBuffer; settings: Record<string, unknown>; budget: number | null; sliceMs: number }
  | { kind: 'stop' };

export interface FromWorker {
  positions: Float32Array;
  iterations: number;
  /** Time those iterations took in the worker, ms. */
  busyMs: number;
  done: boolean;
}

/** Floats per node in the library's node matrix; x and y come first. */
const PPN = 10;

let running = false;

self.onmessage = (event: MessageEvent<ToWorker>) => {
  const message = event.data;
  if (message.kind === 'stop') {
    running = false;
    return;
  }
  const nodes = new Float32Array(message.nodes);
  const edges = new Float32Array(message.edges);
  const order = nodes.length / PPN;
  let total = 0;
  running = true;
  const slice = () => {
    if (!running) return;
    const begun = performance.now();
    const end = begun + message.sliceMs;
    let done = 0;
    do {
      iterate(message.settings, nodes, edges);
      done++;
      total++;
    } while (performance.now() < end && (message.budget === null || total < message.budget));
    const positions = new Float32Array(order * 2);
    for (let i = 0; i < order; i++) {
      positions[2 * i] = nodes[i * PPN]!;
      positions[2 * i + 1] = nodes[i * PPN + 1]!;
    }
    const finished = message.budget !== null && total >= message.budget;
    (self as unknown as { postMessage(message: FromWorker, transfer: Transferable[]): void }).postMessage({ positions, iterations: done, busyMs: performance.now() - begun, done: finished } satisfies FromWorker, [positions.buffer]);
    if (finished) running = false;
    // A task boundary between slices: a stop message gets its turn.
    else setTimeout(slice, 0);
  };
  slice();
};
