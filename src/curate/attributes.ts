import { checkValue } from '../corpus/values.ts';
import { emptyRecord, own } from '../model/own.ts';
import type { Scalar, ValueType, Vocabulary } from '../model/types.ts';
import { CurationError } from './errors.ts';

/**
 * An entity's typed attributes as a curator typed them (a form gives strings), made the values
 * the vocabulary's types declare: "27" for an int is 27, "true" for a boolean is true. Each is
 * then checked as the builder checks it, so a refusal names the attribute and its type before
 * anything is written.
 */
export function coerceAttributes(vocabulary: Vocabulary, entityIds: ReadonlySet<string>, attributes: Record<string, Scalar>): Record<string, Scalar> {
  const declared = Object.keys(vocabulary.attributes);
  const out = emptyRecord<Scalar>();
  for (const [name, raw] of Object.entries(attributes)) {
    const type = own(vocabulary.attributes, name);
    if (!type) throw new CurationError(`attribute "${name}" is not declared in vocabulary.yaml (attributes: ${declared.join(', ') || 'none'})`);
    const checked = checkValue(type, coerce(type, raw), entityIds);
    if ('error' in checked) throw new CurationError(`attribute ${name} (${type}) ${checked.error}`);
    out[name] = checked.value;
  }
  return out;
}

function coerce(type: ValueType, raw: Scalar): Scalar {
  if (typeof raw !== 'string') return raw;
  const text = raw.trim();
  switch (type) {
    case 'int':
      return /^[-+]?\d+$/.test(text) ? Number(text) : raw;
    case 'float':
      return text !== '' && Number.isFinite(Number(text)) ? Number(text) : raw;
    case 'boolean':
      return text === 'true' ? true : text === 'false' ? false : raw;
    default:
      return text;
  }
}
