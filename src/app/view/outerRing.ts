import type { Attributes } from 'graphology-types';
import { hexToRgb } from '../../layout/palette.ts';

/** How far an outer node's colour moves toward the dimmed grey: paler than a neighbour's, still its type's. */
const PALE = 0.55;
/** And how much smaller it is drawn. */
const SMALLER = 0.7;

const HEX = /^#[0-9a-f]{6}$/i;
const hex = (n: number) => Math.round(n).toString(16).padStart(2, '0');

/** `a` moved a share `t` of the way to `b`, both `#rrggbb`. */
export function mixColours(a: string, b: string, t: number): string {
  const x = hexToRgb(a);
  const y = hexToRgb(b);
  return `#${hex(x.r + (y.r - x.r) * t)}${hex(x.g + (y.g - x.g) * t)}${hex(x.b + (y.b - x.b) * t)}`;
}

/**
 * A node inside the focus but beyond the highlighted neighbourhood (two hops from the
 * selection): drawn in a paler tint of its type's colour and smaller, its label kept, so the
 * second ring reads as part of the focus and apart from the first, unlike the grey of a node
 * merely dimmed. Changed in place, like the reducers' data.
 */
export function reduceOuterRing(data: Attributes, dimNode: string): Attributes {
  if (typeof data.color === 'string' && HEX.test(data.color) && HEX.test(dimNode)) data.color = mixColours(data.color, dimNode, PALE);
  data.size = (typeof data.size === 'number' ? data.size : 1) * SMALLER;
  data.zIndex = 0;
  data.outerRing = true;
  return data;
}
