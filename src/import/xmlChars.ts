/** XML 1.0 (fifth edition) character classes, by UTF-16 code unit or code point. */

/** S: space, tab, line feed, carriage return. */
export const isSpace = (c: number) => c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d;

/** NameStartChar below the surrogates (a name's astral characters are checked as pairs, see `isAstralNameChar`). */
export function isNameStart(c: number): boolean {
  if (c < 0x80) return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x5f || c === 0x3a;
  return (
    (c >= 0xc0 && c <= 0xd6) || (c >= 0xd8 && c <= 0xf6) || (c >= 0xf8 && c <= 0x2ff) || (c >= 0x370 && c <= 0x37d) ||
    (c >= 0x37f && c <= 0x1fff) || c === 0x200c || c === 0x200d || (c >= 0x2070 && c <= 0x218f) ||
    (c >= 0x2c00 && c <= 0x2fef) || (c >= 0x3001 && c <= 0xd7ff) || (c >= 0xf900 && c <= 0xfdcf) || (c >= 0xfdf0 && c <= 0xfffd)
  );
}

/** NameChar below the surrogates. */
export function isNameChar(c: number): boolean {
  if (c < 0x80) return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x5f || c === 0x3a || c === 0x2d || c === 0x2e;
  return isNameStart(c) || c === 0xb7 || (c >= 0x300 && c <= 0x36f) || c === 0x203f || c === 0x2040;
}

/** A surrogate pair that is a name character: #x10000-#xEFFFF, high surrogates D800-DB7F. */
export const isAstralNameChar = (high: number, low: number) => high >= 0xd800 && high <= 0xdb7f && low >= 0xdc00 && low <= 0xdfff;

/** Char, for a code point a character reference names. */
export const isCharCode = (c: number) => c === 0x09 || c === 0x0a || c === 0x0d || (c >= 0x20 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd) || (c >= 0x10000 && c <= 0x10ffff);

/**
 * The index of the first code unit in [from, to) of `s` that is no XML Char (a control
 * character, a lone surrogate, U+FFFE or U+FFFF), or -1. Surrogate pairs are Chars.
 */
export function badChar(s: string, from: number, to: number): number {
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x20 ? c < 0xd800 : c === 0x0a || c === 0x09 || c === 0x0d) continue;
    if (c < 0x20 || c >= 0xfffe) return i;
    if (c >= 0xe000) continue;
    if (c >= 0xdc00 || i + 1 >= to) return i;
    const low = s.charCodeAt(i + 1);
    if (low < 0xdc00 || low > 0xdfff) return i;
    i++;
  }
  return -1;
}
