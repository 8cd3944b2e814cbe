import forceAtlas2, { type ForceAtlas2Settings } from 'graphology-layout-forceatlas2';
import noverlap from 'graphology-layout-noverlap';
import { degreeCentrality } from 'graphology-metrics/centrality/degree.js';
import type { KgGraph } from '../model/types.ts';
import { TYPE_COLORS } from './palette.ts';

/** Above this many nodes no overlap removal: see layoutGraph. */
export const NOVERLAP_MAX_NODES = 500;

export interface LayoutOptions {
  /** ForceAtlas2 iterations (default 600: converged at article scale, ~40 ms). */
  iterations?: number;
}

export const LAYOUT_DEFAULTS = { iterations: 600 } as const;
export const MIN_SIZE = 5;
export const MAX_SIZE = 18;

/**
 * The ForceAtlas2 settings a user may change (Gephi's Layout panel, the ones that matter most).
 * `iterations: null` runs until stopped.
 */
export interface LayoutSettings {
  gravity: number;
  scalingRatio: number;
  /** Pulls towards the centre with a force that grows with distance, so stray parts stay in reach. */
  strongGravity: boolean;
  barnesHut: boolean;
  linLog: boolean;
  iterations: number | null;
}

/** The explorer's run of the worker stops by itself after this many iterations unless told otherwise. */
export const DEFAULT_RUN_ITERATIONS = 1000;

/** The settings the built layout uses, inferred from the graph's size: what a run starts from. */
export function defaultLayoutSettings(graph: KgGraph): LayoutSettings {
  const inferred = forceAtlas2.inferSettings(graph);
  return {
    gravity: inferred.gravity ?? 1,
    scalingRatio: inferred.scalingRatio ?? 1,
    strongGravity: inferred.strongGravityMode ?? false,
    barnesHut: inferred.barnesHutOptimize ?? false,
    linLog: false,
    iterations: DEFAULT_RUN_ITERATIONS,
  };
}

/**
 * graphology's ForceAtlas2 settings from the user's: the rest stays inferred from the graph's
 * size (slowDown), and sizes are always adjusted so that nodes, and so labels, do not overlap.
 */
export function fa2Settings(graph: KgGraph, settings: LayoutSettings = defaultLayoutSettings(graph)): ForceAtlas2Settings {
  return {
    ...forceAtlas2.inferSettings(graph),
    gravity: settings.gravity,
    scalingRatio: settings.scalingRatio,
    strongGravityMode: settings.strongGravity,
    barnesHutOptimize: settings.barnesHut,
    linLogMode: settings.linLog,
    adjustSizes: true,
  };
}

/**
 * A 32-bit hash of a string (FNV-1a): seeds each node's start from its own id, so the picture
 * depends on the data only, not on node order or a random generator.
 */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Deterministic start positions on a disc, from each node's id. */
export function seedPositions(graph: KgGraph): void {
  graph.updateEachNodeAttributes((id, a) => {
    const h = hashString(id);
    const angle = ((h & 0xffff) / 0x10000) * 2 * Math.PI;
    const radius = 10 * Math.sqrt((h >>> 16) / 0x10000);
    return { ...a, x: radius * Math.cos(angle), y: radius * Math.sin(angle) };
  });
}

/** Colour by entity type, size by degree centrality (square root, so hubs do not swamp the picture). */
export function applyAppearance(graph: KgGraph): void {
  const centrality = degreeCentrality(graph);
  const max = Math.max(0, ...Object.values(centrality).filter(Number.isFinite));
  // A lone node has no defined centrality (0 / 0): it gets the smallest size.
  const share = (id: string) => (max > 0 && Number.isFinite(centrality[id]) ? centrality[id]! / max : 0);
  graph.updateEachNodeAttributes((id, a) => ({
    ...a,
    color: TYPE_COLORS[a.type],
    size: MIN_SIZE + (MAX_SIZE - MIN_SIZE) * Math.sqrt(share(id)),
  }));
}

/**
 * Lays the graph out in place: seeded start, ForceAtlas2 for a fixed number of iterations with
 * settings inferred from its size, then noverlap so nodes (and so labels) do not sit on each other.
 * The same data always gives the same positions.
 */
export function layoutGraph(graph: KgGraph, options: LayoutOptions = {}): void {
  const iterations = options.iterations ?? LAYOUT_DEFAULTS.iterations;
  applyAppearance(graph);
  seedPositions(graph);
  forceAtlas2.assign(graph, { iterations, settings: fa2Settings(graph) });
  // noverlap compares nodes pair by pair within its grid cells: past a few thousand nodes it ran for
  // minutes (an opened 5,000-node file never appeared) or overflowed a Set, and at that size sigma's
  // label grid keeps labels apart anyway.
  if (graph.order <= NOVERLAP_MAX_NODES) noverlap.assign(graph, { maxIterations: 200, settings: { margin: 2, ratio: 1.2 } });
  // Round to keep exports small and byte-stable; 1e-3 is far below a pixel.
  graph.updateEachNodeAttributes((_, a) => ({ ...a, x: Math.round(a.x! * 1000) / 1000, y: Math.round(a.y! * 1000) / 1000 }));
}
