declare module 'virtual:kg-bench-seed-graph' {
  /** The seed article's graph as graphology's JSON, its nodes' entity type under `kind` (sigma reads `type` as a program). */
  const graph: object;
  export default graph;
}
