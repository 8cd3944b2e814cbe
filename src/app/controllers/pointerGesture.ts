/**
 * Drops the click the browser sends after a gesture of ours (a node dragged, a lasso drawn).
 * Sigma's mouse captor turns any press and release into a click unless the camera panned; our
 * gestures stop the pan, so without this the release would select what lies under it (or clear
 * the selection on the stage). The click follows the mouseup in the same task: the listener,
 * capturing on the window before sigma's on the container, is gone by the next one either way.
 */
export function swallowNextClick(): void {
  const stop = (event: Event) => {
    event.stopPropagation();
    event.preventDefault();
  };
  window.addEventListener('click', stop, { capture: true, once: true });
  setTimeout(() => window.removeEventListener('click', stop, { capture: true }), 0);
}

/** Pixels a press may wander before it is a drag rather than a click. */
export const DRAG_THRESHOLD = 3;
