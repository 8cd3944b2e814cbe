/**
 * Fitting a graph into an image. Positions are in graph units, labels in pixels: how many pixels
 * a graph unit gets decides where labels end, and so whether they fit. The extent along one axis
 * at scale k is max(k·x + right) − min(k·x − left), piecewise linear and increasing in k, so the
 * largest k that fits both axes is found by bisection, and every label then lies inside.
 */

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A point in graph units (y down, as in the image) and how far its drawing reaches around it, in pixels. */
export interface Extent {
  x: number;
  y: number;
  left: number;
  right: number;
  up: number;
  down: number;
}

/** Graph units to pixels: px = offsetX + scale·x, py = offsetY + scale·y. */
export interface Transform {
  scale: number;
  offsetX: number;
  offsetY: number;
}

function span(items: readonly Extent[], k: number, axis: 'x' | 'y'): { min: number; max: number } {
  let min = Infinity;
  let max = -Infinity;
  for (const it of items) {
    const p = k * it[axis];
    min = Math.min(min, p - (axis === 'x' ? it.left : it.up));
    max = Math.max(max, p + (axis === 'x' ? it.right : it.down));
  }
  return { min, max };
}

/** The largest scale at which every extent fits `area`, centred in it. */
export function fitExtents(items: readonly Extent[], area: Rect): Transform {
  if (items.length === 0) return { scale: 1, offsetX: area.x + area.width / 2, offsetY: area.y + area.height / 2 };
  const fits = (k: number) => {
    const x = span(items, k, 'x');
    const y = span(items, k, 'y');
    return x.max - x.min <= area.width && y.max - y.min <= area.height;
  };
  let lo = 0;
  let hi = 1;
  // One node, or all at one point: every scale fits; a bounded one keeps the numbers finite.
  while (fits(hi) && hi < 1e9) hi *= 2;
  if (fits(hi)) lo = hi;
  for (let i = 0; i < 60 && hi - lo > 1e-9 * hi; i++) {
    const mid = (lo + hi) / 2;
    if (fits(mid)) lo = mid;
    else hi = mid;
  }
  const x = span(items, lo, 'x');
  const y = span(items, lo, 'y');
  return {
    scale: lo,
    offsetX: area.x + (area.width - (x.max - x.min)) / 2 - x.min,
    offsetY: area.y + (area.height - (y.max - y.min)) / 2 - y.min,
  };
}

/** `bounds` (graph units, y down) scaled to fill `area` in its tighter direction, centred: what a camera shows. */
export function fitBounds(bounds: Rect, area: Rect): Transform {
  const scale = Math.min(area.width / Math.max(bounds.width, 1e-12), area.height / Math.max(bounds.height, 1e-12));
  return {
    scale,
    offsetX: area.x + area.width / 2 - scale * (bounds.x + bounds.width / 2),
    offsetY: area.y + area.height / 2 - scale * (bounds.y + bounds.height / 2),
  };
}
