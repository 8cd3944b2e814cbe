/**
 * How many times the drawing of one batch of positions to wait before putting the next on the
 * graph: drawing (sigma's JavaScript, and the GPU's or the software renderer's work) then takes at
 * most about a fifth of the time, and the rest of the machine is the layout worker's. At 100k
 * nodes a frame drawn by a software renderer takes seconds of CPU, on a core the worker needs.
 */
const DRAW_SHARE = 4;
const FRAME_MS = 1000 / 60;

/**
 * When the next batch of layout positions may go onto the graph: no sooner than `minGapMs` after
 * the last, nor than DRAW_SHARE times that one's drawing, measured as the wait for the second
 * animation frame after it (the renderer draws in the first; the second begins once that drawing
 * is done) less one frame's interval. A hidden tab runs no frames: the gap stays as it was.
 */
export function createDrawPacer() {
  let minGap = 0;
  let gap = 0;
  let last = -Infinity;
  /** Counts runs, so that a drawing timed in one run is not taken for the next. */
  let run = 0;
  return {
    /** A new run, with positions no more often than every `minGapMs`. */
    reset(minGapMs: number): void {
      minGap = gap = minGapMs;
      last = -Infinity;
      run++;
    },
    /** Milliseconds until the next batch may go onto the graph; zero or less: now. */
    wait: () => last + gap - performance.now(),
    /** A batch has just gone onto the graph: times its drawing. */
    applied(): void {
      const begun = (last = performance.now());
      const of = run;
      if (typeof requestAnimationFrame !== 'function') return;
      requestAnimationFrame(() =>
        requestAnimationFrame(() => {
          if (of === run) gap = Math.max(minGap, DRAW_SHARE * (performance.now() - begun - FRAME_MS));
        }),
      );
    },
  };
}
