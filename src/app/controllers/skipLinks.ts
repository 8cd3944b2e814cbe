/**
 * Skip links ("Skip to graph", "Skip to article"): each `a[data-skip]` moves keyboard focus to
 * what its handler returns, so the toolbar and the ~60 mentions of the article need not be
 * tabbed through to reach the rest. The default jump is cancelled: the URL hash holds the
 * view's state, and `#graph` there would be read as a view to load.
 */
export function createSkipLinks(root: ParentNode, targets: Record<string, () => HTMLElement>) {
  for (const link of root.querySelectorAll<HTMLAnchorElement>('a[data-skip]')) {
    link.addEventListener('click', (event) => {
      const name = link.dataset.skip ?? '';
      if (!Object.hasOwn(targets, name)) return;
      event.preventDefault();
      const target = targets[name]!();
      target.focus();
    });
  }
}
