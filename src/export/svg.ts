/**
 * An image of a graph as an SVG document, from a plain description of what to draw (no DOM, no
 * fs): the CLI writes it as a file, the browser downloads it or draws it on a canvas for a PNG, so
 * both formats and both shells share one renderer.
 *
 * Text is real `<text>` (selectable, searchable, read by screen readers), never paths. Every
 * string goes through the XML contract of ./xml.ts: `&`, `<`, `]]>` escaped, characters XML 1.0
 * forbids (controls, lone surrogates) replaced by U+FFFD, so any label gives a well-formed file.
 * Colours come from the caller and may be data: anything that is not a plain colour is replaced.
 */
import { fitBounds, fitExtents, type Extent, type Rect, type Transform } from './imageFit.ts';

export type { Rect } from './imageFit.ts';
import type { ImagePalette } from './imagePalette.ts';
import { estimateWidth, fitText, IMAGE_FONT, type TextMeasure } from './imageText.ts';
import { escapeAttr, escapeText, xmlChars } from './xml.ts';

export interface SceneNode {
  /** Graph coordinates, y up (as the layout and sigma have them). */
  x: number;
  y: number;
  /** Radius in pixels at scale 1 (sigma's node size). */
  size: number;
  color: string;
  /** Empty: no label drawn. */
  label: string;
}

export interface SceneEdge {
  /** Indices into the scene's nodes. */
  source: number;
  target: number;
  color: string;
  /** Thickness in pixels at scale 1. */
  size: number;
  /** 0 for a straight edge; else sigma's curvature (the bend as a share of the edge's length). */
  curvature: number;
  arrow: boolean;
  /** Empty: no label drawn. */
  label: string;
}

export interface LegendEntry {
  label: string;
  color: string;
}

