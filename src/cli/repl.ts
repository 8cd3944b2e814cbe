import type { EventEmitter } from 'node:events';
import repl, { type REPLServer } from 'node:repl';
import { inspect } from 'node:util';
import type { LoadedArticle } from '../corpus/built.ts';
import { completeEntity, namedEntities } from './replComplete.ts';
import { Renderings, replQueries } from './replQueries.ts';
import { visible } from './terminal.ts';
import { queryError } from './userError.ts';

type Completer = (line: string, callback: (error: Error | null, result: [string[], string]) => void) => void;

export interface ReplStreams {
  input?: NodeJS.ReadableStream;
  output?: NodeJS.WritableStream;
  /** Line editing and Tab completion; by default when the output is a terminal. */
  terminal?: boolean;
}

/**
 * The console: the query functions bound to the article, results printed as the CLI prints them,
 * an unknown name or a wrong call answered in one line as the CLI answers it.
 */
export async function startRepl(article: LoadedArticle, streams: ReplStreams = {}): Promise<void> {
  const output = streams.output ?? process.stdout;
  const renderings = new Renderings();
  const queries = replQueries(article, renderings);
  const colors = Boolean((output as { isTTY?: boolean }).isTTY);
  const { graph } = article;
  output.write(
    `The graph of "${visible(String(graph.getAttribute('title')))}" is loaded: ${graph.order} entities, ${graph.size} relations.\n` +
      'Type help() for the functions and their options; Tab inside quotes completes a name.\n',
  );
  const writer = (value: unknown) => {
    const failure = queryError(value);
    if (failure) return `kg: ${failure.message}`;
    return renderings.text(value) ?? inspect(value, { depth: 6, colors, breakLength: 100 });
  };
  const server = repl.start({ prompt: 'kg> ', input: streams.input ?? process.stdin, output, terminal: streams.terminal, writer });
  Object.assign(server.context, queries, { graph, text: article.text, kg: queries });
  answerQueryErrorsInOneLine(server, writer);
  const entities = namedEntities(graph);
  const fallback = server.completer as Completer;
  // Replacing the completer after start keeps Node's own completion for everything but names.
  (server as unknown as { completer: Completer }).completer = (line, callback) => {
    const entity = completeEntity(entities, line);
    if (entity) callback(null, entity);
    else fallback.call(server, line, callback);
  };
  await new Promise<void>((done) => server.on('exit', done));
}

/**
 * Node prints a thrown error as "Uncaught " and the writer's text of it; for a query error (no
 * such entity, a bad option) the CLI's line alone is the answer, so those are printed here and
 * everything else is left to Node. Node's REPL reports errors through its domain (lib/repl.js,
 * `debugDomainError`): if that ever changes, this does nothing and the writer still prints the
 * query error in one line, after Node's "Uncaught".
 */
function answerQueryErrorsInOneLine(server: REPLServer, writer: (value: unknown) => string): void {
  const domain = (server as unknown as { _domain?: EventEmitter })._domain;
  const listeners = domain?.listeners('error') ?? [];
  if (!domain || listeners.length !== 1) return;
  const [nodeHandler] = listeners as ((error: unknown) => void)[];
  domain.removeAllListeners('error');
  domain.on('error', (error: unknown) => {
    if (!queryError(error)) return nodeHandler!.call(domain, error);
    server.output.write(`${writer(error)}\n`);
    server.clearBufferedCommand();
    server.displayPrompt();
  });
}
