import type { EdgeProgramType, NodeProgramType } from 'sigma/rendering';

/**
 * A sigma program that compiles nothing and draws nothing. Sigma registers its default programs
 * (`arrow`, `line`) beside the ones it is given, and a program for the hover layer: each costs
 * shader compiles in its constructor. A type no element is given can be held by this instead.
 */
class NoProgram {
  reallocate(): void {}
  process(): void {}
  render(): void {}
  kill(): void {}
}

export const NO_EDGE_PROGRAM = NoProgram as unknown as EdgeProgramType;
export const NO_NODE_PROGRAM = NoProgram as unknown as NodeProgramType;
