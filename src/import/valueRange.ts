import type { Scalar, ValueType } from '../model/types.ts';
import { NOT_OF_TYPE, valueOf } from './xml.ts';

const POW10 = Array.from({ length: 23 }, (_, i) => 10 ** i);

/**
 * `valueOf(source.slice(start, end), type)`, reading plain decimals (`-12`, `339.468082878739`)
 * straight from the text: millions of values then cost no string each. A decimal of at most 15
 * digits is a whole number below 2^53 over a power of ten up to 10^22, both exact doubles, so one
 * division gives the correctly rounded double, the one Number() gives (Clinger's fast path).
 * Anything else (more digits, exponents, spaces, NaN, booleans) goes to valueOf.
 */
export function valueInRange(source: string, start: number, end: number, type: ValueType): Scalar | undefined | typeof NOT_OF_TYPE {
  if (type === 'string') return source.slice(start, end);
  if (type === 'boolean') {
    const text = source.slice(start, end);
    if (text === 'true' || text === 'True' || text === '1') return true;
    if (text === 'false' || text === 'False' || text === '0') return false;
    return valueOf(text, type);
  }
  let i = start;
  let c = source.charCodeAt(i);
  const negative = c === 0x2d;
  if (negative || c === 0x2b) i++;
  let mantissa = 0;
  const digitsStart = i;
  for (; i < end; i++) {
    const d = source.charCodeAt(i) - 0x30;
    if (d < 0 || d > 9) break;
    mantissa = mantissa * 10 + d;
  }
  let digits = i - digitsStart;
  let scale = 0;
  if (type === 'float' && i < end && source.charCodeAt(i) === 0x2e) {
    const fraction = ++i;
    for (; i < end; i++) {
      const d = source.charCodeAt(i) - 0x30;
      if (d < 0 || d > 9) break;
      mantissa = mantissa * 10 + d;
    }
    scale = i - fraction;
    digits += scale;
  }
  if (i !== end || digits === 0) return valueOf(source.slice(start, end), type);
  if (digits > 15) return Number(source.slice(start, end));
  c = scale === 0 ? mantissa : mantissa / POW10[scale]!;
  return negative ? -c : c;
}
