import type { Cluster } from './entities';
import { DEMONYMS } from './gazetteer';
import { DESCRIPTION_HEADS, EVENT_NOUNS, GENERIC_EVENT_NOUNS } from './lexicon';
import type { Token } from './nlp';

/** A located mention: tokens [first, last) naming cluster `key`. */
export interface Mention {
  first: number;
  last: number;
  key: number;
  rule: string;
}

/** Whether mention `m` is a country's adjective alone ("French", "the former Dutch prime minister"). */
export const isDemonymMention = (tokens: Token[], m: Mention): boolean => DEMONYMS.has(tokens.slice(m.first, m.last).map((t) => t.text).join(' '));

/**
 * Every whole-word occurrence of every cluster's forms, leftmost-longest, so "European Council"
 * beats "Council" and each token belongs to one mention. Upper-case (datelines) and
 * sentence-initial capitalised variants count too ("Von der Leyen").
 */
export function locateMentions(tokens: Token[], clusters: Cluster[]): Mention[] {
  const byFirst = new Map<string, { words: string[]; key: number }[]>();
  const add = (words: string[], key: number): void => {
    const variants = [words, words.map((w) => w.toUpperCase())];
    if (/^\p{Ll}/u.test(words[0]!)) variants.push([words[0]!.charAt(0).toUpperCase() + words[0]!.slice(1), ...words.slice(1)]);
    for (const v of variants) {
      const list = byFirst.get(v[0]!) ?? [];
      if (!list.some((x) => x.words.join(' ') === v.join(' '))) list.push({ words: v, key });
      byFirst.set(v[0]!, list);
    }
  };
  for (const k of clusters) for (const f of k.forms) if (f.length) add(f, k.key);
  for (const list of byFirst.values()) list.sort((a, b) => b.words.length - a.words.length);
  const out: Mention[] = [];
  for (let i = 0; i < tokens.length; ) {
    const list = byFirst.get(tokens[i]!.text);
    let hit: { words: string[]; key: number } | undefined;
    if (list) {
      for (const f of list) {
        if (i + f.words.length > tokens.length) continue;
        let ok = true;
        for (let j = 1; j < f.words.length && ok; j++) ok = tokens[i + j]!.text === f.words[j] && tokens[i + j]!.sent === tokens[i]!.sent;
        if (ok) { hit = f; break; }
      }
    }
    if (hit) {
      out.push({ first: i, last: i + hit.words.length, key: hit.key, rule: 'name-form' });
      i += hit.words.length;
    } else i++;
  }
  return out;
}

/**
 * "the bloc", "the alliance": a description refers to the organisation of matching name that was
 * named most recently before it; it is not guessed when none was.
 */
export function locateDescriptions(tokens: Token[], clusters: Cluster[], mentions: Mention[]): Mention[] {
  const out: Mention[] = [];
  let m = 0;
  const lastSeen = new Map<number, number>();
  for (let i = 0; i + 1 < tokens.length; i++) {
    while (m < mentions.length && mentions[m]!.first < i) lastSeen.set(mentions[m]!.key, mentions[m++]!.first);
    if (!/^(?:the|The)$/u.test(tokens[i]!.text)) continue;
    // "the privately held company": up to three modifiers before the head noun.
    let h = i + 1;
    while (h < tokens.length && h - i <= 3 && !DESCRIPTION_HEADS[tokens[h]!.text] && /^(?:ADJ|ADV|VERB)$/u.test(tokens[h]!.pos) && /^\p{Ll}/u.test(tokens[h]!.text)) h++;
    const head = tokens[h] ? DESCRIPTION_HEADS[tokens[h]!.text] : undefined;
    if (!head) continue;
    let best = -1;
    let bestAt = -1;
    for (const [key, at] of lastSeen) {
      if (clusters[key]!.type === 'organisation' && head.test(clusters[key]!.label) && at > bestAt) { best = key; bestAt = at; }
    }
    if (best >= 0) out.push({ first: i, last: h + 1, key: best, rule: 'description' });
  }
  return out;
}

/** Words after an event noun that make it one event ("a summit hosted by ...", "the talks held in Rome"). */
const PINNED = /^(?:hosted|chaired|organi[sz]ed|convened|held|called)$/u;
const PINNED_BY = /^(?:by|in|at|on)$/u;

/**
 * Events named by a common noun with a determiner ("the retreat", "a dinner") or a name's
 * possessive ("Germany's federal election"). Mentions of the same noun are one event; general
 * nouns ("the gathering") refer to the most mentioned event. An event named only once is too
 * weak to draft, unless the text pins it down: a possessive, or who hosted it or where it was held.
 */
export function findEventNouns(tokens: Token[], taken: Uint8Array): { noun: string; first: number; last: number; label: string; pinned?: boolean }[][] {
  const groups = new Map<string, { noun: string; first: number; last: number; label: string; pinned?: boolean }[]>();
  for (let i = 1; i < tokens.length; i++) {
    const w = tokens[i]!.text;
    if (!EVENT_NOUNS.has(w) || taken[i] || tokens[i]!.pos === 'VERB') continue;
    let s = i - 1;
    while (s > 0 && i - s < 4 && (tokens[s]!.pos === 'ADJ' || tokens[s]!.pos === 'NOUN') && tokens[s]!.sent === tokens[i]!.sent && !taken[s]) s--;
    if (tokens[s]!.sent !== tokens[i]!.sent) continue;
    // "Germany's federal election": the name before the possessive is taken, the rest is the event's.
    const possessive = tokens[s]!.text === "'s" && s > 0 && taken[s - 1] === 1 && /^\p{Lu}/u.test(tokens[s - 1]!.text);
    if (!possessive && !/^(?:the|a|an|its|their|this|that)$/iu.test(tokens[s]!.text)) continue;
    const words = tokens.slice(s + 1, i + 1).map((t) => t.text).join(' ');
    let pinned = possessive;
    for (let d = 1; d <= 6 && !pinned && tokens[i + d]?.sent === tokens[i]!.sent; d++) pinned = PINNED.test(tokens[i + d]!.text) && PINNED_BY.test(tokens[i + d + 1]?.text ?? '');
    let from = s;
    while (possessive && from > 0 && taken[from - 1] && tokens[from - 1]!.sent === tokens[s]!.sent) from--;
    const label = possessive ? `${tokens.slice(from, s).map((t) => t.text).join(' ')}'s ${words}` : words;
    const item = { noun: w, first: possessive ? s + 1 : s, last: i + 1, label, ...(pinned ? { pinned } : {}) };
    const list = groups.get(w) ?? [];
    list.push(item);
    groups.set(w, list);
  }
  const specific = [...groups.values()].filter((g) => !GENERIC_EVENT_NOUNS.has(g[0]!.noun)).sort((a, b) => b.length - a.length);
  const main = specific[0];
  for (const g of groups.values()) if (GENERIC_EVENT_NOUNS.has(g[0]!.noun) && main) main.push(...g);
  return specific.filter((g) => g.length >= 2 || g.some((m) => m.pinned));
}
