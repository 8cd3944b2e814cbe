import { own } from '../model/own.ts';
import type { KgGraph, Scalar, Vocabulary } from '../model/types.ts';

/** Finds the entities that typed values name: an `entity`-typed qualifier or attribute holds an entity's id. */
export function valueEntities(graph: KgGraph, vocabulary: Vocabulary) {
  const entity = (type: string | undefined, value: Scalar) => (type === 'entity' && typeof value === 'string' && graph.hasNode(value) ? value : undefined);
  return {
    /** The id of the entity a relation's qualifier names, or undefined when it names none. */
    qualifier: (relation: string, name: string, value: Scalar) => entity(own(own(vocabulary.relations, relation)?.qualifiers, name), value),
    /** The id of the entity an entity's attribute names, or undefined. */
    attribute: (name: string, value: Scalar) => entity(own(vocabulary.attributes, name), value),
  };
}

/** Renders typed values for people: an `entity`-typed qualifier or attribute shows its label, not its id. */
export function valueLabeller(graph: KgGraph, vocabulary: Vocabulary) {
  const entities = valueEntities(graph, vocabulary);
  const label = (id: string | undefined, value: Scalar) => (id === undefined ? String(value) : graph.getNodeAttribute(id, 'label'));
  return {
    qualifier: (relation: string, name: string, value: Scalar) => label(entities.qualifier(relation, name, value), value),
    attribute: (name: string, value: Scalar) => label(entities.attribute(name, value), value),
  };
}
export type ValueLabeller = ReturnType<typeof valueLabeller>;
