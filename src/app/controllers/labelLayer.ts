import type Sigma from 'sigma';
import type { NodeHoverDrawingFunction, NodeLabelDrawingFunction } from 'sigma/rendering';
import type { Settings } from 'sigma/settings';
import type { CanvasPalette } from '../view/canvasPalette.ts';
import type { Rect } from '../view/framing.ts';
import { placeLabels, type LabelCandidate, type NodeDisc, type PlacedLabel } from '../view/labelPlacement.ts';

export interface LabelLayerOptions {
  palette: () => CanvasPalette;
  /** The pane's background: the halo around every label, so text stays readable over edges. */
  halo: () => string;
  /** Overlays over the graph, in the container's pixels: no label goes under one. */
  blocked: () => Rect[];
  selected: () => string | null;
  /**
   * Whether every visible node keeps labels off itself. On large graphs only the label
   * candidates sigma's grid picks are checked, so a frame does not visit every node.
   */
  allNodes: boolean;
}

/** Longest label drawn in full, by rank (selection, forced, others); the rest is cut with an ellipsis. */
const MAX_WIDTH = [360, 300, 190] as const;
const GAP = 3;
const HALO = 2;
const FORCED_RANK = 2;

const fontOf = (s: Pick<Settings, 'labelWeight' | 'labelSize' | 'labelFont'>) => `${s.labelWeight} ${s.labelSize}px ${s.labelFont}`;

/** `text`, cut with an ellipsis to fit `max` pixels (binary search on its length). */
function fitText(context: CanvasRenderingContext2D, text: string, max: number): { text: string; width: number } {
  const full = context.measureText(text).width;
  if (full <= max) return { text, width: full };
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (context.measureText(`${text.slice(0, mid).trimEnd()}…`).width <= max) lo = mid;
    else hi = mid - 1;
  }
  const cut = `${text.slice(0, lo).trimEnd()}…`;
  return { text: cut, width: context.measureText(cut).width };
}

/**
 * Wraps a sigma text drawer so that every string it fills is first stroked in the halo colour:
 * edge labels stay readable where they cross an edge or a node. Two passes (all halos, then all
 * text) so that the halo of one character never covers the previous one.
 */
export function withHalo<A extends unknown[]>(draw: (context: CanvasRenderingContext2D, ...rest: A) => void, colour: () => string) {
  return (context: CanvasRenderingContext2D, ...rest: A): void => {
    context.fillText = (text: string, x: number, y: number) => {
      context.lineWidth = 2 * HALO;
      context.lineJoin = 'round';
      context.strokeStyle = colour();
      context.strokeText(text, x, y);
    };
    try {
      draw(context, ...rest);
    } finally {
      // Back to the prototype's fillText.
      Reflect.deleteProperty(context, 'fillText');
    }
    draw(context, ...rest);
  };
}

/**
 * Node labels laid out per frame instead of drawn one by one: sigma hands each candidate label
 * to `drawLabel`, which only collects it; once sigma's render returns (a microtask, still before
 * the browser paints), the labels are placed together by rank (see placeLabels) and drawn with a
 * halo. Hovered and selected nodes get a box in the theme's colours, on the side their label took.
 */
