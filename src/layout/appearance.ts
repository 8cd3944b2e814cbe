import { own } from '../model/own.ts';
import type { KgGraph, Scalar } from '../model/types.ts';
import { detectCommunities, type Communities } from './communities.ts';
import { MAX_SIZE, MIN_SIZE } from './layout.ts';
import { CATEGORY_COLORS, hexToRgb } from './palette.ts';

/**
 * Appearance scales, Gephi's "Appearance" panel: colour or size nodes by a property. Pure: it
 * reads the graph and returns maps per node, which the explorer applies in its reducers (the
 * data graph is never written for display).
 *
 * Properties: the built-in ones below, and `attribute:<name>` for any scalar in a node's
 * `attributes` record. Attribute names come from data files (or an opened file): they may be
 * `__proto__` or `constructor`, so they are read with own-key checks and kept in Maps only.
 */
export const BUILT_IN_PROPERTIES = ['type', 'degree', 'in-degree', 'out-degree', 'mentions', 'articles', 'community'] as const;
export type BuiltInProperty = (typeof BUILT_IN_PROPERTIES)[number];
export const ATTRIBUTE_PREFIX = 'attribute:';

export type PropertyKind = 'categorical' | 'numeric';

export interface PropertyOption {
  /** `type`, `degree`, … or `attribute:<name>`: a select option's value. */
  key: string;
  label: string;
  kind: PropertyKind;
}

const BUILT_IN: Record<BuiltInProperty, { label: string; kind: PropertyKind }> = {
  type: { label: 'Entity type', kind: 'categorical' },
  degree: { label: 'Degree', kind: 'numeric' },
  'in-degree': { label: 'In-degree', kind: 'numeric' },
  'out-degree': { label: 'Out-degree', kind: 'numeric' },
  mentions: { label: 'Mentions', kind: 'numeric' },
  articles: { label: 'Articles', kind: 'numeric' },
  community: { label: 'Community', kind: 'categorical' },
};

/**
 * Colours for categories: palette.ts's category colours, shared with opened files' categories.
 * Each stands out at 3:1 on the light and the dark pane, so a theme switch needs no recolouring,
 * and none is an entity type's Okabe-Ito hue, so a community is never mistaken for a type.
 */
export const CATEGORY_COLOURS: readonly string[] = CATEGORY_COLORS;
/** Values past the palette's end, and nodes without a value: one grey, also 3:1 on both panes. */
export const OTHER_COLOUR = '#848b94';
/** The numeric ramp, low to high: blue, magenta, vermillion. Every colour along it keeps 3:1 on both panes. */
export const RAMP_COLOURS = ['#2f6fbf', '#b34a8f', '#d55e00'] as const;

export type Legend =
  | { kind: 'categorical'; entries: { label: string; colour: string; count: number }[]; otherCount: number; missingCount: number }
  | { kind: 'numeric'; min: number; max: number; ramp: readonly string[]; missingCount: number };

export interface ColourScale {
  colour: ReadonlyMap<string, string>;
  legend: Legend;
}

/**
 * What appearance reads from one graph: the properties it offers and each node's value. The
 * expensive parts (Louvain, the attribute scan) run on first use only, then are kept: the
 * explorer's first frame never waits for them.
 */
export function createAppearanceSource(graph: KgGraph, seed?: number) {
  let communities: Communities | undefined;
  let options: PropertyOption[] | undefined;
  const community = () => (communities ??= detectCommunities(graph, seed));

  /** The properties this graph can be coloured or sized by: built-ins it has data for, then its attributes by name. */
  function properties(): PropertyOption[] {
    if (options) return options;
    const kinds = new Map<string, PropertyKind>();
    let articles = false;
    graph.forEachNode((_, a) => {
      if (Array.isArray(a.articles)) articles = true;
      const record = a.attributes;
      if (!record || typeof record !== 'object') return;
      for (const name of Object.keys(record)) {
        const value = own(record, name);
        if (!isScalar(value)) continue;
        const kind: PropertyKind = typeof value === 'number' ? 'numeric' : 'categorical';
        // One non-number makes the whole attribute categorical.
        if (kinds.get(name) !== 'categorical') kinds.set(name, kind);
      }
    });
    options = BUILT_IN_PROPERTIES.filter((key) => key !== 'articles' || articles).map((key) => ({ key, ...BUILT_IN[key] }));
    for (const [name, kind] of [...kinds].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) options.push({ key: ATTRIBUTE_PREFIX + name, label: name, kind });
    return options;
  }

  /** Each node's value of a property (undefined where it has none). */
  function values(key: string): Map<string, Scalar | undefined> {
    const out = new Map<string, Scalar | undefined>();
    if (key.startsWith(ATTRIBUTE_PREFIX)) {
      const name = key.slice(ATTRIBUTE_PREFIX.length);
      graph.forEachNode((node, a) => {
        const value = a.attributes && typeof a.attributes === 'object' ? own(a.attributes, name) : undefined;
        out.set(node, isScalar(value) ? value : undefined);
      });
      return out;
    }
    switch (key as BuiltInProperty) {
      case 'type':
        graph.forEachNode((node, a) => out.set(node, String(a.type)));
        break;
      case 'degree':
        graph.forEachNode((node) => out.set(node, graph.degree(node)));
        break;
      case 'in-degree':
        graph.forEachNode((node) => out.set(node, graph.inDegree(node)));
        break;
      case 'out-degree':
        graph.forEachNode((node) => out.set(node, graph.outDegree(node)));
        break;
      case 'mentions':
        graph.forEachNode((node, a) => out.set(node, Array.isArray(a.mentions) ? a.mentions.length : 0));
        break;
      case 'articles':
        graph.forEachNode((node, a) => out.set(node, Array.isArray(a.articles) ? a.articles.length : undefined));
        break;
      case 'community': {
        const { of } = community();
        graph.forEachNode((node) => out.set(node, of.get(node)));
        break;
      }
      default:
        throw new Error(`appearance: unknown property \`${key}\` (expected one of ${BUILT_IN_PROPERTIES.join(', ')} or ${ATTRIBUTE_PREFIX}<name>)`);
    }
    return out;
  }

  /** The option for a key, if this graph offers it. */
  const property = (key: string) => properties().find((o) => o.key === key);

  /** Colours by a property: categories from the palette, numbers along the ramp. */
  function colourBy(key: string): ColourScale {
    const option = property(key);
    if (!option) throw new Error(`appearance: this graph has no property \`${key}\``);
    const label = key === 'community' ? (v: Scalar) => `Community ${Number(v) + 1}` : String;
    return option.kind === 'numeric' ? numericColours(values(key)) : categoricalColours(values(key), label);
  }

  /** Sizes by a numeric property, between MIN_SIZE and MAX_SIZE. */
  function sizeBy(key: string, range: { min: number; max: number } = { min: MIN_SIZE, max: MAX_SIZE }): Map<string, number> {
    const option = property(key);
    if (option?.kind !== 'numeric') throw new Error(`appearance: \`${key}\` is not a numeric property of this graph`);
    return numericSizes(values(key), range);
  }

  return { properties, values, colourBy, sizeBy, communities: community };
}
export type AppearanceSource = ReturnType<typeof createAppearanceSource>;

