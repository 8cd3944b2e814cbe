/**
 * Framing arithmetic in viewport pixels: where the graph may be drawn once the overlays (the
 * filters box, a status line) have taken their corners, and the scale and offset that fit a set
 * of points with pixel extents (node radii, labels) into that rectangle. No DOM, no sigma: the
 * camera controller turns the answers into sigma's bounding box and camera states.
 */

/** A rectangle in viewport pixels, top-left origin. */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A point to frame, in screen-oriented units (y grows downwards), with how far it reaches in pixels each way. */
export interface FramedItem {
  x: number;
  y: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** Viewport position of an item: `scale * item + offset`. */
export interface Fit {
  scale: number;
  offsetX: number;
  offsetY: number;
}

export const intersects = (a: Rect, b: Rect): boolean => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

export const contains = (outer: Rect, inner: Rect): boolean =>
  inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.width <= outer.x + outer.width && inner.y + inner.height <= outer.y + outer.height;

/** Whether a circle and a rectangle share any point (the rectangle's nearest point lies within the radius). */
export function circleTouches(cx: number, cy: number, r: number, rect: Rect): boolean {
  const nx = Math.max(rect.x, Math.min(cx, rect.x + rect.width));
  const ny = Math.max(rect.y, Math.min(cy, rect.y + rect.height));
  return (cx - nx) ** 2 + (cy - ny) ** 2 < r * r;
}

export function inset(rect: Rect, by: number): Rect {
  const x = Math.min(by, rect.width / 2);
  const y = Math.min(by, rect.height / 2);
  return { x: rect.x + x, y: rect.y + y, width: rect.width - 2 * x, height: rect.height - 2 * y };
}

function clip(rect: Rect, to: Rect): Rect | null {
  const x = Math.max(rect.x, to.x);
  const y = Math.max(rect.y, to.y);
  const width = Math.min(rect.x + rect.width, to.x + to.width) - x;
  const height = Math.min(rect.y + rect.height, to.y + to.height) - y;
  return width > 0 && height > 0 ? { x, y, width, height } : null;
}

/**
 * The part of `bounds` that no overlay covers and where content of the given aspect (width /
 * height) shows biggest; among equals, the largest. Candidates are the rectangles whose sides lie
 * on the edges of the bounds and the overlays: a handful of overlays gives a few thousand, and
 * one of them is always the best.
 */
export function freeRectangle(bounds: Rect, overlays: readonly Rect[], aspect = 1): Rect {
  const covered = overlays.map((o) => clip(o, bounds)).filter((o): o is Rect => o !== null);
  if (covered.length === 0) return bounds;
  const edges = (start: (r: Rect) => number, size: (r: Rect) => number) =>
    [...new Set([start(bounds), start(bounds) + size(bounds), ...covered.flatMap((o) => [start(o), start(o) + size(o)])])].sort((a, b) => a - b);
  const xs = edges((r) => r.x, (r) => r.width);
  const ys = edges((r) => r.y, (r) => r.height);
  const safeAspect = aspect > 0 && Number.isFinite(aspect) ? aspect : 1;
  let best: Rect = { x: bounds.x, y: bounds.y, width: 0, height: 0 };
  let bestScore = -1;
  let bestArea = -1;
  for (let i = 0; i < xs.length; i++) {
    for (let j = i + 1; j < xs.length; j++) {
      for (let k = 0; k < ys.length; k++) {
        for (let l = k + 1; l < ys.length; l++) {
          const rect = { x: xs[i]!, y: ys[k]!, width: xs[j]! - xs[i]!, height: ys[l]! - ys[k]! };
          // Growing the bottom edge only adds cover: once an overlay is hit, taller ones are too.
          if (covered.some((o) => intersects(o, rect))) break;
          const score = Math.min(rect.width / safeAspect, rect.height);
          const area = rect.width * rect.height;
          if (score > bestScore || (score === bestScore && area > bestArea)) {
            best = rect;
            bestScore = score;
            bestArea = area;
          }
        }
      }
    }
  }
  return best;
}

/** Above this many items, a scale is solved from the extremes alone: safe (never too big), and linear. */
const EXACT_LIMIT = 2000;

/** The largest scale at which the items' extent along one axis fits in `room` pixels (Infinity: any). */
function axisScale(items: readonly FramedItem[], room: number, pos: (i: FramedItem) => number, before: (i: FramedItem) => number, after: (i: FramedItem) => number): number {
  if (items.length > EXACT_LIMIT) {
    let low = Infinity;
    let high = -Infinity;
    let reach = 0;
    for (const item of items) {
      low = Math.min(low, pos(item));
      high = Math.max(high, pos(item));
      reach = Math.max(reach, before(item) + after(item));
    }
    if (reach > room) return 0;
    return high > low ? (room - reach) / (high - low) : Infinity;
  }
  const spread = (s: number) => {
    let low = Infinity;
    let high = -Infinity;
    for (const item of items) {
      low = Math.min(low, s * pos(item) - before(item));
      high = Math.max(high, s * pos(item) + after(item));
    }
    return high - low;
  };
  if (spread(0) > room) return 0;
  let lo = 0;
  let hi = 1;
  // The spread grows with the scale (convex, piecewise linear): double until too big, then bisect.
  for (let n = 0; spread(hi) <= room; n++) {
    if (n > 60) return Infinity;
    lo = hi;
    hi *= 2;
  }
  for (let n = 0; n < 50; n++) {
    const mid = (lo + hi) / 2;
    if (spread(mid) <= room) lo = mid;
    else hi = mid;
  }
  return lo;
}

/**
 * The scale and offset that put every item, extents included, inside `rect`, as big as
 * `maxScale` allows, centred. Null when the extents alone do not fit (the caller retries with
 * smaller ones) or there are no items.
 */
export function fitItems(items: readonly FramedItem[], rect: Rect, maxScale = Infinity): Fit | null {
  if (items.length === 0) return null;
  const sx = axisScale(items, rect.width, (i) => i.x, (i) => i.left, (i) => i.right);
  const sy = axisScale(items, rect.height, (i) => i.y, (i) => i.top, (i) => i.bottom);
  const scale = Math.min(sx, sy, maxScale);
  if (!(scale > 0) || !Number.isFinite(scale)) return null;
  let left = Infinity;
  let right = -Infinity;
  let top = Infinity;
  let bottom = -Infinity;
  for (const item of items) {
    left = Math.min(left, scale * item.x - item.left);
    right = Math.max(right, scale * item.x + item.right);
    top = Math.min(top, scale * item.y - item.top);
    bottom = Math.max(bottom, scale * item.y + item.bottom);
  }
  return {
    scale,
    offsetX: rect.x + (rect.width - (right - left)) / 2 - left,
    offsetY: rect.y + (rect.height - (bottom - top)) / 2 - top,
  };
}
