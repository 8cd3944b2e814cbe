import type { Attributes } from 'graphology-types';
import type Sigma from 'sigma';
import type { EdgeLabelDrawingFunction, EdgeProgramType } from 'sigma/rendering';
import type { Settings } from 'sigma/settings';

/** A label's footprint on screen: a rectangle centred at (x, y), turned by `angle` (radians). */
export interface LabelBox {
  x: number;
  y: number;
  halfWidth: number;
  halfHeight: number;
  angle: number;
}

interface Point {
  x: number;
  y: number;
  size: number;
}

/** Room kept between two labels, in pixels, so that neighbours still read as two. */
const GAP = 2;
/** Sigma's own curvature when an edge gives none (@sigma/edge-curve DEFAULT_EDGE_CURVATURE). */
const DEFAULT_CURVATURE = 0.25;

/** Whether two turned rectangles overlap (separating axis test: four axes, two per rectangle). */
export function boxesOverlap(a: LabelBox, b: LabelBox): boolean {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  for (const axis of [a.angle, a.angle + Math.PI / 2, b.angle, b.angle + Math.PI / 2]) {
    const ux = Math.cos(axis);
    const uy = Math.sin(axis);
    const reach = (box: LabelBox) => (box.halfWidth + GAP / 2) * Math.abs(Math.cos(box.angle - axis)) + (box.halfHeight + GAP / 2) * Math.abs(Math.sin(box.angle - axis));
    if (Math.abs(dx * ux + dy * uy) > reach(a) + reach(b)) return false;
  }
  return true;
}

/**
 * Where sigma's straight-edge drawer (drawStraightEdgeLabel) puts a label `width` pixels wide:
 * centred between the two node rims, turned with the edge and kept upright, just below the line.
 * Null when the label does not fit between the rims: it is left out rather than cut to "inv…".
 */
export function straightLabelBox(source: Point, target: Point, width: number, fontSize: number, edgeSize: number): LabelBox | null {
  const dx = target.x - source.x;
  const dy = target.y - source.y;
  const length = Math.hypot(dx, dy);
  if (length - source.size - target.size < width) return null;
  const rim = (p: Point, sign: number) => ({ x: p.x + (sign * dx * p.size) / length, y: p.y + (sign * dy * p.size) / length });
  const from = rim(source, 1);
  const to = rim(target, -1);
  // The same upright angle as the drawer's.
  let angle: number;
  if (dx > 0) angle = dy > 0 ? Math.acos(dx / length) : Math.asin(dy / length);
  else angle = dy > 0 ? Math.acos(dx / length) + Math.PI : Math.asin(dx / length) + Math.PI / 2;
  // Text sits below the line, from edgeSize / 2 down to about a font size further.
  const below = edgeSize / 2 + fontSize * 0.6;
  return {
    x: (from.x + to.x) / 2 - below * Math.sin(angle),
    y: (from.y + to.y) / 2 + below * Math.cos(angle),
    halfWidth: width / 2,
    halfHeight: fontSize * 0.6,
    angle,
  };
}

/**
 * Where @sigma/edge-curve's drawer (createDrawCurvedEdgeLabel) puts a label: along the curve,
 * a little off it, kept upright. The rectangle follows the chord and is as tall as the text plus
 * how far the curve bends away from the chord under it. Null when the label does not fit.
 */
export function curvedLabelBox(source: Point, target: Point, width: number, fontSize: number, edgeSize: number, curvature: number): LabelBox | null {
  const ltr = source.x < target.x;
  const [s, t] = ltr ? [source, target] : [target, source];
  const dx = t.x - s.x;
  const dy = t.y - s.y;
  const length = Math.hypot(dx, dy);
  if (length === 0) return null;
  const orientation = ltr ? 1 : -1;
  const offset = edgeSize * 0.7 + 5;
  // The drawer's curve: its control point pushed away from the chord, both ends and the control point moved off it by `offset`.
  const normal = { x: dy / length, y: -dx / length };
  const anchor = { x: (s.x + t.x) / 2 + dy * curvature * orientation + offset * normal.x, y: (s.y + t.y) / 2 - dx * curvature * orientation + offset * normal.y };
  const middle = { x: 0.25 * s.x + 0.5 * anchor.x + 0.25 * t.x, y: 0.25 * s.y + 0.5 * anchor.y + 0.25 * t.y };
  // Arc length of a parabola of sag s over chord c: c (1 + 8/3 (s/c)²), with s = curvature × c / 2.
  const curveLength = length * (1 + (2 / 3) * curvature ** 2);
  const room = curveLength - source.size - target.size;
  const stretched = width * (1 + curvature * 0.35);
  if (room < stretched) return null;
  const sag = Math.abs(curvature) * length * 0.5;
  const bend = sag * (stretched / curveLength) ** 2;
  const angle = Math.atan2(dy, dx);
  // Glyphs stand on the curve: their middle is half a font size on the far side of it from the chord.
  return {
    x: middle.x + normal.x * fontSize * 0.4,
    y: middle.y + normal.y * fontSize * 0.4,
    halfWidth: stretched / 2,
    halfHeight: fontSize * 0.6 + bend,
    angle,
  };
}