const isScalar = (v: unknown): v is Scalar => typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v));

/**
 * Categories ranked by how many nodes hold them (ties by value, so the same data gives the same
 * colours), as many coloured as the palette holds, the rest and the nodes without a value grey:
 * a repeated colour would tell two categories are one.
 */
export function categoricalColours(values: ReadonlyMap<string, Scalar | undefined>, label: (value: Scalar) => string = String): ColourScale {
  const counts = new Map<string, { value: Scalar; count: number }>();
  let missingCount = 0;
  for (const value of values.values()) {
    if (value === undefined) {
      missingCount++;
      continue;
    }
    const k = `${typeof value}:${String(value)}`;
    const c = counts.get(k);
    if (c) c.count++;
    else counts.set(k, { value, count: 1 });
  }
  const ranked = [...counts].sort((a, b) => b[1].count - a[1].count || compareScalars(a[1].value, b[1].value));
  const colourOf = new Map(ranked.map(([k], i) => [k, CATEGORY_COLOURS[i] ?? OTHER_COLOUR]));
  const colour = new Map<string, string>();
  for (const [node, value] of values) colour.set(node, value === undefined ? OTHER_COLOUR : colourOf.get(`${typeof value}:${String(value)}`)!);
  const shown = ranked.slice(0, CATEGORY_COLOURS.length);
  return {
    colour,
    legend: {
      kind: 'categorical',
      entries: shown.map(([, c], i) => ({ label: label(c.value), colour: CATEGORY_COLOURS[i]!, count: c.count })),
      otherCount: ranked.slice(shown.length).reduce((n, [, c]) => n + c.count, 0),
      missingCount,
    },
  };
}

const compareScalars = (a: Scalar, b: Scalar) => (typeof a === 'number' && typeof b === 'number' ? a - b : String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0);

/** The smallest and largest value, and how many nodes have none. */
function extent(values: ReadonlyMap<string, Scalar | undefined>): { min: number; max: number; missingCount: number } {
  let min = Infinity;
  let max = -Infinity;
  let missingCount = 0;
  for (const v of values.values()) {
    if (typeof v !== 'number') {
      missingCount++;
      continue;
    }
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return { min, max, missingCount };
}

/** Where a value lies between min and max, 0 to 1; the middle when every value is the same. */
const share = (v: number, min: number, max: number) => (max > min ? (v - min) / (max - min) : 0.5);

/** The ramp's colour at `t` (0 to 1), interpolated in sRGB between its stops. */
export function rampColour(t: number): string {
  const stops = RAMP_COLOURS.length - 1;
  const at = Math.min(Math.max(t, 0), 1) * stops;
  const i = Math.min(Math.floor(at), stops - 1);
  const a = hexToRgb(RAMP_COLOURS[i]!);
  const b = hexToRgb(RAMP_COLOURS[i + 1]!);
  const f = at - i;
  const channel = (x: number, y: number) => Math.round(x + (y - x) * f).toString(16).padStart(2, '0');
  return `#${channel(a.r, b.r)}${channel(a.g, b.g)}${channel(a.b, b.b)}`;
}

export function numericColours(values: ReadonlyMap<string, Scalar | undefined>): ColourScale {
  const { min, max, missingCount } = extent(values);
  const colour = new Map<string, string>();
  for (const [node, v] of values) colour.set(node, typeof v === 'number' ? rampColour(share(v, min, max)) : OTHER_COLOUR);
  return { colour, legend: { kind: 'numeric', min: Number.isFinite(min) ? min : 0, max: Number.isFinite(max) ? max : 0, ramp: RAMP_COLOURS, missingCount } };
}

/**
 * Sizes from numbers: the disc's area, not its radius, grows with the value (the square root of
 * its share), as the built layout sizes by degree, so hubs do not swamp the picture. Nodes
 * without a value get the smallest size.
 */
export function numericSizes(values: ReadonlyMap<string, Scalar | undefined>, range: { min: number; max: number }): Map<string, number> {
  const { min, max } = extent(values);
  const sizes = new Map<string, number>();
  for (const [node, v] of values) sizes.set(node, typeof v === 'number' ? range.min + (range.max - range.min) * Math.sqrt(share(v, min, max)) : range.min);
  return sizes;
}
