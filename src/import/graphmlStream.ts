import { own } from '../model/own.ts';
import type { Scalar, ValueType } from '../model/types.ts';
import { GraphBuilder, keptString, newSchema, ownCopy, recordMaker, valuesFrom, type StreamedFile, type Values } from './streamed.ts';
import { valueInRange } from './valueRange.ts';
import { notOfTypeMessage, NOT_OF_TYPE } from './xml.ts';
import { localName, XmlReader } from './xmlReader.ts';
import type { XmlAttributes } from './xmlScanner.ts';

/** GraphML's six attribute types (the XSD's `key.type.type`), as the values they come back as. */
const GRAPHML_TYPES: Readonly<Record<string, ValueType>> = { boolean: 'boolean', int: 'int', long: 'int', float: 'float', double: 'float', string: 'string' };

const NODE = 1;
const EDGE = 2;
const GRAPH = 4;
const DOMAINS: Readonly<Record<string, number>> = { node: NODE, edge: EDGE, graph: GRAPH, all: NODE | EDGE | GRAPH };

interface Key {
  name: string;
  type: ValueType;
  /** Which of NODE, EDGE, GRAPH it was declared for. */
  domains: number;
  default?: Scalar;
  /** Its string values seen last (see keptString). */
  recent: (string | undefined)[];
}

/** Where a <data> goes: the element it belongs to, saved while a nested <graph> is read. */
interface Owner {
  kind: number;
  id: string | undefined;
  values: Values;
  source: string;
  target: string;
  directed: string | undefined;
}

/**
 * A streaming GraphML reader: `feed` it the file's text in chunks of any size, `end` it, and it
 * gives the graph built as it read, without holding the document. Typed values come back typed
 * (int and long as whole numbers, float and double as numbers, booleans), `<default>`s fill in
 * what an element leaves out, `for="all"` keys apply everywhere, `edgedefault` and each edge's
 * `directed` are kept (a file with both kinds makes a mixed graph), parallel edges stay apart.
 * A key of a type GraphML does not have, or a <data> whose key is not declared, is refused as
 * NetworkX refuses it. Nested graphs are read into the one graph; hyperedges and ports are skipped.
 *
 * Hand-written over our XML scanner rather than graphology-graphml, which holds the DOM (it runs out of
 * memory at 100k nodes), crashes on `for="all"`, leaves defaults as strings and ignores
 * `directed="false"`. Tag attributes are read by fixed names (`id`, `source`…), none of which
 * Object.prototype has.
 */
export class GraphMLStream extends XmlReader {
  private readonly keys = new Map<string, Key>();
  private readonly nodeRecord = recordMaker();
  private readonly edgeRecord = recordMaker();
  private readonly schema = newSchema();
  private nodeDefaults: Values | undefined;
  private edgeDefaults: Values | undefined;
  private builder: GraphBuilder | undefined;
  private rootSeen = false;
  /** Directed by default, per open <graph>. */
  private readonly directedByDefault: boolean[] = [];
  private readonly saved: Owner[] = [];
  private owner: Owner | undefined;
  private graphValues: Values | undefined;
  /** The key being declared, while inside its <key>; the <data> or <default> being read, and its text. */
  private declaring: Key | undefined;
  private dataKey: Key | undefined;
  private inDefault = false;
  /** The value's text so far: source.slice(textStart, textEnd) (see XmlHandler.text). */
  private textSource = '';
  private textStart = 0;
  private textEnd = 0;
  /** How deep inside a <data> or <default> we are in child elements (yEd's shapes), whose text is not the value. */
  private skip = 0;

  end(): StreamedFile {
    this.endXml();
    if (!this.rootSeen) throw this.error('not GraphML: no <graphml> root element');
    if (!this.builder) throw this.error('no <graph> element in the file');
    const { schema } = this;
    return {
      format: 'graphml', name: this.file, gathered: this.builder.gathered(), graphValues: this.graphValues!,
      nodeAttributes: schema.node, edgeAttributes: schema.edge, graphAttributes: schema.graph, visuals: new Map(),
    };
  }

