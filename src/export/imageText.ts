/**
 * Text widths for laying out an exported image. The core cannot measure a font (no DOM), so it
 * takes a measure function: the browser passes canvas measureText with the image's own font
 * (exact for the PNG it draws); the CLI and tests use estimateWidth, which errs wide so that a
 * label estimated to fit also fits when a viewer draws it in its own sans-serif.
 */

/** Width in pixels of `text` drawn at `size` px, `weight` 400 or 600. */
export type TextMeasure = (text: string, size: number, weight: number) => number;

/** The font every text of an image is drawn in: a system font, so an SVG shown as <img> needs none loaded. */
export const IMAGE_FONT = 'system-ui, sans-serif';

const NARROW = new Set('iIjl.,:;\'|!()[]{} ftr1');
const WIDE = new Set('MWmw@%');

/** Em widths per character, a little above a typical sans-serif's (Arial, DejaVu Sans, Segoe UI). */
function emOf(ch: string): number {
  const c = ch.codePointAt(0)!;
  // CJK, Hangul, full-width forms and emoji take about a full em.
  if (c >= 0x1100 && (c <= 0x115f || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) || c >= 0x1f300)) return 1.05;
  if (NARROW.has(ch)) return 0.36;
  if (WIDE.has(ch) || (ch >= 'A' && ch <= 'Z')) return 0.78;
  return 0.6;
}

/** A generous width estimate: a label given this much room is not cut. */
export const estimateWidth: TextMeasure = (text, size, weight) => {
  let em = 0;
  for (const ch of text) em += emOf(ch);
  return em * size * (weight >= 600 ? 1.07 : 1);
};

/**
 * `text` cut to `max` px with an ellipsis, at a character boundary (never between the halves of
 * a surrogate pair). Unchanged if it fits.
 */
export function fitText(text: string, max: number, size: number, weight: number, measure: TextMeasure): string {
  if (measure(text, size, weight) <= max) return text;
  const chars = [...text];
  let lo = 0;
  let hi = chars.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (measure(`${chars.slice(0, mid).join('').trimEnd()}…`, size, weight) <= max) lo = mid;
    else hi = mid - 1;
  }
  return lo === 0 ? '' : `${chars.slice(0, lo).join('').trimEnd()}…`;
}
