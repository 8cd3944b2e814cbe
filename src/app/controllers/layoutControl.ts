import FA2LayoutSupervisor from 'graphology-layout-forceatlas2/worker';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import noverlap from 'graphology-layout-noverlap';
import type { KgGraph } from '../../model/types.ts';

export interface LayoutControlOptions {
  /** Stop after this long even if not converged (ms). */
  budgetMs?: number;
  /** Stop when nodes move less than this share of the graph's extent per sampling interval. */
  tolerance?: number;
  onChange?: (running: boolean, message: string) => void;
}

const DEFAULTS = { budgetMs: 4000, tolerance: 0.001 } as const;
const SAMPLE_MS = 250;

/**
 * ForceAtlas2 in a web worker, from the positions on screen, started and stopped by the user.
 * It stops by itself once nodes barely move or the time budget runs out, then noverlap
 * separates any nodes left on top of each other. The built layout (the same on every load)
 * can be restored at any time.
 */
export function createLayoutControl(graph: KgGraph, options: LayoutControlOptions = {}) {
  const { budgetMs, tolerance } = { ...DEFAULTS, ...options };
  const original = new Map(graph.mapNodes((n, a) => [n, { x: a.x!, y: a.y! }] as const));
  let supervisor: FA2LayoutSupervisor | null = null;
  let timer: ReturnType<typeof setInterval> | undefined;

  const positions = () => new Map(graph.mapNodes((n, a) => [n, [a.x!, a.y!]] as const));

  function start(): void {
    if (supervisor?.isRunning()) return;
    supervisor ??= new FA2LayoutSupervisor(graph, { settings: { ...forceAtlas2.inferSettings(graph), adjustSizes: true } });
    supervisor.start();
    const started = performance.now();
    let last = positions();
    options.onChange?.(true, 'Layout running…');
    timer = setInterval(() => {
      const now = positions();
      const xs = [...now.values()].map((p) => p[0]);
      const ys = [...now.values()].map((p) => p[1]);
      const extent = Math.max(Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys), 1e-9);
      let moved = 0;
      for (const [n, [x, y]] of now) moved = Math.max(moved, Math.hypot(x - last.get(n)![0], y - last.get(n)![1]));
      last = now;
      const elapsed = performance.now() - started;
      if (moved / extent < tolerance) stop(`Layout converged after ${(elapsed / 1000).toFixed(1)} s`);
      else if (elapsed > budgetMs) stop(`Layout stopped after its ${(budgetMs / 1000).toFixed(0)} s budget`);
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

  return {
    start,
    stop,
    reset,
    isRunning: () => supervisor?.isRunning() ?? false,
    kill() {
      clearInterval(timer);
      supervisor?.kill();
    },
  };
}
