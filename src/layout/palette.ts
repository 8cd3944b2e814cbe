import type { EntityType } from '../model/types.ts';

/**
 * Okabe-Ito colours: distinguishable under the common forms of colour blindness. Black and
 * the pale yellow are left out: they vanish on a dark or a white background.
 */
export const TYPE_COLORS: Record<EntityType, string> = {
  person: '#0072B2',
  country: '#D55E00',
  organisation: '#009E73',
  place: '#CC79A7',
  event: '#E69F00',
  topic: '#56B4E9',
};

/** `#rrggbb` to its three channels, for formats (GraphML for Gephi) that want them apart. */
export function hexToRgb(hex: string): { r: number; g: number; b: number } {
  const n = Number.parseInt(hex.slice(1), 16);
  return { r: (n >> 16) & 255, g: (n >> 8) & 255, b: n & 255 };
}

/** WCAG 2 relative luminance of a `#rrggbb` colour. */
export function relativeLuminance(hex: string): number {
  const { r, g, b } = hexToRgb(hex);
  const channel = (c: number) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

/** WCAG 2 contrast ratio of two `#rrggbb` colours, from 1 to 21 (AA asks 4.5 of normal text). */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/**
 * Colours for the categories of an opened file that are not our entity types (a club, a party, a
 * modularity class), given in order of first need. Each is a mid-tone with a relative luminance
 * between 0.13 and 0.19, so a node stands out at 3:1 or more (WCAG 1.4.11, graphics) on both the
 * white and the near-black (#14181d) graph pane; hues step round the wheel so neighbours in the
 * list differ most. Okabe-Ito's own hues are left to the entity types.
 */
export const CATEGORY_COLORS = [
  '#4a68cc', // indigo
  '#c0392b', // red
  '#2e7d32', // green
  '#7a5cd6', // violet
  '#b35900', // brown-orange
  '#00838f', // teal
  '#d0347a', // raspberry
  '#5d7a00', // olive
  '#8d6e00', // ochre
  '#9b4fbf', // purple
  '#00796b', // sea green
  '#a0522d', // sienna
] as const;

/** The colour of the `index`-th category: the list repeats past its end (the legend still names each). */
export const categoryColor = (index: number): string => CATEGORY_COLORS[((index % CATEGORY_COLORS.length) + CATEGORY_COLORS.length) % CATEGORY_COLORS.length]!;
