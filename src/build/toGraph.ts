import { MultiDirectedGraph } from 'graphology';
import type { ArticleModel, KgEdgeAttributes, KgGraphAttributes, KgNodeAttributes } from '../model/types.ts';

export type KgGraph = MultiDirectedGraph<KgNodeAttributes, KgEdgeAttributes, KgGraphAttributes>;

/** The validated model as a graphology graph: entity ids are node keys, relation ids edge keys. */
export function toGraph(model: ArticleModel): KgGraph {
  const graph: KgGraph = new MultiDirectedGraph();
  graph.replaceAttributes({ ...model.meta });
  for (const entity of model.entities) {
    const { id, ...attributes } = entity;
    graph.addNode(id, attributes);
  }
  for (const relation of model.relations) {
    const type = model.vocabulary.relations[relation.type]!;
    // Explicit keys: graphology's generated edge keys change on every run.
    graph.addDirectedEdgeWithKey(relation.id, relation.source, relation.target, {
      relation: relation.type,
      label: type.label,
      inverse: type.inverse,
      evidence: relation.evidence,
      qualifiers: relation.qualifiers,
    });
  }
  return graph;
}
