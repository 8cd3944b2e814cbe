import type { CameraFrame } from './cameraFrame.ts';

/** Sigma's own zoom step (its `zoomingRatio` default), so buttons, keys and the wheel agree. */
const ZOOM_STEP = 1.7;
/** A key press pans by this share of the free part of the view. */
const PAN_STEP = 0.2;

export interface CameraButtons {
  zoomIn: HTMLElement;
  zoomOut: HTMLElement;
  reset: HTMLElement;
}

/**
 * Zoom and reset buttons, and the keyboard on the focused graph: arrow keys pan, + and − zoom,
 * 0 resets. Every move goes through the camera frame, so zooming keeps the middle of the free
 * part of the view (not the middle under the filters box) in place, and reset frames the whole
 * graph clear of the overlays.
 */
export function createCameraControls(frame: CameraFrame, graph: HTMLElement, buttons: CameraButtons) {
  buttons.zoomIn.addEventListener('click', () => void frame.zoom(ZOOM_STEP));
  buttons.zoomOut.addEventListener('click', () => void frame.zoom(1 / ZOOM_STEP));
  buttons.reset.addEventListener('click', () => void frame.reset());

  const keys: Record<string, () => Promise<void>> = {
    ArrowLeft: () => frame.pan(-PAN_STEP, 0),
    ArrowRight: () => frame.pan(PAN_STEP, 0),
    ArrowUp: () => frame.pan(0, -PAN_STEP),
    ArrowDown: () => frame.pan(0, PAN_STEP),
    '+': () => frame.zoom(ZOOM_STEP),
    '=': () => frame.zoom(ZOOM_STEP),
    '-': () => frame.zoom(1 / ZOOM_STEP),
    '−': () => frame.zoom(1 / ZOOM_STEP),
    '0': () => frame.reset(),
  };
  graph.addEventListener('keydown', (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey || !Object.hasOwn(keys, event.key)) return;
    event.preventDefault();
    void keys[event.key]!();
  });
}