  open(tagName: string, a: XmlAttributes): void {
    if (this.dataKey !== undefined || this.inDefault) {
      this.skip++;
      this.wantsText = false;
      return;
    }
    const name = tagName.includes(':') ? localName(tagName) : tagName;
    switch (name) {
      case 'data': {
        const owner = this.owner;
        const id = a.get('key');
        if (id === undefined) this.fail('a <data> has no key');
        const key = this.keys.get(id);
        const kind = owner === undefined ? GRAPH : owner.kind;
        if (key === undefined) this.fail(`${this.what(kind)}: <data key="${id}"> names no declared <key>`);
        // NetworkX reads a key declared for other elements too; it then joins this domain's schema.
        if ((key.domains & kind) === 0) this.declare(key, kind);
        this.dataKey = key;
        this.startText();
        return;
      }
      case 'node': {
        if (this.builder === undefined) this.fail('a <node> outside any <graph>');
        if (this.owner !== undefined) this.fail(`a <node> inside ${this.what(this.owner.kind)}: only a <graph> may hold nodes`);
        const id = a.get('id');
        if (id === undefined) this.fail('a <node> has no id');
        this.owner = { kind: NODE, id: ownCopy(id), values: valuesFrom(this.nodeDefaults, this.nodeRecord), source: '', target: '', directed: undefined };
        return;
      }
      case 'edge': {
        if (this.builder === undefined) this.fail('an <edge> outside any <graph>');
        if (this.owner !== undefined) this.fail(`an <edge> inside ${this.what(this.owner.kind)}: only a <graph> may hold edges`);
        const id = a.get('id');
        const what = id === undefined ? 'an <edge>' : `edge "${id}"`;
        const source = a.get('source');
        const target = a.get('target');
        if (source === undefined) this.fail(`${what} has no source`);
        if (target === undefined) this.fail(`${what} has no target`);
        this.owner = { kind: EDGE, id: id === undefined ? undefined : ownCopy(id), values: valuesFrom(this.edgeDefaults, this.edgeRecord), source, target, directed: a.get('directed') };
        return;
      }
      case 'graph': {
        if (!this.rootSeen) this.fail('not GraphML: a <graph> outside <graphml>');
        const directed = a.get('edgedefault') !== 'undirected';
        this.directedByDefault.push(directed);
        if (this.builder === undefined) {
          this.builder = new GraphBuilder(!directed);
          this.graphValues = valuesFrom(this.defaultsFor(GRAPH));
        }
        if (this.owner !== undefined) this.saved.push(this.owner);
        this.owner = undefined;
        return;
      }
      case 'key':
        return this.openKey(a);
      case 'default':
        if (this.declaring !== undefined) {
          this.inDefault = true;
          this.startText();
        }
        return;
      case 'graphml':
        this.rootSeen = true;
        return;
      default:
        if (!this.rootSeen) this.fail(`not GraphML: the root element is <${tagName}>, not <graphml>`);
    }
  }

  private openKey(a: XmlAttributes): void {
    const id = a.get('id');
    if (id === undefined) this.fail('a <key> has no id');
    if (this.keys.has(id)) this.fail(`<key id="${id}"> is declared twice`);
    const declared = a.get('attr.type');
    const type = declared === undefined ? 'string' : own(GRAPHML_TYPES, declared);
    if (type === undefined) {
      this.fail(`<key id="${id}"> has attr.type "${declared}", not one of GraphML's boolean, int, long, float, double, string`);
    }
    const domain = a.get('for') ?? 'all';
    const domains = own(DOMAINS, domain) ?? 0;
    const key: Key = { name: a.get('attr.name') ?? id, type, domains: 0, recent: Array.from<string | undefined>({ length: 16 }) };
    this.keys.set(id, key);
    this.declaring = key;
    for (const kind of [NODE, EDGE, GRAPH]) if (domains & kind) this.declare(key, kind);
  }

