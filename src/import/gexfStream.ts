import { own } from '../model/own.ts';
import type { Scalar, ValueType } from '../model/types.ts';
import { GraphBuilder, newSchema, newValues, ownCopy, valuesFrom, type StreamedFile, type Values, type Visual } from './streamed.ts';
import { finite, vizColour } from './viz.ts';
import { notOfTypeMessage, NOT_OF_TYPE, valueOf } from './xml.ts';
import { localName, XmlReader } from './xmlReader.ts';
import type { XmlAttributes } from './xmlScanner.ts';

/** GEXF 1.1-1.3's attribute types; list and date types are kept as their text. */
const GEXF_TYPES: Readonly<Record<string, ValueType>> = {
  integer: 'int', long: 'int', short: 'int', byte: 'int', biginteger: 'int',
  float: 'float', double: 'float', bigdecimal: 'float',
  boolean: 'boolean',
  string: 'string', char: 'string', liststring: 'string', listint: 'string', listlong: 'string', listfloat: 'string',
  listdouble: 'string', listboolean: 'string', anyuri: 'string', date: 'string', datetime: 'string', timestamp: 'string',
};

interface Attribute {
  name: string;
  type: ValueType;
  default?: Scalar;
}

/**
 * A streaming GEXF reader (Gephi, NetworkX's write_gexf, graphology-gexf, our export): the same
 * contract as GraphMLStream. `<attvalue>`s are typed by their declared attribute class and
 * type, defaults filled in, an attvalue for an undeclared attribute refused; each edge's own
 * `type` or the graph's `defaultedgetype`; `weight` as a number; labels and viz position,
 * colour and size apart from the attributes (StreamedGraph.visuals); the `<meta>` entries as
 * the graph's attributes. Spells and dynamics are not read.
 *
 * Hand-written because graphology-gexf's parser needs the whole DOM and stores attribute titles
 * as plain object keys (a title `__proto__` would reach the prototype).
 */
export class GexfStream extends XmlReader {
  private readonly declared = { node: new Map<string, Attribute>(), edge: new Map<string, Attribute>() };
  private readonly schema = newSchema();
  private defaults = { node: undefined as Values | undefined, edge: undefined as Values | undefined };
  private builder: GraphBuilder | undefined;
  private rootSeen = false;
  private directedByDefault = true;
  private attributeClass: 'node' | 'edge' = 'node';
  private declaring: Attribute | undefined;
  private inMeta = false;
  private readonly meta = newValues();
  /** The node or edge being read. */
  private kind: 'node' | 'edge' | undefined;
  private id: string | undefined;
  private values: Values = newValues();
  private visual: Visual | undefined;
  private edge = { source: '', target: '', type: undefined as string | undefined, label: undefined as string | undefined };
  /** Text being gathered for a <default> or a <meta> entry, and how deep in elements below it we are. */
  private gathering = false;
  private gathered = '';
  private depth = 0;
  private readonly visuals = new Map<string, Visual>();

  end(): StreamedFile {
    this.endXml();
    if (!this.rootSeen) throw this.error('not GEXF: no <gexf> root element');
    if (!this.builder) throw this.error('no <graph> element in the file');
    const { schema } = this;
    // The <meta> entries are the graph's attributes, in our record: one may be named __proto__ too.
    for (const name of Object.keys(this.meta)) schema.graph[name] = 'string';
    return {
      format: 'gexf', name: this.file, gathered: this.builder.gathered(), graphValues: this.meta,
      nodeAttributes: schema.node, edgeAttributes: schema.edge, graphAttributes: schema.graph, visuals: this.visuals,
    };
  }

  open(tagName: string, attributes: XmlAttributes): void {
    if (this.gathering) {
      this.depth++;
      this.wantsText = false;
      return;
    }
    const name = localName(tagName);
    const a = attributesOf(attributes);
    if (this.inMeta) {
      // Each <meta> entry (<title>, <creator>, our <slug>…) is a graph attribute by its element's name.
      this.gather();
      this.declaring = { name, type: 'string' };
      return;
    }
    switch (name) {
      case 'attvalue':
        return this.attvalue(a);
      case 'node': {
        if (this.builder === undefined) this.fail('a <node> outside any <graph>');
        if (this.kind === 'node') return; // a nested node (GEXF hierarchies): read as part of its parent
        const id = a.id;
        if (id === undefined) this.fail('a <node> has no id');
        this.kind = 'node';
        this.id = ownCopy(id);
        this.values = valuesFrom(this.defaults.node);
        this.visual = a.label === undefined ? undefined : { label: ownCopy(a.label) };
        return;
      }
      case 'edge': {
        if (this.builder === undefined) this.fail('an <edge> outside any <graph>');
        const id = a.id;
        const what = id === undefined ? 'an <edge>' : `edge "${id}"`;
        if (a.source === undefined) this.fail(`${what} has no source`);
        if (a.target === undefined) this.fail(`${what} has no target`);
        this.kind = 'edge';
        this.id = id === undefined ? undefined : ownCopy(id);
        this.values = valuesFrom(this.defaults.edge);
        this.edge = { source: a.source, target: a.target, type: a.type, label: a.label === undefined ? undefined : ownCopy(a.label) };
        const weight = finite(a.weight);
        if (weight !== undefined) {
          this.values.weight = weight;
          this.schema.edge.weight ??= 'float';
        }
        return;
      }
      case 'color':
      case 'position':
      case 'size':
        return this.viz(name, a);
      case 'attribute': {
        const id = a.id;
        if (id === undefined) this.fail(`a ${this.attributeClass} <attribute> has no id`);
        const declared = (a.type ?? 'string').toLowerCase();
        const type = own(GEXF_TYPES, declared);
        if (type === undefined) this.fail(`<attribute id="${id}"> has type "${a.type}", which GEXF does not define`);
        const attribute: Attribute = { name: a.title ?? id, type };
        this.declared[this.attributeClass].set(id, attribute);
        this.schema[this.attributeClass][attribute.name] = type;
        this.declaring = attribute;
        return;
      }
      case 'default':
        if (this.declaring !== undefined) this.gather();
        return;
      case 'attributes':
        this.attributeClass = a.class === 'edge' ? 'edge' : 'node';
        return;
      case 'graph':
        if (!this.rootSeen) this.fail('not GEXF: a <graph> outside <gexf>');
        if (this.builder !== undefined) this.fail('a second <graph> in the file');
        this.directedByDefault = a.defaultedgetype !== 'undirected' && a.defaultedgetype !== 'mutual';
        this.builder = new GraphBuilder(!this.directedByDefault);
        return;
      case 'meta':
        this.inMeta = true;
        return;
      case 'gexf':
        this.rootSeen = true;
        return;
      default:
        if (!this.rootSeen) this.fail(`not GEXF: the root element is <${tagName}>, not <gexf>`);
    }
  }

