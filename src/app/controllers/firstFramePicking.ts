import type Sigma from 'sigma';
import { Program, type ProgramInfo } from 'sigma/rendering';

type Render = (this: Program, params: Parameters<Program['render']>[0]) => void;
type GetInfo = (this: Program, ...args: unknown[]) => ProgramInfo;
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any program class, whatever its constructor takes
type ProgramClass = abstract new (...args: any[]) => unknown;

/**
 * A program's compiled shaders as sigma holds them, compiled only when first read. Sigma's
 * Program compiles and links every pass of every program in sigma's constructor, and each
 * compile waits on the GPU process (a status query, then the uniform and attribute locations);
 * the first frame draws two of the nine. The stand-in keeps its identity for good (the upload
 * bookkeeping keys buffers by it), and hands every read and write to the real one.
 */
function compiledOnFirstUse(compile: () => ProgramInfo): ProgramInfo {
  let info: ProgramInfo | undefined;
  const real = () => (info ??= compile());
  return new Proxy({} as ProgramInfo, {
    get: (_, key) => Reflect.get(real(), key),
    set: (_, key, value) => Reflect.set(real(), key, value),
    has: (_, key) => Reflect.has(real(), key),
  });
}

/**
 * Runs `draw` (the code that builds the renderer and draws its first frame) with sigma's picking
 * passes left out, the `deferred` programs not drawn at all, and every program compiled when it is
 * first drawn rather than when sigma builds it; then hands back `fillPicking`, which draws
 * everything. Under software GL every program pass costs a compile when built and a pipeline
 * compile at its first draw, and the first frame waits for all of them: each sigma program draws
 * twice (on screen, and into the offscreen buffer that finds what is under the pointer, which does
 * not show), the edges take three programs (line, arrow head, curve), and the hover layer has its
 * own. Drawn with one program per kind, the first frame waits for two compiles instead of nine;
 * the rest follow one frame later. Nothing can be pointed at before the picking layers exist, so
 * `fillPicking` belongs right after the first paint.
 *
 * Sigma's programs share Program.prototype (the compound programs call their parts'); it is
 * patched only for the duration of `draw`, which is synchronous.
 */
export function withoutPicking<T extends { renderer: Sigma }>(draw: () => T, deferred: readonly ProgramClass[] = []): { drawn: T; fillPicking: () => void } {
  const proto = Program.prototype as unknown as { render: Render; getProgramInfo: GetInfo };
  const { render, getProgramInfo } = proto;
  proto.getProgramInfo = function (this: Program, ...args: unknown[]) {
    return compiledOnFirstUse(() => getProgramInfo.apply(this, args));
  };
  proto.render = function (this: Program, params) {
    if (deferred.some((Deferred) => this instanceof Deferred)) return;
    const self = this as unknown as { pickProgram: unknown };
    const pick = self.pickProgram;
    self.pickProgram = null;
    try {
      render.call(this, params);
    } finally {
      self.pickProgram = pick;
    }
  };
  let drawn: T;
  try {
    drawn = draw();
  } finally {
    proto.render = render;
    proto.getProgramInfo = getProgramInfo;
  }
  // A render of what is already processed: sigma draws every pass again, picking included.
  return { drawn, fillPicking: () => drawn.renderer.refresh({ partialGraph: { nodes: [], edges: [] }, skipIndexation: true }) };
}
