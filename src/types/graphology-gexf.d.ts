// graphology-gexf types only its entry points, and those load a DOM parser at import time; the
// core needs just the writer, which is pure.
declare module 'graphology-gexf/common/writer.js' {
  import type Graph from 'graphology-types';
  export default function write(graph: Graph, options?: { pretty?: boolean; version?: '1.2' | '1.3' }): string;
}
