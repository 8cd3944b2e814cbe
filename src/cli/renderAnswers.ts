import type { LoadedArticle } from '../corpus/built.ts';
import { neighbours } from '../query/index.ts';
import { nameIndex, type NameIndex } from '../query/nameIndex.ts';
import { formatNeighbours, graphLabels } from './format.ts';

/**
 * What the answers file (answersFile.ts) holds for a view: the name index of its entities, and
 * per entity what `kg neighbours ID` prints, by the same query and rendering, newline included.
 */
export function renderAnswers({ graph, vocabulary }: LoadedArticle): { names: NameIndex; answers: string[] } {
  const labels = graphLabels(graph, vocabulary);
  const nodes = graph.mapNodes((id, attributes) => [id, attributes] as const);
  return { names: nameIndex(nodes), answers: nodes.map(([id]) => `${formatNeighbours(neighbours(graph, id), labels)}\n`) };
}
