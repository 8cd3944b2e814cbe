import type Graph from 'graphology';
import { emptyRecord } from '../model/own.ts';
import type { Scalar, ValueType } from '../model/types.ts';

export type Values = Record<string, Scalar>;
export type FileGraph = Graph<Values, Values, Values>;

/** What GEXF says of a node apart from its attributes: its `label` and `viz:*`. */
export interface Visual {
  label?: string;
  x?: number;
  y?: number;
  size?: number;
  color?: string;
}

/**
 * A graph file read by a streaming reader: a graphology multigraph, directed, undirected or
 * mixed as the file declared, holding the file's own typed attributes and nothing else. Edge
 * keys are the file's edge ids, else `e<n>` by the edge's place in the file (stable from run to
 * run). Attribute records inherit nothing (see `newValues`): a file may name an attribute
 * `__proto__` or `constructor`.
 */
export interface StreamedGraph {
  format: 'graphml' | 'gexf';
  /** The file's name, which becomes the graph's title. */
  name: string;
  graph: FileGraph;
  /** Declared value types of node, edge and graph attributes, by name. */
  nodeAttributes: Record<string, ValueType>;
  edgeAttributes: Record<string, ValueType>;
  graphAttributes: Record<string, ValueType>;
  /** GEXF's labels and viz of nodes, and labels of edges, by key; empty for GraphML. */
  visuals: Map<string, Visual>;
  edgeLabels: Map<string, string>;
  /** What the reader accepted but a person may want to know (ids given twice, nodes only edges name). */
  notes: string[];
}

/**
 * What a streaming reader hands over at the end of the file: the graph's parts gathered, not yet
 * built (streamedGraph, in buildStreamed.ts, builds it). Plain data, which a worker can post: the
 * explorer's reading worker then needs no graphology of its own.
 */
export interface StreamedFile extends Omit<StreamedGraph, 'graph' | 'edgeLabels' | 'notes'> {
  gathered: GatheredGraph;
  /** The graph's own attributes. */
  graphValues: Values;
}

/** A GraphBuilder's nodes and edges as the file gave them; the builder's rules apply when the graph is built. */
export interface GatheredGraph {
  undirected: boolean;
  nodeKeys: string[];
  nodeValues: Values[];
  edgeIds: (string | undefined)[];
  sources: string[];
  targets: string[];
  edgeValues: Values[];
  /** Which edges go against the graph's declared direction (rare): their indices. */
  against: Set<number>;
  labels: Map<number, string>;
  nodeDefaults: Values | undefined;
}

/**
 * The prototype of every attribute record: an object that itself inherits nothing. Records made
 * from it keep V8's fast properties (Object.create(null) makes slow dictionary objects, and 600k
 * of them cost time and memory) yet inherit no Object.prototype member, and `record.__proto__ = v`
 * defines an own property, since no `__proto__` accessor is on the chain.
 */
const NO_MEMBERS: object = Object.freeze(Object.create(null) as object);
export const newValues = (): Values => Object.create(NO_MEMBERS) as Values;

/**
 * A maker of attribute records like `newValues`'s, for one kind of element (a reader's nodes, its
 * edges). Made by a constructor of their own, the records keep their properties inside the object
 * (V8 sizes a constructor's objects by the properties its first ones receive), where
 * Object.create's spill past four into a second object and turn slow past twenty: a record per
 * edge, half a million of them, is one object instead of two.
 */
export function recordMaker(): new () => Values {
  function Record(): void {}
  Record.prototype = NO_MEMBERS;
  return Record as unknown as new () => Values;
}

/** A record made to inherit nothing again, as `newValues` makes them (a structured clone gives every record Object.prototype). */
export const inheritNothing = <T extends object>(record: T): T => Object.setPrototypeOf(record, NO_MEMBERS) as T;

/**
 * `text` in memory of its own. A parser's strings of 13 characters or more are, in V8, slices
 * of the chunk they were read from, and one kept label would keep its whole chunk (a megabyte)
 * alive: kept as they come, the strings of a 200 MB file held all of it. The copy is one string
 * of its own (a slice of a concatenation, as before, made two: the slice and the string under it).
 */
export function ownCopy(text: string): string {
  if (text.length < 13) return text;
  // Two pieces joined, read once: reading flattens the join into one new string, and the collector
  // then points every holder at that string and drops the join (and the pieces).
  const copy = text[0]! + text.slice(1);
  return copy.charCodeAt(copy.length - 1) >= 0 ? copy : text;
}

/**
 * `ownCopy(text)`, or the equal string kept in `recent` before: a column's values often repeat (a
 * type, a relation) and one string for all of them saves the collector an object per record. A
 * few slots picked by length and end characters; a miss costs one comparison.
 */
export function keptString(text: string, recent: (string | undefined)[]): string {
  const n = text.length;
  if (n === 0) return text;
  const slot = (n * 7 + text.charCodeAt(0) + text.charCodeAt(n - 1) * 3) & (recent.length - 1);
  const kept = recent[slot];
  if (kept === text) return kept;
  return (recent[slot] = ownCopy(text));
}

/** A copy of `defaults` (the declared <default>s), own properties only, made by `make` (see recordMaker). */
export function valuesFrom(defaults: Values | undefined, make?: new () => Values): Values {
  const values = make === undefined ? newValues() : new make();
  if (defaults !== undefined) for (const name of Object.keys(defaults)) values[name] = defaults[name]!;
  return values;
}

/**
 * Gathers nodes and edges as elements arrive, for the graph to be built at the end
 * (buildStreamed.ts), which follows NetworkX and igraph where a file is loose.
 *
 * Gathered, not added at once, for speed: adding while parsing, each of V8's young-generation
 * collections had the parser's garbage to sweep past a graph growing in the old generation
 * (8 s of scavenges at 100k nodes / 500k edges, against 2.7 s for the whole build done apart).
 * The arrays hold only what the graph will hold.
 */
export class GraphBuilder {
  private readonly parts: GatheredGraph;

  constructor(undirected: boolean) {
    this.parts = { undirected, nodeKeys: [], nodeValues: [], edgeIds: [], sources: [], targets: [], edgeValues: [], against: new Set(), labels: new Map(), nodeDefaults: undefined };
  }

  node(key: string, values: Values): void {
    this.parts.nodeKeys.push(key);
    this.parts.nodeValues.push(values);
  }

  /** `defaults` are the node defaults, for an end the file never declares; `label` is GEXF's. */
  edge(id: string | undefined, source: string, target: string, undirected: boolean, values: Values, defaults: Values | undefined, label?: string): void {
    const parts = this.parts;
    const n = parts.edgeIds.push(id) - 1;
    // The ends as the parser gave them, until the build: graphology keys its adjacency by its own
    // node's key, and a lookup of each end here (to keep one string per node) cost more than the
    // collector spends carrying these short strings to the build.
    parts.sources.push(ownCopy(source));
    parts.targets.push(ownCopy(target));
    parts.edgeValues.push(values);
    if (undirected !== parts.undirected) parts.against.add(n);
    if (label !== undefined) parts.labels.set(n, label);
    parts.nodeDefaults = defaults;
  }

  /** What was gathered. */
  gathered(): GatheredGraph {
    return this.parts;
  }
}

/** An empty schema record per domain. */
export const newSchema = () => ({ node: emptyRecord<ValueType>(), edge: emptyRecord<ValueType>(), graph: emptyRecord<ValueType>() });
