import type { LoadedArticle } from '../../corpus/built.ts';
import { h, replaceChildren } from '../dom.ts';
import type { State, Store } from '../state.ts';
import { segmentArticle } from '../view/articleSegments.ts';

/**
 * The article beside the graph: every mention is a button in its entity type's colour. Hover one
 * and its node lights up; click it and the node is selected. Select a node and its mentions are
 * marked; select an edge and its evidence is highlighted (CSS Custom Highlight API, so the text
 * itself is never re-rendered); either way the panel scrolls to the first one.
 */
export function createArticlePanel(container: HTMLElement, article: LoadedArticle, store: Store) {
  const { graph, text } = article;
  const mentions = graph.mapNodes((node, a) => a.mentions.map((span) => ({ node, span }))).flat();
  const textNodes: { start: number; node: Text }[] = [];
  const buttonsByNode = new Map<string, HTMLButtonElement[]>();

  const children = segmentArticle(text.length, mentions).map((segment) => {
    const content = document.createTextNode(text.slice(segment.start, segment.end));
    textNodes.push({ start: segment.start, node: content });
    if (!segment.node) return content;
    const node = segment.node;
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
  });
  replaceChildren(container, ...children);

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
    if (selection?.kind === 'node') {
      const first = buttonsByNode.get(selection.id)?.[0];
      if (first) scrollTo(first.getBoundingClientRect());
    } else if (selection?.kind === 'edge' && graph.hasEdge(selection.id)) {
      const { start, end } = graph.getEdgeAttribute(selection.id, 'evidence');
      const range = rangeOf(start, end);
      if (highlights && typeof Highlight !== 'undefined') highlights.set('evidence', new Highlight(range));
      scrollTo(range.getBoundingClientRect());
    }
  }

  showSelection(store.get());
  store.subscribe((state, previous) => {
    if (state.selection !== previous.selection) showSelection(state);
    if (state.hoveredNode !== previous.hoveredNode) mark(state.hoveredNode, 'hovered');
  });

  return { rangeOf };
}
