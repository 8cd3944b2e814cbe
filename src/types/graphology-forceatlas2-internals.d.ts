// graphology-layout-forceatlas2 types its entry points only: the iteration and the matrix helpers
// its own worker is built from, which ours uses to run many iterations per message.
declare module 'graphology-layout-forceatlas2/iterate.js' {
  export default function iterate(settings: Record<string, unknown>, nodes: Float32Array, edges: Float32Array): Record<string, never>;
}
declare module 'graphology-layout-forceatlas2/helpers.js' {
  import type { AbstractGraph, Attributes } from 'graphology-types';
  export function graphToByteArrays(graph: AbstractGraph, getEdgeWeight: (edge: string, attributes: Attributes) => number): { nodes: Float32Array; edges: Float32Array };
}
declare module 'graphology-layout-forceatlas2/defaults.js' {
  const defaults: Record<string, unknown>;
  export default defaults;
}
