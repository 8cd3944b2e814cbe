/**
 * GEXF 1.2 through graphology-gexf, held to the GraphML writer's character contract (./xml.ts).
 *
 * graphology-gexf (with xml-writer) escapes markup but copies characters XML 1.0 forbids into the
 * document, which then is not XML at all: every string is passed through `xmlChars` first.
 * Where the strings land decides what else a parser would change:
 * - node and edge labels and every `<attvalue value="…">` are attribute values, where xml-writer
 *   writes tab, LF and CR as character references: attribute-value normalisation keeps them;
 * - the graph's metadata (title, publisher, …) are `<meta>` child elements, where xml-writer
 *   writes CR raw and a parser would read it as LF;
 * - NEL (U+0085) and LS (U+2028) go out raw everywhere, and XML 1.1 parsers and xmldom (which
 *   graphology-gexf's own parser uses in Node) read them as line ends.
 * The writer's markup is ASCII names, quotes, `<>/=` and LF indentation, so a raw CR, NEL or LS
 * in its output can only be inside a value: each becomes a character reference there, as our
 * GraphML writes them, and every parser keeps it.
 * Empty strings are written as no value (graphology-gexf skips them), as in our GraphML; an empty
 * `<meta>` entry is an empty element.
 */
import writeGexf from 'graphology-gexf/common/writer.js';
import type { FlatGraph } from './flatten.ts';
import { mapGraphStrings } from './wellFormed.ts';
import { xmlChars } from './xml.ts';

const LINE_ENDS = /[\r\u0085\u2028]/g;
const REFERENCE: Record<string, string> = { '\r': '&#13;', '\u0085': '&#133;', '\u2028': '&#8232;' };

export function gexfString(graph: FlatGraph): string {
  return writeGexf(mapGraphStrings(graph, xmlChars), { pretty: true }).replace(LINE_ENDS, (c) => REFERENCE[c]!);
}
