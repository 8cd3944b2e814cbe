import type Sigma from 'sigma';
import type { ArticleEntry } from 'virtual:kg-articles';
import type { KgGraph, Vocabulary } from '../../model/types.ts';
import type { ArticlePanel } from '../controllers/articlePanel.ts';
import type { CameraFrame } from '../controllers/cameraFrame.ts';
import type { ScreenLayout } from '../controllers/screenLayout.ts';
import { byId, h, replaceChildren } from '../dom.ts';
import type { Store } from '../state.ts';
import { createCurationActions, type CurationActions } from './actions.ts';
import { createCurationClient } from './client.ts';
import { aliasDialog, edgeSentence, editEntityDialog, editRelationDialog, mergeDialog, newEntityDialog, newRelationDialog, rejectItem, splitDialog } from './dialogs.ts';
import { draftQueue, resumeAt, type QueuedDraft } from './draftQueue.ts';
import { createDraftFilter } from './draftFilter.ts';
import { attachDraftRings } from './draftRings.ts';
import { createSelectionMenu } from './selectionMenu.ts';
import '../curation.css';

/** The review's place, kept across the reloads every saved change brings. */
const CURSOR_KEY = 'kg-review';
/** The review's keys, one each, shown in the review bar. */
export const REVIEW_KEYS = { accept: 'a', reject: 'r', edit: 'e', next: 'j', previous: 'k' } as const;

export interface CurationElements {
  bar: HTMLElement;
  review: HTMLButtonElement;
  undo: HTMLButtonElement;
  redo: HTMLButtonElement;
  draftFilter: HTMLFieldSetElement;
  note: HTMLElement;
}

export interface CurationContext {
  graph: KgGraph;
  vocabulary: Vocabulary;
  store: Store;
  articlePanel: ArticlePanel;
  screen: ScreenLayout;
  renderer: Sigma;
  frame: Pick<CameraFrame, 'centreNodes'>;
  /** The articles in the data folder's order (the review's order between articles). */
  entries: readonly Pick<ArticleEntry, 'slug'>[];
  /** False for a view that is not of the data folder (an opened file): nothing there can be saved. */
  writable: boolean;
}

export const curationElements = (): CurationElements => ({
  bar: byId('curation-bar'),
  review: byId<HTMLButtonElement>('review-toggle'),
  undo: byId<HTMLButtonElement>('curation-undo'),
  redo: byId<HTMLButtonElement>('curation-redo'),
  draftFilter: byId<HTMLFieldSetElement>('draft-filters'),
  note: byId('curation-note'),
});

const typing = (target: EventTarget | null) => target instanceof HTMLElement && (target.isContentEditable || target.matches('input, textarea, select'));

/**
 * Review and curation in the explorer (issue 10). Under `npm start` the page carries the dev
 * server's token: the review bar, its keys, the dialogs, the menu over selected words, Undo and
 * Redo appear, and every change is written to the data files. Without it (the static site) all
 * of that stays hidden and a note says how to edit; the Drafts filter works in both.
 */
