/**
 * Numbers as exactly the text `String(x)` gives, written as ASCII bytes into a buffer.
 *
 * Why this exists: a large GraphML export holds about a million doubles (positions, sizes,
 * weights), and `String(x)` costs ~160 ns each plus a short-lived string to copy and collect
 * (stack-facts.md "How fast a JS GraphML writer can go"). Here the shortest round-trip digits
 * are found with exact double arithmetic and written straight into the output buffer. Only the
 * common range is done by hand: non-integers with 1e-6 <= |x| < 1e15, which `String` writes in
 * fixed notation. Anything else, and the rare case this code cannot decide exactly (a tie or a
 * candidate within 1e-9 of the rounding boundary), is left to `String(x)` itself, so the output
 * never differs from it; test/graphml-writer-property.test.ts checks that against random doubles.
 *
 * How: a double x has a rounding interval, the reals that parse back to x. ECMAScript's
 * Number::toString writes the decimal in it with the fewest digits (the closest one if several
 * have that many). y = x * 10^q, scaled to have 17 digits before the point, is computed exactly
 * as a sum hi + lo (Dekker's product; a double alone is too short for 17 digits), and the largest
 * power of ten with a multiple inside the scaled interval gives the digit count: the multiple
 * nearest to y is the answer. Up to 9 digits, trying s / 10^d === x for d = 1, 2… is quicker, and
 * exact: s and 10^d are exact doubles, and IEEE division rounds as parsing does.
 */

/** 10^k, exact for k <= 22 (10^23 is not, and only picks the exponent). */
const POW10: number[] = [];
for (let k = 0, p = 1; k <= 23; k++, p *= 10) POW10.push(p);
/** 10^k for k <= 9, as int32s. */
const INT_POW10 = Int32Array.from(POW10.slice(0, 10));

/** Reads a double's bits: its binary exponent gives the width of its rounding interval. */
const bits = new Float64Array(1);
const words = new Uint32Array(bits.buffer);
// Which word holds the sign and exponent: the high one, on a little-endian machine the second.
const HIGH = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;

/** 2^(e - 1076) for a biased exponent e: half an ulp of a double with that exponent. */
const HALF_ULP = new Float64Array(2048);
for (let e = 1; e < 2047; e++) HALF_ULP[e] = 2 ** (e - 1076);

const SPLIT = 134217729; // 2^27 + 1: Veltkamp's splitter for Dekker's exact product
const MARGIN = 1e-9;
const BILLION = 1e9;

/** Digits of the number being written, as ASCII, before the point is placed. */
const digits = new Uint8Array(24);

/** Writes the integer `v` (0 <= v < 10^width) as exactly `width` digits at `digits[at]`. */
function putDigits(v: number, at: number, width: number): void {
  let i = at + width - 1;
  // Above 2^31 (at most 15 digits) by double division, then by int division.
  for (; v > 2147483647; i--) {
    const q = Math.floor(v / 10);
    digits[i] = 48 + v - 10 * q;
    v = q;
  }
  let u = v | 0;
  for (; i >= at; i--) {
    const q = (u / 10) | 0;
    digits[i] = 48 + u - 10 * q;
    u = q;
  }
}

/** Number of decimal digits of an integer 0 < v < 10^16. */
function digitCount(v: number): number {
  let k = 1;
  while (k < 16 && v >= POW10[k]!) k++;
  return k;
}

/**
 * Writes `k` digits from `digits` as 0.d1…dk × 10^n in fixed notation at `buf[p]`; returns the new
 * position. Callers guarantee a fractional part (x is not an integer).
 */
function placePoint(buf: Uint8Array, p: number, k: number, n: number): number {
  if (n > 0) {
    for (let i = 0; i < n; i++) buf[p++] = digits[i]!;
    buf[p++] = 46; // '.'
    for (let i = n; i < k; i++) buf[p++] = digits[i]!;
  } else {
    buf[p++] = 48; // '0'
    buf[p++] = 46;
    for (let i = n; i < 0; i++) buf[p++] = 48;
    for (let i = 0; i < k; i++) buf[p++] = digits[i]!;
  }
  return p;
}

