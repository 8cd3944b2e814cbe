import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A private PostgreSQL server for the store tests: its own data folder, socket folder and port
 * in a temporary folder, started with Debian's binaries (as the `postgres` user when the tests
 * run as root, which PostgreSQL refuses to run as) and stopped afterwards. Missing binaries are a
 * failure that says how to get them, never a silent skip.
 */

const BIN_DIRS = ['/usr/lib/postgresql/17/bin', '/usr/lib/postgresql/16/bin', '/usr/lib/postgresql/15/bin'];

export interface PostgresServer {
  /** A URL for the server's `kg` superuser and database, over its private socket. */
  url: string;
  stop(): void;
}

function binDir(): string {
  const dir = BIN_DIRS.find((d) => existsSync(join(d, 'initdb')) && existsSync(join(d, 'pg_ctl')));
  if (!dir) throw new Error('PostgreSQL binaries not found (looked in /usr/lib/postgresql/*/bin): run .ci/run, which installs Debian\'s postgresql');
  return dir;
}

export function startPostgres(): PostgresServer {
  const bin = binDir();
  const root = mkdtempSync(join(tmpdir(), 'kg-pg-'));
  const data = join(root, 'data');
  const socket = root;
  // A port of our own: tests in other workers may run their own servers.
  const port = 20000 + Math.floor(Math.random() * 20000);
  const asRoot = process.getuid?.() === 0;
  const run = (command: string, args: string[]) => {
    if (!asRoot) return execFileSync(join(bin, command), args, { stdio: 'pipe' });
    const line = [join(bin, command), ...args].map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(' ');
    return execFileSync('su', ['postgres', '-s', '/bin/sh', '-c', line], { stdio: 'pipe' });
  };
  if (asRoot) {
    chmodSync(root, 0o755);
    execFileSync('chown', ['postgres', root]);
  }
  run('initdb', ['-D', data, '-A', 'trust', '-U', 'kg', '-E', 'UTF8', '--locale', 'C']);
  run('pg_ctl', ['-D', data, '-l', join(root, 'log'), '-o', `-k ${socket} -p ${port} -c listen_addresses= -c fsync=off -c synchronous_commit=off -c full_page_writes=off`, 'start', '-w']);
  const created = spawnSync(join(bin, 'createdb'), ['-h', socket, '-p', String(port), '-U', 'kg', 'kg']);
  if (created.status !== 0) throw new Error(`createdb failed: ${created.stderr}`);
  return {
    url: `postgres://kg@localhost:${port}/kg?host=${encodeURIComponent(socket)}`,
    stop() {
      try {
        run('pg_ctl', ['-D', data, 'stop', '-m', 'immediate', '-w']);
      } finally {
        rmSync(root, { recursive: true, force: true });
      }
    },
  };
}
