import { MultiDirectedGraph } from 'graphology';
import type { LoadedArticle } from '../corpus/built.ts';
import { applyAppearance, layoutGraph, MAX_SIZE, MIN_SIZE } from '../layout/layout.ts';
import { categoryColor, TYPE_COLORS } from '../layout/palette.ts';
import { emptyRecord, own } from '../model/own.ts';
import { ENTITY_TYPES, type EntityType, type KgEdgeAttributes, type KgGraph, type KgNodeAttributes, type RelationType, type Scalar, type ValueType } from '../model/types.ts';
import { compareText } from '../query/compare.ts';
import { ImportError } from './errors.ts';
import type { ImportedGraph, ImportedNode } from './imported.ts';

/** Attribute names that conventionally say what kind of thing a node is: the first present is the default type attribute. */
export const TYPE_ATTRIBUTE_NAMES = ['type', 'kind', 'category', 'class', 'group'] as const;
/** More values than this and an attribute is no longer a set of categories a legend can list. */
export const MAX_TYPE_VALUES = 20;
/** The type of every node when no attribute gives one, and of a node the chosen attribute says nothing of. */
export const NO_TYPE = 'node';

/** Names that play a part in the explorer (label, position, colour…) rather than being shown as attributes. */
const LABEL_NAMES = ['label', 'name', 'title'];
const RELATION_NAMES = ['relation', 'type', 'label', 'kind', 'predicate'];
const VISUAL_NAMES = ['x', 'y', 'z', 'size', 'color', 'colour', 'r', 'g', 'b'];

/** The attribute in `schema` named like one of `names`, any case, in the order of `names`. */
function fieldNamed(schema: Record<string, ValueType>, names: readonly string[], type?: ValueType): string | undefined {
  const present = Object.keys(schema);
  for (const wanted of names) {
    const found = present.find((name) => name.toLowerCase() === wanted && (type === undefined || schema[name] === type || (type === 'float' && schema[name] === 'int')));
    if (found !== undefined) return found;
  }
  return undefined;
}

export interface TypeCandidate {
  /** The attribute's name in the file. */
  name: string;
  /** How many distinct values it has, and how many nodes have one. */
  values: number;
  nodes: number;
}

/** What the node attributes are used for: the label, the visual fields, the description. */
function roles(imported: ImportedGraph) {
  const schema = imported.nodeAttributes;
  const label = fieldNamed(schema, LABEL_NAMES, 'string');
  const description = fieldNamed(schema, ['description'], 'string');
  const visual = new Set(Object.keys(schema).filter((name) => VISUAL_NAMES.includes(name.toLowerCase()) && schema[name] !== 'string') );
  const colour = fieldNamed(schema, ['color', 'colour'], 'string');
  if (colour !== undefined) visual.add(colour);
  return { label, description, visual, colour };
}

/**
 * The node attributes that can serve as entity types: text, whole numbers or booleans taking at
 * most MAX_TYPE_VALUES values, and repeating (an attribute every node holds differently is an
 * id, not a category), plus any attribute named `type`, `kind`… within that many values. Sorted
 * with those conventional names first, then by fewest values.
 */
export function typeCandidates(imported: ImportedGraph): TypeCandidate[] {
  const { label, description, visual } = roles(imported);
  const candidates: (TypeCandidate & { conventional: number })[] = [];
  for (const [name, type] of Object.entries(imported.nodeAttributes)) {
    if (type === 'float' || name === label || name === description || visual.has(name)) continue;
    const values = new Set<string>();
    let nodes = 0;
    for (const node of imported.nodes) {
      const value = own(node.attributes, name);
      if (value === undefined || String(value).trim() === '') continue;
      nodes++;
      values.add(String(value).trim());
      if (values.size > MAX_TYPE_VALUES) break;
    }
    const conventional = (TYPE_ATTRIBUTE_NAMES as readonly string[]).indexOf(name.toLowerCase());
    if (values.size === 0 || values.size > MAX_TYPE_VALUES || (conventional < 0 && values.size >= nodes)) continue;
    candidates.push({ name, values: values.size, nodes, conventional: conventional < 0 ? TYPE_ATTRIBUTE_NAMES.length : conventional });
  }
  return candidates
    .sort((a, b) => a.conventional - b.conventional || a.values - b.values || compareText(a.name, b.name))
    .map(({ name, values, nodes }) => ({ name, values, nodes }));
}

