/**
 * Hover highlight and ForceAtlas2 on a synthetic graph, with the explorer's own view code:
 * createGraphView (sigma + our reducers) driven by createStore, exactly as explorer.ts wires them.
 * test/bench/browser.ts calls window.kgBench through page.evaluate.
 */
import forceAtlas2 from 'graphology-layout-forceatlas2';
import FA2LayoutSupervisor from 'graphology-layout-forceatlas2/worker';
import type { KgGraph } from '../../../src/corpus/toGraph.ts';
import { createGraphView, type GraphView } from '../../../src/app/controllers/graphView.ts';
import { createFa2Runner } from '../../../src/app/layout/fa2Runner.ts';
import { createStore, type Store } from '../../../src/app/state.ts';
import type { Fa2Figures, HoverSample } from './api.ts';
import { prng } from '../prng.ts';
import { syntheticGraph } from './synthetic.ts';

let graph: KgGraph | null = null;
let store: Store | null = null;
let view: GraphView | null = null;
let seeded = new Map<string, { x: number; y: number }>();

const nextFrame = () => new Promise<number>((resolve) => requestAnimationFrame(() => resolve(performance.now())));

/** Waits until the GL commands issued so far on sigma's WebGL canvases have run (SwiftShader draws them in the GPU process). */
function finishGl(): void {
  const contexts = (view!.renderer as unknown as { webGLContexts: Record<string, WebGLRenderingContext> }).webGLContexts;
  const pixel = new Uint8Array(4);
  for (const gl of Object.values(contexts)) gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, pixel);
}

function restorePositions(g: KgGraph): void {
  g.updateEachNodeAttributes((n, a) => ({ ...a, ...seeded.get(n) }), { attributes: ['x', 'y'] });
}

/** The settings layoutControl.ts gives the explorer's FA2. */
const fa2Settings = (g: KgGraph) => ({ ...forceAtlas2.inferSettings(g), adjustSizes: true });

