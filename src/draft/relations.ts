import { own } from '../model/own';
import type { EntityType } from '../model/types';
import type { Candidate } from './candidates';
import type { Cluster } from './entities';
import { TITLE_WORDS } from './lexicon';
import { isDemonymMention, type Mention } from './mentions';
import type { Token } from './nlp';
import type { DraftVocabulary } from './types';

/** A relation before ids: cluster keys and the token range of its evidence. */
export interface RawRelation {
  from: number;
  to: number;
  label: string;
  first: number;
  last: number;
  rule: string;
  confidence: number;
  /** Vocabulary id the pattern suggests; checked against the vocabulary's endpoint types. */
  type?: string;
}

/** Verb lemmas (or nouns) to the vocabulary relation they state. */
const VERB_TYPES: Record<string, string> = {
  invite: 'invited_to', attend: 'attended', join: 'attended', speak: 'spoke_at', address: 'addressed',
  win: 'won', leave: 'left', quit: 'left', urge: 'urged', outline: 'outlined', hold: 'held_in',
  lead: 'leader_of', head: 'leader_of', supply: 'supplies', target: 'targets', oppose: 'opposes',
  discuss: 'discussed', visit: 'travels_to', travel: 'travels_to', advocate: 'advocated', warn: 'warned_against', base: 'located_in', locate: 'located_in',
  headquarter: 'located_in', involve: 'involves', concern: 'concerns', carry: 'carried_out', meet: 'met',
};
/** Plural nouns for the people of a country or organisation, who stand for it as an object. */
const MEMBERS = new Set(`leaders officials members ministers heads lawmakers diplomats negotiators envoys
  delegates representatives governments authorities executives shareholders investors voters citizens troops
  forces allies partners counterparts regulators`.split(/\s+/u));
const QUANTIFIERS = /^(?:several|many|some|most|all|few|one|two|three|none|each|any|members|part|parts|much|rest)$/iu;
const CLAUSE_OPENERS = /^(?:after|before|amid|despite|although|though|because|since|while|whereas|unless|where|when|which|who|whose)$/iu;
const REPORTING = /^(?:say|said|says|add|added|adds|note|noted|believe|think|thought|argue|argued|claim|claimed|insist|insisted)$/u;
/** Who may act as a subject together with another. */
const ACTORS = new Set<EntityType>(['person', 'country', 'organisation']);
/** Titles of those who lead what they are titled by (a spokesman speaks for it, a chief runs it). */
const LEADING = /^(?:president|prime|premier|chancellor|chief|head|leader|chairman|chairwoman|chair|governor|mayor|king|queen|ceo|director)$/u;
const isTitleWord = (w: string): boolean => TITLE_WORDS.has(w.charAt(0).toUpperCase() + w.slice(1));
const TIME_NOUNS = /^(?:week|weekend|month|year|day|morning|afternoon|evening|night|spring|summer|autumn|fall|winter|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December)$/u;