/** The attribute to type nodes by when the person has not chosen: one with a conventional name, if the file has one. */
export function defaultTypeAttribute(imported: ImportedGraph): string | undefined {
  return typeCandidates(imported).find((c) => (TYPE_ATTRIBUTE_NAMES as readonly string[]).includes(c.name.toLowerCase()))?.name;
}

const OUR_TYPES: readonly string[] = ENTITY_TYPES;
const SPELLINGS: Readonly<Record<string, EntityType>> = { organization: 'organisation' };

/**
 * A node's type from its value: one of our entity types keeps its name (and colour), any case
 * and spelling; any other value is kept as the file wrote it. KgNodeAttributes.type is typed
 * EntityType while the explorer and the query core widen to the types an opened file brings:
 * this is the one place a string enters it (see the report of issue 9).
 */
function nodeType(value: Scalar | undefined): EntityType {
  const text = value === undefined ? '' : String(value).trim();
  if (text === '') return NO_TYPE as EntityType;
  const folded = text.toLowerCase();
  if (OUR_TYPES.includes(folded)) return folded as EntityType;
  return own(SPELLINGS, folded) ?? (text as EntityType);
}

export interface OpenOptions {
  /** The node attribute whose values become the entity types; null for none (every node is a `node`). Default: defaultTypeAttribute. */
  typeAttribute?: string | null;
  /** ForceAtlas2 iterations when the file has no positions (default: fewer as the graph grows, see layoutIterations). */
  iterations?: number;
  /** False: no layout for a file without positions (a query in the CLI needs none, and at 100k nodes it costs seconds). Default true. */
  layout?: boolean;
}

/**
 * ForceAtlas2 iterations for a graph without positions: the explorer's 600 up to a few hundred
 * nodes, then as many as fit in about two seconds of the main thread (~115 ms an iteration at
 * 10k nodes / 50k edges), never under 20. "Run layout" refines it in the worker.
 */
export const layoutIterations = (order: number, size: number) => Math.max(20, Math.min(600, Math.round(1_000_000 / Math.max(1, order + size))));

const finiteOr = (value: Scalar | undefined, fallback: number | undefined) => (typeof value === 'number' && Number.isFinite(value) ? value : fallback);
const COLOUR = /^#[0-9a-f]{6}$/i;

/**
 * An imported file as the explorer's graph: labels (the file's label, else its name, else the
 * node key), types from the chosen attribute, colours by type (our entity types keep theirs,
 * other values take the categorical palette in order of frequency; with no type attribute the
 * file's own colours are kept), sizes by degree unless the file gives sizes, and the file's
 * positions or, when any node lacks one, the explorer's reproducible layout.
 *
 * An undirected edge is stored once, from the end the file lists first to the other, with
 * `undirected: true`: queries walk edges both ways unless asked to follow arrows.
 * @throws ImportError when an edge names a node the file does not have.
 */
