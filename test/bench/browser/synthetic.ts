/**
 * A seeded synthetic graph shaped like ours (src/model/types.ts KgNodeAttributes / KgEdgeAttributes):
 * entity nodes with label, type, description, aliases, attributes, mentions and layout x/y/size/color;
 * relation edges with relation, label, inverse, evidence and qualifiers, under explicit keys.
 * Edge targets lean towards low ids, so there are hubs and some parallel edges, as in real graphs.
 */
import { MultiDirectedGraph } from 'graphology';
import type { KgGraph } from '../../../src/corpus/toGraph.ts';
import { TYPE_COLORS } from '../../../src/layout/palette.ts';
import { ENTITY_TYPES } from '../../../src/model/types.ts';
import { prng } from '../prng.ts';

const RELATIONS = [
  ['leads', 'leads', 'led by'],
  ['member_of', 'member of', 'has member'],
  ['met_with', 'met with', 'met with'],
  ['located_in', 'located in', 'location of'],
  ['attended', 'attended', 'attended by'],
  ['supports', 'supports', 'supported by'],
  ['criticised', 'criticised', 'criticised by'],
  ['about', 'about', 'subject of'],
] as const;

export function syntheticGraph(order: number, size: number, seed = 1): KgGraph {
  const rnd = prng(seed);
  const graph: KgGraph = new MultiDirectedGraph();
  graph.replaceAttributes({ slug: 'synthetic', title: 'Synthetic', publisher: 'bench', dateline: 'Nowhere', date: '2025-02-03' });
  const extent = Math.sqrt(order) * 10;
  for (let i = 0; i < order; i++) {
    const type = ENTITY_TYPES[Math.floor(rnd() * ENTITY_TYPES.length)]!;
    const label = `Entity ${i}`;
    const at = Math.floor(rnd() * 5000);
    graph.addNode(`n${i}`, {
      label,
      type,
      description: `A synthetic ${type} number ${i}, with a sentence of description like the seed article's.`,
      aliases: rnd() < 0.3 ? [`E${i}`] : [],
      attributes: rnd() < 0.5 ? { founded: 1900 + Math.floor(rnd() * 125) } : {},
      mentions: [{ start: at, end: at + label.length, text: label }],
      x: (rnd() - 0.5) * extent,
      y: (rnd() - 0.5) * extent,
      size: 3 + 9 * rnd() ** 3,
      color: TYPE_COLORS[type],
    });
  }
  for (let i = 0; i < size; i++) {
    const source = Math.floor(rnd() * order);
    let target = Math.floor(order * rnd() ** 2);
    if (target === source) target = (target + 1) % order;
    const [relation, label, inverse] = RELATIONS[Math.floor(rnd() * RELATIONS.length)]!;
    const at = Math.floor(rnd() * 5000);
    graph.addDirectedEdgeWithKey(`e${i}`, `n${source}`, `n${target}`, {
      relation,
      label,
      inverse,
      evidence: { start: at, end: at + 40, text: `Entity ${source} ${label} Entity ${target}.` },
      qualifiers: rnd() < 0.2 ? { date: '2025-02-03' } : {},
    });
  }
  return graph;
}
