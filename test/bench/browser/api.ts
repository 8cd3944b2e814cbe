/** What the bench pages put on window.kgBench, for test/bench/browser.ts to call through page.evaluate. */

export interface HoverSample {
  node: string;
  degree: number;
  /** store.update() start -> sigma 'beforeRender': our view model (visibility, highlight) + reducers over the graph. */
  reducersMs: number;
  /** sigma 'beforeRender' -> 'afterRender': sigma's process() and the WebGL/canvas calls (issued, not yet drawn). */
  renderMs: number;
  /** The whole synchronous store.update() call: the JavaScript side. */
  jsMs: number;
  /** store.update() start -> GL work finished (readPixels on sigma's WebGL contexts), only when `sync`. */
  drawnMs: number | null;
  /** store.update() start -> the next requestAnimationFrame callback. */
  frameMs: number;
}

export interface SetupInfo {
  nodes: number;
  edges: number;
  buildGraphMs: number;
  createViewMs: number;
}

export interface Fa2Figures {
  iterations: number;
  ms: number;
  perSecond: number;
}

export interface HoverBenchApi {
  setup(options: { nodes: number; edges: number; seed: number }): SetupInfo;
  hover(options: { count: number; seed: number; sync: boolean }): Promise<HoverSample[]>;
  /** Kills the sigma view (nothing renders any more), then runs FA2 in its worker for `ms`. */
  fa2Worker(options: { ms: number }): Promise<Fa2Figures>;
  /** Synchronous forceAtlas2 in the page, for about `ms`. */
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
