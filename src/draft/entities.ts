import type { EntityType } from '../model/types';
import type { Candidate } from './candidates';
import { titleCase } from './candidates';
import { COUNTRY_BY_NAME, DEMONYMS, GIVEN_NAMES, PLACES } from './gazetteer';
import { COMPANY_SUFFIXES, NAME_PARTICLES } from './lexicon';
import type { Token } from './nlp';
import { isAcronym, typeName } from './typing';

/** An entity being drafted: its names and the candidates that named it. */
export interface Cluster {
  key: number;
  type: EntityType;
  label: string;
  /** Surface forms (as token texts) that name it. */
  forms: string[][];
  role?: string;
  rule: string;
  confidence: number;
  /** Country code when it came from the gazetteer. */
  country?: string;
}

const lower = (w: string[]): string => w.join(' ').toLowerCase();

/** A person's surname forms: the last word, or the particle group ("von der Leyen"). */
function surnames(words: string[]): string[][] {
  const out: string[][] = [];
  if (words.length < 2) return out;
  let p = words.length - 1;
  while (p > 1 && NAME_PARTICLES.has(words[p - 1]!.toLowerCase())) p--;
  const sur = words.slice(p);
  out.push(sur);
  if (p < words.length - 1 || NAME_PARTICLES.has(sur[0]!.toLowerCase())) {
    out.push([sur[0]!.charAt(0).toUpperCase() + sur[0]!.slice(1), ...sur.slice(1)]);
  }
  // Surname-first names ("Yoon Suk Yeol" then "Yoon"): the first word, when it is not a given name.
  if (words.length === 3 && !NAME_PARTICLES.has(words[1]!)) out.push([words[0]!]);
  return out;
}

const initials = (words: string[]): string =>
  words.filter((w) => /^\p{Lu}/u.test(w) && !/^(?:of|the|for|and)$/iu.test(w)).map((w) => w[0]).join('');

/** Groups candidates into entities by name form: full names first, then short forms. */
export function cluster(cands: Candidate[], tokens: Token[]): { clusters: Cluster[]; of: Map<number, number> } {
  const clusters: Cluster[] = [];
  const byForm = new Map<string, number>();
  const of = new Map<number, number>(); // candidate index -> cluster index
  const addForm = (c: number, words: string[]): void => {
    const k = lower(words);
    if (!byForm.has(k)) byForm.set(k, c);
    if (!clusters[c]!.forms.some((f) => f.join(' ') === words.join(' '))) clusters[c]!.forms.push(words);
  };
  const order = cands.map((_, i) => i).sort((x, y) => cands[y]!.words.length - cands[x]!.words.length || x - y);
  for (const ci of order) {
    const c = cands[ci];
    let words = c!.dateline ? c!.words.map(titleCase) : c!.words;
    if (c!.dateline && !PLACES.has(words.join(' '))) words = c!.words;
    const surface = c!.words;
    const name = words.join(' ');
    let target = byForm.get(lower(words));
    const country = COUNTRY_BY_NAME.get(name);
    if (target === undefined && country) {
      target = clusters.findIndex((k) => k.country === country.code);
      if (target < 0) {
        target = clusters.length;
        const t = typeName([country.label], undefined, false);
        clusters.push({ key: target, type: t.type, label: country.label, forms: [], rule: DEMONYMS.has(name) ? 'gazetteer:demonym' : t.rule, confidence: t.confidence, country: country.code });
      }
    }
    if (target === undefined && surface.length === 1) target = shortFormOf(surface[0]!, clusters, tokens[c!.first]!.pos === 'ADJ');
    if (target === undefined) {
      const before = c!.first > 0 ? tokens[c!.first - 1]!.text : undefined;
      let t = c!.dateline ? { type: 'place' as const, rule: 'dateline', confidence: 0.8 } : typeName(words, before, c!.role !== undefined);
      // "Mars Snacking": a longer name that starts with an organisation's short name is one of its parts.
      if (t.type === 'person' && !c!.role) {
        const head = shortFormOf(words[0]!, clusters, false);
        if (head !== undefined && clusters[head]!.type === 'organisation') t = { type: 'organisation', rule: 'org-prefix', confidence: 0.6 };
      }
      target = clusters.length;
      clusters.push({ key: target, type: t.type, label: c!.dateline ? name : c!.surface, forms: [], rule: t.rule, confidence: t.confidence });
      if (t.type === 'person') for (const s of surnames(words)) if (!byForm.has(lower(s))) addForm(target, s);
      if (t.type === 'organisation') {
        const acr = initials(words);
        // Initials stand for spelled-out words; "EU-UK" does not abbreviate to "EU".
        const spelled = words.every((w) => !isAcronym(w) && w !== '-');
        if (words.length > 1 && spelled && acr.length >= 2 && !byForm.has(acr.toLowerCase())) addForm(target, [acr]);
        if (words.length > 1 && COMPANY_SUFFIXES.has(words[words.length - 1]!)) {
          const short = words.slice(0, -1).filter((w) => w !== ',');
          if (short.length && !byForm.has(lower(short))) addForm(target, short);
        }
      }
    }
    const k = clusters[target];
    if (c!.role && k!.type === 'person' && !k!.role) k!.role = c!.role;
    addForm(target, surface);
    if (surface !== words) byForm.set(lower(words), target);
    of.set(ci, target);
  }
  // An acronym used before its expansion: the acronym's own cluster joins the expansion's.
  for (const k of clusters) {
    if (k.forms.length === 1 && k.forms[0]!.length === 1 && isAcronym(k.forms[0]![0]!)) {
      const t = byForm.get(k.forms[0]![0]!.toLowerCase());
      if (t !== undefined && t !== k.key && clusters[t]!.type === 'organisation') merge(clusters, of, k.key, t);
    }
  }
  mergeFormerNames(cands, tokens, clusters, of);
  return { clusters, of };
}

