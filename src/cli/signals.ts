import { visible } from './terminal.ts';

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/**
 * Until the returned function is called, Ctrl-C, SIGTERM and SIGHUP run `cleanup` and exit 1
 * with one line on stderr. Node's default is to die on the spot, which would skip the cleanup
 * (a temp file would be left behind). `cleanup` returns what the line should say happened.
 */
export function onInterrupt(cleanup: () => string): () => void {
  const handler = () => {
    const outcome = cleanup();
    try {
      process.stderr.write(`kg: interrupted: ${visible(outcome)}\n`);
    } catch {
      // After SIGHUP the terminal may be gone; the cleanup is what matters.
    }
    process.exit(1);
  };
  for (const signal of SIGNALS) process.on(signal, handler);
  return () => {
    for (const signal of SIGNALS) process.off(signal, handler);
  };
}
