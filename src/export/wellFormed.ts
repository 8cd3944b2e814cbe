/**
 * The one sanitising step every export format shares (exportArticle applies it once, to the whole
 * graph, before any format sees it).
 *
 * Contract: a lone UTF-16 surrogate (half of a pair, which a YAML `"\ud800"` escape can put in a
 * description, attribute, qualifier, vocabulary label or meta field) becomes U+FFFD in GraphML,
 * GEXF, JSON and CSV alike. It is not a character: UTF-8 cannot encode it, so a file writer or a
 * Blob would replace it anyway, and JSON.stringify would write it as a `\ud800` escape that most
 * readers reject or mangle. Replacing it here makes the four formats agree and says so once.
 * Everything else passes through; the XML formats then replace what XML 1.0 cannot carry
 * (./xml.ts), and CSV quotes formula-like cells (./csv.ts).
 */
import type { AbstractGraph } from 'graphology-types';
import type { KgGraph } from '../model/types.ts';

/** In a `u` regex a surrogate pair is one code point, so `\p{Cs}` matches only lone halves. */
const LONE_SURROGATE = /\p{Cs}/gu;

export const REPLACEMENT_CHARACTER = '\uFFFD';

export function wellFormed(s: string): string {
  return s.replace(LONE_SURROGATE, REPLACEMENT_CHARACTER);
}

/**
 * `value` with `f` applied to every string value inside it (in arrays and plain objects; keys are
 * names the schema has checked). Object.fromEntries defines own properties, so a key such as
 * `__proto__` stays data.
 */
export function mapStrings<T>(value: T, f: (s: string) => string): T {
  if (typeof value === 'string') return f(value) as T;
  if (Array.isArray(value)) return value.map((v: unknown) => mapStrings(v, f)) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapStrings(v, f)])) as T;
  }
  return value;
}

/** A copy of `graph` (same type and options) with `f` applied to every string: ids, attributes, nested values. */
export function mapGraphStrings<G extends AbstractGraph>(graph: G, f: (s: string) => string): G {
  const copy = graph.nullCopy() as G;
  copy.import(mapStrings(graph.export(), f));
  return copy;
}

/** Whether any string inside `value` (as mapStrings walks it) passes `test`. */
function someString(value: unknown, test: (s: string) => boolean): boolean {
  if (typeof value === 'string') return test(value);
  if (Array.isArray(value)) return value.some((v: unknown) => someString(v, test));
  if (value !== null && typeof value === 'object') return Object.values(value).some((v) => someString(v, test));
  return false;
}

const hasLoneSurrogate = (s: string) => /\p{Cs}/u.test(s);

/**
 * The article graph as every export writes it. Copied only when a lone surrogate is there to be
 * replaced: the copy would double the memory of a large export, and real data never needs one.
 */
export function wellFormedGraph(graph: KgGraph): KgGraph {
  const found =
    someString(graph.getAttributes(), hasLoneSurrogate) ||
    graph.someNode((id, a) => hasLoneSurrogate(id) || someString(a, hasLoneSurrogate)) ||
    graph.someEdge((id, a) => hasLoneSurrogate(id) || someString(a, hasLoneSurrogate));
  return found ? mapGraphStrings(graph, wellFormed) : graph;
}
