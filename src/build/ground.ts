import type { Span } from '../model/types.ts';

export type QuoteLocation = { span: Span } | { error: string };

/**
 * Finds a verbatim quote in the article. A quote that occurs more than once needs `occurrence`
 * (1-based): guessing would ground the relation in the wrong sentence.
 */
export function locateQuote(text: string, quote: string, occurrence?: number): QuoteLocation {
  const starts: number[] = [];
  for (let at = text.indexOf(quote); at !== -1; at = text.indexOf(quote, at + 1)) starts.push(at);
  if (starts.length === 0) {
    const folded = text.toLowerCase().indexOf(quote.toLowerCase());
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
      error: `evidence occurs ${starts.length} times (offsets ${starts.join(', ')}): quote more of the sentence or set occurrence`,
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

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Every mention of every entity, matched case-insensitively on whole words, leftmost-longest and
 * without overlap: "Keir Starmer" is one mention of Starmer, not also a mention via "Starmer".
 * Returns mentions per entity id, in text order.
 */
export function findMentions(text: string, forms: SurfaceForm[]): Map<string, Span[]> {
  const byForm = new Map(forms.map((f) => [f.form.toLowerCase(), f.entity]));
  const mentions = new Map<string, Span[]>();
  if (byForm.size === 0) return mentions;
  // Longest first, because regex alternation takes the first branch that matches, not the longest.
  const alternatives = [...byForm.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp);
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`, 'giu');
  for (const match of text.matchAll(pattern)) {
    const entity = byForm.get(match[0].toLowerCase());
    if (entity === undefined) continue;
    const span = { start: match.index, end: match.index + match[0].length, text: match[0] };
    const list = mentions.get(entity);
    if (list) list.push(span);
    else mentions.set(entity, [span]);
  }
  return mentions;
}
