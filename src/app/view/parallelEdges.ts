import { DEFAULT_EDGE_CURVATURE, indexParallelEdgesIndex } from '@sigma/edge-curve';
import type Graph from 'graphology';

const AMPLITUDE = 3.5;

/** Spread parallel edges further apart the more of them there are, up to a bound (sigma's recipe). */
function curvatureOf(index: number, maxIndex: number): number {
  if (index < 0) return -curvatureOf(-index, maxIndex);
  const maxCurvature = AMPLITUDE * (1 - Math.exp(-maxIndex / AMPLITUDE)) * DEFAULT_EDGE_CURVATURE;
  return (maxCurvature * index) / maxIndex;
}

/**
 * The curvature of every edge that shares its two ends with another (either direction), so each
 * relation between the same two entities stays readable. Indexes a topology-only copy: the data
 * graph stays free of display attributes, and so do its exports.
 */
export function parallelCurvature(graph: Graph): Map<string, number> {
  const copy = graph.emptyCopy();
  graph.forEachEdge((edge, _, source, target) => copy.addDirectedEdgeWithKey(edge, source, target));
  indexParallelEdgesIndex(copy, { edgeIndexAttribute: 'index', edgeMinIndexAttribute: 'min', edgeMaxIndexAttribute: 'max' });
  const curvature = new Map<string, number>();
  copy.forEachEdge((edge, a) => {
    if (typeof a.index === 'number' && typeof a.max === 'number' && a.max > 0 && a.index !== 0) {
      curvature.set(edge, curvatureOf(a.index, a.max));
    }
  });
  return curvature;
}
