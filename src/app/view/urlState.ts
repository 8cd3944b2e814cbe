import { ENTITY_TYPES, type EntityType } from '../../model/types.ts';
import { FOCUS_DEPTHS, type FocusDepth, type Selection, type State } from '../state.ts';

/**
 * Where the camera looks: the graph point (the layout's own coordinates, which no resize or
 * reframing of the pane changes) at the middle of the view, and the zoom (sigma's camera ratio:
 * 1 shows the whole graph, 0.5 twice as close).
 */
export interface CameraView {
  x: number;
  y: number;
  ratio: number;
}

/** Enough digits to put every node back on the same pixel, few enough to keep links short. */
const POSITION_DIGITS = 3;
const RATIO_DIGITS = 4;

/** The part of the state a link carries: article, selection, filters, focus, camera. */
export interface UrlState {
  article?: string;
  selection: Selection | null;
  hiddenTypes: Set<EntityType>;
  hiddenRelations: Set<string>;
  hiddenArticles: Set<string>;
  focusDepth: FocusDepth;
  /** Absent when the link names none (or one that makes no sense). */
  camera?: CameraView;
}

/** What a hash's values are checked against: only what the view holds is kept. */
export interface Known {
  node: (id: string) => boolean;
  /** Turns a name a person typed (`#node=Scholz`: a label or alias, any case) into an id, when it names one entity. */
  resolveNode?: (name: string) => string | undefined;
  edge: (id: string) => boolean;
  relation: (id: string) => boolean;
  /** The graph's entity types; without it, ours. */
  type?: (type: string) => boolean;
  article?: (slug: string) => boolean;
}

const round = (n: number, digits: number) => String(Number(n.toFixed(digits)));

/**
 * `#article=…&node=…&hide=topic,place&hideRel=…&focus=1&cam=x,y,ratio`: readable, and ids are
 * slugs. The corpus view names no article, and may hide some (`hideArt=…`). A camera at home
 * (the whole graph) is left out by the caller.
 */
export function toHash(article: string | undefined, state: Pick<State, 'selection' | 'hiddenTypes' | 'hiddenRelations' | 'focusDepth'> & Partial<Pick<State, 'hiddenArticles'>>, camera?: CameraView): string {
  const params = new URLSearchParams();
  if (article !== undefined) params.set('article', article);
  if (state.selection) params.set(state.selection.kind, state.selection.id);
  if (state.hiddenTypes.size) params.set('hide', [...state.hiddenTypes].sort().join(','));
  if (state.hiddenRelations.size) params.set('hideRel', [...state.hiddenRelations].sort().join(','));
  if (state.hiddenArticles?.size) params.set('hideArt', [...state.hiddenArticles].sort().join(','));
  if (state.focusDepth) params.set('focus', String(state.focusDepth));
  if (camera) params.set('cam', [round(camera.x, POSITION_DIGITS), round(camera.y, POSITION_DIGITS), round(camera.ratio, RATIO_DIGITS)].join(','));
  return `#${params.toString()}`;
}

const paramsOf = (hash: string) => new URLSearchParams(hash.replace(/^#/, ''));

/** The article a hash names, known or not: the page decides which article that means. */
export const articleOf = (hash: string): string | undefined => paramsOf(hash).get('article') ?? undefined;

/** Reads a hash back; unknown values are dropped rather than trusted. */
export function fromHash(hash: string, exists: Known): UrlState {
  const params = paramsOf(hash);
  const list = (name: string) => (params.get(name) ?? '').split(',').filter(Boolean);
  const name = params.get('node');
  const node = name ? (exists.node(name) ? name : exists.resolveNode?.(name)) : undefined;
  const edge = params.get('edge');
  const selection: Selection | null = node ? { kind: 'node', id: node } : edge && exists.edge(edge) ? { kind: 'edge', id: edge } : null;
  const focus = Number(params.get('focus') ?? 0) as FocusDepth;
  const camera = cameraOf(params.get('cam'));
  return {
    article: articleOf(hash),
    selection,
    hiddenTypes: new Set(list('hide').filter((t): t is EntityType => exists.type?.(t) ?? (ENTITY_TYPES as readonly string[]).includes(t))),
    hiddenRelations: new Set(list('hideRel').filter(exists.relation)),
    hiddenArticles: new Set(list('hideArt').filter((slug) => exists.article?.(slug) ?? false)),
    // A focus needs something to focus on.
    focusDepth: selection && FOCUS_DEPTHS.includes(focus) ? focus : 0,
    ...(camera ? { camera } : {}),
  };
}

/** `x,y,ratio`: three finite numbers, the ratio above zero; anything else is no camera. */
function cameraOf(value: string | null): CameraView | undefined {
  const parts = (value ?? '').split(',');
  if (parts.length !== 3 || parts.some((p) => p.trim() === '')) return undefined;
  const [x, y, ratio] = parts.map(Number) as [number, number, number];
  return [x, y, ratio].every(Number.isFinite) && ratio > 0 ? { x, y, ratio } : undefined;
}
