import { compareText } from './compare.ts';
import { connectedComponents } from 'graphology-components';
import { density } from 'graphology-metrics/graph/density.js';
import type Graph from 'graphology';
import type { KgGraph, KgGraphAttributes } from '../model/types.ts';
import { summary, type EntitySummary } from './describe.ts';

export interface GraphStats {
  article: { slug: string; title: string; date: string };
  entities: number;
  relations: number;
  entitiesByType: Record<string, number>;
  relationsByType: Record<string, number>;
  mostConnected: (EntitySummary & { degree: number })[];
  components: { count: number; sizes: number[] };
  density: number;
}

/** What the statistics are made of, however they were counted: over a graph here, in SQL by the store (src/store). */
export interface StatsParts {
  meta: KgGraphAttributes;
  entities: number;
  relations: number;
  entityTypes: Map<string, number>;
  relationTypes: Map<string, number>;
  /** Entities with their degree, in node order; any subset holding every entity that could be among the top ones. */
  degrees: (EntitySummary & { degree: number })[];
  componentSizes: number[];
  density: number;
}

const tally = (values: string[]) => values.reduce((m, v) => m.set(v, (m.get(v) ?? 0) + 1), new Map<string, number>());
const inOrder = (counts: Map<string, number>) => Object.fromEntries([...counts].sort((a, b) => b[1] - a[1] || compareText(a[0], b[0])));

/** The sizes of the connected components (arrows ignored), largest first. */
export const componentSizes = (graph: Graph): number[] => connectedComponents(graph).map((c) => c.length).sort((a, b) => b - a);

/** Counts by type, the most connected entities and the connected components. */
export function stats(graph: KgGraph, top = 5): GraphStats {
  return statsFrom({
    meta: graph.getAttributes(),
    entities: graph.order,
    relations: graph.size,
    entityTypes: tally(graph.mapNodes((_, a) => a.type)),
    relationTypes: tally(graph.mapEdges((_, a) => a.relation)),
    degrees: graph.mapNodes((id) => ({ ...summary(graph, id), degree: graph.degree(id) })),
    componentSizes: componentSizes(graph),
    density: density(graph),
  }, top);
}

/** The statistics from their parts: one ordering and rounding for every way of counting. */
export function statsFrom(parts: StatsParts, top = 5): GraphStats {
  const { meta } = parts;
  return {
    article: { slug: meta.slug, title: meta.title, date: meta.date },
    entities: parts.entities,
    relations: parts.relations,
    entitiesByType: inOrder(parts.entityTypes),
    relationsByType: inOrder(parts.relationTypes),
    mostConnected: [...parts.degrees].sort((a, b) => b.degree - a.degree || compareText(a.label, b.label)).slice(0, top),
    components: { count: parts.componentSizes.length, sizes: parts.componentSizes },
    density: Math.round(parts.density * 10000) / 10000,
  };
}
