/** What the bench pages put on window.kgBench, for test/bench/browser.ts to call through page.evaluate. */

export interface HoverSample {
  node: string;
  degree: number;
  /** store.update() start -> sigma 'beforeRender': our view model (visibility, highlight) + reducers over the graph. */
  reducersMs: number;
  /** sigma 'beforeRender' -> 'afterRender': sigma's process() and the WebGL/canvas calls (issued, not yet drawn). */
  renderMs: number;
  /** The store.update() call and the microtasks it queued (the label layers): the JavaScript side. */
  jsMs: number;
  /** store.update() start -> the next requestAnimationFrame callback. */
  frameMs: number;
  /** store.update() start -> that frame's callback and the GL work on sigma's WebGL contexts both done (readPixels). */
  drawnMs: number;
}

export interface SetupInfo {
  nodes: number;
  edges: number;
  buildGraphMs: number;
  createViewMs: number;
  /** Whether sigma hides edges and labels while the camera moves (hideEdgesOnMove, hideLabelsOnMove). */
  hidesWhileMoving: boolean;
  /** Sigma's label grid density: labels are culled by the grid to about this many per cell. */
  labelDensity: number;
}

export interface CameraFigures {
  /** JavaScript per sigma frame while the view is moved: beforeRender -> the render's microtasks done (ms). */
  samples: number[];
  /** How many of those frames sigma drew with edges hidden while moving (hideEdgesOnMove on). */
  moving: number;
}

export interface Fa2Figures {
  iterations: number;
  /** From the start of the run (Run layout, or the synchronous call) until its last counted iteration's positions came (ours, synchronous) or until its stop (the library's worker). */
  ms: number;
  perSecond: number;
  /** Of `ms`, the time before the first iteration (ours) or until the first positions (the library's worker): matrices built and sent, the worker started (and ours warmed up). */
  setupMs?: number;
}

export interface HoverBenchApi {
  /** Builds the synthetic graph, and the explorer's sigma view of it when `view`. */
  setup(options: { nodes: number; edges: number; seed: number; view: boolean }): SetupInfo;
  hover(options: { count: number; seed: number }): Promise<HoverSample[]>;
  /** `frames` camera steps of a pan in progress (sigma's captor moving), each frame's JavaScript timed. */
  camera(options: { frames: number }): Promise<CameraFigures>;
  /** FA2 in its worker for about `ms` from the start (set-up counted), on a page set up without a view: nothing redraws. */
  fa2Worker(options: { ms: number }): Promise<Fa2Figures>;
  /** The same with graphology-layout-forceatlas2's own worker (one iteration per message), timed the same way: the baseline ours replaces. */
  fa2LibraryWorker(options: { ms: number }): Promise<Fa2Figures>;
  /** The library's iteration on this thread warmed up and run a few times, so that fa2Sync times its steady rate. */
  fa2SyncSettle(): void;
  /** Synchronous forceAtlas2 in the page, for about `ms`, its matrices' building counted (after fa2SyncSettle). */
  fa2Sync(options: { ms: number }): Fa2Figures;
}

export interface FirstFrameProbe {
  /** performance.now() (ms since navigation start) at the first WebGL draw call. */
  firstDraw: number | null;
  /** The first requestAnimationFrame after that draw, once the GL work of the drawing contexts has finished. */
  frame: number | null;
  /** Just after the rendering update that follows (a message posted from that rAF). */
  afterFrame: number | null;
  contexts: number;
}

declare global {
  interface Window {
    kgBench: HoverBenchApi;
    kgFirstFrame: FirstFrameProbe;
    /** The blank page's renderer. */
    kgBlankRenderer: import('sigma').default;
  }
}