export function findRelations(tokens: Token[], mentions: Mention[], cands: Candidate[], candCluster: Map<number, number>, clusters: Cluster[]): RawRelation[] {
  const out: RawRelation[] = [];
  const at = new Int32Array(tokens.length).fill(-1);
  mentions.forEach((m, i) => { for (let t = m.first; t < m.last; t++) at[t] = i; });
  const type = (m: Mention): EntityType => clusters[m.key]!.type;
  const txt = (i: number): string => tokens[i]?.text ?? '';
  const sameSent = (a: number, b: number): boolean => tokens[a] !== undefined && tokens[b] !== undefined && tokens[a].sent === tokens[b].sent;
  const mentionAt = (i: number): Mention | undefined => (i >= 0 && i < tokens.length && at[i]! >= 0 ? mentions[at[i]!] : undefined);
  const push = (r: RawRelation): void => { if (r.from !== r.to) out.push(r); };
  /**
   * After an apposition that opens at comma `i` ("Donald Tusk, the prime minister of Poland, ...",
   * "Microsoft, OpenAI's largest investor, ..."), the token after its closing comma; else -1.
   */
  const appositionEnd = (i: number): number => {
    if (txt(i) !== ',' || !(/^(?:the|an?)$/iu.test(txt(i + 1)) || (/^\p{Lu}/u.test(txt(i + 1)) && txt(i + 2) === "'s"))) return -1;
    const k = closingComma(i + 1, 12);
    return k < 0 ? -1 : k + 1;
  };
  /** The next comma of the sentence from token `i`, no more than `reach` tokens on; else -1. */
  const closingComma = (i: number, reach: number): number => {
    let k = i;
    while (k < tokens.length && k - i < reach && txt(k) !== ',' && sameSent(i, k)) k++;
    return txt(k) === ',' && sameSent(i, k) ? k : -1;
  };
  // "travel to Washington next week": a time after a name is not a noun the name modifies.
  const isTimeAdjunct = (i: number): boolean => /^(?:next|last|this|every|each|early|late)$/u.test(txt(i)) && TIME_NOUNS.test(txt(i + 1));

  // Titles inside a name: "NATO Secretary General Mark Rutte", "British Prime Minister Keir Starmer".
  cands.forEach((c, ci) => {
    if (c.role === undefined || c.titleOf === undefined) return;
    const p = candCluster.get(ci);
    const o = candCluster.get(c.titleOf);
    if (p === undefined || o === undefined) return;
    if (!['country', 'organisation'].includes(clusters[o]!.type) || clusters[p]!.type !== 'person') return;
    push({ from: p, to: o, label: `${c.role.toLowerCase()} of`, first: cands[c.titleOf]!.first, last: c.last, rule: 'title-in-name', confidence: 0.85, type: 'leader_of' });
  });

  for (let mi = 0; mi < mentions.length; mi++) {
    const a = mentions[mi];
    const ta = type(a!);
    let i = a!.last;
    // "Britain's prime minister, Keir Starmer"
    if ((ta === 'country' || ta === 'organisation') && txt(i) === "'s") {
      let j = i + 1;
      while (j < tokens.length && j - i <= 3 && isTitleWord(txt(j))) j++;
      if (j > i + 1) {
        const k = txt(j) === ',' ? j + 1 : j;
        const p = mentionAt(k);
        if (p && type(p) === 'person' && sameSent(a!.first, k)) {
          push({ from: p.key, to: a!.key, label: `${tokens.slice(i + 1, j).map((t) => t.text.toLowerCase()).join(' ')} of`, first: a!.first, last: p.last, rule: 'possessive-title', confidence: 0.8, type: 'leader_of' });
        }
      }
      // "Kellanova's own headquarters are also in Chicago"
      {
        let j = i + 1;
        if (txt(j) === 'own') j++;
        if (ta === 'organisation' && /^(?:headquarters|head office|base)$/u.test(txt(j)) && /^(?:is|are|was|were|remain|remains)$/u.test(txt(j + 1))) {
          let k = j + 2;
          if (/^(?:also|now|still)$/u.test(txt(k))) k++;
          const b = txt(k) === 'in' ? mentionAt(k + 1) : undefined;
          if (b && sameSent(a!.first, k + 1) && (type(b) === 'place' || type(b) === 'country')) {
            push({ from: a!.key, to: b.key, label: 'headquartered in', first: a!.first, last: b.last, rule: 'possessive-headquarters', confidence: 0.75, type: 'located_in' });
          }
        }
      }
      // "Russia's invasion of Ukraine", "Russia's full-scale invasion of Ukraine"
      let n = i + 1;
      while (n - i < 5 && txt(n + 1) !== 'of' && (txt(n) === '-' || (/^(?:ADJ|NOUN)$/u.test(tokens[n]?.pos ?? '') && /^\p{Ll}/u.test(txt(n))))) n++;
      if (tokens[n]?.pos === 'NOUN' && /^\p{Ll}/u.test(txt(n)) && txt(n + 1) === 'of') {
        const b = mentionAt(n + 2);
        if (b && sameSent(a!.first, n + 2)) push({ from: a!.key, to: b.key, label: `${txt(n).toLowerCase()} of`, first: a!.first, last: b.last, rule: 'possessive-noun-of', confidence: 0.55 });
      }
    }
    // "Kremlin spokesman Dmitry Peskov", "EU antitrust chief Teresa Ribera": a lower-case title between the two names.
    if ((ta === 'organisation' || ta === 'country') && txt(i) !== "'s") {
      let j = i;
      while (j < tokens.length && j - i < 3 && /^\p{Ll}+$/u.test(txt(j)) && tokens[j]!.sent === tokens[i]!.sent) j++;
      const p = j > i && isTitleWord(txt(j - 1)) ? mentionAt(j) : undefined;
      if (p && type(p) === 'person' && p.first === j) {
        const words = tokens.slice(i, j).map((t) => t.text);
        push({ from: p.key, to: a!.key, label: `${words.join(' ')} of`, first: a!.first, last: p.last, rule: 'title-before-name', confidence: 0.75, type: words.some((w) => LEADING.test(w)) ? 'leader_of' : undefined });
      }
    }
    // "Donald Tusk, the prime minister of Poland"; "Greenland, an autonomous territory of Denmark"
    if (txt(i) === ',' && /^(?:the|a|an)$/iu.test(txt(i + 1))) {
      let j = i + 2;
      while (j < tokens.length && j - i <= 6 && txt(j) !== 'of' && at[j]! < 0 && /\p{L}/u.test(txt(j))) j++;
      const b = txt(j) === 'of' ? mentionAt(j + 1) : undefined;
      if (b && j > i + 2 && sameSent(a!.first, j + 1)) {
        const words = tokens.slice(i + 2, j).map((t) => t.text.toLowerCase());
        const title = ta === 'person' && words.some(isTitleWord);
        const tb = type(b);
        const t = title ? 'leader_of' : ta === 'place' && (tb === 'country' || tb === 'place') ? 'located_in' : tb === 'organisation' && ta === 'organisation' ? 'part_of' : undefined;
        push({ from: a!.key, to: b.key, label: `${words.join(' ')} of`, first: a!.first, last: b.last, rule: title ? 'apposition-title' : 'apposition-of', confidence: title ? 0.8 : 0.6, type: t });
      }
    }
    // "Mars Snacking, the Chicago-based Mars division": the apposition's subject is based there;
    // without an apposition, the organisation the compound modifies ("Chicago-based Mars").
    if ((ta === 'place' || ta === 'country') && txt(i) === '-' && txt(i + 1) === 'based') {
      const det = a!.first - 1;
      const head = /^(?:the|a|an)$/iu.test(txt(det)) && txt(det - 1) === ',' ? mentionAt(det - 2) : undefined;
      let b = head;
      for (let k = i + 2; !b && k < tokens.length && k - i <= 4 && sameSent(i, k); k++) b = mentionAt(k);
      if (b && type(b) === 'organisation') push({ from: b.key, to: a!.key, label: 'based in', first: head ? b.first : a!.first, last: head ? i + 2 : b.last, rule: 'place-based', confidence: 0.7, type: 'located_in' });
    }
    // "Large U.S. packaged food makers including Kraft Heinz, Mondelez and Hershey": each is based there.
    if (ta === 'country') {
      let j = i;
      while (j < tokens.length && j - i < 5 && /^(?:NOUN|ADJ|VERB)$/u.test(tokens[j]!.pos) && /^\p{Ll}/u.test(txt(j)) && !/^(?:including|such)$/u.test(txt(j))) j++;
      const plural = j > i && txt(j - 1).endsWith('s') && tokens[j - 1]!.pos === 'NOUN';
      if (plural && (txt(j) === 'including' || (txt(j) === 'such' && txt(j + 1) === 'as'))) {
        let k = txt(j) === 'such' ? j + 2 : j + 1;
        for (let m = mentionAt(k); m && type(m) === 'organisation' && sameSent(i, k); m = mentionAt(k)) {
          push({ from: m.key, to: a!.key, label: 'based in', first: a!.first, last: m.last, rule: 'country-noun-including', confidence: 0.6, type: 'located_in' });
          k = m.last;
          if (txt(k) === ',') k++;
          if (txt(k) === 'and') k++;
        }
      }
    }
    // "The privately held company, which is based in McLean"; "the retreat, which was held at the Egmont Palace"
    if (ta === 'organisation' || ta === 'place' || ta === 'event') {
      let j = i;
      if (txt(j) === ',' && /^(?:which|that)$/u.test(txt(j + 1))) j += 2;
      else if (txt(j) === ',') {
        const after = appositionEnd(j);
        if (after > 0) j = after;
      }
      if (/^(?:is|are|was|were|will)$/u.test(txt(j))) j++;
      if (txt(j) === 'be') j++;
      const verb = txt(j);
      const held = ta === 'event';
      const prep = txt(j + 1);
      const fits = held ? verb === 'held' && (prep === 'in' || prep === 'at') : /^(?:based|headquartered|located)$/u.test(verb) && prep === 'in';
      const det = /^(?:the|a|an)$/iu.test(txt(j + 2)) ? j + 3 : j + 2;
      const b = fits ? mentionAt(held ? det : j + 2) : undefined;
      if (b && j > i && sameSent(a!.first, b.first) && (type(b) === 'place' || type(b) === 'country')) {
        push({ from: a!.key, to: b.key, label: `${verb} ${prep}`, first: a!.first, last: b.last, rule: held ? 'held-in' : 'based-in', confidence: 0.75, type: held ? 'held_in' : 'located_in' });
      }
    }
    // "the Egmont Palace in Brussels", "McLEAN, Virginia", "Limont Castle, near Liège"
    if (ta === 'place' || ta === 'organisation' || ta === 'event') {
      let j = i;
      if (txt(j) === ',') j++;
      const prep = /^(?:in|near)$/u.test(txt(j)) ? txt(j++) : '';
      const b = mentionAt(j);
      if (b && sameSent(a!.first, j) && (type(b) === 'place' || type(b) === 'country') && (prep || (ta === 'place' && txt(i) === ','))) {
        if (!(prep === '' && txt(b.last) === 'and')) {
          const held = ta === 'event';
          push({ from: a!.key, to: b.key, label: held ? 'held in' : prep === 'near' ? 'located near' : 'located in', first: a!.first, last: b.last, rule: 'location', confidence: 0.7, type: held ? 'held_in' : 'located_in' });
        }
      }
    }
    // "Kellanova shares, which trade on the New York Stock Exchange"; "X is listed on the Y Exchange"
    if (ta === 'organisation') {
      let j = i;
      if (txt(j) === 'shares' || txt(j) === 'stock') j++;
      if (txt(j) === ',' && /^(?:which|that)$/u.test(txt(j + 1))) j += 2;
      if (/^(?:is|are|was|were)$/u.test(txt(j))) j++;
      const listed = /^(?:trade|trades|traded|listed)$/u.test(txt(j)) && txt(j + 1) === 'on';
      const det = /^(?:the|a|an)$/iu.test(txt(j + 2)) ? j + 3 : j + 2;
      const b = listed ? mentionAt(det) : undefined;
      if (b && j > i && sameSent(a!.first, det) && type(b) === 'organisation' && /\b(?:Exchange|Nasdaq|Market|Bourse)\b/u.test(clusters[b.key]!.label)) {
        push({ from: a!.key, to: b.key, label: 'listed on', first: a!.first, last: b.last, rule: 'listed-on', confidence: 0.7 });
      }
    }
    // "The retreat, chaired by ... António Costa": the agent after "by" acts on the mention before.
    for (let j = i; j < tokens.length && j - i <= 4 && sameSent(a!.first, j); j++) {
      if (txt(j) !== 'by' || tokens[j - 1]!.pos !== 'VERB') continue;
      let b: Mention | undefined;
      for (let k = j + 1; k < tokens.length && k - j <= 6 && sameSent(j, k); k++) {
        const m = mentionAt(k);
        if (m) { b = m; if (type(m) === 'person') break; }
      }
      // "Mars Snacking, the Chicago-based Mars division headed by ...": a name modifying the noun
      // before the verb is not what the verb is about; the noun phrase is, and it names the apposition's head.
      let patient: Mention | undefined = a;
      if (tokens[a!.last]?.pos === 'NOUN' && /^\p{Ll}/u.test(txt(a!.last))) {
        patient = undefined;
        for (let k = a!.first - 1; k > 0 && a!.first - k <= 5 && sameSent(k, a!.first); k--) {
          if (/^(?:the|a|an)$/iu.test(txt(k)) && txt(k - 1) === ',') { patient = mentionAt(k - 2); break; }
        }
      }
      if (b && patient) {
        const verb = tokens[j - 1];
        push({ from: b.key, to: patient.key, label: verb!.text.toLowerCase(), first: patient.first, last: b.last, rule: 'passive-by', confidence: 0.65, type: own(VERB_TYPES, verb!.lemma) });
      }
      break;
    }
    svo(mi);
  }

  function svo(mi: number): void {
    const a = mentions[mi];
    // A subject is not the object of a preposition ("of France, said ...").
    const prev = tokens[a!.first - 1];
    // "before", "after" and the like also open clauses ("a day before the prime minister joins").
    const conj = /^(?:before|after|as|while|when|since|until|because)$/u.test(txt(a!.first - 1));
    if (prev && prev.sent === tokens[a!.first]!.sent && ((prev.pos === 'ADP' && !conj) || txt(a!.first - 1) === "'s")) return;
    // "the bloc's leaders held their first meeting": an organisation or country acts through its people.
    const through = txt(a!.last) === "'s" && (type(a!) === 'organisation' || type(a!) === 'country') && MEMBERS.has(txt(a!.last + 1)) && tokens[a!.last + 2]?.pos === 'VERB';
    if (!through && (txt(a!.last) === "'s" || txt(a!.last) === '-')) return;
    // "EU leaders to put": the name modifies the subject noun and is not itself the subject.
    if (!through && tokens[a!.last]?.pos === 'NOUN' && /^\p{Ll}/u.test(txt(a!.last))) return;
    // Skip an apposition or relative clause's commas: "Scholz, who is campaigning ahead of ..."
    let i = through ? a!.last + 2 : a!.last;
    // "Macron and Merz agreed to ...": the first of two coordinated subjects does what the second does.
    const second = txt(i + 1) === 'the' ? i + 2 : i + 1;
    const partner = txt(i) === 'and' ? mentionAt(second) : undefined;
    if (partner && partner.first === second && ACTORS.has(type(partner)) && ACTORS.has(type(a!)) && sameSent(i, second)) i = partner.last;
    if (txt(i) === ',' && /^(?:who|which)$/u.test(txt(i + 1))) {
      // "Tusk, who arrived by train, pledged to keep supporting Ukraine": the main clause as well.
      const k = closingComma(i + 2, 13);
      if (k > 0 && /^(?:AUX|VERB)$/u.test(tokens[k + 1]?.pos ?? '')) scanFrom(a!, k + 1);
      i += 2;
    } else if (txt(i) === ',' && /^(?:AUX|VERB)$/u.test(tokens[i + 1]?.pos ?? '')) i += 1;
    else if (txt(i) === ',') {
      // "Donald Tusk, the prime minister of Poland, hosted ...": the verb follows the apposition.
      const after = appositionEnd(i);
      if (after < 0) return;
      i = after;
    }
    scanFrom(a!, i);
  }

  /** The subject `a`'s verb and object, from token `i` on. */
  function scanFrom(a: Mention, i: number): void {
    const words: Token[] = [];
    let verb: Token | undefined;
    for (let j = i; j < tokens.length && j - i <= 9 && sameSent(a.first, j); j++) {
      const m = mentionAt(j);
      if (m) {
        if (!verb || REPORTING.test(verb.text)) return;
        // "several of America's partners", "members of the alliance": the object is the quantity, not the name.
        if (txt(j - 1) === 'of' && QUANTIFIERS.test(txt(j - 2))) return;
        let b = m;
        // "met French President Emmanuel Macron": the country's adjective is part of his title; he is the object.
        if (type(m) === 'country' && isDemonymMention(tokens, m)) {
          let k = m.last;
          while (k < tokens.length && k - m.last < 4 && isTitleWord(txt(k))) k++;
          const p = k > m.last ? mentionAt(k) : undefined;
          if (p && type(p) === 'person' && sameSent(j, k)) b = p;
        }
        // "hosted Germany's chancellor, Olaf Scholz": the person named is the object; so is an event.
        if (txt(m.last) === "'s") {
          for (let k = m.last + 1; k < tokens.length && k - m.last <= 5 && sameSent(j, k); k++) {
            const p = mentionAt(k);
            if (p) { if (type(p) === 'person' || type(p) === 'event') b = p; break; }
          }
        }
        const content = words.filter((t) => /^(?:VERB|ADP|PART|NOUN|ADJ)$/u.test(t.pos) && !/^(?:on|ahead)$/u.test(t.text) || t === verb);
        const label = content.map((t) => t.text.toLowerCase()).join(' ');
        const lemma = verb.lemma;
        const relType = own(VERB_TYPES, lemma) ?? (lemma === 'invite' ? 'invited_to' : undefined);
        // "the first UK prime minister": a name that modifies the noun after it is not the object
        // (a place after the noun phrase still may be). Its people stand for it, though: "told
        // European Union leaders" tells the EU.
        const next = tokens[b.last];
        const modifier = b === m && /^(?:NOUN|ADJ)$/u.test(next?.pos ?? '') && /^\p{Ll}/u.test(next!.text) && !MEMBERS.has(next!.text) && !isTimeAdjunct(b.last);
        if (!modifier) push({ from: a.key, to: b.key, label, first: a.first, last: b.last, rule: 'svo', confidence: 0.5, type: relType });
        // "ordered tariffs on goods from Canada, Mexico and China": the rest of the list too.
        let k = b.last;
        while (!modifier && k + 1 < tokens.length && (txt(k) === ',' || txt(k) === 'and') && sameSent(k, k + 1)) {
          const n = mentionAt(k + 1);
          if (!n || type(n) !== type(b)) break;
          // "Redmond, Washington": a place and the place it is in, not a list (which goes on "... and Z").
          if (type(n) === 'place' && txt(k) === ',' && k === b.last && txt(n.last) !== 'and') break;
          push({ from: a.key, to: n.key, label, first: a.first, last: n.last, rule: 'svo-list', confidence: 0.45, type: relType });
          k = n.last;
        }
        // "hosted Scholz, at Chequers", "joins EU leaders in Brussels", "briefed Scholz on the Review":
        // the verb's prepositional object is related to the subject too.
        if (txt(k) === ',') k++;
        while (k < tokens.length && k - b.last <= 3 && tokens[k]!.pos === 'NOUN' && /^\p{Ll}/u.test(txt(k))) k++;
        const prep = txt(k);
        const det = /^(?:the|a|an)$/iu.test(txt(k + 1)) ? k + 2 : k + 1;
        const p = /^(?:at|in|on|about)$/u.test(prep) && sameSent(a.first, det) ? mentionAt(det) : undefined;
        const pt = p ? type(p) : undefined;
        const fits = prep === 'at' || prep === 'in' ? pt === 'place' || pt === 'country' : pt === 'event' || pt === 'topic';
        if (p && fits && p.first === det) push({ from: a.key, to: p.key, label: `${verb.text.toLowerCase()} ${prep}`, first: a.first, last: p.last, rule: 'svo-prep', confidence: 0.45 });
        return;
      }
      const t = tokens[j];
      // "makers including X": what follows is an example of the subject, not its object.
      // A passive ("chaired by") is the passive-by rule's; "according to" attributes, it does not act.
      if (/^[;:—–()"“”]$/u.test(t!.text) || (t!.text === ',' && verb) || /^(?:including|according)$/u.test(t!.text) || (t!.text === 'by' && verb)) return;
      // "came a day after U.S. ...", "amid fears that ...", "five areas where the UK ...": past a subordinator
      // the next name belongs to another clause.
      if (verb && CLAUSE_OPENERS.test(t!.text)) return;
      if (t!.pos === 'VERB' && !verb) verb = t;
      words.push(t!);
    }
  }
  return out;
}

/** The vocabulary type for a suggested type and endpoint types, or a proposed one from the label. */
export function typeRelation(r: RawRelation, fromType: EntityType, toType: EntityType, vocab: DraftVocabulary | undefined): { type: string; label: string; proposed?: boolean } {
  const fits = (id: string | undefined): boolean => {
    if (!id || !vocab) return false;
    const v = own(vocab.relations, id);
    return !!v && v.from.includes(fromType) && v.to.includes(toType);
  };
  if (fits(r.type)) return { type: r.type as string, label: r.label };
  // A label that begins with a vocabulary label ("worked to improve ties with", "invited to join").
  const stem = (w: string): string => w.replace(/(?:ing|ed|es|s|e)$/u, '');
  const words = r.label.split(' ');
  for (const [id, v] of Object.entries(vocab?.relations ?? {})) {
    const vw = v.label.split(' ');
    if (fits(id) && vw.length <= words.length && vw.every((w, n) => stem(w) === stem(words[n] ?? ''))) return { type: id, label: r.label };
  }
  // A typed pattern whose endpoints do not fit any more specific entry: try the general ones.
  for (const id of ['located_in', 'held_in', 'member_of', 'part_of']) {
    if (r.type === id && fits(id)) return { type: id, label: r.label };
  }
  const id = r.label.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '') || 'related_to';
  return { type: id, label: r.label || 'related to', proposed: true };
}
