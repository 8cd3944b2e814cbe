import type { KgGraph } from '../../model/types.ts';
import { h } from '../dom.ts';

/**
 * Colours a swatch may take: hex or rgb()/hsl() numbers only. A colour can come from an opened
 * file, and a CSS value such as `url(…)` set as a background would make the page fetch it.
 */
const SAFE_COLOUR = /^(#[0-9a-f]{3,8}|(rgb|hsl)a?\(\s*[-\d.%\s,/]+\))$/i;

export const safeColour = (value: unknown): string | undefined => (typeof value === 'string' && SAFE_COLOUR.test(value.trim()) ? value.trim() : undefined);

/**
 * The colour of each type the graph has: that of its first node, as the layout or the opened
 * file coloured it. Read from the graph, so a type only an opened file knows has one too.
 */
export function typeColours(graph: KgGraph): Map<string, string> {
  const colours = new Map<string, string>();
  graph.forEachNode((_, a) => {
    const type = String(a.type);
    const colour = safeColour(a.color);
    if (colour && !colours.has(type)) colours.set(type, colour);
  });
  return colours;
}

/**
 * A colour dot. The colour is set through the CSSOM (the page runs no inline style); without a
 * usable one, the stylesheet's colour for `data-type` applies, then the muted grey.
 */
export function swatch(type: string, colour?: string): HTMLSpanElement {
  const dot = h('span', { class: 'swatch', attrs: { 'data-type': type, 'aria-hidden': 'true' } });
  const safe = safeColour(colour);
  if (safe) dot.style.setProperty('--c', safe);
  return dot;
}
