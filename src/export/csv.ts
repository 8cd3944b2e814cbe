import Papa from 'papaparse';
import type { FlatGraph, FlatSchema } from './flatten.ts';

const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Nodes and edges as two CSV tables (RFC 4180, LF line ends) with one column per declared
 * attribute. A text cell a spreadsheet would run as a formula (one starting with =, +, -, @, tab
 * or CR) is prefixed with `'` (papaparse's escapeFormulae); numbers are written as they are.
 * Every other character is kept; a missing value and an empty string are both an empty cell.
 */
export function toCsv(graph: FlatGraph, schema: FlatSchema): { nodes: string; edges: string } {
  const nodeColumns = schema.node.map((k) => k.name);
  const edgeColumns = schema.edge.map((k) => k.name);
  // papaparse's own `escapeFormulae: true` pattern ends in `.*$` without the s flag, so it misses a
  // cell such as "=1+1\nmore" that holds a line break: the start of the cell is what counts.
  const options = { escapeFormulae: FORMULA_START, newline: '\n' };
  const nodes = graph.mapNodes((id, a) => [id, ...nodeColumns.map((c) => a[c] ?? '')]);
  const edges = graph.mapEdges((id, a, s, t) => [id, s, t, ...edgeColumns.map((c) => a[c] ?? '')]);
  return {
    nodes: Papa.unparse({ fields: ['id', ...nodeColumns], data: nodes }, options) + '\n',
    edges: Papa.unparse({ fields: ['id', 'source', 'target', ...edgeColumns], data: edges }, options) + '\n',
  };
}