/**
 * `String(v)` for a non-integer 1e-6 <= |v| < 1e15, written at `buf[p]`; returns the new position,
 * or -1 if it cannot decide exactly. Takes `v` as it comes, and passes on only ints, as long as
 * it can: a double passed to a function V8 does not inline is boxed (a heap allocation).
 */
function shortest(buf: Uint8Array, p: number, v: number): number {
  if (v < 0) buf[p++] = 45; // '-'
  const x = v < 0 ? -v : v;
  bits[0] = x;
  const biased = (words[HIGH]! >>> 20) & 0x7ff;
  // A power of two: its lower neighbour is closer than its upper one, and it has few digits.
  if ((words[HIGH]! & 0xfffff) === 0 && words[1 - HIGH] === 0) return fewDigits(buf, p, x, Math.floor(Math.log10(x)));
  // Decimal exponent: floor(log10(x)) is floor(e2 * log10(2)) or one more. y = x * 10^q must lie in
  // [1e16, 1e17), its integer part holding 17 significant digits.
  let e10 = Math.floor((biased - 1023) * 0.3010299956639812);
  if (x * POW10[16 - e10]! >= 1e17) e10++;
  if (e10 < -6) return -1;
  const scale = POW10[16 - e10]!;
  // Dekker: hi + lo === x * scale exactly.
  const hi = x * scale;
  let c = SPLIT * x;
  const xh = c - (c - x);
  const xl = x - xh;
  c = SPLIT * scale;
  const sh = c - (c - scale);
  const sl = scale - sh;
  const lo = xh * sh - hi + xh * sl + xl * sh + xl * sl;
  if (!(hi > 1e16 && hi < 1e17)) return -1;
  // Half the rounding interval, scaled like y.
  const w = HALF_ULP[biased]! * scale;
  // hi is an integer (above 2^53): split exactly as hi = high * 1e9 + low, both below 2^31. Not
  // with `%`, which V8 leaves to a C call on doubles: high * 1e9 is exact (high * 5^9 < 2^53), so
  // is the difference, and the quotient is off by at most one.
  let high = Math.floor(hi / BILLION);
  let low = hi - high * BILLION;
  if (low < 0) {
    high--;
    low += BILLION;
  }
  // The largest j with a multiple of 10^j in the interval gives 17 - j digits: the multiple
  // nearest to y. Random doubles stop at j = 1 or 2; below 10 digits, fewDigits is quicker.
  // Int arithmetic and comparisons only: no `%` or division by a variable, which cost more than
  // all the rest here.
  const lowInt = low | 0;
  let j = 0;
  let rest = lowInt; // lowInt without its last j digits
  let tail = 0; // its last j digits
  let size = 1; // 10^j
  let below = 0; // the multiple of 10^j below y, as an offset from lowInt - tail
  let above = 0; // y's distance above that multiple
  for (; j < 8; j++) {
    const t = (rest / 10) | 0;
    const r = tail + (rest - 10 * t) * size + lo; // y less the multiple of 10^(j+1) below hi
    const next = size * 10;
    // |lo| <= 8, so r is within (-8, next + 8).
    const m = r < 0 ? -next : r >= next ? next : 0;
    const d = r - m;
    const near = d < next / 2 ? d : next - d;
    if (Math.abs(near - w) < MARGIN) return -1;
    if (near > w) break;
    below = m;
    above = d;
    tail += (rest - 10 * t) * size;
    rest = t;
    size = next;
  }
  if (j === 8) return fewDigits(buf, p, x, e10);
  if (j === 0) {
    const f = lo - Math.floor(lo);
    if (Math.abs(f - 0.5) < MARGIN) return -1;
    return seventeen(buf, p, high | 0, (low + Math.floor(lo) + (f > 0.5 ? 1 : 0)) | 0, 0, e10);
  }
  if (Math.abs(above - size / 2) < MARGIN) return -1; // a tie: two multiples as near
  return seventeen(buf, p, high | 0, (lowInt - tail + below + (above < size / 2 ? 0 : size)) | 0, j, e10);
}

/**
 * Writes the integer high * 1e9 + low (low may have carried out of [0, 1e9)), less its last
 * `zeros` digits (which are zero), as 0.digits × 10^(e10 + 1) in fixed notation; returns the new
 * position, or -1 if rounding carried across a power of ten.
 */
