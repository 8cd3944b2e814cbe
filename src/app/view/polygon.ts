export interface Point {
  x: number;
  y: number;
}

/**
 * Whether a point lies inside a polygon (its corners in order, closed implicitly), by the even-odd
 * rule: a ray to the right crosses the outline an odd number of times. A lasso that crosses
 * itself thus leaves its loops' overlaps out, as a drawn shape's fill does.
 */
export function insidePolygon(point: Point, polygon: readonly Point[]): boolean {
  let inside = false;
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
    const a = polygon[i]!;
    const b = polygon[j]!;
    if (a.y > point.y !== b.y > point.y && point.x < ((b.x - a.x) * (point.y - a.y)) / (b.y - a.y) + a.x) inside = !inside;
  }
  return inside;
}

/** The area a polygon encloses (shoelace formula), in its own units squared. */
export function polygonArea(polygon: readonly Point[]): number {
  let twice = 0;
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) twice += polygon[j]!.x * polygon[i]!.y - polygon[i]!.x * polygon[j]!.y;
  return Math.abs(twice) / 2;
}