export function createLabelLayer(options: LabelLayerOptions) {
  let renderer: Sigma | null = null;
  let context: CanvasRenderingContext2D | null = null;
  let candidates: { key: string; x: number; y: number; size: number; label: string; forced: boolean }[] = [];
  let scheduled = false;
  let placed: PlacedLabel[] = [];
  let placedByKey = new Map<string, PlacedLabel>();
  // Sigma draws hover boxes in the same render as labels, before they are placed: the side each box took.
  const hoverSides = new Map<string, PlacedLabel['side'] | undefined>();

  // Measuring is most of a frame's label work, and labels rarely change: cached per font, text and room.
  let cacheFont = '';
  const measured = new Map<string, { text: string; width: number }>();
  function fitted(ctx: CanvasRenderingContext2D, text: string, max: number): { text: string; width: number } {
    if (ctx.font !== cacheFont) {
      measured.clear();
      cacheFont = ctx.font;
    }
    const key = `${max}\u0000${text}`;
    let fit = measured.get(key);
    if (!fit) {
      fit = fitText(ctx, text, max);
      measured.set(key, fit);
    }
    return fit;
  }

  const rankOf = (key: string, forced: boolean) => (key === options.selected() ? 0 : forced ? 1 : FORCED_RANK);

  function discs(): NodeDisc[] {
    if (!renderer) return [];
    if (!options.allNodes) return candidates.map((c) => ({ key: c.key, x: c.x, y: c.y, radius: c.size + 1 }));
    const { width, height } = renderer.getDimensions();
    const out: NodeDisc[] = [];
    const r = renderer;
    r.getGraph().forEachNode((key) => {
      const d = r.getNodeDisplayData(key);
      if (!d || d.hidden) return;
      const { x, y } = r.framedGraphToViewport(d);
      const radius = r.scaleSize(d.size) + 1;
      if (x + radius < 0 || y + radius < 0 || x - radius > width || y - radius > height) return;
      out.push({ key, x, y, radius, soft: (d as { dimmed?: boolean }).dimmed === true });
    });
    return out;
  }

  function flush(): void {
    scheduled = false;
    if (!renderer || !context) return;
    const settings = renderer.getSettings();
    const palette = options.palette();
    const ctx = context;
    ctx.save();
    ctx.font = fontOf(settings);
    const list: LabelCandidate[] = candidates.map((c) => {
      const rank = rankOf(c.key, c.forced);
      const { text, width } = fitted(ctx, c.label, MAX_WIDTH[rank as 0 | 1 | 2]);
      return { key: c.key, x: c.x, y: c.y, radius: c.size, text, width, rank };
    });
    const { width, height } = renderer.getDimensions();
    placed = placeLabels(list, discs(), { x: 0, y: 0, width, height }, options.blocked(), { fontSize: settings.labelSize, gap: GAP, halo: HALO, forcedRank: FORCED_RANK });
    placedByKey = new Map(placed.map((p) => [p.key, p]));
    // A box drawn beside where its label has now gone: draw again (the placement is the same next time).
    const moved = [...hoverSides].some(([key, side]) => placedByKey.get(key)?.side !== side);
    hoverSides.clear();
    if (moved) renderer.scheduleRender();
    ctx.textBaseline = 'middle';
    ctx.lineJoin = 'round';
    ctx.lineWidth = 2 * HALO;
    ctx.strokeStyle = options.halo();
    ctx.fillStyle = palette.label;
    for (const p of placed) ctx.strokeText(p.text, p.textX, p.textY);
    for (const p of placed) ctx.fillText(p.text, p.textX, p.textY);
    ctx.restore();
  }

  const drawLabel: NodeLabelDrawingFunction = (ctx, data, settings) => {
    if (!data.label) return;
    // Another renderer with these settings (@sigma/export-image's, for a PNG) reads its canvas as
    // soon as it has drawn: its labels are drawn at once, beside their nodes, as sigma would.
    if (!renderer || ctx.canvas !== renderer.getCanvases().labels) {
      ctx.save();
      ctx.font = fontOf(settings);
      ctx.textBaseline = 'middle';
      ctx.lineJoin = 'round';
      ctx.lineWidth = 2 * HALO;
      ctx.strokeStyle = options.halo();
      ctx.fillStyle = options.palette().label;
      ctx.strokeText(data.label, data.x + data.size + GAP, data.y);
      ctx.fillText(data.label, data.x + data.size + GAP, data.y);
      ctx.restore();
      return;
    }
    context = ctx;
    candidates.push({ key: String(data.key), x: data.x, y: data.y, size: data.size, label: data.label, forced: data.forceLabel === true });
    if (!scheduled) {
      scheduled = true;
      queueMicrotask(flush);
    }
  };

  const drawHover: NodeHoverDrawingFunction = (ctx, data, settings) => {
    const palette = options.palette();
    const size = settings.labelSize;
    ctx.save();
    ctx.font = fontOf(settings);
    ctx.shadowColor = palette.hoverShadow;
    ctx.shadowBlur = 8;
    ctx.fillStyle = palette.hoverBox;
    ctx.beginPath();
    ctx.arc(data.x, data.y, data.size + 2, 0, Math.PI * 2);
    ctx.fill();
    if (data.label) {
      const textWidth = ctx.measureText(data.label).width;
      const { width } = renderer?.getDimensions() ?? { width: Infinity };
      const at = placedByKey.get(String(data.key));
      hoverSides.set(String(data.key), at?.side);
      const height = size * 1.25 + 2 * HALO;
      let x: number;
      let middle = data.y;
      if (at) {
        // Where the label was placed, grown to the whole text from its end nearest the node.
        middle = at.textY;
        if (at.side.endsWith('left')) x = at.textX + at.width - textWidth;
        else if (at.side === 'below' || at.side === 'above') x = at.textX + at.width / 2 - textWidth / 2;
        else x = at.textX;
      } else if (data.x + data.size + GAP + textWidth > width) x = data.x - data.size - GAP - textWidth;
      else x = data.x + data.size + GAP;
      x = Math.max(HALO, Math.min(x, width - textWidth - HALO));
      ctx.beginPath();
      ctx.roundRect(x - HALO - 2, middle - height / 2, textWidth + 2 * HALO + 4, height, 3);
      ctx.fill();
      ctx.shadowBlur = 0;
      ctx.fillStyle = palette.label;
      ctx.textBaseline = 'middle';
      ctx.fillText(data.label, x, middle);
    }
    ctx.restore();
  };

  let probe: CanvasRenderingContext2D | null | undefined;
  /** How wide a label is drawn, in pixels: forced ones (a highlighted neighbourhood) are cut later than the rest. */
  function labelWidth(text: string, forced: boolean): number {
    probe ??= document.createElement('canvas').getContext('2d');
    if (!probe || !renderer) return 0;
    probe.font = fontOf(renderer.getSettings());
    return fitted(probe, text, MAX_WIDTH[forced ? 1 : FORCED_RANK]).width;
  }

  return {
    labelWidth,
    /** Sigma settings that route label drawing here. */
    settings: { defaultDrawNodeLabel: drawLabel, defaultDrawNodeHover: drawHover } satisfies Partial<Settings>,
    attach(r: Sigma): void {
      renderer = r;
      // Labels of the frame sigma is about to draw replace those of the last one.
      r.on('beforeRender', () => {
        candidates = [];
      });
    },
    /** The labels on screen now, as placed (for tests and for the hover box). */
    placed: (): readonly PlacedLabel[] => placed,
  };
}