/** The axis-aligned square cells a box's bounds touch, for a grid of `cell` pixels. */
function cellsOf(box: LabelBox, cell: number): string[] {
  const rx = box.halfWidth * Math.abs(Math.cos(box.angle)) + box.halfHeight * Math.abs(Math.sin(box.angle)) + GAP;
  const ry = box.halfWidth * Math.abs(Math.sin(box.angle)) + box.halfHeight * Math.abs(Math.cos(box.angle)) + GAP;
  const keys: string[] = [];
  for (let i = Math.floor((box.x - rx) / cell); i <= Math.floor((box.x + rx) / cell); i++) {
    for (let j = Math.floor((box.y - ry) / cell); j <= Math.floor((box.y + ry) / cell); j++) keys.push(`${i},${j}`);
  }
  return keys;
}

/** Pixels per grid cell: about a label's length, so that a box lands in few cells. */
const CELL = 96;

/**
 * The labels drawn so far in a pass, in a grid of cells: a new box is tested against the boxes
 * in the cells it touches, not against every label drawn (zoomed in on a large graph, thousands).
 */
function createPlaced() {
  const grid = new Map<string, LabelBox[]>();
  const list: { edge: string; box: LabelBox }[] = [];
  return {
    list,
    free: (box: LabelBox) => cellsOf(box, CELL).every((key) => !(grid.get(key) ?? []).some((other) => boxesOverlap(other, box))),
    add(edge: string, box: LabelBox): void {
      list.push({ edge, box });
      for (const key of cellsOf(box, CELL)) {
        const cell = grid.get(key);
        if (cell) cell.push(box);
        else grid.set(key, [box]);
      }
    },
  };
}

type Shape = 'straight' | 'curved';
type Drawer = EdgeLabelDrawingFunction<Attributes, Attributes, Attributes>;

/**
 * Edge labels that never overlap one another. Each label sigma asks to draw is given a box
 * first; one that would overlap a label already drawn in the same pass, or does not fit along
 * its edge, is left out. Sigma draws the labels of a pass one after the other, in one task, so a
 * pass ends with that task (a microtask) or when the next render begins.
 */
export function createEdgeLabelLayout() {
  let pass = createPlaced();
  let last: readonly { edge: string; box: LabelBox }[] = [];
  let ending = false;
  const endPass = () => {
    last = pass.list;
    pass = createPlaced();
    ending = false;
  };

  const wrap =
    (draw: Drawer, shape: Shape): Drawer =>
    (context, edge, source, target, settings) => {
      if (!edge.label) return;
      if (!ending) {
        ending = true;
        queueMicrotask(endPass);
      }
      context.font = `${settings.edgeLabelWeight} ${settings.edgeLabelSize}px ${settings.edgeLabelFont}`;
      const width = context.measureText(edge.label).width;
      const curvature = typeof edge.curvature === 'number' && edge.curvature !== 0 ? edge.curvature : DEFAULT_CURVATURE;
      const box =
        shape === 'curved'
          ? curvedLabelBox(source, target, width, settings.edgeLabelSize, edge.size, curvature)
          : straightLabelBox(source, target, width, settings.edgeLabelSize, edge.size);
      if (!box || !pass.free(box)) return;
      pass.add(String((edge as { key?: unknown }).key ?? ''), box);
      draw(context, edge, source, target, settings);
    };

  /** An edge program whose own label drawer (a curved edge's) goes through the layout. */
  const program = (Program: EdgeProgramType): EdgeProgramType =>
    class extends Program {
      constructor(...args: ConstructorParameters<EdgeProgramType>) {
        super(...args);
        if (this.drawLabel) this.drawLabel = wrap(this.drawLabel, 'curved');
      }
    };

  /** Sigma settings whose edge labels (the default drawer's and each program's own) go through the layout. */
  const settingsFor = (drawer: Drawer, programs: Record<string, EdgeProgramType>): Pick<Settings, 'defaultDrawEdgeLabel' | 'edgeProgramClasses'> => ({
    defaultDrawEdgeLabel: wrap(drawer, 'straight'),
    edgeProgramClasses: Object.fromEntries(Object.entries(programs).map(([type, P]) => [type, program(P)])),
  });

  return {
    /** A label drawer (sigma's signature) that draws only what keeps clear of the labels already drawn in the pass. */
    wrap,
    /**
     * The settings to give sigma's constructor: its edge programs are built once (set later,
     * every program's shaders would be compiled again). Then `listen` to the renderer.
     */
    settings: settingsFor,
    listen(renderer: Sigma): void {
      renderer.on('beforeRender', endPass);
    },

    /** The labels the latest pass drew, and where (for tests and benchmarks). */
    drawn: (): readonly { edge: string; box: LabelBox }[] => last,
  };
}
export type EdgeLabelLayout = ReturnType<typeof createEdgeLabelLayout>;
