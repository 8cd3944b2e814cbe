import noverlap from 'graphology-layout-noverlap';
import { defaultLayoutSettings, fa2Settings, type LayoutSettings } from '../../layout/layout.ts';
import type { KgGraph } from '../../model/types.ts';
import { createFa2Runner } from '../layout/fa2Runner.ts';

export interface LayoutControlOptions {
  /** Stop when nodes move less than this share of the graph's extent per sampling interval (not when running until stopped). */
  tolerance?: number;
  onChange?: (running: boolean, message: string) => void;
}

const DEFAULTS = { tolerance: 0.001 } as const;
const SAMPLE_MS = 250;

/**
 * ForceAtlas2 in a web worker, from the positions on screen, started and stopped by the user,
 * with the settings of the Appearance panel's Layout settings. It stops by itself after the
 * chosen number of iterations or once nodes barely move, or runs until stopped; then noverlap
 * separates any nodes left on top of each other. The built layout (the same on every load) can
 * be restored at any time.
 */
export function createLayoutControl(graph: KgGraph, options: LayoutControlOptions = {}) {
  const { tolerance } = { ...DEFAULTS, ...options };
  const original = new Map(graph.mapNodes((n, a) => [n, { x: a.x!, y: a.y! }] as const));
  let settings: LayoutSettings = defaultLayoutSettings(graph);
  const runner = createFa2Runner(graph);
  let timer: ReturnType<typeof setInterval> | undefined;
  let iterations = 0;
  let batches = 0;
  // The worker stops itself at the budget; the last batch of positions says so.
  const countIterations = (done: number, finished: boolean) => {
    iterations += done;
    batches++;
    if (finished) stop(`Layout stopped after its budget of ${iterations} iterations`);
  };

  const positions = () => new Map(graph.mapNodes((n, a) => [n, [a.x!, a.y!]] as const));

  function start(): void {
    if (runner.isRunning()) return;
    iterations = 0;
    runner.start({ settings: fa2Settings(graph, settings), budget: settings.iterations, onIterations: countIterations });
    const started = performance.now();
    let last = positions();
    let sampled = batches;
    options.onChange?.(true, 'Layout running…');
    timer = setInterval(() => {
      // No positions since the last sample (a busy machine, a large graph's slow iterations) is not convergence.
      if (settings.iterations === null || batches === sampled) return;
      sampled = batches;
      const now = positions();
      let minX = Infinity, maxX = -Infinity, minY = Infinity, maxY = -Infinity;
      for (const [x, y] of now.values()) {
        minX = Math.min(minX, x); maxX = Math.max(maxX, x); minY = Math.min(minY, y); maxY = Math.max(maxY, y);
      }
      const extent = Math.max(maxX - minX, maxY - minY, 1e-9);
      let moved = 0;
      for (const [n, [x, y]] of now) moved = Math.max(moved, Math.hypot(x - last.get(n)![0], y - last.get(n)![1]));
      last = now;
      if (moved / extent < tolerance) stop(`Layout converged after ${((performance.now() - started) / 1000).toFixed(1)} s`);
    }, SAMPLE_MS);
  }

  function stop(message = 'Layout stopped'): void {
    clearInterval(timer);
    if (!runner.isRunning() && !timer) return;
    timer = undefined;
    runner.stop();
    noverlap.assign(graph, { maxIterations: 100, settings: { margin: 2, ratio: 1.2 } });
    options.onChange?.(false, message);
  }

  function reset(): void {
    stop();
    graph.updateEachNodeAttributes((n, a) => ({ ...a, ...original.get(n) }), { attributes: ['x', 'y'] });
    options.onChange?.(false, 'Layout reset to the reproducible one');
  }

  /** New settings for the next run; a run going on now is restarted with them. */
  function setSettings(next: LayoutSettings): void {
    const running = runner.isRunning();
    settings = next;
    if (running) stop('Layout restarting with the new settings');
    if (running) start();
  }

  return {
    start,
    stop,
    reset,
    setSettings,
    /** The settings the next run uses. */
    settings: () => settings,
    /** The ForceAtlas2 settings handed to the worker, as graphology names them. */
    workerSettings: () => fa2Settings(graph, settings),
    isRunning: () => runner.isRunning(),
    /** Iterations of the run going on, or of the last one. */
    iterations: () => iterations,
    kill() {
      clearInterval(timer);
      runner.stop();
    },
  };
}
export type LayoutControl = ReturnType<typeof createLayoutControl>;
