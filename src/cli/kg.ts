import { main } from './main.ts';

// Exit once stdout has drained: process.exit() right away could cut a piped export short.
main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
