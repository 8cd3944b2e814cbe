import { main } from './main.ts';

// `kg neighbours X | head` closes the pipe early: stop quietly, as a Unix tool killed by SIGPIPE
// would (status 128 + 13), instead of a stack trace for a reader that had read enough.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(141);
});

// Exit once stdout has drained: process.exit() right away could cut a piped export short.
main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
