import { compareText } from './compare.ts';
import { connectedComponents } from 'graphology-components';
import { density } from 'graphology-metrics/graph/density.js';
import type { KgGraph } from '../model/types.ts';
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

const countBy = (values: string[]) =>
  Object.fromEntries(
    [...values.reduce((m, v) => m.set(v, (m.get(v) ?? 0) + 1), new Map<string, number>())].sort((a, b) => b[1] - a[1] || compareText(a[0], b[0])),
  );

/** Counts by type, the most connected entities and the connected components. */
export function stats(graph: KgGraph, top = 5): GraphStats {
  const meta = graph.getAttributes();
  const components = connectedComponents(graph).map((c) => c.length).sort((a, b) => b - a);
  return {
    article: { slug: meta.slug, title: meta.title, date: meta.date },
    entities: graph.order,
    relations: graph.size,
    entitiesByType: countBy(graph.mapNodes((_, a) => a.type)),
    relationsByType: countBy(graph.mapEdges((_, a) => a.relation)),
    mostConnected: graph
      .mapNodes((id) => ({ ...summary(graph, id), degree: graph.degree(id) }))
      .sort((a, b) => b.degree - a.degree || compareText(a.label, b.label))
      .slice(0, top),
    components: { count: components.length, sizes: components },
    density: Math.round(density(graph) * 10000) / 10000,
  };
}
