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