export function createCuration(el: CurationElements, ctx: CurationContext): { actions: CurationActions } {
  const { graph, vocabulary, store, articlePanel, screen } = ctx;
  const own = String(graph.getAttribute('slug'));
  const articles = ctx.entries.length ? ctx.entries.map((e) => e.slug) : [own];
  const status = h('p', { class: 'curation-status', attrs: { role: 'status', 'aria-live': 'polite' } });
  const notify = (message: string, kind: 'error' | 'info') => {
    status.textContent = message;
    status.dataset.kind = kind;
  };
  const client = ctx.writable ? createCurationClient({ notify }) : undefined;
  const actions = createCurationActions(client, graph);
  createDraftFilter(el.draftFilter, graph, store);
  // The theme's text colour: a ring that reads on both backgrounds and beside every type colour.
  attachDraftRings(ctx.renderer, () => getComputedStyle(ctx.renderer.getContainer()).color);
  if (!client) {
    el.note.hidden = !ctx.writable;
    return { actions };
  }

  const queue: QueuedDraft[] = draftQueue(graph, articles, own, vocabulary);
  let reviewing = false;
  let index = 0;
  /** Set once a change is saved: the page is about to reload with it, and takes no other change till then. */
  let saved = false;

  const saving = async <T>(work: () => Promise<T>): Promise<T | undefined> => {
    if (saved) return undefined;
    try {
      const result = await work();
      saved = true;
      notify('Saved to the data files. Reloading the view…', 'info');
      return result;
    } catch (error) {
      // The client has shown the dev server's reason.
      console.warn(error);
      return undefined;
    }
  };
  /** A dialog's own save: it shows a refusal itself; a success means the page reloads. */
  const dialog = async (open: () => Promise<unknown>) => {
    if (saved) return;
    const before = client.writes();
    await open();
    if (client.writes() !== before) {
      saved = true;
      notify('Saved to the data files. Reloading the view…', 'info');
    }
  };

  const current = (): { kind: 'node' | 'edge'; id: string } | null => {
    const s = store.get().selection;
    if (!s) return null;
    return (s.kind === 'node' ? graph.hasNode(s.id) : graph.hasEdge(s.id)) ? s : null;
  };
  const isDraft = (s: { kind: 'node' | 'edge'; id: string }) => (s.kind === 'node' ? graph.getNodeAttribute(s.id, 'draft') : graph.getEdgeAttribute(s.id, 'draft')) !== undefined;

  /** The review's item when it is a proposed relation type and nothing else is chosen: the keys and buttons act on it. */
  const typeItem = () => {
    const item = reviewing ? queue[index] : undefined;
    return item?.kind === 'relationType' && !current() ? item : undefined;
  };
  const onItem = () => reviewing && queue[index] !== undefined && (typeItem() !== undefined || store.get().selection?.id === queue[index]!.key);

  const act = {
    accept(): void {
      const type = typeItem();
      if (type) return void saving(() => actions.accept(type.key));
      const s = current();
      if (s && isDraft(s)) void saving(() => actions.accept(s.id));
      else if (s) notify('This one is not a draft: there is nothing to accept.', 'info');
    },
    reject(): void {
      // A type goes only when no relation uses it (the dev server says which do): nothing to confirm.
      const type = typeItem();
      if (type) return void saving(() => actions.reject(type.key));
      const s = current();
      if (s) void dialog(() => rejectItem(graph, actions, s.id));
    },
    edit(): void {
      if (typeItem()) return notify('A relation type is edited in data/vocabulary.yaml (its label, inverse and entity types); here it is accepted or rejected.', 'info');
      const s = current();
      if (!s) return;
      void dialog(() => (s.kind === 'node' ? editEntityDialog(graph, vocabulary, actions, s.id) : editRelationDialog(graph, vocabulary, actions, s.id)));
    },
    merge(): void {
      const s = current();
      if (s?.kind === 'node') void dialog(() => mergeDialog(graph, actions, s.id));
    },
    split(): void {
      const s = current();
      if (s?.kind === 'node') void dialog(() => splitDialog(graph, actions, s.id));
    },
  };

  function saveCursor(): void {
    const item = queue[index];
    if (reviewing && item) sessionStorage.setItem(CURSOR_KEY, JSON.stringify({ key: item.key, kind: item.kind, article: item.article, start: item.start, end: item.end }));
    else sessionStorage.removeItem(CURSOR_KEY);
  }

  function go(to: number): void {
    if (!queue.length) return stop('No drafts left: everything is reviewed.');
    index = (to + queue.length) % queue.length;
    reviewing = true;
    saveCursor();
    const item = queue[index]!;
    // Centred on what it is about (an entity and its neighbours, a relation's two ends, the ends
    // of a type's relations), the zoom kept: no closer than the whole graph's frame, so each
    // draft is seen among the rest.
    store.update({ selection: item.kind === 'relationType' ? null : { kind: item.kind === 'entity' ? 'node' : 'edge', id: item.key } });
    const around =
      item.kind === 'entity' ? [item.key, ...graph.neighbors(item.key)] : item.kind === 'relation' ? [graph.source(item.key), graph.target(item.key)] : (item.edges ?? []).flatMap((e) => [graph.source(e), graph.target(e)]);
    if (around.length) void ctx.frame.centreNodes(around, { maxRatio: 1 });
    // The words that state it, marked in the text.
    screen.show('article');
    render();
  }

  function stop(message?: string): void {
    reviewing = false;
    saveCursor();
    render();
    if (message) notify(message, 'info');
  }

  const button = (label: string, run: () => void, attrs: Record<string, string> = {}) => h('button', { attrs: { type: 'button', ...attrs }, on: { click: run } }, label);
  const key = (k: string) => h('kbd', {}, k.toUpperCase());

  function render(): void {
    el.review.textContent = `Review drafts (${queue.length})`;
    el.review.setAttribute('aria-pressed', String(reviewing));
    el.review.disabled = queue.length === 0;
    const s = current();
    const item = reviewing ? queue[index] : undefined;
    const draft = s ? (s.kind === 'node' ? graph.getNodeAttribute(s.id, 'draft') : graph.getEdgeAttribute(s.id, 'draft')) : undefined;
    const uses = item?.kind === 'relationType' ? (item.edges ?? []) : [];
    const head = item
      ? h(
          'div',
          { class: 'review-head' },
          h('p', { class: 'review-position' }, h('strong', {}, `Draft ${index + 1} of ${queue.length}`), ` · ${item.kind === 'relationType' ? 'relation type' : item.kind} `, h('q', {}, item.name)),
          h('p', { class: 'muted review-marker' }, `confidence ${item.draft.confidence.toFixed(2)} · rule ${item.draft.rule}`),
          item.kind === 'relationType'
            ? h('div', { class: 'review-type-uses' }, uses.length ? h('p', {}, `Proposed by kg add; ${uses.length === 1 ? 'one relation uses' : `${uses.length} relations use`} it:`) : h('p', {}, 'Proposed by kg add; no relation uses it.'), uses.length ? h('ul', {}, ...uses.map((e) => h('li', {}, button(edgeSentence(graph, e), () => store.update({ selection: { kind: 'edge', id: e } }), { class: 'link', title: 'Select it, to retype or reject it' })))) : null)
            : null,
          h('div', { class: 'review-nav' }, button('Previous', () => go(index - 1), { 'aria-keyshortcuts': 'K' }), button('Next', () => go(index + 1), { 'aria-keyshortcuts': 'J' }), button('Stop review', () => stop())),
          h('p', { class: 'muted review-keys', attrs: { id: 'review-keys' } }, 'Keys: ', key(REVIEW_KEYS.accept), ' accept · ', key(REVIEW_KEYS.reject), ' reject · ', key(REVIEW_KEYS.edit), ' edit · ', key(REVIEW_KEYS.next), ' next · ', key(REVIEW_KEYS.previous), ' previous · Ctrl+Z undo'),
        )
      : null;
    const type = typeItem();
    const tools = type
      ? h(
          'div',
          { class: 'curation-actions', attrs: { role: 'group', 'aria-label': 'Curate the relation type' } },
          button('Accept', act.accept, { 'aria-keyshortcuts': 'A', title: 'Keep the relation type in the vocabulary (A)' }),
          button('Reject', act.reject, { 'aria-keyshortcuts': 'R Delete', title: 'Remove the relation type from the vocabulary, once no relation uses it (R)' }),
        )
      : s
      ? h(
          'div',
          { class: 'curation-actions', attrs: { role: 'group', 'aria-label': 'Curate the selection' } },
          draft ? button('Accept', act.accept, { 'aria-keyshortcuts': 'A', title: 'Accept the draft (A)' }) : null,
          button('Edit', act.edit, { 'aria-keyshortcuts': 'E', title: 'Edit (E)' }),
          s.kind === 'node' ? button('Merge', act.merge, { title: 'Merge with another entity' }) : null,
          s.kind === 'node' && graph.getNodeAttribute(s.id, 'aliases').length ? button('Split', act.split, { title: 'Split a name off into an entity of its own' }) : null,
          button('Reject', act.reject, { 'aria-keyshortcuts': 'R Delete', title: s.kind === 'node' ? 'Remove the entity and its relations (R)' : 'Remove the relation (R)' }),
        )
      : h('p', { class: 'muted curation-hint' }, 'Select an entity or a relation to edit it; select words in the article to add one.');
    replaceChildren(el.bar, head, tools, status);
  }

  el.bar.hidden = false;
  for (const b of [el.review, el.undo, el.redo]) b.hidden = false;
  el.review.addEventListener('click', () => (reviewing ? stop() : go(index)));
  el.undo.addEventListener('click', () => void saving(() => actions.undo()));
  el.redo.addEventListener('click', () => void saving(() => actions.redo()));
  client.onHistory(({ undo, redo }) => {
    el.undo.disabled = !undo;
    el.redo.disabled = !redo;
    el.undo.title = undo ? `Undo: ${undo} (Ctrl+Z)` : 'Nothing to undo';
    el.redo.title = redo ? `Redo: ${redo} (Ctrl+Shift+Z)` : 'Nothing to redo';
  });

  document.addEventListener('keydown', (event) => {
    if (event.defaultPrevented || typing(event.target) || document.querySelector('dialog[open]')) return;
    const k = event.key.toLowerCase();
    if ((event.ctrlKey || event.metaKey) && !event.altKey && (k === 'z' || k === 'y')) {
      event.preventDefault();
      void saving(() => (k === 'y' || event.shiftKey ? actions.redo() : actions.undo()));
      return;
    }
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const run: Record<string, () => void> = {
      [REVIEW_KEYS.accept]: act.accept,
      [REVIEW_KEYS.reject]: act.reject,
      delete: act.reject,
      [REVIEW_KEYS.edit]: act.edit,
      // Away from the review's item (something else chosen meanwhile), J and K first go back to it.
      [REVIEW_KEYS.next]: () => go(onItem() ? index + 1 : index),
      [REVIEW_KEYS.previous]: () => go(onItem() ? index - 1 : index),
    };
    if (!Object.hasOwn(run, k)) return;
    event.preventDefault();
    run[k]!();
  });

  createSelectionMenu(articlePanel.element, (range) => {
    const words = articlePanel.spanOf(range);
    const article = articlePanel.shown();
    return words && article ? { ...words, article } : null;
  }, [
    { label: 'New entity…', run: (w) => void dialog(() => newEntityDialog(actions, w.article, w)) },
    { label: 'Add as alias of…', run: (w) => void dialog(() => aliasDialog(graph, actions, w.article, w, store.get().selection?.kind === 'node' ? store.get().selection!.id : undefined)) },
    {
      label: 'New relation…',
      when: () => store.get().selectedNodes.size === 2,
      run: (w) => void dialog(() => newRelationDialog(graph, vocabulary, actions, [...store.get().selectedNodes] as [string, string], w.article, w)),
    },
    {
      label: 'Use as evidence',
      when: () => store.get().selection?.kind === 'edge',
      run: (w) => {
        const edge = store.get().selection!.id;
        void saving(() => actions.editRelation(edge, { evidence: { start: w.start, end: w.end } }));
      },
    },
  ]);

  store.subscribe((state, previous) => {
    if (state.selection === previous.selection) return;
    // Choosing something else ends nothing, but the bar follows: the review's item is the one selected.
    const at = reviewing ? queue.findIndex((d) => d.key === state.selection?.id) : -1;
    if (at !== -1) index = at;
    render();
  });

  // Back into the review after the reload a saved change brought.
  const cursor = sessionStorage.getItem(CURSOR_KEY);
  if (cursor) {
    try {
      const at = JSON.parse(cursor) as QueuedDraft;
      if (queue.length) go(resumeAt(queue, articles, at));
      else stop('No drafts left: everything is reviewed.');
    } catch {
      sessionStorage.removeItem(CURSOR_KEY);
      render();
    }
  } else render();
  return { actions };
}
