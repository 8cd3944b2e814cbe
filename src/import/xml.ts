/** Typed values of the streaming GraphML and GEXF readers. */
import type { Scalar, ValueType } from '../model/types.ts';

const INTEGER = /^[+-]?\d+$/;
const DOUBLE = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** What `valueOf` returns for text that is not of its declared type. */
export const NOT_OF_TYPE: unique symbol = Symbol('not of its type');

/**
 * A value as its declared type, undefined for an empty one (a missing value, not zero), or
 * NOT_OF_TYPE: the streaming readers call it once per value and build a message only on failure.
 * The regular expressions keep out what Number() alone would take (`0x1A`, `Infinity`, `1_0`).
 */
export function valueOf(text: string, type: ValueType): Scalar | undefined | typeof NOT_OF_TYPE {
  if (type === 'string') return text;
  const value = text.trim();
  if (value === '') return undefined;
  if (type === 'int') {
    if (INTEGER.test(value)) return Number(value);
  } else if (type === 'float') {
    if (DOUBLE.test(value)) return Number(value);
    // xsd:double's special values.
    if (value === 'NaN') return Number.NaN;
    if (value === 'INF' || value === '+INF') return Number.POSITIVE_INFINITY;
    if (value === '-INF') return Number.NEGATIVE_INFINITY;
  } else if (type === 'boolean') {
    const lower = value.toLowerCase();
    if (lower === 'true' || lower === '1') return true;
    if (lower === 'false' || lower === '0') return false;
  }
  return NOT_OF_TYPE;
}

/** Why a value was refused: `what` names the place. */
export const notOfTypeMessage = (text: string, type: ValueType, what: string) => {
  const value = text.trim();
  return `${what} is declared ${type} but holds "${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
};
