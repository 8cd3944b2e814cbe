import type { Scalar, ValueType } from '../model/types.ts';
import { ISO_DATE } from './schema.ts';

/**
 * Checks a typed attribute or qualifier value against its declared type. Returns the value to
 * store (an unquoted YAML year becomes the string "2020") or an error message.
 */
export function checkValue(
  type: ValueType,
  value: Scalar,
  entityIds: ReadonlySet<string>,
): { value: Scalar } | { error: string } {
  switch (type) {
    case 'string':
      return typeof value === 'string' ? { value } : { error: `must be a string, got ${JSON.stringify(value)}` };
    case 'int':
      return Number.isInteger(value) ? { value } : { error: `must be an integer, got ${JSON.stringify(value)}` };
    case 'float':
      return typeof value === 'number' && Number.isFinite(value)
        ? { value }
        : { error: `must be a number, got ${JSON.stringify(value)}` };
    case 'boolean':
      return typeof value === 'boolean' ? { value } : { error: `must be true or false, got ${JSON.stringify(value)}` };
    case 'date': {
      const s = String(value);
      return typeof value !== 'boolean' && ISO_DATE.test(s)
        ? { value: s }
        : { error: `must be an ISO 8601 date (YYYY, YYYY-MM or YYYY-MM-DD), got ${JSON.stringify(value)}` };
    }
    case 'entity':
      return typeof value === 'string' && entityIds.has(value)
        ? { value }
        : { error: `must be the id of an entity in this graph, got ${JSON.stringify(value)}` };
  }
}
