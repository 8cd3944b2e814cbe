import { GRADING_ADJECTIVES, TOPIC_HEADS } from './lexicon';
import type { Token } from './nlp';

/** A topic mention: tokens [first, last); `head` groups the mentions of one topic. */
export interface TopicMention {
  first: number;
  last: number;
  head: string;
  label: string;
}

/** The head lemma a token stands for, if it is a domain head; the tagger calls a capitalised noun that opens a sentence PROPN. */
function headOf(t: Token, opens: boolean): string | undefined {
  if (t.pos === 'NOUN') return TOPIC_HEADS.has(t.lemma) ? t.lemma : undefined;
  if (!opens || t.pos !== 'PROPN') return undefined;
  const w = t.text.toLowerCase();
  return TOPIC_HEADS.has(w) ? w : TOPIC_HEADS.has(w.replace(/s$/u, '')) ? w.replace(/s$/u, '') : undefined;
}
const isHead = (t: Token): boolean => headOf(t, false) !== undefined;

/** A classifying modifier: a noun or an adjective that does not grade, or "packaged" before a noun. */
function isModifier(t: Token, prev: Token | undefined): boolean {
  const w = t.text.toLowerCase();
  if (GRADING_ADJECTIVES.has(w) || /(?:er|est)$/u.test(w) && t.pos === 'ADJ') return false;
  // A plural noun before a noun is a subject or a list, seldom a classifier ("shoppers trade").
  if (t.pos === 'NOUN') return /^\p{Ll}/u.test(t.text) && !(w !== t.lemma.toLowerCase() && w.endsWith('s'));
  if (t.pos === 'ADJ') return /^\p{Ll}/u.test(t.text);
  // A participle used as an adjective, not as the verb after a subject ("Trump ordered tariffs").
  return t.pos === 'VERB' && w.endsWith('ed') && prev !== undefined && /^(?:ADJ|DET|NUM|ADV)$/u.test(prev.pos);
}

/**
 * Subject-matter noun phrases: classifying modifiers and a domain head noun ("irregular migration",
 * "packaged food" in "packaged food deal"). A bare head is a topic when it recurs or when a
 * compound shares it ("spending" with "defence spending"); compounds stand on one mention.
 */
export function findTopics(tokens: Token[], taken: Uint8Array): TopicMention[][] {
  const groups = new Map<string, TopicMention[]>();
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    // Capitals mean a name ("Strategic Defence Review"), except at a sentence's start.
    const opens = i === 0 || tokens[i - 1]!.sent !== t.sent;
    const head = taken[i] ? undefined : headOf(t, opens);
    if (head === undefined || (!opens && !/^\p{Ll}/u.test(t.text))) continue;
    // A head inside a hyphenated compound modifies something else ("inflation-weary").
    if (tokens[i + 1]?.text === '-' || tokens[i - 1]?.text === '-') continue;
    let s = i;
    while (s > 0 && !taken[s - 1] && tokens[s - 1]!.sent === t.sent && i - s < 3 && tokens[s - 2]?.text !== '-' && isModifier(tokens[s - 1]!, tokens[s - 2])) s--;
    // "military mobility and logistics": a second head joined by "and" belongs to the same topic.
    let e = i + 1;
    const next = tokens[i + 2];
    if (s < i && tokens[i + 1]?.text === 'and' && next && isHead(next) && !taken[i + 2] && tokens[i + 3]?.pos !== 'NOUN') e = i + 3;
    // A bare head after a subject is a verb the tagger took for a noun ("shares, which trade on").
    const before = tokens[i - 1];
    if (s === i && before && (/^(?:who|which|that|they|we|you|i)$/iu.test(before.text) || (before.pos === 'NOUN' && before.text.endsWith('s') && before.text !== before.lemma))) continue;
    const label = tokens.slice(s, e).map((x) => x.text).join(' ');
    const list = groups.get(head) ?? [];
    list.push({ first: s, last: e, head, label });
    groups.set(head, list);
    i = e - 1;
  }
  const out: TopicMention[][] = [];
  for (const list of groups.values()) if (list.length >= 2 || list.some((m) => m.last - m.first > 1)) out.push(list);
  return out;
}

/** The label a topic goes by: its most frequent compound form, else its head as written. */
export function topicLabel(list: TopicMention[]): string {
  const counts = new Map<string, number>();
  for (const m of list) counts.set(m.label, (counts.get(m.label) ?? 0) + (m.last - m.first > 1 ? 10 : 1));
  const lowerFirst = (l: string): number => (/^\p{Ll}/u.test(l) ? 1 : 0);
  return [...counts].sort((a, b) => b[1] - a[1] || b[0].length - a[0].length || lowerFirst(b[0]) - lowerFirst(a[0]))[0]![0];
}
