/**
 * Small XML 1.0 helpers for the GraphML and GEXF writers: NMTOKEN checks, escaping and
 * sanitising. Pure functions, no DOM.
 *
 * Sanitising (documented contract, relied on by tests): characters XML 1.0 cannot carry at all
 * (C0 controls other than tab, LF and CR; lone UTF-16 surrogates; U+FFFE and U+FFFF) are replaced
 * by U+FFFD. CR is kept, written as `&#13;` so parsers do not normalise it to LF; NEL (U+0085)
 * and LS (U+2028) are written as `&#133;` and `&#8232;`, because XML 1.1 parsers, and xmldom
 * (graphology-graphml's and graphology-gexf's parser in Node), read them raw as line ends too;
 * so is PS (U+2029, `&#8233;`), which xmldom also reads as one. In
 * attribute values tab and LF are character references as well, so attribute-value
 * normalisation keeps them. A reference is never normalised, so every parser keeps all five.
 * DEL, C1 controls, the BOM and other noncharacters are legal XML 1.0 and pass through.
 * exportArticle has already replaced lone surrogates (./wellFormed.ts); these helpers replace
 * them as well, with the same U+FFFD, because the GraphML writer is also used on its own.
 */
import { REPLACEMENT_CHARACTER as REPLACEMENT } from './wellFormed.ts';

/** What XML 1.0 forbids, as one regex: for strings another library escapes (GEXF). */
// oxlint-disable-next-line no-control-regex
const FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|\p{Cs}/gu;

/** `s` with every character XML 1.0 cannot carry replaced by U+FFFD, and nothing escaped. */
export function xmlChars(s: string): string {
  return s.replace(FORBIDDEN, REPLACEMENT);
}

/** ASCII NameChar table: 1 where the code unit may appear in an NMTOKEN. */
const ASCII_NAME_CHAR = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  ASCII_NAME_CHAR[c] = /[A-Za-z0-9_:.-]/.test(ch) ? 1 : 0;
}

/** Full XML 1.0 (5th edition) NameChar production, for the rare non-ASCII token. */
// The ranges are the spec's, joiners and combining marks included on purpose.
const NMTOKEN_RE =
  // oxlint-disable-next-line no-misleading-character-class
  /^[:A-Z_a-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u02FF\u0370-\u037D\u037F-\u1FFF\u200C\u200D\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD\u{10000}-\u{EFFFF}.0-9\u00B7\u0300-\u036F\u203F\u2040-]+$/u;

/** True if `s` is a non-empty XML NMTOKEN (ASCII fast path, full production otherwise). */
export function isNmtoken(s: string): boolean {
  const n = s.length;
  if (n === 0) return false;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c >= 128) return NMTOKEN_RE.test(s);
    if (ASCII_NAME_CHAR[c] === 0) return false;
  }
  return true;
}

/**
 * What element text cannot carry as it is: `& < >`, CR, NEL, LS, PS, characters XML forbids and
 * any surrogate (a valid pair is fine, but is checked on the slow path). One regex: V8 scans a
 * flat string with it two to three times faster than a charCodeAt loop, and nearly all text is clean.
 */
// oxlint-disable-next-line no-control-regex
const UNCLEAN_TEXT = /[\u0000-\u0008\u000b-\u001f&<>\u0085\u2028\u2029\ud800-\udfff\ufffe\uffff]/;

/** True if `s` can be written as element text unchanged. */
export const isCleanText = (s: string): boolean => !UNCLEAN_TEXT.test(s);

/**
 * Escapes and sanitises `s`. `attr` selects attribute-value escaping (also `" '` and tab/LF as
 * character references, so attribute-value normalisation keeps them).
 */
function escape(s: string, attr: boolean): string {
  let out = '';
  let last = 0;
  const n = s.length;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    let rep: string | undefined;
    if (c < 63) {
      if (c === 38) rep = '&amp;';
      else if (c === 60) rep = '&lt;';
      else if (c === 62) rep = '&gt;';
      else if (c === 13) rep = '&#13;';
      else if (c === 9) rep = attr ? '&#9;' : undefined;
      else if (c === 10) rep = attr ? '&#10;' : undefined;
      else if (c < 32) rep = REPLACEMENT;
      else if (attr && c === 34) rep = '&quot;';
      else if (attr && c === 39) rep = '&apos;';
    } else if (c === 0x85) rep = '&#133;';
    else if (c === 0x2028) rep = '&#8232;';
    else if (c === 0x2029) rep = '&#8233;';
    else if (c >= 0xd800) {
      if (c <= 0xdbff) {
        const d = i + 1 < n ? s.charCodeAt(i + 1) : 0;
        if (d >= 0xdc00 && d <= 0xdfff) {
          i++; // a valid pair: keep both code units
          continue;
        }
        rep = REPLACEMENT;
      } else if (c <= 0xdfff || c >= 0xfffe) rep = REPLACEMENT;
    }
    if (rep !== undefined) {
      out += s.slice(last, i) + rep;
      last = i + 1;
    }
  }
  return last === 0 ? s : out + s.slice(last);
}

/** Element text: `& < >` escaped (so `]]>` is safe), CR, NEL, LS as references, forbidden characters -> U+FFFD. */
export function escapeText(s: string): string {
  return isCleanText(s) ? s : escape(s, false);
}

/** Attribute value (double-quoted): also `" '`, tab and LF escaped. */
export function escapeAttr(s: string): string {
  return escape(s, true);
}