/** Graph coordinates, y up. */
export interface GraphBounds {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

export interface ImageScene {
  nodes: readonly SceneNode[];
  edges: readonly SceneEdge[];
  /** What part of the graph to show (a camera's view); absent: all of it, labels included. */
  bounds?: GraphBounds;
  /** Empty: no title band. */
  title: string;
  /** Empty: no legend band. */
  legend: readonly LegendEntry[];
}

/** A node's label to place: its node's disc and the label's width, in image pixels. */
export interface LabelSpot {
  key: string;
  text: string;
  x: number;
  y: number;
  radius: number;
  width: number;
}

/**
 * Chooses where labels go (left end and vertical middle of the text) so they do not cover each
 * other or other nodes, keeping each inside `area`. A label it does not place is drawn right of
 * its node, where the fit has made room: every label is drawn, some may overlap.
 */
export type LabelPlacer = (spots: readonly LabelSpot[], area: Rect, style: { fontSize: number; gap: number; halo: number }) => ReadonlyMap<string, { textX: number; textY: number }>;

export interface SvgOptions {
  width: number;
  height: number;
  palette: ImagePalette;
  /** Text widths: measured by the browser, estimated (generously) elsewhere. */
  measure?: TextMeasure;
  /** Label placement: the explorer passes its own (labels beside, above or below their node); without one, labels go right. */
  placeLabels?: LabelPlacer;
  /**
   * Multiplies every size, font and gap: sigma's sizes are screen pixels for a pane of ~700 px,
   * so an image three times as big draws them three times as big. Default from the image size.
   */
  scale?: number;
}

/** Sizes at scale 1, as the explorer draws them (graphView.ts: labels 13 px, edge labels 12 px). */
const LABEL_SIZE = 13;
const EDGE_LABEL_SIZE = 12;
const TITLE_SIZE = 20;
const LEGEND_SIZE = 13;
const LABEL_GAP = 3;
const HALO = 3;
const MARGIN = 16;

/** Default scale: 1 for an image about the size of a laptop's graph pane, more for a poster. */
export const imageScale = (width: number, height: number) => Math.min(4, Math.max(0.75, Math.min(width, height) / 800));

/** Element text by the XML contract of ./xml.ts. */
const text = escapeText;

/** Two decimals: enough for any screen, and short. */
const num = (v: number) => String(Math.round(v * 100) / 100);

/** `#rgb`, `#rrggbb(aa)`, `rgb()/rgba()/hsl()` of numbers, or a colour keyword; anything else is not a colour. */
const COLOUR = /^(#[0-9a-f]{3,8}|(rgb|rgba|hsl|hsla)\([\d.,\s%/]+\)|[a-z]{3,20})$/i;
const colour = (value: string, fallback: string) => (COLOUR.test(value) ? value : fallback);

interface Placed {
  x: number;
  y: number;
  r: number;
}


/**
 * Where the quadratic curve of an edge bends: sigma's edge-curve puts it on the normal of
 * source→target, `curvature` times its length away, in a y-up frame; in the image's y-down
 * frame that normal is (dy, −dx), so a curve bends to the same side as on screen.
 */
function controlPoint(s: Placed, t: Placed, curvature: number): { x: number; y: number } {
  const dx = t.x - s.x;
  const dy = t.y - s.y;
  return { x: (s.x + t.x) / 2 + dy * curvature, y: (s.y + t.y) / 2 - dx * curvature };
}

const bezier = (s: Placed, c: { x: number; y: number }, t: Placed, u: number) => ({
  x: (1 - u) * (1 - u) * s.x + 2 * (1 - u) * u * c.x + u * u * t.x,
  y: (1 - u) * (1 - u) * s.y + 2 * (1 - u) * u * c.y + u * u * t.y,
});

/** SVG for the scene: a complete, well-formed document. */
export function sceneToSvg(scene: ImageScene, options: SvgOptions): string {
  const { width, height, palette } = options;
  if (!(width >= 1 && height >= 1 && Number.isFinite(width) && Number.isFinite(height))) throw new RangeError(`export/svg: the image size must be at least 1x1 px, not ${width}x${height}`);
  const measure = options.measure ?? estimateWidth;
  const s = options.scale ?? imageScale(width, height);
  const margin = MARGIN * s;
  const out: string[] = [];

  // Title band on top, legend band below, the graph in between: they never cover a node.
  const titleSize = TITLE_SIZE * s;
  // Texts are measured as they will be drawn: what XML cannot carry is U+FFFD before measuring (a
  // control character measures nothing on a canvas, its replacement glyph a full character).
  const title = scene.title ? fitText(xmlChars(scene.title).replace(/\s+/g, ' ').trim(), width - 2 * margin, titleSize, 600, measure) : '';
  const titleBand = title ? titleSize * 1.6 : 0;
  const legend = layoutLegend(scene.legend, width - 2 * margin, s, measure);
  const legendBand = legend.height ? legend.height + margin / 2 : 0;
  const area: Rect = { x: margin, y: margin + titleBand, width: Math.max(1, width - 2 * margin), height: Math.max(1, height - 2 * margin - titleBand - legendBand) };

  const labelSize = LABEL_SIZE * s;
  const edgeLabelSize = EDGE_LABEL_SIZE * s;
  // A label that cannot fit beside the biggest node, both within the area, cannot fit anywhere:
  // it is cut first, so the fit below always has a solution.
  const biggest = scene.nodes.reduce((m, n) => Math.max(m, n.size * s), 0);
  const labels = scene.nodes.map((n) => (n.label ? fitText(xmlChars(n.label), area.width - 2 * (biggest + LABEL_GAP * s + HALO * s), labelSize, 400, measure) : ''));
  const labelWidths = labels.map((l) => (l ? measure(l, labelSize, 400) : 0));
  const edgeLabels = scene.edges.map((e) => (e.label ? fitText(xmlChars(e.label), area.width / 2, edgeLabelSize, 400, measure) : ''));
  const edgeLabelWidths = edgeLabels.map((l) => (l ? measure(l, edgeLabelSize, 400) : 0));
  const transform = scene.bounds ? fitView(scene.bounds, area) : fitAll(scene, area, s, labelWidths, edgeLabelWidths);
  const placed: Placed[] = scene.nodes.map((n) => ({ x: transform.offsetX + transform.scale * n.x, y: transform.offsetY - transform.scale * n.y, r: Math.max(0, n.size) * s }));
  // In a view, a node whose disc and label lie wholly outside it is left out (its edges stay, clipped).
  const inside = placed.map((p, i) => !scene.bounds || (p.x + p.r + labelWidths[i]! + LABEL_GAP * s >= area.x && p.x - p.r <= area.x + area.width && p.y + Math.max(p.r, labelSize) >= area.y && p.y - Math.max(p.r, labelSize) <= area.y + area.height));

  const spots: LabelSpot[] = [];
  scene.nodes.forEach((_, i) => {
    if (labels[i] && inside[i]) spots.push({ key: String(i), text: labels[i]!, x: placed[i]!.x, y: placed[i]!.y, radius: placed[i]!.r, width: labelWidths[i]! });
  });
  const chosen = options.placeLabels?.(spots, area, { fontSize: labelSize, gap: LABEL_GAP * s, halo: HALO * s }) ?? new Map<string, { textX: number; textY: number }>();
  // Right of the node and centred on it, as sigma draws labels, unless placed elsewhere.
  const labelAt = spots.map((spot) => chosen.get(spot.key) ?? { textX: spot.x + spot.radius + LABEL_GAP * s, textY: spot.y });
  if (!scene.bounds) {
    // The fit made room for every label on the right; labels placed elsewhere leave part of it
    // empty, so the drawing is centred again (moved, not scaled: it stays inside the area).
    const box = { minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity };
    const add = (x0: number, y0: number, x1: number, y1: number) => {
      box.minX = Math.min(box.minX, x0);
      box.minY = Math.min(box.minY, y0);
      box.maxX = Math.max(box.maxX, x1);
      box.maxY = Math.max(box.maxY, y1);
    };
    for (const p of placed) add(p.x - p.r, p.y - p.r, p.x + p.r, p.y + p.r);
    const half = labelSize / 2 + HALO * s;
    spots.forEach((spot, i) => add(labelAt[i]!.textX - HALO * s, labelAt[i]!.textY - half, labelAt[i]!.textX + spot.width + HALO * s, labelAt[i]!.textY + half));
    scene.edges.forEach((e, i) => {
      const a = placed[e.source];
      const b = placed[e.target];
      if (!a || !b || !(e.curvature || edgeLabelWidths[i])) return;
      const c = controlPoint(a, b, e.curvature);
      const mid = bezier(a, c, b, 0.5);
      const reach = edgeLabelWidths[i] ? edgeLabelWidths[i]! / 2 + edgeLabelSize : e.size * s;
      add(mid.x - reach, mid.y - reach, mid.x + reach, mid.y + reach);
    });
    const dx = Math.max(area.x - box.minX, Math.min(area.x + area.width - box.maxX, area.x + (area.width - (box.maxX - box.minX)) / 2 - box.minX));
    const dy = Math.max(area.y - box.minY, Math.min(area.y + area.height - box.maxY, area.y + (area.height - (box.maxY - box.minY)) / 2 - box.minY));
    if (Number.isFinite(dx) && Number.isFinite(dy)) {
      for (const p of placed) [p.x, p.y] = [p.x + dx, p.y + dy];
      for (const at of labelAt) [at.textX, at.textY] = [at.textX + dx, at.textY + dy];
    }
  }

  out.push(
    '<?xml version="1.0" encoding="UTF-8"?>\n',
    `<svg xmlns="http://www.w3.org/2000/svg" width="${num(width)}" height="${num(height)}" viewBox="0 0 ${num(width)} ${num(height)}" font-family="${escapeAttr(IMAGE_FONT)}">\n`,
  );
  if (title) out.push(`<title>${text(title)}</title>\n`);
  if (palette.background) out.push(`<rect width="100%" height="100%" fill="${escapeAttr(palette.background)}"/>\n`);
  out.push(`<defs><clipPath id="graph-area"><rect x="${num(area.x)}" y="${num(area.y)}" width="${num(area.width)}" height="${num(area.height)}"/></clipPath></defs>\n`);
  // Clipped to the graph area: in a view of part of the graph, what lies beyond stays out of the bands.
  out.push('<g clip-path="url(#graph-area)">\n<g class="edges" fill="none" stroke-linecap="round">\n');
  const labelled: { text: string; x: number; y: number; angle: number }[] = [];
  scene.edges.forEach((e, i) => {
    const a = placed[e.source];
    const b = placed[e.target];
    if (!a || !b || (a.x === b.x && a.y === b.y)) return;
    const stroke = escapeAttr(colour(e.color, palette.edge));
    const w = Math.max(0.5, e.size * s);
    const c = e.curvature ? controlPoint(a, b, e.curvature) : null;
    out.push(c ? `<path d="M${num(a.x)} ${num(a.y)}Q${num(c.x)} ${num(c.y)} ${num(b.x)} ${num(b.y)}" stroke="${stroke}" stroke-width="${num(w)}"/>\n` : `<path d="M${num(a.x)} ${num(a.y)}L${num(b.x)} ${num(b.y)}" stroke="${stroke}" stroke-width="${num(w)}"/>\n`);
    if (e.arrow) out.push(arrowHead(a, b, c, w, stroke));
    if (edgeLabels[i]) {
      const mid = c ? bezier(a, c, b, 0.5) : { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
      let angle = (Math.atan2(b.y - a.y, b.x - a.x) * 180) / Math.PI;
      // Read left to right, whichever way the arrow points.
      if (angle > 90) angle -= 180;
      else if (angle < -90) angle += 180;
      labelled.push({ text: edgeLabels[i]!, x: mid.x, y: mid.y, angle });
    }
  });
  out.push('</g>\n<g class="nodes">\n');
  scene.nodes.forEach((n, i) => {
    const p = placed[i]!;
    if (inside[i]) out.push(`<circle cx="${num(p.x)}" cy="${num(p.y)}" r="${num(p.r)}" fill="${escapeAttr(colour(n.color, '#888888'))}"/>\n`);
  });
  const halo = `stroke="${escapeAttr(palette.halo)}" stroke-width="${num(HALO * s)}" stroke-linejoin="round" paint-order="stroke"`;
  out.push(`</g>\n<g class="edge-labels" font-size="${num(edgeLabelSize)}" fill="${escapeAttr(palette.edgeLabel)}" ${halo} text-anchor="middle">\n`);
  for (const l of labelled) {
    out.push(`<text x="${num(l.x)}" y="${num(l.y + edgeLabelSize * 0.35)}" transform="rotate(${num(l.angle)} ${num(l.x)} ${num(l.y)})">${text(l.text)}</text>\n`);
  }
  out.push(`</g>\n<g class="node-labels" font-size="${num(labelSize)}" fill="${escapeAttr(palette.label)}" ${halo}>\n`);
  spots.forEach((spot, i) => {
    // The baseline is set by hand: dominant-baseline is not drawn alike by every SVG viewer.
    out.push(`<text x="${num(labelAt[i]!.textX)}" y="${num(labelAt[i]!.textY + labelSize * 0.35)}">${text(spot.text)}</text>\n`);
  });
  out.push('</g>\n</g>\n');
  if (title) out.push(`<text class="title" x="${num(margin)}" y="${num(margin + titleSize)}" font-size="${num(titleSize)}" font-weight="600" fill="${escapeAttr(palette.title)}" ${halo}>${text(title)}</text>\n`);
  if (legend.height) {
    const top = height - margin - legend.height;
    out.push(`<g class="legend" font-size="${num(legend.size)}" fill="${escapeAttr(palette.legend)}">\n`);
    for (const item of legend.items) {
      const cy = top + item.row * legend.rowHeight + legend.rowHeight / 2;
      out.push(`<circle cx="${num(margin + item.x + legend.swatch)}" cy="${num(cy)}" r="${num(legend.swatch)}" fill="${escapeAttr(colour(item.color, '#888888'))}"/>`);
      out.push(`<text x="${num(margin + item.x + 2 * legend.swatch + legend.gap)}" y="${num(cy + legend.size * 0.35)}" ${halo}>${text(item.label)}</text>\n`);
    }
    out.push('</g>\n');
  }
  out.push('</svg>\n');
  return out.join('');
}

/** The whole graph: every node with its label, every edge label and every curve's bend inside the area. */
function fitAll(scene: ImageScene, area: Rect, s: number, labelWidths: readonly number[], edgeLabelWidths: readonly number[]): Transform {
  const extents: Extent[] = [];
  const labelHalf = (LABEL_SIZE * s) / 2 + HALO * s;
  scene.nodes.forEach((n, i) => {
    const r = Math.max(0, n.size) * s;
    const w = labelWidths[i] ?? 0;
    const v = Math.max(r, w ? labelHalf : 0);
    extents.push({ x: n.x, y: -n.y, left: r, right: w ? r + LABEL_GAP * s + w + HALO * s : r, up: v, down: v });
  });
  scene.edges.forEach((e, i) => {
    const a = scene.nodes[e.source];
    const b = scene.nodes[e.target];
    if (!a || !b) return;
    // The middle of the curve in graph units (y down): the control point is linear in the ends,
    // so it scales with them (see controlPoint); the curve's midpoint is half way to it.
    const dx = b.x - a.x;
    const dy = -b.y + a.y;
    const mx = (a.x + b.x) / 2 + (dy * e.curvature) / 2;
    const my = -(a.y + b.y) / 2 - (dx * e.curvature) / 2;
    // A rotated label reaches at most half its width (plus its height) any way from its middle.
    const reach = edgeLabelWidths[i] ? edgeLabelWidths[i]! / 2 + EDGE_LABEL_SIZE * s : e.size * s;
    if (e.curvature || edgeLabelWidths[i]) extents.push({ x: mx, y: my, left: reach, right: reach, up: reach, down: reach });
  });
  return fitExtents(extents, area);
}

/** A camera's view: its bounds fill the area (y flipped), whatever lies outside is clipped. */
const fitView = (b: GraphBounds, area: Rect): Transform => fitBounds({ x: b.minX, y: -b.maxY, width: b.maxX - b.minX, height: b.maxY - b.minY }, area);

/** An arrow head at the target's rim, along the edge's last direction (the curve's tangent there). */
function arrowHead(a: Placed, b: Placed, c: { x: number; y: number } | null, width: number, stroke: string): string {
  let tip = { x: b.x, y: b.y };
  let from = c ?? a;
  if (c) {
    // Where the curve enters the target's disc: bisect on the curve parameter.
    let lo = 0.5;
    let hi = 1;
    for (let i = 0; i < 30; i++) {
      const mid = (lo + hi) / 2;
      const p = bezier(a, c, b, mid);
      if (Math.hypot(p.x - b.x, p.y - b.y) > b.r) lo = mid;
      else hi = mid;
    }
    tip = bezier(a, c, b, lo);
    from = bezier(a, c, b, lo - 0.01);
  } else {
    const d = Math.hypot(b.x - a.x, b.y - a.y);
    tip = { x: b.x - ((b.x - a.x) * b.r) / d, y: b.y - ((b.y - a.y) * b.r) / d };
  }
  const dx = tip.x - from.x;
  const dy = tip.y - from.y;
  const d = Math.hypot(dx, dy) || 1;
  const length = Math.max(6, width * 4);
  const half = length * 0.45;
  const ux = dx / d;
  const uy = dy / d;
  const bx = tip.x - ux * length;
  const by = tip.y - uy * length;
  return `<path d="M${num(tip.x)} ${num(tip.y)}L${num(bx - uy * half)} ${num(by + ux * half)}L${num(bx + uy * half)} ${num(by - ux * half)}Z" fill="${stroke}" stroke="none"/>\n`;
}

interface LegendLayout {
  items: { x: number; row: number; label: string; color: string }[];
  height: number;
  rowHeight: number;
  size: number;
  swatch: number;
  gap: number;
}

/** Legend entries in rows, wrapped at `width`: a swatch, its name, then the next. */
function layoutLegend(entries: readonly LegendEntry[], width: number, s: number, measure: TextMeasure): LegendLayout {
  const size = LEGEND_SIZE * s;
  const swatch = 5.5 * s;
  const gap = 6 * s;
  const spacing = 18 * s;
  const rowHeight = size * 1.7;
  const items: LegendLayout['items'] = [];
  let x = 0;
  let row = 0;
  for (const entry of entries) {
    const label = fitText(xmlChars(entry.label), Math.max(0, width - 2 * swatch - gap), size, 400, measure);
    const w = 2 * swatch + gap + measure(label, size, 400);
    if (x > 0 && x + w > width) {
      row++;
      x = 0;
    }
    items.push({ x, row, label, color: entry.color });
    x += w + spacing;
  }
  return { items, height: items.length ? (row + 1) * rowHeight : 0, rowHeight, size, swatch, gap };
}
