import { emptyRecord, own } from '../../model/own.ts';
import type { Scalar, ValueType, Vocabulary } from '../../model/types.ts';
import { h } from '../dom.ts';
import { select } from './modal.ts';

type Options = readonly (readonly [string, string])[];

/**
 * A value control suited to the type: a number field for numbers, a choice for booleans and
 * entities. `optional`: a value that may be left unset (a qualifier) gets an empty choice.
 */
export function valueControl(type: ValueType, value: string, entities: Options, optional = false): HTMLInputElement | HTMLSelectElement {
  const none = optional ? ([['', '(none)']] as const) : [];
  if (type === 'boolean') return select([...none, ['true', 'true'], ['false', 'false']], value || (optional ? '' : 'true'));
  if (type === 'entity') return select([...none, ...entities], value || (optional ? '' : entities[0]?.[0]));
  const input = h('input', { attrs: { type: type === 'int' || type === 'float' ? 'number' : 'text', autocomplete: 'off', spellcheck: 'false' } });
  if (type === 'int') input.step = '1';
  if (type === 'float') input.step = 'any';
  if (type === 'date') {
    input.placeholder = 'YYYY, YYYY-MM or YYYY-MM-DD';
    input.inputMode = 'numeric';
  }
  input.value = value;
  return input;
}

/**
 * The Edit dialog's typed attributes: one row each (its name from the vocabulary's attributes,
 * a value control suited to its type, a Remove button) and "Add attribute". Values go as typed:
 * the edit makes each the vocabulary's type and refuses, with the reason, one that is not.
 */
export function attributeRows(vocabulary: Vocabulary, current: Readonly<Record<string, Scalar>>, entities: Options) {
  const names = Object.keys(vocabulary.attributes);
  const typeOf = (name: string) => own(vocabulary.attributes, name) ?? 'string';
  const list = h('div', { class: 'attribute-rows' });
  const add = h('button', { attrs: { type: 'button' }, on: { click: () => addRow(names.find((n) => !rows().some((r) => r.name.value === n)) ?? names[0]!, '', true) } }, 'Add attribute');
  add.disabled = names.length === 0;
  const element = h('fieldset', { class: 'modal-field attributes' }, h('legend', {}, 'Attributes'), list, add);
  if (!names.length) element.append(h('span', { class: 'muted hint' }, 'The vocabulary declares no attributes.'));

  const rows = () => [...list.children].map((row) => ({ row, name: row.querySelector('select.attribute-name') as HTMLSelectElement, value: row.querySelector('.attribute-value') as HTMLInputElement | HTMLSelectElement }));
  /** Names that say which row a control is in, read by screen readers and tests: "Value of role". */
  const label = () => rows().forEach(({ row, name, value }, i) => {
    name.setAttribute('aria-label', `Attribute ${i + 1}`);
    value.setAttribute('aria-label', `Value of ${name.value}`);
    row.querySelector('button')!.setAttribute('aria-label', `Remove ${name.value}`);
  });

  function addRow(name: string, value: string, focus = false): void {
    const picker = select(names.map((n) => [n, `${n.replaceAll('_', ' ')} (${typeOf(n)})`] as const), name);
    picker.classList.add('attribute-name');
    let control = valueControl(typeOf(name), value, entities);
    control.classList.add('attribute-value');
    const row = h('div', { class: 'attribute-row' }, picker, control);
    const remove = h('button', { attrs: { type: 'button' }, on: { click: () => {
      const next = row.nextElementSibling ?? row.previousElementSibling;
      row.remove();
      label();
      ((next?.querySelector('select') as HTMLElement | null) ?? add).focus();
    } } }, 'Remove');
    row.append(remove);
    picker.addEventListener('change', () => {
      // Another type, another control; a value typed so far stays when it still fits.
      const kept = control instanceof HTMLInputElement ? control.value : '';
      const next = valueControl(typeOf(picker.value), kept, entities);
      next.classList.add('attribute-value');
      control.replaceWith(next);
      control = next;
      label();
    });
    list.append(row);
    label();
    if (focus) control.focus();
  }
  for (const [name, value] of Object.entries(current)) addRow(name, String(value));

  /** The attributes as the rows give them; a name given twice is refused, with which. */
  const value = (): Record<string, string> => {
    const out = emptyRecord<string>();
    for (const { name, value: control } of rows()) {
      if (Object.hasOwn(out, name.value)) throw new Error(`The attribute ${name.value} is given twice: remove one.`);
      out[name.value] = control.value;
    }
    return out;
  };
  const changed = () => JSON.stringify(Object.entries(value())) !== JSON.stringify(Object.entries(current).map(([k, v]) => [k, String(v)]));
  return { element, value, changed };
}
