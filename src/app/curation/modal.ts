import { h } from '../dom.ts';

export interface ModalButton {
  label: string;
  primary?: boolean;
  /** Runs the action; a rejection keeps the dialog open with its reason. Resolves to the dialog's answer. */
  run?: () => unknown;
}

/**
 * A modal dialog (the browser's own <dialog>: focus kept inside, Escape closes it) with a title,
 * a body and buttons. A button's action that fails leaves the dialog open and shows why: a
 * refused change is read where it was made. Resolves to the answer of the button that closed
 * it, or undefined when cancelled.
 */
export function openModal(title: string, body: (Node | null)[], buttons: ModalButton[], options: { describe?: string } = {}): Promise<unknown> {
  const id = `modal-${Math.random().toString(36).slice(2)}`;
  const error = h('p', { class: 'modal-error', attrs: { role: 'alert' } });
  const dialog = h('dialog', { class: 'curation-modal', attrs: { 'aria-labelledby': `${id}-title`, ...(options.describe ? { 'aria-describedby': `${id}-body` } : {}) } });
  return new Promise((done) => {
    let answer: unknown;
    const actions = buttons.map((button) =>
      h(
        'button',
        {
          class: button.primary ? 'primary' : '',
          attrs: { type: button.primary ? 'submit' : 'button' },
          on: {
            click: async (event) => {
              event.preventDefault();
              if (!button.run) return dialog.close();
              error.textContent = '';
              for (const b of actions) b.disabled = true;
              try {
                answer = await button.run();
                dialog.close();
              } catch (e) {
                error.textContent = e instanceof Error ? e.message : String(e);
              } finally {
                for (const b of actions) b.disabled = false;
              }
            },
          },
        },
        button.label,
      ),
    );
    const form = h('form', { attrs: { method: 'dialog' } }, h('h2', { attrs: { id: `${id}-title` } }, title), h('div', { class: 'modal-body', attrs: { id: `${id}-body` } }, ...body), error, h('div', { class: 'modal-actions' }, ...actions));
    dialog.append(form);
    dialog.addEventListener('close', () => {
      dialog.remove();
      done(answer);
    });
    document.body.append(dialog);
    dialog.showModal();
    // The first field, else the primary button, takes the focus.
    (form.querySelector<HTMLElement>('input, select, textarea') ?? actions.find((_, i) => buttons[i]!.primary) ?? actions[0])?.focus();
  });
}

let fieldCount = 0;
/** A labelled field: the label names it for screen readers and tests. */
export function field(label: string, control: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement, hint?: string): HTMLElement {
  const id = control.id || `field-${++fieldCount}`;
  control.id = id;
  return h('div', { class: 'modal-field' }, h('label', { attrs: { for: id } }, label), control, hint ? h('span', { class: 'muted hint' }, hint) : null);
}

/** A select of `options` ([value, text]), `selected` chosen. */
export function select(options: readonly (readonly [string, string])[], selected?: string): HTMLSelectElement {
  const el = h('select', {}, ...options.map(([value, text]) => h('option', { attrs: { value, selected: value === selected } }, text)));
  if (selected !== undefined) el.value = selected;
  return el;
}
