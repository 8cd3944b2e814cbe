/**
 * A seeded synthetic graph shaped like ours (src/model/types.ts KgNodeAttributes / KgEdgeAttributes):
 * entity nodes with label, type, description, aliases, attributes, mentions and layout x/y/size/color;
 * relation edges with relation, label, inverse, evidence and qualifiers, under explicit keys.
 * Laid out as a force layout leaves a graph: communities of about 40 entities, each round its
 * own centre, most relations inside one and the rest to a nearby one, so edges are short, as in
 * the explorer (edges drawn across the whole view would make every frame a fill-rate test of
 * the software renderer). Inside a community targets lean towards its first members: hubs, and
 * some parallel edges, as in real graphs.
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

const COMMUNITY = 40;
/** Share of relations that leave their community (for one of the next few). */
const ACROSS = 0.1;

export function syntheticGraph(order: number, size: number, seed = 1): KgGraph {
  const rnd = prng(seed);
  const graph: KgGraph = new MultiDirectedGraph();
  graph.replaceAttributes({ slug: 'synthetic', title: 'Synthetic', publisher: 'bench', dateline: 'Nowhere', date: '2025-02-03' });
  const communities = Math.max(1, Math.ceil(order / COMMUNITY));
  // Community centres on a square grid, in rows, so that the next few communities are near.
  const side = Math.ceil(Math.sqrt(communities));
  const spacing = Math.sqrt(COMMUNITY) * 12;
  const members = (c: number) => Math.min(COMMUNITY, order - c * COMMUNITY);
  for (let i = 0; i < order; i++) {
    const type = ENTITY_TYPES[Math.floor(rnd() * ENTITY_TYPES.length)]!;
    const label = `Entity ${i}`;
    const at = Math.floor(rnd() * 5000);
    const c = Math.floor(i / COMMUNITY);
    const angle = rnd() * 2 * Math.PI;
    const radius = (spacing / 2.5) * Math.sqrt(rnd());
    graph.addNode(`n${i}`, {
      label,
      type,
      description: `A synthetic ${type} number ${i}, with a sentence of description like the seed article's.`,
      aliases: rnd() < 0.3 ? [`E${i}`] : [],
      attributes: rnd() < 0.5 ? { founded: 1900 + Math.floor(rnd() * 125) } : {},
      mentions: [{ start: at, end: at + label.length, text: label }],
      x: (c % side) * spacing + radius * Math.cos(angle),
      y: Math.floor(c / side) * spacing + radius * Math.sin(angle),
      size: 3 + 9 * rnd() ** 3,
      color: TYPE_COLORS[type],
    });
  }
  for (let i = 0; i < size; i++) {
    const source = Math.floor(rnd() * order);
    const home = Math.floor(source / COMMUNITY);
    const c = rnd() < ACROSS ? Math.min(communities - 1, home + 1 + Math.floor(rnd() * 3)) : home;
    let target = c * COMMUNITY + Math.floor(members(c) * rnd() ** 2);
    if (target === source) target = c * COMMUNITY + ((target - c * COMMUNITY + 1) % members(c));
    if (target === source) target = (source + 1) % order;
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
