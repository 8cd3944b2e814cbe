import type { Token } from './nlp';
import { COUNTRY_BY_NAME, GIVEN_NAMES, PLACES, REGIONS } from './gazetteer';
import { isAcronym } from './typing';
import { NAME_PARTICLES, NOT_NAMES, TITLE_ONLY_IN_RUN, TITLE_WORDS } from './lexicon';

/** A proper-name occurrence: tokens [first, last) of one sentence. */
export interface Candidate {
  first: number;
  last: number;
  /** Token texts, the name as written. */
  words: string[];
  /** The name's text as written (hyphens unspaced). */
  surface: string;
  /** The title written before it, stripped from the name ("President"). */
  role?: string;
  /** Tokens of the title [first, last), for evidence. */
  roleFirst?: number;
  /** Candidate index of the country/organisation whose title it is ("NATO Secretary General X"). */
  titleOf?: number;
  /** Upper-case dateline word ("BRUSSELS, Feb 3"). */
  dateline?: boolean;
}

const LETTER = /\p{L}/u;
const isCap = (w: string): boolean => /^\p{Lu}/u.test(w) && LETTER.test(w) && !/['’]\p{Ll}+$/u.test(w) && !NOT_NAMES.has(w.replace(/\.$/u, ''));
const SUFFIX_END = /^(?:Inc|Corp|Co|Ltd|plc|LLC)\.?$/u;
const isTitle = (w: string): boolean => TITLE_WORDS.has(w) || TITLE_WORDS.has(w.replace(/\.$/u, ''));
const titleCase = (w: string): string => w.charAt(0) + w.slice(1).toLowerCase();

/** Whether a sentence-initial capitalised word is a name rather than an ordinary word. */
function initialIsName(t: Token, after: (string | undefined)[], known: Set<string>, midCaps: Set<string>, runLength: number): boolean {
  const w = t.text;
  const next = after[0];
  if (COUNTRY_BY_NAME.has(w) || REGIONS.has(w) || known.has(w) || midCaps.has(w) || GIVEN_NAMES.has(w) || isAcronym(w)) return true;
  // No ordinary word has a capital inside it ("UniCredit", "BlackRock", "McLaren").
  if (/^\p{Lu}\p{Ll}+\p{Lu}/u.test(w)) return true;
  // A word in apposition is a name: "Microsoft, OpenAI's largest investor, ...", "Nvidia, the chipmaker, ...".
  if (runLength === 1 && t.pos === 'PROPN' && next === ',' && (/^(?:the|an?)$/iu.test(after[1] ?? '') || (/^\p{Lu}/u.test(after[1] ?? '') && after[2] === "'s"))) return true;
  // A capitalised word seen only at sentence starts is most often an ordinary word ("Trade loomed"),
  // also before a name ("Large U.S. companies").
  const nextName = next !== undefined && (COUNTRY_BY_NAME.has(next) || REGIONS.has(next) || PLACES.has(next));
  return runLength > 1 && t.pos === 'PROPN' && (!nextName || isTitle(w));
}

/** Capitalised words seen inside sentences, where capitals mean names. */
function midSentenceCaps(tokens: Token[]): Set<string> {
  const out = new Set<string>();
  for (let i = 1; i < tokens.length; i++) {
    const t = tokens[i];
    if (t!.sent === tokens[i - 1]!.sent && /^\p{Lu}/u.test(t!.text) && !/^["“‘'(]$/u.test(tokens[i - 1]!.text) && tokens[i - 1]!.text !== ':') out.add(t!.text);
  }
  return out;
}

/** Joins "Cheez-It", "EU-Central": a hyphen with no space either side inside a name. */
function hyphenEnd(text: string, tokens: Token[], j: number): number {
  const h = tokens[j];
  const n = tokens[j + 1];
  if (h && n && h.text === '-' && tokens[j - 1]!.end === h.start && h.end === n.start && /^\p{Lu}/u.test(n.text)) return j + 2;
  return j;
}

/** Proper-name candidates: runs of capitalised words, with titles split off and datelines marked. */
export function findCandidates(text: string, tokens: Token[], known: Set<string>): Candidate[] {
  const out: Candidate[] = [];
  const midCaps = midSentenceCaps(tokens);
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i];
    const sentStart = i === 0 || tokens[i - 1]!.sent !== t!.sent;
    if (!isCap(t!.text)) {
      i++;
      continue;
    }
    let j = i + 1;
    for (;;) {
      if (j >= tokens.length || tokens[j]!.sent !== t!.sent || SUFFIX_END.test(tokens[j - 1]!.text)) break;
      const w = tokens[j]!.text;
      if (isCap(w)) { j++; continue; }
      const h = hyphenEnd(text, tokens, j);
      if (h > j) { j = h; continue; }
      // "Council of the EU", "Institute for Strategic Studies", "von der Leyen", "Procter & Gamble".
      let k = j;
      while (k < tokens.length && tokens[k]!.sent === t!.sent && (/^(?:of|for|the|&)$/u.test(tokens[k]!.text) || NAME_PARTICLES.has(tokens[k]!.text))) k++;
      // "Christian Lindner of Germany" is a person and a country, where "Bank of England" is one name.
      const personOf = tokens[j]!.text === 'of' && COUNTRY_BY_NAME.has(tokens[k]?.text ?? '') && tokens.slice(i, j).some((x) => GIVEN_NAMES.has(x.text));
      if (!personOf && k > j && k < tokens.length && tokens[k]!.sent === t!.sent && isCap(tokens[k]!.text) && !NOT_NAMES.has(tokens[k]!.text) && k - j <= 2) {
        j = k + 1;
        continue;
      }
      break;
    }
    if (sentStart && !initialIsName(t!, [tokens[i + 1]?.text, tokens[i + 2]?.text, tokens[i + 3]?.text], known, midCaps, j - i)) {
      if (j - i === 1) { i = j; continue; }
      i++;
      continue;
    }
    // Lower-case particles can also start a name ("von der Leyen") when a capitalised word follows.
    let first = i;
    while (first > 0 && tokens[first - 1]!.sent === t!.sent && NAME_PARTICLES.has(tokens[first - 1]!.text) && !/^(?:de|la|le|da|di|al|el)$/u.test(tokens[first - 1]!.text)) first--;
    splitRun(text, tokens, first, j, out);
    i = j;
  }
  return out;
}

/** Splits a run at its title words: "NATO Secretary General Mark Rutte" -> NATO, title, Mark Rutte. */
function splitRun(text: string, tokens: Token[], a: number, b: number, out: Candidate[]): void {
  const words = tokens.slice(a, b).map((t) => t.text);
  let k = 0;
  let before = -1;
  let segStart = 0;
  const push = (s: number, e: number, extra: Partial<Candidate> = {}): number => {
    while (s < e && /^(?:of|for|the|&)$/u.test(words[s]!)) s++;
    while (e > s && /^(?:of|for|the|&)$/u.test(words[e - 1]!)) e--;
    if (e <= s) return -1;
    out.push({ first: a + s, last: a + e, words: words.slice(s, e), surface: text.slice(tokens[a + s]!.start, tokens[a + e - 1]!.end), ...extra });
    return out.length - 1;
  };
  while (k < words.length) {
    const w = words[k];
    const startsTitle = isTitle(w!) && (!TITLE_ONLY_IN_RUN.has(w!) || (k + 1 < words.length && isTitle(words[k + 1]!)));
    if (!startsTitle) { k++; continue; }
    let e = k;
    while (e < words.length && isTitle(words[e]!)) e++;
    if (e >= words.length) break; // a title with no name after it is part of a name ("Foreign Office")
    before = segStart < k ? push(segStart, k) : before;
    const role = tokens[a + k]!.start;
    const roleEnd = tokens[a + e - 1]!.end;
    // The name runs to the end of the run; a second title starts a new split.
    let n = e;
    while (n < words.length && !(isTitle(words[n]!) && n + 1 < words.length && isTitle(words[n + 1]!))) n++;
    const roleText = text.slice(role, roleEnd);
    const idx = push(e, n, { role: /^(?:Mr|Mrs|Ms|Dr)\.?$/u.test(roleText) ? undefined : roleText, roleFirst: a + k, titleOf: before >= 0 && segStart < k ? before : undefined });
    before = idx;
    k = n;
    segStart = n;
  }
  if (segStart < words.length) {
    const idx = push(segStart, words.length);
    const c = idx >= 0 ? out[idx] : undefined;
    // An upper-case word opening a paragraph and followed by a comma or bracket is a dateline.
    if (c && c.words.every((w) => w === w.toUpperCase() || w.startsWith('Mc')) && c.words.join('').length > 3) {
      const prev = c.first > 0 ? text.slice(tokens[c.first - 1]!.end, tokens[c.first]!.start) : '\n';
      const next = tokens[c.last]?.text;
      if ((c.first === 0 || prev.includes('\n')) && (next === ',' || next === '(')) c.dateline = true;
    }
  }
}

export { titleCase };
