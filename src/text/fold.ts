/**
 * Case folding that keeps offsets. `toLowerCase()` may change a string's length ("İ" becomes
 * "i̇", two code units), so offsets found in a lower-cased copy no longer point into the
 * original. This folds one code point at a time and keeps a code point whose lower case would
 * take a different number of code units: the folded string has exactly the original's length,
 * and an offset in one is the same offset in the other.
 */

const cache = new Map<number, string>();
const ASCII = /^[\0-\x7f]*$/;

function foldCodePoint(cp: number, original: string): string {
  let folded = cache.get(cp);
  if (folded === undefined) {
    const lower = original.toLowerCase();
    // "İ" lowers to "i" + U+0307: its first code point is the letter a reader sees.
    const first = String.fromCodePoint(lower.codePointAt(0)!);
    folded = first.length === original.length ? first : original;
    cache.set(cp, folded);
  }
  return folded;
}

/** A locale-independent lower case of `s` with the same length in UTF-16 code units. */
export function foldCase(s: string): string {
  // ASCII lowers one character to one: the common case, without the walk.
  if (ASCII.test(s)) return s.toLowerCase();
  let out = '';
  let last = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 128) {
      if (c >= 65 && c <= 90) {
        out += s.slice(last, i) + String.fromCharCode(c + 32);
        last = i + 1;
      }
      continue;
    }
    const cp = s.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    const original = s.slice(i, i + width);
    const folded = foldCodePoint(cp, original);
    if (folded !== original) {
      out += s.slice(last, i) + folded;
      last = i + width;
    }
    i += width - 1;
  }
  return last === 0 ? s : out + s.slice(last);
}
