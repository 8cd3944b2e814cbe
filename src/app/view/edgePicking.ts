import type { EdgeProgramType, ProgramInfo } from 'sigma/rendering';
import type { RenderParams } from 'sigma/types';

/** What sigma's Program does per pass (protected there; not in EdgeProgramType's public face). */
interface Renders {
  renderProgram(params: RenderParams, programInfo: ProgramInfo): void;
}

/**
 * Edges as thick in sigma's picking layer as `factor` times their drawn minimum. Sigma finds
 * the edge under the pointer in a picking buffer drawn at half resolution, where a 1.7-pixel
 * edge covers less than a pixel and about half the points on an edge miss it. The edges look
 * the same; only the band that answers the pointer widens.
 */
export function widerPicking(Program: EdgeProgramType, factor = 4): EdgeProgramType {
  return class extends Program {
    constructor(...args: ConstructorParameters<EdgeProgramType>) {
      super(...args);
      const self = this as unknown as Renders;
      const render = self.renderProgram.bind(this);
      self.renderProgram = (params, info) => render(info.isPicking ? { ...params, minEdgeThickness: params.minEdgeThickness * factor } : params, info);
    }
  };
}
