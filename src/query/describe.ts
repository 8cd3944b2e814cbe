import type { KgGraph, EntityType, Scalar, Span } from '../model/types.ts';

export interface EntitySummary {
  id: string;
  label: string;
  type: EntityType;
}

/** One relation seen from one of its ends: `label` reads from that end (inverse when incoming). */
export interface RelationView {
  id: string;
  relation: string;
  direction: 'out' | 'in';
  label: string;
  source: string;
  target: string;
  other: EntitySummary;
  evidence: Span;
  qualifiers: Record<string, Scalar>;
  /** In a corpus graph: the article that states it, whose text the evidence offsets are in. */
  article?: string;
}

export function summary(graph: KgGraph, id: string): EntitySummary {
  const { label, type } = graph.getNodeAttributes(id);
  return { id, label, type };
}

export function viewFrom(graph: KgGraph, from: string, edge: string): RelationView {
  const attributes = graph.getEdgeAttributes(edge);
  const source = graph.source(edge);
  const target = graph.target(edge);
  const out = source === from;
  return {
    id: edge,
    relation: attributes.relation,
    direction: out ? 'out' : 'in',
    label: out ? attributes.label : attributes.inverse,
    source,
    target,
    other: summary(graph, out ? target : source),
    evidence: attributes.evidence,
    qualifiers: attributes.qualifiers,
    ...(attributes.article === undefined ? {} : { article: attributes.article }),
  };
}
