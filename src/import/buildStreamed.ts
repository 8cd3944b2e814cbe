import { MultiDirectedGraph, MultiGraph, MultiUndirectedGraph } from 'graphology';
import { valuesFrom, type FileGraph, type GatheredGraph, type StreamedFile, type StreamedGraph, type Values } from './streamed.ts';

/** A streaming reader's file as a graph (streamed.ts), with its edge labels by key and what the build noted. */
export function streamedGraph(file: StreamedFile): StreamedGraph {
  const { gathered, graphValues, ...rest } = file;
  const { graph, edgeLabels, notes } = buildGathered(gathered);
  // Our record, not graphology's plain one: a graph attribute may be named __proto__ too.
  graph.replaceAttributes(graphValues);
  return { ...rest, graph, edgeLabels, notes };
}

/**
 * Builds the graph of what a reader gathered. Follows NetworkX and igraph where a file is loose:
 * a node id given twice is one node (the later values win), and an edge naming a node the file
 * never declares creates it (with the declared defaults); both are counted in `notes`.
 */
function buildGathered(parts: GatheredGraph): { graph: FileGraph; edgeLabels: Map<string, string>; notes: string[] } {
  const mixed = parts.against.size > 0;
  const graph: FileGraph = mixed ? new MultiGraph() : parts.undirected ? new MultiUndirectedGraph() : new MultiDirectedGraph();
  let repeated = 0;
  const { nodeKeys, nodeValues } = parts;
  for (let i = 0; i < nodeKeys.length; i++) {
    const key = nodeKeys[i]!;
    const values = nodeValues[i]!;
    // Added first, asked after: graphology checks the key anyway.
    try {
      graph.addNode(key, values);
      continue;
    } catch (error) {
      if (!graph.hasNode(key)) throw error;
    }
    repeated++;
    const kept = graph.getNodeAttributes(key);
    for (const name of Object.keys(values)) kept[name] = values[name]!;
  }
  nodeKeys.length = 0;
  nodeValues.length = 0;

  let implicit = 0;
  const edgeLabels = new Map<string, string>();
  const { edgeIds, sources, targets, edgeValues, against, labels } = parts;
  for (let n = 0; n < edgeIds.length; n++) {
    const id = edgeIds[n];
    const source = sources[n]!;
    const target = targets[n]!;
    const undirected = parts.undirected !== against.has(n);
    let key = id ?? `e${n}`;
    // The common case in one call; graphology's own checks (both ends there, the key free) find the rare ones.
    try {
      add(graph, key, source, target, undirected, edgeValues[n]!);
    } catch (error) {
      let fixed = graph.hasEdge(key);
      for (const end of [source, target]) {
        if (graph.hasNode(end)) continue;
        graph.addNode(end, valuesFrom(parts.nodeDefaults));
        implicit++;
        fixed = true;
      }
      // Neither an end missing nor the key taken: not a file's looseness but a bug, kept as it is.
      if (!fixed) throw error;
      // The file's id when it is free (ids repeat in sloppy files), else the edge's place.
      if (graph.hasEdge(key)) key = `e${n}`;
      for (let i = 1; graph.hasEdge(key); i++) key = `e${n}-${i}`;
      add(graph, key, source, target, undirected, edgeValues[n]!);
    }
    if (labels.size > 0 && labels.has(n)) edgeLabels.set(key, labels.get(n)!);
  }
  edgeIds.length = sources.length = targets.length = edgeValues.length = 0;

  const notes: string[] = [];
  if (repeated > 0) notes.push(`${repeated} node id(s) appear more than once: each is one node, with the later values (as NetworkX and igraph read them)`);
  if (implicit > 0) notes.push(`${implicit} node(s) are named by edges but never declared: they are added with the declared defaults only (as NetworkX and igraph add them)`);
  return { graph, edgeLabels, notes };
}

function add(graph: FileGraph, key: string, source: string, target: string, undirected: boolean, values: Values): void {
  if (undirected) graph.addUndirectedEdgeWithKey(key, source, target, values);
  else graph.addDirectedEdgeWithKey(key, source, target, values);
}
