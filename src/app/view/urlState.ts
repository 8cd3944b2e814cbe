import { ENTITY_TYPES, type EntityType } from '../../model/types.ts';
import { FOCUS_DEPTHS, type FocusDepth, type Selection, type State } from '../state.ts';

/** The part of the state a link carries: article, selection, filters, focus. */
export interface UrlState {
  article?: string;
  selection: Selection | null;
  hiddenTypes: Set<EntityType>;
  hiddenRelations: Set<string>;
  hiddenArticles: Set<string>;
  focusDepth: FocusDepth;
}

/** What a hash's values are checked against: only what the view holds is kept. */
export interface Known {
  node: (id: string) => boolean;
  edge: (id: string) => boolean;
  relation: (id: string) => boolean;
  article?: (slug: string) => boolean;
}

/**
 * `#article=…&node=…&hide=topic,place&hideRel=…&focus=1`: readable, and ids are slugs. The corpus
 * view names no article, and may hide some (`hideArt=…`).
 */
export function toHash(article: string | undefined, state: Pick<State, 'selection' | 'hiddenTypes' | 'hiddenRelations' | 'focusDepth'> & Partial<Pick<State, 'hiddenArticles'>>): string {
  const params = new URLSearchParams();
  if (article !== undefined) params.set('article', article);
  if (state.selection) params.set(state.selection.kind, state.selection.id);
  if (state.hiddenTypes.size) params.set('hide', [...state.hiddenTypes].sort().join(','));
  if (state.hiddenRelations.size) params.set('hideRel', [...state.hiddenRelations].sort().join(','));
  if (state.hiddenArticles?.size) params.set('hideArt', [...state.hiddenArticles].sort().join(','));
  if (state.focusDepth) params.set('focus', String(state.focusDepth));
  return `#${params.toString()}`;
}

const paramsOf = (hash: string) => new URLSearchParams(hash.replace(/^#/, ''));

/** The article a hash names, known or not: the page decides which article that means. */
export const articleOf = (hash: string): string | undefined => paramsOf(hash).get('article') ?? undefined;

/** Reads a hash back; unknown values are dropped rather than trusted. */
export function fromHash(hash: string, exists: Known): UrlState {
  const params = paramsOf(hash);
  const list = (name: string) => (params.get(name) ?? '').split(',').filter(Boolean);
  const node = params.get('node');
  const edge = params.get('edge');
  const focus = Number(params.get('focus') ?? 0) as FocusDepth;
  return {
    article: articleOf(hash),
    selection: node && exists.node(node) ? { kind: 'node', id: node } : edge && exists.edge(edge) ? { kind: 'edge', id: edge } : null,
    hiddenTypes: new Set(list('hide').filter((t): t is EntityType => (ENTITY_TYPES as readonly string[]).includes(t))),
    hiddenRelations: new Set(list('hideRel').filter(exists.relation)),
    hiddenArticles: new Set(list('hideArt').filter((slug) => exists.article?.(slug) ?? false)),
    focusDepth: FOCUS_DEPTHS.includes(focus) ? focus : 0,
  };
}
