import type { Span } from '../model/types.ts';
import { foldCase } from '../text/fold.ts';
import { graphemeBoundaries, type GraphemeBoundaries } from '../text/graphemes.ts';

export type QuoteLocation = { span: Span } | { error: string };

/**
 * Finds a verbatim quote in the article. A quote that occurs more than once needs `occurrence`
 * (1-based): guessing would ground the relation in the wrong sentence. An occurrence that starts
 * or ends inside a character (half a surrogate pair, a letter before its accent) does not count.
 */
export function locateQuote(text: string, quote: string, occurrence?: number, boundaries = graphemeBoundaries(text)): QuoteLocation {
  const starts: number[] = [];
  let split: number | undefined;
  for (let at = text.indexOf(quote); at !== -1; at = text.indexOf(quote, at + 1)) {
    if (boundaries.isBoundary(at) && boundaries.isBoundary(at + quote.length)) starts.push(at);
    else split ??= at;
  }
  if (starts.length === 0) {
    if (split !== undefined) {
      return { error: `evidence occurs at offset ${split} only inside other characters (it cuts a character in half there): "${preview(quote)}"` };
    }
    const folded = foldCase(text).indexOf(foldCase(quote));
    const hint = folded === -1 ? '' : ` (it does occur with different case at offset ${folded})`;
    return { error: `evidence is not in the article verbatim${hint}: "${preview(quote)}"` };
  }
  if (occurrence !== undefined) {
    const start = starts[occurrence - 1];
    if (start === undefined) {
      return { error: `occurrence ${occurrence} asked for, but the evidence occurs ${starts.length} time(s)` };
    }
    return { span: { start, end: start + quote.length, text: quote } };
  }
  if (starts.length > 1) {
    return {
      error: `evidence occurs ${starts.length} times (offsets ${starts.slice(0, 10).join(', ')}${starts.length > 10 ? ', …' : ''}): quote more of the sentence or set occurrence`,
    };
  }
  const start = starts[0]!;
  return { span: { start, end: start + quote.length, text: quote } };
}

function preview(quote: string): string {
  return quote.length > 80 ? `${quote.slice(0, 77)}...` : quote;
}

/** A surface form (label or alias) and the entity it names. */
export interface SurfaceForm {
  form: string;
  entity: string;
}

interface TrieNode {
  next: Map<number, TrieNode>;
  entity?: string;
}

/** Letters and digits make words; everything else (space, punctuation, symbols) separates them. */
const WORD = /[\p{L}\p{N}]/u;
function isWordAt(cp: number | undefined): boolean {
  if (cp === undefined) return false;
  if (cp < 128) return (cp >= 48 && cp <= 57) || ((cp | 32) >= 97 && (cp | 32) <= 122);
  return WORD.test(String.fromCodePoint(cp));
}
/** The code point that ends just before `offset`. */
function codePointBefore(text: string, offset: number): number | undefined {
  if (offset <= 0) return undefined;
  const low = text.charCodeAt(offset - 1);
  if (low >= 0xdc00 && low <= 0xdfff && offset >= 2) {
    const high = text.charCodeAt(offset - 2);
    if (high >= 0xd800 && high <= 0xdbff) return text.codePointAt(offset - 2);
  }
  return low;
}

/**
 * Every mention of every entity, matched case-insensitively (a fold that keeps offsets, so
 * "İstanbul" finds "İstanbul") on whole words and whole characters, leftmost-longest and without
 * overlap: "Keir Starmer" is one mention of Starmer, not also a mention via "Starmer".
 * A trie of the folded forms is walked from each word start, so the time is linear in the text
 * (times the longest name, which the schema caps), whatever the number or length of names.
 * Returns mentions per entity id, in text order.
 */
export function findMentions(text: string, forms: SurfaceForm[], boundaries: GraphemeBoundaries = graphemeBoundaries(text)): Map<string, Span[]> {
  const root: TrieNode = { next: new Map() };
  for (const { form, entity } of forms) {
    if (!form) continue;
    let node = root;
    const folded = foldCase(form);
    for (let i = 0; i < folded.length; i++) {
      const c = folded.charCodeAt(i);
      let child = node.next.get(c);
      if (!child) node.next.set(c, (child = { next: new Map() }));
      node = child;
    }
    node.entity ??= entity;
  }
  const mentions = new Map<string, Span[]>();
  if (root.next.size === 0) return mentions;
  const folded = foldCase(text);
  let i = 0;
  while (i < text.length) {
    let end = -1;
    let entity: string | undefined;
    if (root.next.has(folded.charCodeAt(i)) && !isWordAt(codePointBefore(text, i)) && boundaries.isBoundary(i)) {
      let node: TrieNode | undefined = root;
      for (let j = i; j < folded.length; j++) {
        node = node.next.get(folded.charCodeAt(j));
        if (!node) break;
        if (node.entity !== undefined && !isWordAt(text.codePointAt(j + 1)) && boundaries.isBoundary(j + 1)) {
          end = j + 1;
          entity = node.entity;
        }
      }
    }
    if (entity === undefined) {
      i++;
      continue;
    }
    const span = { start: i, end, text: text.slice(i, end) };
    const list = mentions.get(entity);
    if (list) list.push(span);
    else mentions.set(entity, [span]);
    i = end;
  }
  return mentions;
}
