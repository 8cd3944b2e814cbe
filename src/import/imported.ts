import type { Scalar, ValueType } from '../model/types.ts';

/**
 * What a reader makes of a file, before it becomes the explorer's graph: every node and edge with
 * the file's own attributes, typed as the file declared them. Attribute records have no prototype
 * (`emptyRecord`): a file may name an attribute `__proto__` or `constructor`.
 */
export interface ImportedNode {
  key: string;
  attributes: Record<string, Scalar>;
  /** What the format itself says apart from attributes (GEXF's `label` and `viz:*`). */
  label?: string;
  x?: number;
  y?: number;
  size?: number;
  color?: string;
}

export interface ImportedEdge {
  /** The file's edge id; absent when it gave none. */
  key?: string;
  source: string;
  target: string;
  undirected: boolean;
  attributes: Record<string, Scalar>;
  label?: string;
}

export const IMPORT_FORMATS = ['graphml', 'gexf', 'json'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export interface ImportedGraph {
  format: ImportFormat;
  /** The file's name, which becomes the graph's title. */
  name: string;
  nodes: ImportedNode[];
  edges: ImportedEdge[];
  /** Declared (or, for JSON, observed) value types of node and edge attributes, by name. */
  nodeAttributes: Record<string, ValueType>;
  edgeAttributes: Record<string, ValueType>;
}
