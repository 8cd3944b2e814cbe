import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createServer, type ViteDevServer } from 'vite';
import { REPO } from './sources.ts';

const URL_RE = /http:\/\/127\.0\.0\.1:\d+\//;

/** The dev server in this process, on a free port, serving `dataDir` (KG_DATA) if given. */
export async function devServer(dataDir?: string): Promise<{ server: ViteDevServer; url: string }> {
  const previous = process.env.KG_DATA;
  if (dataDir) process.env.KG_DATA = dataDir;
  try {
    const server = await createServer({ configFile: join(REPO, 'vite.config.ts'), mode: 'development', logLevel: 'silent', server: { port: 0, strictPort: false, hmr: false } });
    await server.listen();
    const address = server.httpServer!.address();
    if (!address || typeof address === 'string') throw new Error('no port');
    return { server, url: `http://127.0.0.1:${address.port}` };
  } finally {
    if (previous === undefined) delete process.env.KG_DATA;
    else process.env.KG_DATA = previous;
  }
}

export interface NpmStart {
  /** The URL `npm start` printed, with its trailing slash. */
  url: string;
  /** Everything it printed to stdout so far. */
  output: () => string;
  stop: () => Promise<void>;
}

/**
 * Runs `npm start` as a user would (the real script: kg bundle, validate, vite) on a free port,
 * and resolves once it prints the explorer's URL.
 */
export async function npmStart(env: Record<string, string> = {}): Promise<NpmStart> {
  const child = spawn('npm', ['start', '--', '--port', '0'], { cwd: REPO, env: { ...process.env, NO_COLOR: '1', ...env }, detached: true });
  let text = '';
  let errors = '';
  child.stdout.on('data', (chunk) => (text += chunk));
  child.stderr.on('data', (chunk) => (errors += chunk));
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const stop = async () => {
    try {
      // detached: npm, its shell and vite share one process group, all stopped together.
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      return;
    }
    await exited;
  };
  try {
    const url = await new Promise<string>((done, fail) => {
      const timer = setTimeout(() => fail(new Error(`npm start printed no URL:\n${text}\n${errors}`)), 60_000);
      const check = () => {
        const found = URL_RE.exec(text);
        if (found) {
          clearTimeout(timer);
          done(found[0]);
        }
      };
      child.stdout.on('data', check);
      void exited.then(() => fail(new Error(`npm start exited:\n${text}\n${errors}`)));
    });
    return { url, output: () => text, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