export function openedArticle(imported: ImportedGraph, options: OpenOptions = {}): LoadedArticle {
  const typeAttribute = options.typeAttribute === undefined ? defaultTypeAttribute(imported) : options.typeAttribute;
  const { label: labelField, description: descriptionField, visual, colour: colourField } = roles(imported);
  const consumed = new Set<string>([...visual, ...[labelField, descriptionField].filter((n): n is string => n !== undefined)]);
  const field = (names: string[]) => fieldNamed(imported.nodeAttributes, names, 'float');
  const [xField, yField, sizeField] = [field(['x']), field(['y']), field(['size'])];
  const [rField, gField, bField] = [field(['r']), field(['g']), field(['b'])];

  const graph: KgGraph = new MultiDirectedGraph();
  graph.replaceAttributes({ slug: imported.name, title: imported.name, publisher: '', dateline: '', date: '' });

  const get = (node: ImportedNode, name: string | undefined) => (name === undefined ? undefined : own(node.attributes, name));
  const fileColour = (node: ImportedNode): string | undefined => {
    const named = get(node, colourField);
    if (node.color) return node.color;
    if (typeof named === 'string' && COLOUR.test(named.trim())) return named.trim().toLowerCase();
    const [r, g, b] = [get(node, rField), get(node, gField), get(node, bField)];
    if ([r, g, b].every((c) => typeof c === 'number' && Number.isFinite(c))) return `#${[r, g, b].map((c) => Math.max(0, Math.min(255, Math.round(c as number))).toString(16).padStart(2, '0')).join('')}`;
    return undefined;
  };

  let positioned = true;
  let sized = true;
  const fileSizes = new Map<string, number>();
  const fileColours = new Map<string, string>();
  for (const node of imported.nodes) {
    const attributes = emptyRecord<Scalar>();
    for (const [name, value] of Object.entries(node.attributes)) if (!consumed.has(name)) attributes[name] = value;
    const label = node.label ?? get(node, labelField);
    const description = get(node, descriptionField);
    // Our own export writes lists as JSON (src/export/flatten.ts): its aliases come back as names to find.
    const aliases = aliasesOf(get(node, 'aliases'));
    const x = finiteOr(get(node, xField), node.x);
    const y = finiteOr(get(node, yField), node.y);
    const size = node.size ?? finiteOr(get(node, sizeField), undefined);
    if (x === undefined || y === undefined) positioned = false;
    if (size === undefined || size < 0) sized = false;
    else fileSizes.set(node.key, size);
    const colour = fileColour(node);
    if (colour) fileColours.set(node.key, colour);
    const attrs: KgNodeAttributes = {
      label: typeof label === 'string' && label.trim() !== '' ? label : node.key,
      type: nodeType(typeAttribute == null ? undefined : get(node, typeAttribute)),
      description: typeof description === 'string' ? description : '',
      aliases,
      attributes,
      mentions: [],
      ...(x === undefined || y === undefined ? {} : { x, y }),
    };
    graph.addNode(node.key, attrs);
  }

  const relations = emptyRecord<RelationType>();
  const relationField = fieldNamed(imported.edgeAttributes, RELATION_NAMES, 'string');
  // Our own export's evidence (src/export/flatten.ts): the quote and its offsets, when a file has all three.
  const evidenceFields = own(imported.edgeAttributes, 'evidence') === 'string' && own(imported.edgeAttributes, 'evidence_start') === 'int' && own(imported.edgeAttributes, 'evidence_end') === 'int' ? ['evidence', 'evidence_start', 'evidence_end'] : [];
  // Our export also writes each relation's reading both ways, and its qualifiers as q_<name>.
  const ours = evidenceFields.length > 0;
  const readings = ours ? ['label', 'labelE', 'inverse'] : [];
  const notQualifiers = new Set([relationField, ...evidenceFields, ...readings]);
  const qualifierName = (name: string) => (ours && name.startsWith('q_') && name.length > 2 ? name.slice(2) : name);
  const qualifierTypes = emptyRecord<ValueType>();
  for (const [name, type] of Object.entries(imported.edgeAttributes)) if (!notQualifiers.has(name)) qualifierTypes[qualifierName(name)] = type;
  imported.edges.forEach((edge, i) => {
    const what = edge.key === undefined ? `edge ${i + 1}` : `edge "${edge.key}"`;
    for (const end of [edge.source, edge.target]) if (!graph.hasNode(end)) throw new ImportError(imported.name, `${what} joins node "${end}", which the file does not have`);
    const named = edge.label ?? get({ key: '', attributes: edge.attributes }, relationField);
    const text = typeof named === 'string' && named.trim() !== '' ? named.trim() : undefined;
    const relation = text ?? (edge.undirected ? 'linked_to' : 'links_to');
    const reading = (name: string) => {
      const value = ours ? own(edge.attributes, name) : undefined;
      return typeof value === 'string' && value.trim() !== '' ? value : undefined;
    };
    const label = reading('label') ?? text ?? (edge.undirected ? 'linked to' : 'links to');
    // The details panel and the queries read a relation from both ends; the arrow says which way it points.
    const inverse = reading('inverse') ?? text ?? (edge.undirected ? 'linked to' : 'linked from');
    if (!Object.hasOwn(relations, relation)) relations[relation] = { id: relation, label, inverse, from: [], to: [], qualifiers: qualifierTypes };
    const qualifiers = emptyRecord<Scalar>();
    for (const [name, value] of Object.entries(edge.attributes)) if (!notQualifiers.has(name)) qualifiers[qualifierName(name)] = value;
    const [quote, start, end] = evidenceFields.map((name) => own(edge.attributes, name));
    const evidence = typeof quote === 'string' && typeof start === 'number' && typeof end === 'number' ? { start, end, text: quote } : { start: 0, end: 0, text: '' };
    // The file's id when it has one and it is free (ids repeat in sloppy files), else its place.
    let key = edge.key !== undefined && !graph.hasEdge(edge.key) ? edge.key : `e${i}`;
    for (let n = 1; graph.hasEdge(key); n++) key = `e${i}-${n}`;
    const attrs: KgEdgeAttributes = { relation, label, inverse, evidence, qualifiers, ...(edge.undirected ? { undirected: true as const } : {}) };
    graph.addDirectedEdgeWithKey(key, edge.source, edge.target, attrs);
  });

  if (positioned || options.layout === false) applyAppearance(graph);
  else layoutGraph(graph, { iterations: options.iterations ?? layoutIterations(graph.order, graph.size) });
  if (sized && fileSizes.size > 0) {
    const values = [...fileSizes.values()];
    const [low, high] = [Math.min(...values), Math.max(...values)];
    graph.updateEachNodeAttributes((id, a) => ({ ...a, size: high > low ? MIN_SIZE + ((MAX_SIZE - MIN_SIZE) * (fileSizes.get(id)! - low)) / (high - low) : (MIN_SIZE + MAX_SIZE) / 2 }));
  }
  colourByType(graph, typeAttribute == null ? fileColours : new Map());

  const attributes = emptyRecord<ValueType>();
  for (const [name, type] of Object.entries(imported.nodeAttributes)) if (!consumed.has(name)) attributes[name] = type;
  return { text: '', vocabulary: { attributes, relations }, graph };
}

