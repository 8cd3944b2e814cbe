import type { Cluster } from './entities';
import { COUNTRY_BY_NAME } from './gazetteer';
import type { KnownEntity } from './types';

const norm = (s: string): string => s.normalize('NFKC').toLowerCase().replace(/[’‘]/gu, "'").replace(/^the\s+/u, '').replace(/'s$/u, '').replace(/\./g, '').trim();
const initials = (s: string): string => s.split(/\s+/u).filter((w) => /^\p{Lu}/u.test(w)).map((w) => w[0]).join('').toLowerCase();

/**
 * Events and topics recur under common nouns that name a different one in every article ("the
 * talks", "the summit", "security"): one such word is no evidence that a new article means the
 * corpus's. People, countries and organisations keep theirs ("the bloc" is the EU's).
 */
const OCCASIONAL = new Set(['event', 'topic']);
const isCommonWord = (name: string): boolean => /^\p{Ll}+$/u.test(norm(name)) && !/\p{Lu}/u.test(name);

/**
 * The known entity a drafted one names: the same label or alias, the same country (demonym),
 * a surname of a known person, or an acronym of a known name (either way round).
 */
export function resolveKnown(k: Cluster, known: KnownEntity[], mentions: string[] = []): KnownEntity | undefined {
  if (!known.length) return undefined;
  const names = new Set([k.label, ...k.forms.map((f) => f.join(' ')), ...mentions].map(norm));
  const compatible = known.filter((e) => e.type === k.type || (k.type !== 'person' && e.type !== 'person'));
  for (const e of compatible) if ([e.label, ...e.aliases].some((n) => names.has(norm(n)) && !(OCCASIONAL.has(e.type) && isCommonWord(n)))) return e;
  if (k.country) {
    for (const e of compatible) if ([e.label, ...e.aliases].some((n) => COUNTRY_BY_NAME.get(n)?.code === k.country)) return e;
  }
  for (const e of compatible) {
    const words = e.label.split(/\s+/u);
    if (e.type === 'person' && k.type === 'person' && words.length > 1 && names.has(norm(words[words.length - 1]!))) return e;
    if (e.type === 'organisation' && k.type === 'organisation') {
      const ei = initials(e.label);
      if ((ei.length >= 2 && names.has(ei)) || [...names].some((n) => n.length >= 2 && initials(k.label) === norm(e.label))) return e;
    }
  }
  return undefined;
}

/** Whether `label` is the known entity's label or one of its aliases, as written up to case. */
export function namedAs(label: string, e: KnownEntity): boolean {
  const n = norm(label);
  return [e.label, ...e.aliases].some((a) => norm(a) === n);
}