/**
 * "Kellanova is the former Kellogg Company", "Meta, formerly Facebook", "X (formerly known as Y)":
 * one organisation under its old and new names; the old one becomes an alias of the new.
 */
function mergeFormerNames(cands: Candidate[], tokens: Token[], clusters: Cluster[], of: Map<number, number>): void {
  const startingAt = new Map(cands.map((c, i) => [c.first, i]));
  const txt = (i: number): string => tokens[i]?.text.toLowerCase() ?? '';
  cands.forEach((c, ci) => {
    let j = c.last;
    if (/^(?:is|was)$/u.test(txt(j)) && txt(j + 1) === 'the' && txt(j + 2) === 'former') j += 3;
    else if ((txt(j) === ',' || txt(j) === '(') && txt(j + 1) === 'formerly') j += txt(j + 2) === 'known' && txt(j + 3) === 'as' ? 4 : 2;
    else return;
    const old = startingAt.get(j);
    const into = of.get(ci);
    const from = old === undefined ? undefined : of.get(old);
    if (into === undefined || from === undefined || from === into) return;
    if (clusters[into]!.type !== 'organisation' || clusters[from]!.type !== 'organisation') return;
    merge(clusters, of, from, into);
  });
}

/** The entity a single word names by a short form: surname, acronym, or an organisation's first word. */
function shortFormOf(word: string, clusters: Cluster[], adjective: boolean): number | undefined {
  const w = word.replace(/\./g, '');
  for (const k of clusters) {
    if (k.type === 'organisation' && isAcronym(word) && initials(k.label.split(' ')) === w && k.label.includes(' ')) return k.key;
  }
  for (const k of clusters) {
    const words = k.label.split(' ');
    if (words.length < 2) continue;
    if (k.type === 'person' && surnames(words).some((s) => s.length === 1 && s[0] === word)) return k.key;
    // "Sir Keir" after "Keir Starmer": a given name alone.
    if (k.type === 'person' && words[0] === word && GIVEN_NAMES.has(word)) return k.key;
    // "Firefly" for "Firefly Aerospace", "the Commission"; not "European" for "European Union".
    if (k.type === 'organisation' && !adjective && (words[0] === word || words[words.length - 1] === word) && !COUNTRY_BY_NAME.has(word)) return k.key;
  }
  return undefined;
}

function merge(clusters: Cluster[], of: Map<number, number>, from: number, into: number): void {
  for (const f of clusters[from]!.forms) if (!clusters[into]!.forms.some((g) => g.join(' ') === f.join(' '))) clusters[into]!.forms.push(f);
  clusters[from]!.forms = [];
  for (const [c, k] of of) if (k === from) of.set(c, into);
}
