/**
 * Lookups by data strings. A relation type, attribute or qualifier name comes from a data file,
 * so it may be `constructor`, `toString` or `__proto__`: a plain `obj[name]` would find
 * Object.prototype's members instead of nothing. Every lookup keyed by a data string goes through
 * these.
 */

/** The own property `key` of `object`, or undefined: never an inherited one. */
export function own<T>(object: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
  return object !== undefined && Object.hasOwn(object, key) ? object[key] : undefined;
}

/** An empty record with no prototype: `record[key] = value` is safe for any key, `__proto__` included. */
export function emptyRecord<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

/** A record from entries, safe for any key (Object.fromEntries defines own properties too, but keeps the prototype). */
export function recordOf<T>(entries: Iterable<readonly [string, T]>): Record<string, T> {
  const record = emptyRecord<T>();
  for (const [key, value] of entries) record[key] = value;
  return record;
}