function seventeen(buf: Uint8Array, p: number, high: number, low: number, zeros: number, e10: number): number {
  if (low >= BILLION) {
    low -= BILLION;
    high++;
  } else if (low < 0) {
    low += BILLION;
    high--;
  }
  if (high >= 1e8 || high < 1e7) return -1; // carried across a power of ten: leave it to String
  const k = 17 - zeros;
  const n = e10 + 1;
  // Digits are written right to left, stepping over the point.
  let point = -1;
  let end: number;
  if (n > 0) {
    point = p + n;
    buf[point] = 46; // '.'
    end = p + k + 1;
  } else {
    buf[p++] = 48; // '0'
    buf[p++] = 46;
    for (let i = n; i < 0; i++) buf[p++] = 48;
    end = p + k;
  }
  let q = end - 1;
  let u = (low / INT_POW10[zeros]!) | 0;
  for (let i = 9 - zeros; i > 0; i--) {
    if (q === point) q--;
    const t = (u / 10) | 0;
    buf[q--] = 48 + u - 10 * t;
    u = t;
  }
  u = high | 0;
  for (let i = 8; i > 0; i--) {
    if (q === point) q--;
    const t = (u / 10) | 0;
    buf[q--] = 48 + u - 10 * t;
    u = t;
  }
  return end;
}

/**
 * At most 15 digits: the first d (decimals) with Math.round(x * 10^d) / 10^d === x. Below 10^15
 * the integer nearest x * 10^d is the only candidate, and the computed product is close enough
 * to round to it.
 */
function fewDigits(buf: Uint8Array, p: number, x: number, e10: number): number {
  const last = 14 - e10;
  for (let d = Math.max(1, -e10); d <= last; d++) {
    const scale = POW10[d]!;
    const s = Math.round(x * scale);
    if (s / scale === x) {
      const k = digitCount(s);
      putDigits(s, 0, k);
      return placePoint(buf, p, k, k - d);
    }
  }
  return -1;
}

/** Writes `s`, an ASCII string, at `buf[p]`; returns the new position. */
function ascii(buf: Uint8Array, p: number, s: string): number {
  for (let i = 0; i < s.length; i++) buf[p++] = s.charCodeAt(i);
  return p;
}

/** A safe integer past 32 bits (timestamps, large ids) in decimal, by double arithmetic. */
function safeInteger(buf: Uint8Array, p: number, v: number): number {
  if (v < 0) {
    buf[p++] = 45; // '-'
    v = -v;
  }
  let n = 1;
  // `(t - t % 10) / 10` is exact for any safe integer; `Math.floor(t / 10)` rounds up near 2^53.
  for (let t = v; t >= 10; t = (t - (t % 10)) / 10) n++;
  const end = p + n;
  for (let i = end - 1, t = v; i >= p; i--) {
    const d = t % 10;
    buf[i] = 48 + d;
    t = (t - d) / 10;
  }
  return end;
}

/** Most bytes `writeNumber` writes: "-0.0000012345678901234567". */
export const NUMBER_ROOM = 25;

/**
 * Writes `String(x)` for a finite number x at `buf[p]` (room for NUMBER_ROOM bytes); returns the
 * new position. -0 is written "0", as String writes it.
 */
export function writeNumber(buf: Uint8Array, p: number, x: number): number {
  // Integers that fit in 32 bits (counts, offsets, colours): int arithmetic, no division by 10.0.
  if ((x | 0) === x) {
    let v = x | 0;
    if (v < 0) {
      if (v === -2147483648) return ascii(buf, p, '-2147483648');
      buf[p++] = 45; // '-'
      v = -v;
    }
    let n = 1;
    for (let t = v; t >= 10; t = (t / 10) | 0) n++;
    const end = p + n;
    for (let i = end - 1; i >= p; i--) {
      const t = (v / 10) | 0;
      buf[i] = 48 + v - 10 * t;
      v = t;
    }
    return end;
  }
  if (Math.floor(x) === x) {
    if (x > 9007199254740991 || x < -9007199254740991) return ascii(buf, p, String(x));
    return safeInteger(buf, p, x);
  }
  if ((x >= 1e-6 && x < 1e15) || (x <= -1e-6 && x > -1e15)) {
    const end = shortest(buf, p, x);
    if (end >= 0) return end;
  }
  return ascii(buf, p, String(x));
}
