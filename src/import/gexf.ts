import { emptyRecord } from '../model/own.ts';
import type { Scalar, ValueType } from '../model/types.ts';
import { ImportError } from './errors.ts';
import type { ImportedEdge, ImportedGraph, ImportedNode } from './imported.ts';
import { finite, vizColour } from './viz.ts';
import { attributeOf, childElement, childElements, fileErrors, parseXmlDocument, valueTypeOf, type ParseXml } from './xml.ts';

interface Attribute {
  name: string;
  type: ValueType;
  default?: Scalar;
}

/**
 * Reads a GEXF file (Gephi, NetworkX's write_gexf, graphology-gexf) into an ImportedGraph:
 * declared attributes with their types and defaults, labels, viz colour, position and size, each
 * edge's own type or the graph's default, weights.
 *
 * Our own reader rather than graphology-gexf's parser: it stores attribute titles as plain object
 * keys (a title `__proto__` would reach the prototype) and needs a global DOMParser; this one
 * shares its typing and errors with the GraphML reader.
 * @throws ImportError naming the file, with line and column for XML that is not well-formed.
 */
export function readGexf(file: string, text: string, parse: ParseXml): ImportedGraph {
  const root = parseXmlDocument(file, text, parse).documentElement;
  if (root.localName !== 'gexf') throw new ImportError(file, `not GEXF: the root element is <${root.localName}>, not <gexf>`);
  const { fail, typed } = fileErrors(file);
  const graph = childElement(root, 'graph') ?? fail('no <graph> element in the file');
  const undirectedByDefault = attributeOf(graph, 'defaultedgetype') === 'undirected';

  const declared = { node: new Map<string, Attribute>(), edge: new Map<string, Attribute>() };
  const schema = { node: emptyRecord<ValueType>(), edge: emptyRecord<ValueType>() };
  for (const block of childElements(graph, 'attributes')) {
    const domain = attributeOf(block, 'class') === 'edge' ? 'edge' : 'node';
    for (const element of childElements(block, 'attribute')) {
      const id = attributeOf(element, 'id') ?? fail(`a ${domain} <attribute> has no id`);
      const attribute: Attribute = { name: attributeOf(element, 'title') ?? id, type: valueTypeOf(attributeOf(element, 'type')) };
      const fallback = childElement(element, 'default');
      if (fallback) {
        const value = typed(fallback.textContent ?? '', attribute.type, `the default of attribute "${attribute.name}"`);
        if (value !== undefined) attribute.default = value;
      }
      declared[domain].set(id, attribute);
      schema[domain][attribute.name] = attribute.type;
    }
  }

  const attributesOf = (element: Element, domain: 'node' | 'edge', what: string) => {
    const attributes = emptyRecord<Scalar>();
    for (const a of declared[domain].values()) if (a.default !== undefined) attributes[a.name] = a.default;
    for (const value of childElements(childElement(element, 'attvalues') ?? element, 'attvalue')) {
      // GEXF 1.2 and 1.3 say `for`, 1.1 said `id`.
      const id = attributeOf(value, 'for') ?? attributeOf(value, 'id') ?? '';
      const attribute = declared[domain].get(id) ?? { name: id, type: 'string' as const };
      if (!declared[domain].has(id)) schema[domain][id] ??= 'string';
      const v = typed(attributeOf(value, 'value') ?? '', attribute.type, `${what}: attribute "${attribute.name}"`);
      if (v !== undefined) attributes[attribute.name] = v;
    }
    return attributes;
  };

  const nodes: ImportedNode[] = [];
  const seen = new Set<string>();
  for (const element of childElements(childElement(graph, 'nodes') ?? graph, 'node')) {
    const key = attributeOf(element, 'id') ?? fail(`node ${nodes.length + 1} has no id`);
    if (seen.has(key)) fail(`node id "${key}" appears twice`);
    seen.add(key);
    const position = childElement(element, 'position');
    const label = attributeOf(element, 'label');
    const x = finite(position && attributeOf(position, 'x'));
    const y = finite(position && attributeOf(position, 'y'));
    const size = finite(childElement(element, 'size') && attributeOf(childElement(element, 'size')!, 'value'));
    const colour = childElement(element, 'color');
    const color = colour && vizColour((name) => attributeOf(colour, name));
    nodes.push({
      key,
      attributes: attributesOf(element, 'node', `node "${key}"`),
      ...(label === undefined ? {} : { label }),
      ...(x === undefined || y === undefined ? {} : { x, y }),
      ...(size === undefined ? {} : { size }),
      ...(color === undefined ? {} : { color }),
    });
  }

  const edges: ImportedEdge[] = [];
  for (const element of childElements(childElement(graph, 'edges') ?? graph, 'edge')) {
    const id = attributeOf(element, 'id');
    const what = id === undefined ? `edge ${edges.length + 1}` : `edge "${id}"`;
    const source = attributeOf(element, 'source') ?? fail(`${what} has no source`);
    const target = attributeOf(element, 'target') ?? fail(`${what} has no target`);
    const type = attributeOf(element, 'type');
    const attributes = attributesOf(element, 'edge', what);
    const weight = finite(attributeOf(element, 'weight'));
    if (weight !== undefined) {
      attributes.weight = weight;
      schema.edge.weight ??= 'float';
    }
    const label = attributeOf(element, 'label');
    edges.push({
      ...(id === undefined ? {} : { key: id }),
      source,
      target,
      undirected: type === undefined ? undirectedByDefault : type === 'undirected',
      attributes,
      ...(label === undefined ? {} : { label }),
    });
  }
  return { format: 'gexf', name: file, nodes, edges, nodeAttributes: schema.node, edgeAttributes: schema.edge };
}
