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
