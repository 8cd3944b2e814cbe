import type { KgGraph } from '../../model/types.ts';
import type { TextSource } from '../articleTexts.ts';
import { h, replaceChildren } from '../dom.ts';
import type { State, Store } from '../state.ts';
import { segmentArticle } from '../view/articleSegments.ts';
import { articleOfSelection } from '../view/panelArticle.ts';

export interface ArticleHeader {
  title: HTMLElement;
  meta: HTMLElement;
}

/**
 * The article beside the graph, one article at a time: every mention is a button in its entity
 * type's colour. Hover one and its node lights up; click it and the node is selected. Select a
 * node and its mentions are marked; select an edge and its evidence is highlighted (CSS Custom
 * Highlight API, so the text itself is never re-rendered); either way the panel scrolls to the
 * first one. In the corpus view, a selection in another article switches the panel to it first.
 */
export function createArticlePanel(container: HTMLElement, header: ArticleHeader, graph: KgGraph, store: Store, texts: TextSource, first: string) {
  let textNodes: { start: number; node: Text }[] = [];
  let buttonsByNode = new Map<string, HTMLButtonElement[]>();
  let shown: string | undefined;
  let request = 0;

  const mentionButton = (node: string, content: Text) => {
    const button = h('button', {
      class: 'mention',
      attrs: { type: 'button', 'data-node': node, 'data-type': graph.getNodeAttribute(node, 'type'), title: graph.getNodeAttribute(node, 'label') },
      on: {
        mouseenter: () => store.update({ hoveredNode: node }),
        mouseleave: () => store.update({ hoveredNode: null }),
        focus: () => store.update({ hoveredNode: node }),
        blur: () => store.update({ hoveredNode: null }),
        click: () => store.update({ selection: { kind: 'node', id: node } }),
      },
    });
    button.append(content);
    buttonsByNode.set(node, [...(buttonsByNode.get(node) ?? []), button]);
    return button;
  };

  function render(slug: string, text: string): void {
    // One article's view has mentions without an article: they are all in its only text.
    const mentions = graph.mapNodes((node, a) => a.mentions.filter((m) => m.article === undefined || m.article === slug).map((span) => ({ node, span }))).flat();
    textNodes = [];
    buttonsByNode = new Map();
    const children = segmentArticle(text.length, mentions).map((segment) => {
      const content = document.createTextNode(text.slice(segment.start, segment.end));
      textNodes.push({ start: segment.start, node: content });
      return segment.node ? mentionButton(segment.node, content) : content;
    });
    replaceChildren(container, ...children);
    container.dataset.article = slug;
    shown = slug;
  }

  /** Shows one article; resolves once it is on screen, or once a later request has taken over. */
  async function show(slug: string): Promise<boolean> {
    if (slug === shown) return true;
    const mine = ++request;
    container.setAttribute('aria-busy', 'true');
    try {
      const { text, meta } = await texts(slug);
      if (mine !== request) return false;
      header.title.textContent = meta.title;
      header.meta.textContent = [meta.dateline, meta.publisher, meta.date].filter(Boolean).join(' · ');
      render(slug, text);
      return true;
    } catch (error) {
      if (mine === request) header.meta.textContent = 'This article could not be loaded.';
      console.error(error);
      return false;
    } finally {
      if (mine === request) container.removeAttribute('aria-busy');
    }
  }

  /** A DOM Range over article characters [start, end). */
  function rangeOf(start: number, end: number): Range {
    const locate = (offset: number) => {
      let i = textNodes.length - 1;
      while (i > 0 && textNodes[i]!.start > offset) i--;
      const entry = textNodes[i]!;
      return { node: entry.node, offset: Math.min(offset - entry.start, entry.node.length) };
    };
    const range = document.createRange();
    const from = locate(start);
    const to = locate(end);
    range.setStart(from.node, from.offset);
    range.setEnd(to.node, to.offset);
    return range;
  }

  /** The article characters a DOM range covers, or null when it does not lie inside the text on screen. */
  function spanOf(range: Range): { start: number; end: number; text: string } | null {
    if (!container.contains(range.startContainer) || !container.contains(range.endContainer) || range.collapsed) return null;
    // The text on screen is the article's, character for character (mentions hold theirs as text).
    const before = document.createRange();
    before.setStart(container, 0);
    before.setEnd(range.startContainer, range.startOffset);
    const start = before.toString().length;
    const text = range.toString();
    return { start, end: start + text.length, text };
  }

  function scrollTo(rect: DOMRect): void {
    const box = container.getBoundingClientRect();
    const pane = container.closest<HTMLElement>('.article-pane') ?? container;
    pane.scrollTop += rect.top - box.top - pane.clientHeight / 3 + (box.top - pane.getBoundingClientRect().top);
  }

  const mark = (node: string | null, className: string) => {
    for (const el of container.querySelectorAll(`.${className}`)) el.classList.remove(className);
    for (const button of node ? (buttonsByNode.get(node) ?? []) : []) button.classList.add(className);
  };

  function showSelection(state: State): void {
    const highlights = (globalThis.CSS as { highlights?: Map<string, unknown> } | undefined)?.highlights;
    highlights?.delete('evidence');
    const selection = state.selection;
    mark(selection?.kind === 'node' ? selection.id : null, 'selected');
    mark(state.hoveredNode, 'hovered');
    if (selection?.kind === 'node') {
      const first = buttonsByNode.get(selection.id)?.[0];
      if (first) scrollTo(first.getBoundingClientRect());
    } else if (selection?.kind === 'edge' && graph.hasEdge(selection.id) && (graph.getEdgeAttribute(selection.id, 'article') ?? shown) === shown) {
      const { start, end } = graph.getEdgeAttribute(selection.id, 'evidence');
      const range = rangeOf(start, end);
      if (highlights && typeof Highlight !== 'undefined') highlights.set('evidence', new Highlight(range));
      scrollTo(range.getBoundingClientRect());
    }
  }

  /** The article the selection belongs in, then the selection marked in it. */
  async function follow(state: State): Promise<void> {
    const target = articleOfSelection(graph, state.selection, shown ?? first);
    if (await show(target)) showSelection(store.get());
  }

  let pending = follow(store.get());
  store.subscribe((state, previous) => {
    if (state.selection !== previous.selection) pending = follow(state);
    if (state.hoveredNode !== previous.hoveredNode) mark(state.hoveredNode, 'hovered');
  });

  return {
    rangeOf,
    spanOf,
    /** The element holding the text, for a selection menu over it. */
    element: container,
    /** Resolves once the article for the latest selection is on screen. */
    settled: () => pending,
    /** The slug of the article on screen. */
    shown: () => shown,
    /** Shows another article, with the selection marked in it (the details panel's "appears in"). */
    async showArticle(slug: string): Promise<void> {
      if (await show(slug)) showSelection(store.get());
    },
  };
}
export type ArticlePanel = ReturnType<typeof createArticlePanel>;
