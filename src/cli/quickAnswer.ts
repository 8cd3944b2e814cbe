import { CORPUS_SLUG } from '../model/types.ts';
import { readAnswer } from './answersFile.ts';
import { cacheFile } from './cacheFiles.ts';
import { chooseArticle, findDataDir } from './dataDir.ts';
import { stampBytes } from './dataStamp.ts';
import { findCommand, parseCommand } from './parseCommand.ts';

/**
 * `kg neighbours NAME` as it is mostly typed (no option but --data and --article), answered
 * from the answers file (answersFile.ts) when it was rendered from the data as it is now: the
 * bytes to print. Undefined for anything else, and for anything that goes wrong (an unknown
 * option, a missing folder, a stale or absent file, a name the index does not settle): the
 * whole `kg` then answers, and reports, as for every other call. Only the argument parser,
 * the data folder's listing and the stamp load for it.
 */
export function quickAnswer(argv: readonly string[]): Buffer | undefined {
  const [command, ...rest] = argv;
  if ((command !== 'neighbours' && command !== 'neighbors') || process.env.KG_STORE) return undefined;
  try {
    const { values, positionals } = parseCommand(command, findCommand(command), rest);
    if (positionals.length !== 1 || Object.keys(values).some((option) => option !== 'data' && option !== 'article')) return undefined;
    const dataDir = findDataDir(values.data as string | undefined);
    const view = chooseArticle(dataDir, values.article as string | undefined) ?? CORPUS_SLUG;
    const stamp = stampBytes(dataDir, view);
    return stamp && readAnswer(cacheFile(dataDir, view, 'answers'), stamp, positionals[0]!);
  } catch {
    return undefined;
  }
}
