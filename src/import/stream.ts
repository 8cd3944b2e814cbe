import { GexfStream } from './gexfStream.ts';
import { GraphMLStream } from './graphmlStream.ts';
import type { ImportedEdge, ImportedGraph, ImportedNode } from './imported.ts';
import { inheritNothing, type StreamedFile, type StreamedGraph } from './streamed.ts';

/**
 * A streaming reader of one graph file: `feed` the text in chunks as they arrive (any size, split
 * anywhere), watch `consumed` (characters read) for progress, `end` for the graph. To cancel,
 * stop feeding: nothing else is held. Pure (no Node API, no DOM): the same code reads in Node,
 * in the browser and in a web worker.
 */
export interface GraphStream {
  readonly consumed: number;
  feed(chunk: string): void;
  /** The file's parts, for streamedGraph (buildStreamed.ts) to build. @throws ImportError naming the file, line and column, for XML that is not well-formed or not a graph. */
  end(): StreamedFile;
}

export function graphStream(file: string, format: 'graphml' | 'gexf'): GraphStream {
  return format === 'gexf' ? new GexfStream(file) : new GraphMLStream(file);
}

/**
 * A streamed graph as the explorer's ImportedGraph, so that openedArticle (and the type picker)
 * serve files read either way. The attribute records are the graph's own, not copies.
 */
export function importedFromStreamed(streamed: StreamedGraph): ImportedGraph {
  const { graph, visuals, edgeLabels } = streamed;
  const nodes: ImportedNode[] = [];
  graph.forEachNode((key, attributes) => {
    const visual = visuals.get(key);
    nodes.push(visual === undefined ? { key, attributes } : { key, attributes, ...visual });
  });
  const edges: ImportedEdge[] = [];
  graph.forEachEdge((key, attributes, source, target, _s, _t, undirected) => {
    const label = edgeLabels.get(key);
    edges.push({ key, source, target, undirected, attributes, ...(label === undefined ? {} : { label }) });
  });
  return { format: streamed.format, name: streamed.name, nodes, edges, nodeAttributes: streamed.nodeAttributes, edgeAttributes: streamed.edgeAttributes };
}

/**
 * An ImportedGraph as it arrives from the reading worker (src/app/openFileWorker.ts): the
 * structured clone kept every own property, `__proto__` and `constructor` included, but gave
 * every record Object.prototype; this takes it away again, so a data name never finds an
 * inherited member. Changes the records in place.
 */
export function importedFromClone(cloned: ImportedGraph): ImportedGraph {
  for (const node of cloned.nodes) inheritNothing(node.attributes);
  for (const edge of cloned.edges) inheritNothing(edge.attributes);
  inheritNothing(cloned.nodeAttributes);
  inheritNothing(cloned.edgeAttributes);
  return cloned;
}

/**
 * A StreamedFile as it arrives from the reading worker: the structured clone gave every record
 * Object.prototype (see importedFromClone); this takes it away again, in place.
 */
export function streamedFromClone(cloned: StreamedFile): StreamedFile {
  const { gathered } = cloned;
  for (const values of gathered.nodeValues) inheritNothing(values);
  for (const values of gathered.edgeValues) inheritNothing(values);
  for (const record of [gathered.nodeDefaults, cloned.graphValues, cloned.nodeAttributes, cloned.edgeAttributes, cloned.graphAttributes]) if (record) inheritNothing(record);
  return cloned;
}