window.kgBench = {
  setup({ nodes, edges, seed, view: withView }) {
    const t0 = performance.now();
    graph = syntheticGraph(nodes, edges, seed);
    seeded = new Map(graph.mapNodes((n, a) => [n, { x: a.x!, y: a.y! }] as const));
    const t1 = performance.now();
    store = createStore();
    if (withView) view = createGraphView(document.getElementById('graph')!, graph, store);
    const t2 = performance.now();
    const settings = view?.renderer.getSettings();
    return {
      nodes: graph.order,
      edges: graph.size,
      buildGraphMs: t1 - t0,
      createViewMs: t2 - t1,
      hidesWhileMoving: Boolean(settings?.hideEdgesOnMove && settings.hideLabelsOnMove),
      labelDensity: settings?.labelDensity ?? Number.NaN,
    };
  },

  async hover({ count, seed }) {
    if (!graph || !store || !view) throw new Error('kgBench.hover: call setup first');
    const rnd = prng(seed);
    const keys = graph.nodes();
    let beforeRender = 0;
    let afterRender = 0;
    // The render store.update makes, not a later one scheduled for the next frame.
    const onBefore = () => void (Number.isNaN(beforeRender) && (beforeRender = performance.now()));
    const onAfter = () => void (Number.isNaN(afterRender) && (afterRender = performance.now()));
    view.renderer.on('beforeRender', onBefore);
    view.renderer.on('afterRender', onAfter);
    const samples: HoverSample[] = [];
    try {
      // One discarded hover warms the JIT and sigma's buffers.
      for (let i = -1; i < count; i++) {
        await nextFrame();
        await nextFrame();
        const node = keys[Math.floor(rnd() * keys.length)]!;
        beforeRender = afterRender = Number.NaN;
        const t0 = performance.now();
        store.update({ hoveredNode: node });
        // The label layers place and draw in a microtask queued by the render: wait for it too.
        await new Promise<void>((resolve) => queueMicrotask(resolve));
        const t1 = performance.now();
        const frame = await nextFrame();
        // Chrome may run the next frame before SwiftShader has drawn this one: wait for the GL work too.
        finishGl();
        const drawn = performance.now();
        if (i < 0) continue;
        samples.push({
          node,
          degree: graph.degree(node),
          reducersMs: beforeRender - t0,
          renderMs: afterRender - beforeRender,
          jsMs: t1 - t0,
          drawnMs: drawn - t0,
          frameMs: frame - t0,
        });
      }
      store.update({ hoveredNode: null });
    } finally {
      view.renderer.off('beforeRender', onBefore);
      view.renderer.off('afterRender', onAfter);
    }
    return samples;
  },

  async camera({ frames }) {
    if (!view) throw new Error('kgBench.camera: call setup with a view first');
    const renderer = view.renderer;
    const camera = renderer.getCamera();
    const captor = renderer.getMouseCaptor();
    const samples: number[] = [];
    let moving = 0;
    // A pan in progress, as sigma sees a drag (its mouse captor's isMoving): the frames a user
    // gets while moving the view, with edges and labels hidden on a large graph.
    captor.isMoving = true;
    try {
      for (let i = -1; i < frames; i++) {
        // The drawing of the last frame is done first (SwiftShader draws on the CPU): the figure is the JavaScript.
        finishGl();
        await nextFrame();
        const drawn = new Promise<number>((resolve) => {
          let begun = 0;
          renderer.once('beforeRender', () => void (begun = performance.now()));
          // Queued after the render's own microtasks (the label layers'), so they are counted too.
          renderer.once('afterRender', () => queueMicrotask(() => resolve(performance.now() - begun)));
        });
        const state = camera.getState();
        camera.setState({ ...state, x: state.x + (i % 2 ? -0.02 : 0.02), ratio: state.ratio * (i % 2 ? 1 / 1.05 : 1.05) });
        const ms = await drawn;
        if (i < 0) continue;
        samples.push(ms);
        if (renderer.getSetting('hideEdgesOnMove')) moving++;
      }
    } finally {
      captor.isMoving = false;
    }
    camera.setState({ x: 0.5, y: 0.5, ratio: 1, angle: 0 });
    return { samples, moving };
  },

  async fa2Worker({ ms }) {
    if (!graph) throw new Error('kgBench.fa2Worker: call setup first');
    const g = graph;
    // No renderer listening to the graph: the figure is the worker's (plus applying positions), not sigma's redraws.
    if (view) throw new Error('kgBench.fa2Worker: set up without a view, so nothing redraws or draws in the background');
    restorePositions(g);
    // The explorer's own runner (many iterations per message), as Run layout starts it.
    const runner = createFa2Runner(g);
    let first = 0;
    let last = 0;
    let iterations = -1;
    try {
      runner.start({
        settings: fa2Settings(g),
        budget: null,
        onIterations: (done) => {
          last = performance.now();
          // The first batch marks the start: its iterations ran before `first` was known.
          if (iterations < 0) {
            first = last;
            iterations = 0;
          } else iterations += done;
        },
      });
      const deadline = performance.now() + 60_000;
      while (iterations < 0 && performance.now() < deadline) await new Promise((r) => setTimeout(r, 5));
      if (iterations < 0) throw new Error('kgBench.fa2Worker: no iteration within 60 s');
      await new Promise((r) => setTimeout(r, ms));
    } finally {
      runner.stop();
    }
    restorePositions(g);
    return { iterations, ms: last - first, perSecond: (iterations * 1000) / (last - first) };
  },

  async fa2LibraryWorker({ ms }) {
    if (!graph) throw new Error('kgBench.fa2LibraryWorker: call setup first');
    const g = graph;
    restorePositions(g);
    const supervisor = new FA2LayoutSupervisor(g, { settings: fa2Settings(g) });
    let first = 0;
    let last = 0;
    let iterations = -1;
    // The supervisor applies each iteration's positions with one updateEachNodeAttributes call.
    const onIteration = () => {
      last = performance.now();
      if (++iterations === 0) first = last;
    };
    g.on('eachNodeAttributesUpdated', onIteration);
    try {
      supervisor.start();
      const deadline = performance.now() + 60_000;
      while (iterations < 0 && performance.now() < deadline) await new Promise((r) => setTimeout(r, 5));
      await new Promise((r) => setTimeout(r, ms));
      supervisor.stop();
    } finally {
      g.off('eachNodeAttributesUpdated', onIteration);
      supervisor.kill();
    }
    restorePositions(g);
    return { iterations, ms: last - first, perSecond: (iterations * 1000) / (last - first) };
  },

  fa2Sync({ ms }) {
    if (!graph) throw new Error('kgBench.fa2Sync: call setup first');
    const settings = fa2Settings(graph);
    const run = (iterations: number): Fa2Figures => {
      const t0 = performance.now();
      forceAtlas2(graph!, { iterations, settings });
      const elapsed = performance.now() - t0;
      return { iterations, ms: elapsed, perSecond: (iterations * 1000) / elapsed };
    };
    const calibration = run(2);
    const iterations = Math.max(2, Math.round(ms / (calibration.ms / 2)));
    return run(iterations);
  },
};
