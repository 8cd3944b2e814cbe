import { Program } from 'sigma/rendering';

type Render = (this: Program, params: Parameters<Program['render']>[0]) => void;

/**
 * Runs `draw` (the code that builds the renderer and draws its first frame) with sigma's picking
 * passes left out. Each sigma program draws twice: on screen, and into the offscreen buffer that
 * finds what is under the pointer, which does not show; under software GL every pass costs a
 * pipeline compile at its first draw, and the first frame would wait for both. Nothing can be
 * pointed at before the picking layers are drawn, so the next full render (GraphView's
 * `complete()`) belongs right after the first paint.
 *
 * Sigma's programs share Program.prototype.render (the compound programs call their parts'); it is
 * patched only for the duration of `draw`, which is synchronous.
 */
export function withoutPicking<T>(draw: () => T): T {
  const proto = Program.prototype as unknown as { render: Render };
  const render = proto.render;
  proto.render = function (this: Program, params) {
    const self = this as unknown as { pickProgram: unknown };
    const pick = self.pickProgram;
    self.pickProgram = null;
    try {
      render.call(this, params);
    } finally {
      self.pickProgram = pick;
    }
  };
  try {
    return draw();
  } finally {
    proto.render = render;
  }
}
