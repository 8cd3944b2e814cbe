import { circleTouches, contains, intersects, type Rect } from './framing.ts';

/** A node label that could be drawn: its node's viewport circle and the label's measured width. */
export interface LabelCandidate {
  key: string;
  x: number;
  y: number;
  /** The node's radius on screen, in pixels. */
  radius: number;
  text: string;
  width: number;
  /** Lower goes first: the selection, then forced labels (a highlighted neighbourhood), then the rest. */
  rank: number;
}

/** A node drawn on screen, which labels must not cover. Soft ones (dimmed) only keep unforced labels off. */
export interface NodeDisc {
  key: string;
  x: number;
  y: number;
  radius: number;
  soft?: boolean;
}

/** Where a label sits around its node, in the order tried: beside it, then at a corner, then centred above or below. */
export const LABEL_SIDES = ['right', 'left', 'above-right', 'below-right', 'above-left', 'below-left', 'below', 'above'] as const;
export type LabelSide = (typeof LABEL_SIDES)[number];

export interface PlacedLabel {
  key: string;
  text: string;
  side: LabelSide;
  /** What the label covers, halo included. */
  box: Rect;
  /** Where the text starts (left end) and its vertical middle, and how wide it is. */
  textX: number;
  textY: number;
  width: number;
}

export interface PlacementOptions {
  fontSize: number;
  /** Pixels between a node's rim and its label. */
  gap: number;
  /** The halo drawn around the text, on each side (the box adds a pixel for glyphs that overhang, like J). */
  halo: number;
  /** Ranks below this one may cover soft (dimmed) nodes. */
  forcedRank: number;
}

const CELL = 64;

/** A uniform grid over the viewport: a label checks only what lies in the cells it touches. */
function spatialIndex<T>() {
  const cells = new Map<number, T[]>();
  const keys = (r: Rect) => {
    const out: number[] = [];
    for (let cx = Math.floor(r.x / CELL); cx <= Math.floor((r.x + r.width) / CELL); cx++) {
      for (let cy = Math.floor(r.y / CELL); cy <= Math.floor((r.y + r.height) / CELL); cy++) out.push(cx * 100_003 + cy);
    }
    return out;
  };
  return {
    add(r: Rect, item: T) {
      for (const k of keys(r)) {
        const cell = cells.get(k);
        if (cell) cell.push(item);
        else cells.set(k, [item]);
      }
    },
    near(r: Rect): Set<T> {
      const found = new Set<T>();
      for (const k of keys(r)) for (const item of cells.get(k) ?? []) found.add(item);
      return found;
    },
  };
}

function boxFor(c: LabelCandidate, side: LabelSide, o: PlacementOptions): Omit<PlacedLabel, 'key' | 'text' | 'side'> {
  const height = o.fontSize * 1.25;
  const reach = c.radius + o.gap;
  // At a corner the text's near end sits where the rim meets the diagonal.
  const corner = c.radius * Math.SQRT1_2 + o.gap;
  let textX: number;
  let textY = c.y;
  if (side === 'right') textX = c.x + reach;
  else if (side === 'left') textX = c.x - reach - c.width;
  else if (side === 'below' || side === 'above') {
    textX = c.x - c.width / 2;
    textY = side === 'below' ? c.y + reach + height / 2 : c.y - reach - height / 2;
  } else {
    textX = side.endsWith('right') ? c.x + corner : c.x - corner - c.width;
    textY = side.startsWith('below') ? c.y + corner + height / 2 : c.y - corner - height / 2;
  }
  const pad = o.halo + 1;
  return { box: { x: textX - pad, y: textY - height / 2 - pad, width: c.width + 2 * pad, height: height + 2 * pad }, textX, textY, width: c.width };
}

/**
 * Chooses which labels to draw and on which side of their node, greedily by rank: a label goes
 * to the first place around its node (LABEL_SIDES, in order) where it stays inside `bounds`, off every
 * `blocked` rectangle (overlays), off every other label and off every other node; a label with
 * no such side is not drawn. So no label is clipped, none hides behind an overlay, and none is
 * drawn over a node or another label.
 */
export function placeLabels(candidates: readonly LabelCandidate[], discs: readonly NodeDisc[], bounds: Rect, blocked: readonly Rect[], options: PlacementOptions): PlacedLabel[] {
  const nodes = spatialIndex<NodeDisc>();
  for (const d of discs) nodes.add({ x: d.x - d.radius, y: d.y - d.radius, width: 2 * d.radius, height: 2 * d.radius }, d);
  const labels = spatialIndex<Rect>();
  const placed: PlacedLabel[] = [];
  const order = [...candidates].sort((a, b) => a.rank - b.rank || b.radius - a.radius || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  for (const c of order) {
    if (!c.text || !(c.width > 0)) continue;
    for (const side of LABEL_SIDES) {
      const { box, textX, textY, width } = boxFor(c, side, options);
      if (!contains(bounds, box) || blocked.some((b) => intersects(b, box))) continue;
      if ([...labels.near(box)].some((other) => intersects(other, box))) continue;
      const hitsNode = [...nodes.near(box)].some((d) => d.key !== c.key && !(d.soft && c.rank < options.forcedRank) && circleTouches(d.x, d.y, d.radius, box));
      if (hitsNode) continue;
      labels.add(box, box);
      placed.push({ key: c.key, text: c.text, side, box, textX, textY, width });
      break;
    }
  }
  return placed;
}