/** A JSON array of strings, as our export writes aliases; anything else is no aliases (it stays an attribute). */
function aliasesOf(value: Scalar | undefined): string[] {
  if (typeof value !== 'string' || !value.startsWith('[')) return [];
  try {
    const parsed: unknown = JSON.parse(value);
    return Array.isArray(parsed) && parsed.every((a) => typeof a === 'string') ? parsed : [];
  } catch {
    return [];
  }
}

/**
 * Our entity types keep their colours; other types take the categorical palette, the most
 * common first (ties by name), so the same file always looks the same. `keep` holds colours the
 * file gave, used instead when no attribute types the nodes.
 */
function colourByType(graph: KgGraph, keep: ReadonlyMap<string, string>): void {
  const counts = new Map<string, number>();
  graph.forEachNode((_, a) => counts.set(a.type, (counts.get(a.type) ?? 0) + 1));
  const others = [...counts].filter(([type]) => !OUR_TYPES.includes(type)).sort((a, b) => b[1] - a[1] || compareText(a[0], b[0]));
  const colours = new Map<string, string>(others.map(([type], i) => [type, categoryColor(i)]));
  graph.updateEachNodeAttributes((id, a) => ({ ...a, color: keep.get(id) ?? (OUR_TYPES.includes(a.type) ? TYPE_COLORS[a.type] : colours.get(a.type)!) }));
}
