import { emptyRecord } from '../model/own.ts';
import type { Scalar, ValueType } from '../model/types.ts';
import { ImportError } from './errors.ts';
import type { ImportedEdge, ImportedGraph, ImportedNode } from './imported.ts';

/** 1-based line and column of a UTF-16 offset in `text`. */
export function placeOf(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, Math.min(offset, text.length)));
  const lines = before.split('\n');
  return { line: lines.length, column: lines[lines.length - 1]!.length + 1 };
}

/**
 * JSON.parse, with the place of a syntax error. V8 words it `… at position 12 (line 1 column
 * 13)` or `… at position 12`, and says `Unexpected end of JSON input` for a file cut short:
 * that place is the end of the text.
 */
function parseJson(file: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    const lineColumn = /\(line (\d+) column (\d+)\)/.exec(message);
    const position = /at position (\d+)/.exec(message);
    const place = lineColumn
      ? { line: Number(lineColumn[1]), column: Number(lineColumn[2]) }
      : position
        ? placeOf(text, Number(position[1]))
        : /end of JSON input/i.test(message)
          ? placeOf(text, text.length)
          : undefined;
    const reason = message.replace(/\s*\(line \d+ column \d+\)/, '').replace(/ in JSON at position \d+/, '');
    throw new ImportError(file, `not valid JSON: ${reason}`, place?.line, place?.column);
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** JavaScript cannot tell 1.0 from 1: a number column is int until one value is not whole. */
function widen(previous: ValueType | undefined, value: Scalar): ValueType {
  const type: ValueType = typeof value === 'boolean' ? 'boolean' : typeof value === 'number' ? (Number.isInteger(value) ? 'int' : 'float') : 'string';
  if (previous === undefined || previous === type) return type;
  if ((previous === 'int' && type === 'float') || (previous === 'float' && type === 'int')) return 'float';
  return 'string';
}

/**
 * A JSON attribute record as scalars. A nested `attributes` object (article-kg's own JSON
 * export keeps typed attributes there) is taken in; any other list or object is kept as its
 * JSON text, so nothing the file holds is lost.
 */
function scalarsOf(value: unknown, schema: Record<string, ValueType>): Record<string, Scalar> {
  const attributes = emptyRecord<Scalar>();
  if (!isRecord(value)) return attributes;
  const put = (name: string, v: unknown) => {
    if (v === null || v === undefined) return;
    const scalar: Scalar = typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : JSON.stringify(v);
    attributes[name] = scalar;
    schema[name] = widen(Object.hasOwn(schema, name) ? schema[name] : undefined, scalar);
  };
  // Object.entries gives own keys only; JSON.parse makes `__proto__` an own key like any other.
  for (const [name, v] of Object.entries(value)) {
    if (name === 'attributes' && isRecord(v)) for (const [inner, w] of Object.entries(v)) put(inner, w);
    else put(name, v);
  }
  return attributes;
}

const keyOf = (value: unknown) => (typeof value === 'string' ? value : typeof value === 'number' && Number.isFinite(value) ? String(value) : undefined);

/**
 * Reads graphology's serialized form (`graph.export()`, `graphology-types` SerializedGraph):
 * `{attributes?, options?: {type}, nodes: [{key, attributes?}], edges?: [{key?, source, target,
 * attributes?, undirected?}]}`.
 * @throws ImportError naming the file: with line and column for broken JSON, with the place in
 * the data (`nodes[3]`) for JSON that is not such a graph.
 */
export function readGraphologyJson(file: string, text: string): ImportedGraph {
  const data = parseJson(file, text);
  const fail = (reason: string): never => {
    throw new ImportError(file, reason);
  };
  if (!isRecord(data) || !Array.isArray(data.nodes)) fail('not a graphology graph: expected an object with a "nodes" list (what graph.export() writes)');
  const graph = data as { nodes: unknown[]; edges?: unknown; options?: unknown };
  if (graph.edges !== undefined && !Array.isArray(graph.edges)) fail('not a graphology graph: "edges" is not a list');
  const undirectedByDefault = isRecord(graph.options) && graph.options.type === 'undirected';
  const nodeAttributes = emptyRecord<ValueType>();
  const edgeAttributes = emptyRecord<ValueType>();

  const nodes: ImportedNode[] = graph.nodes.map((node, i) => {
    if (!isRecord(node)) return fail(`nodes[${i}] is not an object`);
    const key = keyOf(node.key) ?? fail(`nodes[${i}] has no "key" (a string or a number)`);
    return { key, attributes: scalarsOf(node.attributes, nodeAttributes) };
  });
  const edges: ImportedEdge[] = ((graph.edges ?? []) as unknown[]).map((edge, i) => {
    if (!isRecord(edge)) return fail(`edges[${i}] is not an object`);
    const source = keyOf(edge.source) ?? fail(`edges[${i}] has no "source"`);
    const target = keyOf(edge.target) ?? fail(`edges[${i}] has no "target"`);
    const key = keyOf(edge.key);
    return { ...(key === undefined ? {} : { key }), source, target, undirected: typeof edge.undirected === 'boolean' ? edge.undirected : undirectedByDefault, attributes: scalarsOf(edge.attributes, edgeAttributes) };
  });
  return { format: 'json', name: file, nodes, edges, nodeAttributes, edgeAttributes };
}
