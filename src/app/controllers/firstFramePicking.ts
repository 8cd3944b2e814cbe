import type Sigma from 'sigma';
import { Program } from 'sigma/rendering';

type Render = (this: Program, params: Parameters<Program['render']>[0]) => void;
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any program class, whatever its constructor takes
type ProgramClass = abstract new (...args: any[]) => unknown;

/**
 * Runs `draw` (the code that builds the renderer and draws its first frame) with sigma's picking
 * passes left out, and the `deferred` programs not drawn at all, then hands back `fillPicking`,
 * which draws everything. Under software GL every program pass costs a pipeline compile at its
 * first draw, and the first frame waits for all of them: each sigma program draws twice (on
 * screen, and into the offscreen buffer that finds what is under the pointer, which does not
 * show), and the edges take three programs (line, arrow head, curve). Drawn with one program per
 * kind, the first frame waits for two compiles instead of eight; the rest follow one frame later.
 * Nothing can be pointed at before the picking layers exist, so `fillPicking` belongs right after
 * the first paint.
 *
 * Sigma's programs share Program.prototype.render (the compound programs call their parts'); it is
 * patched only for the duration of `draw`, which is synchronous.
 */
export function withoutPicking<T extends { renderer: Sigma }>(draw: () => T, deferred: readonly ProgramClass[] = []): { drawn: T; fillPicking: () => void } {
  const proto = Program.prototype as unknown as { render: Render };
  const render = proto.render;
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
  }
  // A render of what is already processed: sigma draws every pass again, picking included.
  return { drawn, fillPicking: () => drawn.renderer.refresh({ partialGraph: { nodes: [], edges: [] }, skipIndexation: true }) };
}
