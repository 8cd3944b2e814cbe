/**
 * Hover highlight and ForceAtlas2 on a synthetic graph, with the explorer's own view code:
 * createGraphView (sigma + our reducers) driven by createStore, exactly as explorer.ts wires them.
 * test/bench/browser.ts calls window.kgBench through page.evaluate.
 */
import forceAtlas2 from 'graphology-layout-forceatlas2';
import fa2Defaults from 'graphology-layout-forceatlas2/defaults.js';
import { graphToByteArrays } from 'graphology-layout-forceatlas2/helpers.js';
import iterate from 'graphology-layout-forceatlas2/iterate.js';
import FA2LayoutSupervisor from 'graphology-layout-forceatlas2/worker';
import type { KgGraph } from '../../../src/corpus/toGraph.ts';
import { createGraphView, type GraphView } from '../../../src/app/controllers/graphView.ts';
import { createFa2Runner, weightOf } from '../../../src/app/layout/fa2Runner.ts';
import { warmUpIterate } from '../../../src/app/layout/fa2WarmUp.ts';
import { createStore, type Store } from '../../../src/app/state.ts';
import type { HoverSample } from './api.ts';
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

/** Uncounted synchronous iterations before the baseline is timed: V8's slow ones came among the first five. */
const SYNC_SETTLE = 5;

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
    // The explorer's own runner (many iterations per message), as Run layout starts it, timed from
    // the click: building and sending the matrices and the worker's start are what a user waits for too.
    const runner = createFa2Runner(g);
    let iterations = 0;
    let firstBatch: { at: number; busyMs: number } | null = null;
    let lastBatchAt = 0;
    const started = performance.now();
    let stopped = started;
    try {
      runner.start({
        settings: fa2Settings(g),
        budget: null,
        onIterations: (done, _finished, busyMs) => {
          firstBatch ??= { at: performance.now(), busyMs };
          iterations += done;
          lastBatchAt = performance.now();
        },
      });
      const deadline = started + 60_000;
      while (!firstBatch && performance.now() < deadline) await new Promise((r) => setTimeout(r, 5));
      if (!firstBatch) throw new Error('kgBench.fa2Worker: no iteration within 60 s');
      await new Promise((r) => setTimeout(r, Math.max(0, started + ms - performance.now())));
    } finally {
      // Iterations whose positions came before Stop count (Stop puts the latest on the graph); one under way does not.
      stopped = performance.now();
      runner.stop();
    }
    restorePositions(g);
    const { at, busyMs } = firstBatch as { at: number; busyMs: number };
    // Like the synchronous baseline's (its iterations over the time until the last one ended): the
    // iterations on the graph over the time until the last of them got there, set-up included.
    // Stop comes mid-iteration, and the work of that unfinished one is in neither figure.
    const counted = (lastBatchAt || stopped) - started;
    return { iterations, ms: counted, perSecond: (iterations * 1000) / counted, setupMs: at - started - busyMs };
  },

  async fa2LibraryWorker({ ms }) {
    if (!graph) throw new Error('kgBench.fa2LibraryWorker: call setup first');
    const g = graph;
    restorePositions(g);
    const started = performance.now();
    const supervisor = new FA2LayoutSupervisor(g, { settings: fa2Settings(g) });
    let first = 0;
    let iterations = 0;
    // The supervisor applies each iteration's positions with one updateEachNodeAttributes call.
    const onIteration = () => void (++iterations === 1 && (first = performance.now()));
    g.on('eachNodeAttributesUpdated', onIteration);
    let stopped = started;
    try {
      supervisor.start();
      const deadline = started + 60_000;
      while (iterations === 0 && performance.now() < deadline) await new Promise((r) => setTimeout(r, 5));
      await new Promise((r) => setTimeout(r, Math.max(0, started + ms - performance.now())));
      stopped = performance.now();
      supervisor.stop();
    } finally {
      g.off('eachNodeAttributesUpdated', onIteration);
      supervisor.kill();
    }
    restorePositions(g);
    // Its first message carries one iteration's positions: the wait for it is its set-up and that iteration.
    return { iterations, ms: stopped - started, perSecond: (iterations * 1000) / (stopped - started), setupMs: first - started };
  },

  fa2SyncSettle() {
    if (!graph) throw new Error('kgBench.fa2SyncSettle: call setup first');
    const settings = { ...fa2Defaults, ...fa2Settings(graph) };
    // The baseline is the library's steady rate on this thread: the worker's warm-up
    // (src/app/layout/fa2WarmUp.ts) and then SYNC_SETTLE iterations on this graph, none counted.
    // The warm-up alone did not always spare the main thread V8's deopt loop (an iteration of 5-8 s).
    warmUpIterate(settings, graph.order);
    const settle = graphToByteArrays(graph, weightOf);
    for (let i = 0; i < SYNC_SETTLE; i++) iterate(settings, settle.nodes, settle.edges);
  },

  fa2Sync({ ms }) {
    if (!graph) throw new Error('kgBench.fa2Sync: call setup first');
    const settings = { ...fa2Defaults, ...fa2Settings(graph) };
    // What forceAtlas2(graph, { iterations, settings }) runs (index.js): the matrices, then the
    // library's iteration, here until `ms` have passed rather than for a count guessed beforehand.
    const t0 = performance.now();
    const { nodes, edges } = graphToByteArrays(graph, weightOf);
    let iterations = 0;
    do {
      iterate(settings, nodes, edges);
      iterations++;
    } while (performance.now() - t0 < ms);
    const elapsed = performance.now() - t0;
    return { iterations, ms: elapsed, perSecond: (iterations * 1000) / elapsed };
  },
};