  private gather(): void {
    this.gathering = true;
    this.wantsText = true;
    this.gathered = '';
    this.depth = 0;
  }

  private attvalue(a: Record<string, string>): void {
    const kind = this.kind;
    if (kind === undefined) return;
    // GEXF 1.2 and 1.3 say `for`, 1.1 said `id`.
    const id = a.for ?? a.id;
    const attribute = id === undefined ? undefined : this.declared[kind].get(id);
    if (attribute === undefined) this.fail(`${this.what()}: <attvalue for="${id ?? ''}"> names no declared ${kind} <attribute>`);
    const text = a.value ?? '';
    const value = attribute.type === 'string' ? ownCopy(text) : valueOf(text, attribute.type);
    if (value === NOT_OF_TYPE) this.fail(notOfTypeMessage(text, attribute.type, `${this.what()}: attribute "${attribute.name}"`));
    if (value !== undefined) this.values[attribute.name] = value;
  }

  private viz(name: 'color' | 'position' | 'size', a: Record<string, string>): void {
    if (this.kind !== 'node') return;
    const visual = (this.visual ??= {});
    if (name === 'color') {
      const color = vizColour((name) => own(a, name));
      if (color !== undefined) visual.color = color;
    } else if (name === 'size') {
      const size = finite(a.value);
      if (size !== undefined) visual.size = size;
    } else {
      const [x, y] = [finite(a.x), finite(a.y)];
      if (x !== undefined && y !== undefined) Object.assign(visual, { x, y });
    }
  }

  /** Only called while gathering, outside child elements (wantsText). */
  text(source: string, start: number, end: number): void {
    this.gathered += source.slice(start, end);
  }

  close(tagName: string): void {
    if (this.gathering) {
      if (this.depth > 0) {
        if (--this.depth === 0) this.wantsText = true;
        return;
      }
      this.gathering = false;
      this.wantsText = false;
      const attribute = this.declaring!;
      if (this.inMeta) {
        this.meta[attribute.name] = this.gathered;
        this.declaring = undefined;
        return;
      }
      const value = valueOf(this.gathered, attribute.type);
      if (value === NOT_OF_TYPE) this.fail(notOfTypeMessage(this.gathered, attribute.type, `the default of attribute "${attribute.name}"`));
      if (value !== undefined) attribute.default = value;
      return;
    }
    switch (localName(tagName)) {
      case 'node': {
        if (this.kind !== 'node') return;
        const id = this.id!;
        this.builder!.node(id, this.values);
        if (this.visual !== undefined) this.visuals.set(id, this.visual);
        this.kind = undefined;
        return;
      }
      case 'edge': {
        if (this.kind !== 'edge') return;
        const { source, target, type, label } = this.edge;
        const undirected = type === undefined ? !this.directedByDefault : type === 'undirected' || type === 'mutual';
        this.builder!.edge(this.id, source, target, undirected, this.values, this.defaults.node, label);
        this.kind = undefined;
        return;
      }
      case 'attribute':
        this.declaring = undefined;
        return;
      case 'attributes':
        this.defaults = { node: this.defaultsOf('node'), edge: this.defaultsOf('edge') };
        return;
      case 'meta':
        this.inMeta = false;
    }
  }

  private defaultsOf(kind: 'node' | 'edge'): Values | undefined {
    let values: Values | undefined;
    for (const attribute of this.declared[kind].values()) {
      if (attribute.default === undefined) continue;
      values ??= newValues();
      values[attribute.name] = attribute.default;
    }
    return values;
  }

  private what(): string {
    if (this.kind === 'node') return `node "${this.id}"`;
    return this.id === undefined ? `the edge from "${this.edge.source}" to "${this.edge.target}"` : `edge "${this.id}"`;
  }
}

/**
 * A tag's attributes as a record that inherits nothing (a GEXF tag has a handful): the reader
 * looks them up by fixed names, and `own` for viz colours.
 */
function attributesOf(attributes: XmlAttributes): Record<string, string> {
  const record = Object.create(null) as Record<string, string>;
  for (let i = 0; i < attributes.length; i++) record[attributes.name(i)] = attributes.value(i);
  return record;
}
