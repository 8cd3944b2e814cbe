import repl from 'node:repl';
import { inspect } from 'node:util';
import type { LoadedArticle } from '../corpus/built.ts';
import type { KgGraph } from '../model/types.ts';
import { bindQueries } from '../query/index.ts';
import { compareText } from '../query/compare.ts';

type Completer = (line: string, callback: (error: Error | null, result: [string[], string]) => void) => void;

/** Labels, aliases and ids: what a person may type inside quotes. An id that differs from a name only in case is left out. */
export function entityNames(graph: KgGraph): string[] {
  const names = new Map<string, string>();
  graph.forEachNode((_, a) => [a.label, ...a.aliases].forEach((n) => names.set(n.toLowerCase(), n)));
  graph.forEachNode((id) => names.has(id) || names.set(id, id));
  return [...names.values()].sort(compareText);
}

/** Completes an entity name after an open quote, e.g. `neighbours("sta` -> `Starmer`. */
export function completeEntity(names: string[], line: string): [string[], string] | undefined {
  // Only a quote still open at the end of the line starts a name (`show("UK")` is finished).
  let quote: string | null = null;
  let start = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quote === null && (c === '"' || c === "'" || c === '`')) [quote, start] = [c, i + 1];
    else if (c === quote && line[i - 1] !== '\\') quote = null;
  }
  if (quote === null) return undefined;
  const typed = line.slice(start);
  // A name holding the open quote ("EU leaders' dinner" inside '…') is escaped so the string stays open.
  const matches = names.filter((n) => n.toLowerCase().startsWith(typed.toLowerCase())).map((n) => n.replaceAll(quote!, `\\${quote}`));
  return [matches, typed];
}

export const REPL_HELP = `The graph of "%s" is loaded.
  neighbours(name, {depth, direction, relations, types})   (also neighbors)
  path(a, b, {directed})   search(text)   show(name)   stats()   resolve(name)
  graph   the graphology MultiDirectedGraph      text   the article
Names are ids, labels or aliases, any case; press Tab inside quotes to complete one.`;

export async function startRepl(article: LoadedArticle): Promise<void> {
  const queries = bindQueries(article.graph);
  console.log(REPL_HELP.replace('%s', String(article.graph.getAttribute('title'))));
  const server = repl.start({
    prompt: 'kg> ',
    writer: (value) => inspect(value, { depth: 6, colors: process.stdout.isTTY, breakLength: 100 }),
  });
  Object.assign(server.context, queries, { graph: article.graph, text: article.text, kg: queries });
  const names = entityNames(article.graph);
  const fallback = server.completer as Completer;
  // Replacing the completer after start keeps Node's own completion for everything but names.
  (server as unknown as { completer: Completer }).completer = (line, callback) => {
    const entity = completeEntity(names, line);
    if (entity) callback(null, entity);
    else fallback.call(server, line, callback);
  };
  await new Promise<void>((done) => server.on('exit', done));
}
