import { MultiDirectedGraph } from 'graphology';
import { CORPUS_SLUG, type ArticleMeta, type ArticleModel, type KgGraph, type Relation, type Vocabulary } from '../model/types.ts';
import type { CorpusModel } from './buildCorpus.ts';

export type { KgGraph };


function edgeAttributes(vocabulary: Vocabulary, relation: Relation) {
  const type = vocabulary.relations[relation.type]!;
  return { relation: relation.type, label: type.label, inverse: type.inverse, evidence: relation.evidence, qualifiers: relation.qualifiers, ...(relation.draft ? { draft: relation.draft } : {}) };
}

/** One validated article as a graphology graph. */
export function toGraph(model: ArticleModel): KgGraph {
  const graph: KgGraph = new MultiDirectedGraph();
  graph.replaceAttributes({ ...model.meta });
  for (const entity of model.entities) {
    const { id, ...attributes } = entity;
    graph.addNode(id, attributes);
  }
  // Explicit keys: graphology's generated edge keys change on every run.
  for (const relation of model.relations) graph.addDirectedEdgeWithKey(relation.id, relation.source, relation.target, edgeAttributes(model.vocabulary, relation));
  return graph;
}

/** What the corpus graph says of itself: how many articles, from whom, up to when. */
export function corpusMeta(articles: ArticleMeta[]): ArticleMeta {
  const dates = articles.map((a) => a.date).sort();
  return {
    slug: CORPUS_SLUG,
    title: `${articles.length} articles`,
    publisher: [...new Set(articles.map((a) => a.publisher))].join('; '),
    dateline: '',
    date: dates[dates.length - 1] ?? '',
  };
}

/**
 * The whole corpus as one graph: an entity is one node, with the mentions and the names of every
 * article that names it; a relation is one edge per article that states it, keyed
 * `<article>:<relation id>` (ids are unique within an article) and carrying its article.
 */
export function toCorpusGraph(corpus: CorpusModel): KgGraph {
  const graph: KgGraph = new MultiDirectedGraph();
  graph.replaceAttributes(corpusMeta(corpus.articles.map((a) => a.meta)));
  for (const { meta, entities } of corpus.articles) {
    for (const { id, mentions, ...entity } of entities) {
      const here = mentions.map((m) => ({ ...m, article: meta.slug }));
      if (!graph.hasNode(id)) graph.addNode(id, { ...entity, mentions: here, articles: [meta.slug] });
      else {
        graph.updateNodeAttributes(id, (a) => ({
          ...a,
          aliases: [...new Set([...a.aliases, ...entity.aliases])],
          mentions: [...a.mentions, ...here],
          articles: [...(a.articles ?? []), meta.slug],
        }));
      }
    }
  }
  for (const { meta, relations } of corpus.articles) {
    for (const relation of relations) {
      graph.addDirectedEdgeWithKey(`${meta.slug}:${relation.id}`, relation.source, relation.target, { ...edgeAttributes(corpus.vocabulary, relation), article: meta.slug });
    }
  }
  return graph;
}
