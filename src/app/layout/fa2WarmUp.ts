import iterate from 'graphology-layout-forceatlas2/iterate.js';

/**
 * Why a worker runs ForceAtlas2 on a small throwaway graph before a large one: V8 (Chromium 156)
 * first enters the library's `iterate` mid-loop, by on-stack replacement, and on a large graph its
 * Maglev code for the Barnes-Hut repulsion loop bails out at once ("not a Number" at the loop's back
 * edge) and is compiled again, hundreds of times in a row: at 100k nodes the fourth and fifth
 * iterations took 5-9 s each instead of 0.4 s, on every run (the main thread's synchronous runs
 * now and then too); with --no-maglev never. A few dozen calls on a small graph first get the
 * whole function optimised on entry, in about 0.1 s: no slow iteration in a dozen runs since.
 * The throwaway matrices are the worker's own: the run's graph and its positions are not touched.
 */

/** Below this many nodes an iteration is quick enough that the slow ones cost less than warming up. */
export const WARM_UP_MIN_ORDER = 5000;

const ORDER = 500;
const SIZE = 2500;
const CALLS = 30;
/** Floats per node and per edge in the library's matrices. */
const PPN = 10;
const PPE = 3;

/** A seeded random graph in the library's matrix layout: overlapping sizes, hubs, every branch of an iteration taken. */
function throwawayMatrices(): { nodes: Float32Array; edges: Float32Array } {
  let state = 1;
  const rnd = () => (state = (state * 16807) % 2147483647) / 2147483647;
  const nodes = new Float32Array(ORDER * PPN);
  const edges = new Float32Array(SIZE * PPE);
  for (let i = 0; i < ORDER; i++) {
    nodes[i * PPN] = rnd() * 100;
    nodes[i * PPN + 1] = rnd() * 100;
    nodes[i * PPN + 6] = 1; // mass, grown by degree below
    nodes[i * PPN + 7] = 1; // convergence
    nodes[i * PPN + 8] = 1 + rnd() * 5; // size
  }
  for (let j = 0; j < SIZE; j++) {
    const source = Math.floor(rnd() * ORDER);
    const target = Math.floor(rnd() * rnd() * ORDER);
    edges[j * PPE] = source * PPN;
    edges[j * PPE + 1] = target * PPN;
    edges[j * PPE + 2] = 1;
    nodes[source * PPN + 6]! += 1;
    nodes[target * PPN + 6]! += 1;
  }
  return { nodes, edges };
}

/** Runs the library's iteration on a throwaway graph with the run's own settings, when the run's graph has `order` nodes or more. */
export function warmUpIterate(settings: Record<string, unknown>, order: number): void {
  if (order < WARM_UP_MIN_ORDER) return;
  const { nodes, edges } = throwawayMatrices();
  for (let i = 0; i < CALLS; i++) iterate(settings, nodes, edges);
}
