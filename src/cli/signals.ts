import { visible } from './terminal.ts';

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/** What to undo on an interrupt, innermost last: each write in progress registers its own. */
const cleanups: (() => string)[] = [];

function onSignal(): void {
  // Innermost first (a temp file inside a temp folder), every one of them.
  const outcomes = [...cleanups].reverse().map((cleanup) => {
    try {
      return cleanup();
    } catch {
      return '';
    }
  });
  try {
    // One line, saying what the outermost operation left as it was.
    process.stderr.write(`kg: interrupted: ${visible(outcomes[outcomes.length - 1] ?? 'nothing written')}\n`);
  } catch {
    // After SIGHUP the terminal may be gone; the cleanup is what matters.
  }
  process.exit(1);
}

/**
 * Until the returned function is called, Ctrl-C, SIGTERM and SIGHUP run `cleanup` (with those of
 * any enclosing operation) and exit 1 with one line on stderr. Node's default is to die on the
 * spot, which would skip the cleanup (a temp file would be left behind). `cleanup` returns what
 * the line should say happened.
 */
export function onInterrupt(cleanup: () => string): () => void {
  if (cleanups.length === 0) for (const signal of SIGNALS) process.on(signal, onSignal);
  cleanups.push(cleanup);
  return () => {
    const at = cleanups.lastIndexOf(cleanup);
    if (at !== -1) cleanups.splice(at, 1);
    if (cleanups.length === 0) for (const signal of SIGNALS) process.off(signal, onSignal);
  };
}
