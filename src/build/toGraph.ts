import { MultiDirectedGraph } from 'graphology';
import type { ArticleModel, KgGraph } from '../model/types.ts';

export type { KgGraph };

/** The validated model as a graphology graph. */
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
