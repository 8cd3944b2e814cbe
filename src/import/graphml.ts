import { emptyRecord } from '../model/own.ts';
import type { Scalar, ValueType } from '../model/types.ts';
import { ImportError } from './errors.ts';
import type { ImportedEdge, ImportedGraph, ImportedNode } from './imported.ts';
import { attributeOf, childElement, childElements, fileErrors, ownText, parseXmlDocument, valueTypeOf, type ParseXml } from './xml.ts';

interface Key {
  name: string;
  type: ValueType;
  default?: Scalar;
}

/** Which keys apply to which elements: `for="all"` (and a key with no `for`) to both. */
interface Keys {
  node: Map<string, Key>;
  edge: Map<string, Key>;
}

/**
 * Reads a GraphML file (NetworkX, igraph, Gephi, our own export) into an ImportedGraph.
 *
 * Our own reader rather than graphology-graphml: that one crashes on `for="all"`, leaves typed
 * `<default>` values as strings, ignores `edgedefault="undirected"` and writes attribute names
 * into plain objects (a key named `__proto__` would reach the prototype). Nodes and edges of
 * nested graphs are read as part of the one graph; hyperedges and ports are skipped.
 * @throws ImportError naming the file, with line and column for XML that is not well-formed.
 */
export function readGraphML(file: string, text: string, parse: ParseXml): ImportedGraph {
  const root = parseXmlDocument(file, text, parse).documentElement;
  if (root.localName !== 'graphml') throw new ImportError(file, `not GraphML: the root element is <${root.localName}>, not <graphml>`);
  const { fail, typed } = fileErrors(file);

  const keys: Keys = { node: new Map(), edge: new Map() };
  const nodeAttributes = emptyRecord<ValueType>();
  const edgeAttributes = emptyRecord<ValueType>();
  for (const element of childElements(root, 'key')) {
    const id = attributeOf(element, 'id');
    if (id === undefined) fail('a <key> has no id');
    const domain = attributeOf(element, 'for') ?? 'all';
    const key: Key = { name: attributeOf(element, 'attr.name') ?? id!, type: valueTypeOf(attributeOf(element, 'attr.type')) };
    const fallback = childElement(element, 'default');
    if (fallback) {
      const value = typed(ownText(fallback), key.type, `the default of key "${key.name}"`);
      if (value !== undefined) key.default = value;
    }
    if (domain === 'node' || domain === 'all') {
      keys.node.set(id!, key);
      nodeAttributes[key.name] = key.type;
    }
    if (domain === 'edge' || domain === 'all') {
      keys.edge.set(id!, key);
      edgeAttributes[key.name] = key.type;
    }
  }

  /** Defaults first, then the element's own <data>; a <data> with an undeclared key is kept as text under the key's id. */
  const attributesOf = (element: Element, domain: Map<string, Key>, schema: Record<string, ValueType>, what: string) => {
    const attributes = emptyRecord<Scalar>();
    for (const key of domain.values()) if (key.default !== undefined) attributes[key.name] = key.default;
    for (const data of childElements(element, 'data')) {
      const id = attributeOf(data, 'key') ?? '';
      const key = domain.get(id) ?? { name: id, type: 'string' as const };
      if (!domain.has(id) && !Object.hasOwn(schema, id)) schema[id] = 'string';
      const value = typed(ownText(data), key.type, `${what}: attribute "${key.name}"`);
      if (value !== undefined) attributes[key.name] = value;
    }
    return attributes;
  };

  const graph = childElement(root, 'graph') ?? fail('no <graph> element in the file');
  const nodes: ImportedNode[] = [];
  const edges: ImportedEdge[] = [];
  const seen = new Set<string>();
  // Nested graphs inherit nothing in GraphML but their own edgedefault; walk them with theirs.
  const walk = (container: Element) => {
    const undirectedByDefault = attributeOf(container, 'edgedefault') === 'undirected';
    for (const element of childElements(container)) {
      if (element.localName === 'node') {
        const key = attributeOf(element, 'id') ?? fail(`node ${nodes.length + 1} has no id`);
        if (seen.has(key)) fail(`node id "${key}" appears twice`);
        seen.add(key);
        nodes.push({ key, attributes: attributesOf(element, keys.node, nodeAttributes, `node "${key}"`) });
        for (const inner of childElements(element, 'graph')) walk(inner);
      } else if (element.localName === 'edge') {
        const id = attributeOf(element, 'id');
        const what = id === undefined ? `edge ${edges.length + 1}` : `edge "${id}"`;
        const source = attributeOf(element, 'source') ?? fail(`${what} has no source`);
        const target = attributeOf(element, 'target') ?? fail(`${what} has no target`);
        const directed = attributeOf(element, 'directed');
        edges.push({
          ...(id === undefined ? {} : { key: id }),
          source,
          target,
          undirected: directed === undefined ? undirectedByDefault : directed === 'false',
          attributes: attributesOf(element, keys.edge, edgeAttributes, what),
        });
      }
    }
  };
  walk(graph);
  return { format: 'graphml', name: file, nodes, edges, nodeAttributes, edgeAttributes };
}
