import { emptyRecord } from '../model/own.ts';
import type { KgGraph, KgNodeAttributes } from '../model/types.ts';
import { viewFrom, type RelationView } from './describe.ts';
import { resolve } from './resolve.ts';

export interface EntityDetails extends Pick<KgNodeAttributes, 'label' | 'type' | 'description' | 'aliases' | 'attributes' | 'mentions'> {
  id: string;
  /** Relations grouped by how they read from this entity ("invited to", "held in"...). */
  out: Record<string, RelationView[]>;
  in: Record<string, RelationView[]>;
}

/** Everything the graph holds about one entity. */
export function show(graph: KgGraph, name: string): EntityDetails {
  const id = resolve(graph, name);
  const a = graph.getNodeAttributes(id);
  const group = (edges: string[]) => {
    const groups = emptyRecord<RelationView[]>();
    for (const edge of edges) {
      const view = viewFrom(graph, id, edge);
      (groups[view.label] ??= []).push(view);
    }
    return groups;
  };
  return {
    id,
    label: a.label,
    type: a.type,
    description: a.description,
    aliases: a.aliases,
    attributes: a.attributes,
    mentions: a.mentions,
    out: group(graph.outEdges(id)),
    in: group(graph.inEdges(id)),
  };
}
