import { parseArgs } from 'node:util';
import { UsageError } from '../model/errors.ts';
import { nearestName } from '../query/options.ts';
import { COMMANDS, GLOBAL_OPTIONS, commandSpec, type CommandSpec } from './commands.ts';

export type Values = Record<string, string | boolean | string[] | undefined>;

/**
 * The command a user named. A near miss is answered with the command meant, never run:
 * `kg neighbour` says "did you mean neighbours?".
 */
export function findCommand(name: string): CommandSpec {
  const spec = commandSpec(name);
  if (spec) return spec;
  const guess = nearestName(name, Object.keys(COMMANDS));
  throw new UsageError(`unknown command "${name}"; ${guess === undefined ? 'run kg --help' : `did you mean "${guess}"?`}`);
}

/** A command's options and arguments; an unknown option is refused with the one it most likely meant. */
export function parseCommand(command: string, spec: CommandSpec, args: string[]): { values: Values; positionals: string[] } {
  const options = { ...GLOBAL_OPTIONS, ...spec.options };
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true }) as { values: Values; positionals: string[] };
  } catch (error) {
    if ((error as { code?: unknown }).code !== 'ERR_PARSE_ARGS_UNKNOWN_OPTION') throw error;
    // Parsed again, leniently, to find which token it was: Node's message is prose, not data.
    const { tokens } = parseArgs({ args, options, allowPositionals: true, strict: false, tokens: true });
    const unknown = tokens.find((t) => t.kind === 'option' && !Object.hasOwn(options, t.name));
    if (unknown?.kind !== 'option') throw error;
    // A single letter is too short to guess from.
    const guess = unknown.rawName.startsWith('--') ? nearestName(unknown.name, Object.keys(options)) : undefined;
    throw new UsageError(`unknown option "${unknown.rawName}" for kg ${command}; ${guess === undefined ? `see kg ${command} --help` : `did you mean "--${guess}"?`}`);
  }
}
