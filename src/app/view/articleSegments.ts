import type { Span } from '../../model/types.ts';

export interface Segment {
  start: number;
  end: number;
  /** The entity this stretch of text mentions, if any. */
  node?: string;
}

/**
 * Cuts the article into plain stretches and mentions, in order, covering every character once.
 * Mentions never overlap (the builder matches leftmost-longest), so the cut is unambiguous.
 */
export function segmentArticle(length: number, mentions: { node: string; span: Span }[]): Segment[] {
  const sorted = [...mentions].sort((a, b) => a.span.start - b.span.start);
  const segments: Segment[] = [];
  let at = 0;
  for (const { node, span } of sorted) {
    if (span.start < at) continue;
    if (span.start > at) segments.push({ start: at, end: span.start });
    segments.push({ start: span.start, end: span.end, node });
    at = span.end;
  }
  if (at < length) segments.push({ start: at, end: length });
  return segments;
}
