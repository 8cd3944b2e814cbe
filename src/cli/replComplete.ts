import type { KgGraph } from '../model/types.ts';
import { compareText } from '../query/compare.ts';
import { foldCase } from '../text/fold.ts';
import { visible } from './terminal.ts';

/** An entity as a person may name it inside quotes: its names (label first, then aliases) and its id. */
export interface NamedEntity {
  id: string;
  names: string[];
}

export function namedEntities(graph: KgGraph): NamedEntity[] {
  return graph.mapNodes((id, a) => ({ id, names: [a.label, ...a.aliases] }));
}

/**
 * The one name to offer for an entity when `typed` has been typed, case-insensitively: its label
 * if that begins so, else the first alias that does, else its id (an id is what one types only
 * when no name fits: offering "keir-starmer" beside "Keir Starmer" would stop Tab short).
 */
function completionFor(entity: NamedEntity, typed: string): string | undefined {
  const starts = (name: string) => foldCase(name).startsWith(typed);
  return entity.names.find(starts) ?? (starts(entity.id) ? entity.id : undefined);
}

/**
 * Completes an entity name after an open quote: `neighbours("Keir` -> `Keir Starmer`, one name per
 * entity, any case. Undefined outside quotes, which Node's own completer handles.
 */
export function completeEntity(entities: readonly NamedEntity[], line: string): [string[], string] | undefined {
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
  const folded = foldCase(typed);
  const names = new Set<string>();
  for (const entity of entities) {
    const name = completionFor(entity, folded);
    if (name !== undefined) names.add(name);
  }
  return [[...names].sort(compareText).map((n) => literalBody(n, quote!)), typed];
}

/**
 * A name as it must be written between `quote`s to mean itself: a backslash or the open quote
 * ("EU leaders' dinner" inside '…') escaped, so the string stays open; a control character as
 * its escape (terminal.ts `visible`), which both keeps it from the terminal and, in a JavaScript
 * string, stands for the very character.
 */
function literalBody(name: string, quote: string): string {
  const escaped = name.replaceAll('\\', '\\\\').replaceAll(quote, `\\${quote}`);
  return visible(quote === '`' ? escaped.replaceAll('${', '\\${') : escaped);
}
