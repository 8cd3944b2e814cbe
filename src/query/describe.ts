import type { KgEdgeAttributes, KgGraph, EntityType, Scalar, Span } from '../model/types.ts';

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
  /** How it reads from this end: the relation's label going out, its inverse coming in ("awaited by"). */
  label: string;
  /** The relation's own label, which reads along the arrow from source to target, whichever end it is seen from. */
  arrowLabel: string;
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
  return relationView(graph, from, edge, graph.getEdgeAttributes(edge), graph.source(edge), graph.target(edge));
}

/**
 * The same from what a walk over a node's edges is handed already: a 4,000-relation hub looked
 * each one up again. A walk that knows the other end's summary passes it: looking up one
 * entity 4,000 times through graphology's generic attribute getter was a fifth of the query.
 */
export function relationView(graph: KgGraph, from: string, edge: string, attributes: KgEdgeAttributes, source: string, target: string, other?: EntitySummary): RelationView {
  const out = source === from;
  const view: RelationView = {
    id: edge,
    relation: attributes.relation,
    direction: out ? 'out' : 'in',
    label: out ? attributes.label : attributes.inverse,
    arrowLabel: attributes.label,
    source,
    target,
    other: other ?? summary(graph, out ? target : source),
    evidence: attributes.evidence,
    qualifiers: attributes.qualifiers,
  };
  if (attributes.article !== undefined) view.article = attributes.article;
  return view;
}

/** A relation written the way its arrow points: source, the relation's own label, target. */
export interface ArrowReading {
  source: EntitySummary;
  label: string;
  target: EntitySummary;
}

/**
 * A relation seen from `from` (one of its ends), turned back into the order its arrow shows, so
 * that reading along the arrow gives a true sentence: from Scholz's side, Starmer's "waited for"
 * still reads "Keir Starmer → waited for → Olaf Scholz", never "Olaf Scholz ← awaited by ← Keir Starmer".
 */
export function alongArrow(view: Pick<RelationView, 'direction' | 'arrowLabel' | 'other'>, from: EntitySummary): ArrowReading {
  return view.direction === 'out' ? { source: from, label: view.arrowLabel, target: view.other } : { source: view.other, label: view.arrowLabel, target: from };
}

/** "Keir Starmer → waited for → Olaf Scholz": the one way a relation is written as a sentence, in the CLI, the console and the explorer. */
export const arrowSentence = ({ source, label, target }: ArrowReading): string => `${source.label} → ${label} → ${target.label}`;
