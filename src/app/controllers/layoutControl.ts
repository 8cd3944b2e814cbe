import FA2LayoutSupervisor from 'graphology-layout-forceatlas2/worker';
import noverlap from 'graphology-layout-noverlap';
import { defaultLayoutSettings, fa2Settings, type LayoutSettings } from '../../layout/layout.ts';
import type { KgGraph } from '../../model/types.ts';

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
  let supervisor: FA2LayoutSupervisor | null = null;
  let timer: ReturnType<typeof setInterval> | undefined;
  let iterations = 0;
  // The supervisor writes every node's position once per worker iteration, in one batch update:
  // counting those batches counts iterations (the supervisor has no counter of its own).
  const countIteration = () => {
    if (!supervisor?.isRunning()) return;
    iterations++;
    if (settings.iterations !== null && iterations >= settings.iterations) stop(`Layout stopped after its budget of ${iterations} iterations`);
  };
  graph.on('eachNodeAttributesUpdated', countIteration);

  const positions = () => new Map(graph.mapNodes((n, a) => [n, [a.x!, a.y!]] as const));

  function start(): void {
    if (supervisor?.isRunning()) return;
    // The worker is handed its settings when it is made: a new one for new settings.
    supervisor ??= new FA2LayoutSupervisor(graph, { settings: fa2Settings(graph, settings) });
    iterations = 0;
    supervisor.start();
    const started = performance.now();
    let last = positions();
    options.onChange?.(true, 'Layout running…');
    timer = setInterval(() => {
      if (settings.iterations === null) return;
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
    if (!supervisor?.isRunning()) return;
    supervisor.stop();
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
    const running = supervisor?.isRunning() ?? false;
    settings = next;
    if (running) stop('Layout restarting with the new settings');
    supervisor?.kill();
    supervisor = null;
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
    isRunning: () => supervisor?.isRunning() ?? false,
    kill() {
      clearInterval(timer);
      graph.off('eachNodeAttributesUpdated', countIteration);
      supervisor?.kill();
    },
  };
}
export type LayoutControl = ReturnType<typeof createLayoutControl>;
