import type { Cluster } from './entities';
import { TITLE_WORDS } from './lexicon';
import type { Mention } from './mentions';
import type { Token } from './nlp';

const HONORIFIC = /^(?:sir|dame|lord|lady|mr|mrs|ms|dr|prof)\.?$/u;
const isTitle = (w: string): boolean => /^\p{Ll}/u.test(w) && TITLE_WORDS.has(w.charAt(0).toUpperCase() + w.slice(1)) && !HONORIFIC.test(w);

/** Lower-case title words from `i` on: "prime minister", "chancellor". */
function titleAt(tokens: Token[], i: number): string[] {
  const out: string[] = [];
  for (let j = i; j < tokens.length && out.length < 3 && isTitle(tokens[j]!.text); j++) out.push(tokens[j]!.text);
  return out;
}

/**
 * The titles the text gives each person: the role taken off the name, and a title written just
 * before the name ("Germany's chancellor, Olaf Scholz") or after it ("Donald Tusk, the prime minister").
 */
function personTitles(tokens: Token[], mentions: Mention[], clusters: Cluster[]): Map<number, Set<string>> {
  const out = new Map<number, Set<string>>();
  const add = (key: number, t: string): void => {
    if (!t || HONORIFIC.test(t)) return;
    const set = out.get(key) ?? new Set<string>();
    set.add(t);
    out.set(key, set);
  };
  for (const k of clusters) if (k.type === 'person' && k.role) add(k.key, k.role.toLowerCase());
  for (const m of mentions) {
    if (clusters[m.key]!.type !== 'person') continue;
    let s = m.first - 1;
    if (tokens[s]?.text === ',') s--;
    const before: string[] = [];
    while (s >= 0 && before.length < 3 && isTitle(tokens[s]!.text)) before.unshift(tokens[s--]!.text);
    add(m.key, before.join(' '));
    if (tokens[m.last]?.text === ',' && /^(?:the|a|an)$/iu.test(tokens[m.last + 1]?.text ?? '')) add(m.key, titleAt(tokens, m.last + 2).join(' '));
  }
  return out;
}

/**
 * "the prime minister" refers back to the person last named with that title or, when nobody was,
 * to the person last named with no title yet (the title is new), never to one who holds another.
 * Returned as mentions of that person, so that sentences about them relate them too.
 */
export function locateTitleDescriptions(tokens: Token[], mentions: Mention[], clusters: Cluster[], taken: Uint8Array): Mention[] {
  const titles = personTitles(tokens, mentions, clusters);
  const out: Mention[] = [];
  let m = 0;
  const lastSeen = new Map<number, number>();
  for (let i = 0; i + 1 < tokens.length; i++) {
    while (m < mentions.length && mentions[m]!.first < i) {
      if (clusters[mentions[m]!.key]!.type === 'person') lastSeen.set(mentions[m]!.key, mentions[m]!.first);
      m++;
    }
    if (!/^(?:the|The)$/u.test(tokens[i]!.text) || taken[i]) continue;
    const title = titleAt(tokens, i + 1);
    const after = tokens[i + 1 + title.length];
    // "the prime minister of Poland" and "the president Emmanuel Macron" describe someone else.
    if (!title.length || taken[i + 1] || (after && (after.text === 'of' || /^\p{Lu}/u.test(after.text)))) continue;
    const phrase = title.join(' ');
    let best = -1;
    let bestAt = -1;
    let fallback = -1;
    let fallbackAt = -1;
    for (const [key, at] of lastSeen) {
      const held = titles.get(key);
      if (held?.has(phrase) && at > bestAt) { best = key; bestAt = at; }
      if (!held?.size && at > fallbackAt) { fallback = key; fallbackAt = at; }
    }
    const key = best >= 0 ? best : fallback;
    if (key >= 0) out.push({ first: i, last: i + 1 + title.length, key, rule: 'title-description' });
  }
  return out;
}

const PERSONAL = /^(?:he|she)$/iu;

/**
 * "he has ruled out a return to the EU": a subject pronoun stands for the entity that is the
 * subject so far, the first named in its sentence before it, else the first named in the
 * sentence before (news writing keeps its subject from one sentence to the next; "it" only when it
 * opens its sentence): "he" and "she" for a person, "it" before a verb for an organisation ("It is"
 * is mostly no one). Used as a
 * subject only, for relations: a pronoun is never drafted as a mention.
 */
export function pronounSubjects(tokens: Token[], mentions: Mention[], clusters: Cluster[]): Mention[] {
  // The first person and the first organisation named in each sentence; a dateline's agency,
  // "(Reuters)", is no one's subject.
  const first = { person: new Map<number, Mention>(), organisation: new Map<number, Mention>() };
  for (const m of mentions) {
    const type = clusters[m.key]!.type;
    if ((type !== 'person' && type !== 'organisation') || tokens[m.first - 1]?.text === '(') continue;
    const sent = tokens[m.first]!.sent;
    const seen = first[type].get(sent);
    if (!seen || m.first < seen.first) first[type].set(sent, m);
  }
  const out: Mention[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const next = tokens[i + 1]?.pos ?? '';
    const kind = PERSONAL.test(t.text) && /^(?:AUX|VERB)$/u.test(next) ? 'person' : /^it$/iu.test(t.text) && next === 'VERB' ? 'organisation' : undefined;
    if (!kind || t.pos !== 'PRON') continue;
    const inSentence = first[kind].get(t.sent);
    const here = inSentence && inSentence.last <= i ? inSentence : undefined;
    // "it" inside a sentence with no organisation before it is most often a thing ("saying it showed").
    const back = kind === 'person' || tokens[i - 1]?.sent !== t.sent;
    const antecedent = here ?? (back ? first[kind].get(t.sent - 1) : undefined);
    if (antecedent) out.push({ first: i, last: i + 1, key: antecedent.key, rule: 'pronoun' });
  }
  return out;
}
