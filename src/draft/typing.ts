import type { EntityType } from '../model/types';
import { COUNTRY_BY_NAME, GIVEN_NAMES, PLACES, REGIONS } from './gazetteer';
import { EVENT_HEADS, ORG_HEADS, PLACE_HEADS } from './lexicon';

export interface Typed {
  type: EntityType;
  rule: string;
  confidence: number;
}

const ACRONYM = /^(?:\p{Lu}\.){2,}$|^\p{Lu}[\p{Lu}&]{1,5}$/u;
export const isAcronym = (w: string): boolean => ACRONYM.test(w);

/**
 * The type of a name from its own words; `before` is the word just before it, so that
 * "in X" and "at X" lean to a place. Order matters: gazetteers, then head words, then name forms.
 */
export function typeName(words: string[], before: string | undefined, hasRole: boolean): Typed {
  const name = words.join(' ');
  const last = words[words.length - 1];
  if (COUNTRY_BY_NAME.has(name)) return { type: 'country', rule: 'gazetteer:country', confidence: 0.95 };
  if (REGIONS.has(name)) return { type: 'place', rule: 'gazetteer:region', confidence: 0.9 };
  if (hasRole) return { type: 'person', rule: 'title', confidence: 0.9 };
  if (ORG_HEADS.has(last!)) return { type: 'organisation', rule: 'keyword:organisation', confidence: 0.85 };
  if (EVENT_HEADS.has(last!) && words.length > 1) return { type: 'event', rule: 'keyword:event', confidence: 0.75 };
  if (PLACE_HEADS.has(last!) && words.length > 1) return { type: 'place', rule: 'keyword:place', confidence: 0.8 };
  if (PLACES.has(name) || PLACES.has(name.normalize('NFKD').replace(/\p{M}/gu, ''))) return { type: 'place', rule: 'gazetteer:place', confidence: 0.8 };
  if (words.length === 1 && isAcronym(name)) return { type: 'organisation', rule: 'acronym', confidence: 0.7 };
  if (words.length >= 2 && GIVEN_NAMES.has(words[0]!) && words.length <= 4) return { type: 'person', rule: 'given-name', confidence: 0.85 };
  if (words.length >= 2 && words.length <= 3 && words.every((w) => /^\p{Lu}\p{Ll}+$/u.test(w))) return { type: 'person', rule: 'name-shape', confidence: 0.55 };
  if (before && /^(?:in|at|near|from|to)$/u.test(before)) return { type: 'place', rule: 'context:preposition', confidence: 0.5 };
  return { type: 'organisation', rule: 'default', confidence: 0.4 };
}