  private declare(key: Key, kind: number): void {
    key.domains |= kind;
    this.schema[kind === NODE ? 'node' : kind === EDGE ? 'edge' : 'graph'][key.name] = key.type;
  }

  private defaultsFor(kind: number): Values | undefined {
    let values: Values | undefined;
    for (const key of this.keys.values()) {
      if ((key.domains & kind) === 0 || key.default === undefined) continue;
      values ??= valuesFrom(undefined);
      values[key.name] = key.default;
    }
    return values;
  }

  private startText(): void {
    this.textSource = '';
    this.textStart = this.textEnd = 0;
    this.wantsText = true;
  }

  /** Only called inside a <data> or <default>, outside its child elements (wantsText). */
  text(source: string, start: number, end: number): void {
    if (this.textEnd === 0) {
      this.textSource = source;
      this.textStart = start;
      this.textEnd = end;
      return;
    }
    // A value in pieces (cut by a comment or CDATA): rare, joined.
    this.textSource = this.textSource.slice(this.textStart, this.textEnd) + source.slice(start, end);
    this.textStart = 0;
    this.textEnd = this.textSource.length;
  }

  close(tagName: string): void {
    if (this.skip > 0) {
      if (--this.skip === 0) this.wantsText = true;
      return;
    }
    const name = tagName.includes(':') ? localName(tagName) : tagName;
    switch (name) {
      case 'data': {
        const key = this.dataKey!;
        this.dataKey = undefined;
        this.wantsText = false;
        const owner = this.owner;
        const value = this.typed(key, owner === undefined ? GRAPH : owner.kind);
        if (value === undefined) return;
        if (owner === undefined) this.graphValues![key.name] = value;
        else owner.values[key.name] = value;
        return;
      }
      case 'node': {
        const owner = this.owner!;
        this.builder!.node(owner.id!, owner.values);
        this.owner = undefined;
        return;
      }
      case 'edge': {
        const owner = this.owner!;
        const directed = owner.directed === undefined ? this.directedByDefault.at(-1)! : owner.directed !== 'false';
        this.builder!.edge(owner.id, owner.source, owner.target, !directed, owner.values, this.nodeDefaults);
        this.owner = undefined;
        return;
      }
      case 'graph':
        this.directedByDefault.pop();
        this.owner = this.saved.pop();
        return;
      case 'default': {
        const key = this.declaring;
        if (key === undefined) return;
        this.inDefault = false;
        this.wantsText = false;
        const value = this.typed(key, 0);
        if (value !== undefined) key.default = value;
        return;
      }
      case 'key':
        this.declaring = undefined;
        // The defaults are copied into each element: gathered once, when the keys are all known (they come first).
        this.nodeDefaults = this.defaultsFor(NODE);
        this.edgeDefaults = this.defaultsFor(EDGE);
        return;
    }
  }

  /** The text read as `key`'s type; `kind` 0 is the key's own <default>. */
  private typed(key: Key, kind: number): Scalar | undefined {
    const { textSource, textStart, textEnd } = this;
    this.textSource = '';
    if (key.type === 'string') return keptString(textSource.slice(textStart, textEnd), key.recent);
    const value = valueInRange(textSource, textStart, textEnd, key.type);
    if (value !== NOT_OF_TYPE) return value;
    const text = textSource.slice(textStart, textEnd);
    const where = kind === 0 ? `the default of key "${key.name}"` : `${this.what(kind)}: attribute "${key.name}"`;
    return this.fail(notOfTypeMessage(text, key.type, where));
  }

  private what(kind: number): string {
    if (kind === GRAPH) return 'the graph';
    const owner = this.owner!;
    if (kind === NODE) return `node "${owner.id}"`;
    return owner.id === undefined ? `the edge from "${owner.source}" to "${owner.target}"` : `edge "${owner.id}"`;
  }
}
