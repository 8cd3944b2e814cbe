import { printBytes } from './printBytes.ts';
import { quickAnswer } from './quickAnswer.ts';

const argv = process.argv.slice(2);
// The commonest call answered without loading the rest of kg (quickAnswer.ts), else the whole of it.
// process.stdout is not touched on the quick path: creating it costs as much as the answer.
const answer = quickAnswer(argv);
if (answer) printBytes(answer);
else {
  // `kg neighbours X | head` closes the pipe early: stop quietly, as a Unix tool killed by SIGPIPE
  // would (status 128 + 13), instead of a stack trace for a reader that had read enough.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(141);
  });
  // Exit once stdout has drained: process.exit() right away could cut a piped export short.
  void import('./main.ts').then(async ({ main }) => {
    process.exitCode = await main(argv);
  });
}
