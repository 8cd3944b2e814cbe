import { own, recordOf } from '../model/own.ts';

/**
 * Data strings reach the terminal only through these. A label or quote holding ESC, a C1 control
 * (U+009B is a one-character CSI), a bidi override or a line separator could retitle, recolour
 * or reorder the user's terminal, or make one line look like another; so each such character is
 * shown as its escape (`\x1b`, `\u202e`) and our own newlines stay the only line breaks.
 */

// DEL, C1, the bidi marks, embeddings, overrides and isolates, the Unicode line separators and
// lone surrogates (the `u` flag matches a surrogate here only when it is not half of a pair).
const FORMAT_CONTROLS = '\\x7f-\\x9f\\u061c\\u200e\\u200f\\u2028\\u2029\\u202a-\\u202e\\u2066-\\u2069\\ud800-\\udfff';
const UNSAFE = new RegExp(`[\\0-\\x1f${FORMAT_CONTROLS}]`, 'gu');
// The same class, unflagged for `test`: a global regex would carry lastIndex from one call to the next.
const HAS_UNSAFE = new RegExp(UNSAFE.source, 'u');
// JSON.stringify already escapes C0 controls and lone surrogates; a raw newline in its output is layout.
const JSON_UNSAFE = new RegExp(`[${FORMAT_CONTROLS}]`, 'gu');

const NAMED: Readonly<Record<string, string>> = recordOf([['\n', '\\n'], ['\r', '\\r'], ['\t', '\\t']]);
const hex = (c: string, digits: number) => c.charCodeAt(0).toString(16).padStart(digits, '0');

/** Whether `text` holds a character `visible` rewrites. */
export const hasUnsafe = (text: string): boolean => HAS_UNSAFE.test(text);

/** `text` with every control character written as a visible escape. */
export function visible(text: string): string {
  if (!hasUnsafe(text)) return text;
  return text.replace(UNSAFE, (c) => own(NAMED, c) ?? (c.charCodeAt(0) < 0x100 ? `\\x${hex(c, 2)}` : `\\u${hex(c, 4)}`));
}

/** JSON text with the characters JSON.stringify leaves raw written as `\uXXXX`: the same data, parsed. */
export function visibleJson(json: string): string {
  return json.replace(JSON_UNSAFE, (c) => `\\u${hex(c, 4)}`);
}

/** Query data with every string, keys included, made visible (a copy, unless nothing needed it): what the text renderings format. */
export function visibleData<T>(value: T): T {
  // Nearly all data is plain: copying a 4,000-relation answer only to escape nothing cost more than the query.
  return needsEscape(value) ? escapeData(value) : value;
}

// What JSON.stringify writes for a C0 control or a lone surrogate: an escape (`\n`, `\u001b`,
// `\ud800`) after an even run of backslashes (an odd one is an escaped backslash and then text).
const JSON_ESCAPE = /(?<!\\)(?:\\\\)*\\[bfnrtu]/;
const HAS_FORMAT_CONTROL = new RegExp(JSON_UNSAFE.source, 'u');

/**
 * Whether any string in `value`, keys included, holds a character `visible` rewrites. One native
 * JSON.stringify and two scans of its text: walking a 4,000-relation answer in JavaScript took a
 * tenth of `kg neighbours`. The JSON text holds every string (data here is plain: no undefined,
 * no functions), C0 controls and lone surrogates as escapes and the other characters raw.
 */
function needsEscape(value: unknown): boolean {
  const json = JSON.stringify(value) ?? '';
  return HAS_FORMAT_CONTROL.test(json) || (json.includes('\\') && JSON_ESCAPE.test(json));
}

function escapeData<T>(value: T): T {
  if (typeof value === 'string') return visible(value) as T;
  if (Array.isArray(value)) return value.map(escapeData) as T;
  if (value !== null && typeof value === 'object') {
    return recordOf(Object.entries(value).map(([k, v]) => [visible(k), escapeData(v)] as const)) as T;
  }
  return value;
}
