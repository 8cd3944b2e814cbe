import Papa from 'papaparse';
import type { FlatGraph, FlatSchema } from './flatten.ts';

/**
 * Nodes and edges as two CSV tables with one column per declared attribute. Cells that a
 * spreadsheet would run as a formula (=, +, -, @ first) are prefixed with a quote.
 */
export function toCsv(graph: FlatGraph, schema: FlatSchema): { nodes: string; edges: string } {
  const nodeColumns = schema.node.map((k) => k.name);
  const edgeColumns = schema.edge.map((k) => k.name);
  const options = { escapeFormulae: true, newline: '\n' };
  const nodes = graph.mapNodes((id, a) => [id, ...nodeColumns.map((c) => a[c] ?? '')]);
  const edges = graph.mapEdges((id, a, s, t) => [id, s, t, ...edgeColumns.map((c) => a[c] ?? '')]);
  return {
    nodes: Papa.unparse({ fields: ['id', ...nodeColumns], data: nodes }, options) + '\n',
    edges: Papa.unparse({ fields: ['id', 'source', 'target', ...edgeColumns], data: edges }, options) + '\n',
  };
}
