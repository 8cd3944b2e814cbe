import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { REPO } from './sources.ts';

export const KG_BIN = join(REPO, 'dist/cli/kg.cjs');

/** Runs the built `kg` binary the way a user does, from the repository unless told otherwise. */
export function kg(args: string[], options: { cwd?: string; input?: string; env?: Record<string, string> } = {}) {
  const result = spawnSync(process.execPath, [KG_BIN, ...args], {
    cwd: options.cwd ?? REPO,
    input: options.input,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', KG_DATA: '', KG_ARTICLE: '', ...options.env },
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
