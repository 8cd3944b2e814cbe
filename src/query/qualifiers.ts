import { own } from '../model/own.ts';
import type { KgGraph, Scalar, Vocabulary } from '../model/types.ts';

/** Renders typed values for people: an `entity`-typed qualifier or attribute shows its label, not its id. */
export function valueLabeller(graph: KgGraph, vocabulary: Vocabulary) {
  const label = (type: string | undefined, value: Scalar) =>
    type === 'entity' && typeof value === 'string' && graph.hasNode(value) ? graph.getNodeAttribute(value, 'label') : String(value);
  return {
    qualifier: (relation: string, name: string, value: Scalar) => label(own(own(vocabulary.relations, relation)?.qualifiers, name), value),
    attribute: (name: string, value: Scalar) => label(own(vocabulary.attributes, name), value),
  };
}
export type ValueLabeller = ReturnType<typeof valueLabeller>;
