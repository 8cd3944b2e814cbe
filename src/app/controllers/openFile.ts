import { ImportError } from '../../import/errors.ts';
import type { ImportedGraph } from '../../import/imported.ts';
import type { ParseXml } from '../../import/xml.ts';
import '../openFile.css';
import { h, replaceChildren } from '../dom.ts';
import { stashFile, viewNameOf } from '../fileStash.ts';

/** The browser's own XML parser for the import core (which takes it as a parameter and touches no DOM global). */
export const browserParseXml: ParseXml = (text) => new DOMParser().parseFromString(text, 'application/xml');

/** The readers load when a file is first opened: an article's first frame does not wait for them. */
export const loadImportCore = () => import('../../import/index.ts');
type ImportCore = Awaited<ReturnType<typeof loadImportCore>>;

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

let shared: HTMLDialogElement | undefined;
/**
 * One modal dialog for the whole flow (the type picker, or what went wrong): a native <dialog>
 * traps focus, closes on Escape and hands focus back to what opened it.
 */
function dialog(): HTMLDialogElement {
  if (!shared) {
    shared = h('dialog', { class: 'open-file-dialog', attrs: { 'aria-labelledby': 'open-file-heading' } });
    document.body.append(shared);
  }
  return shared;
}

function showDialog(...children: Node[]): HTMLDialogElement {
  const box = dialog();
  replaceChildren(box, ...children);
  if (!box.open) box.showModal();
  return box;
}

/**
 * Says why a file did not open, naming it and the place (line and column when the parser knew
 * them). Nothing else changes: the graph on screen stays as it was.
 */
export function showOpenError(name: string, error: unknown): void {
  const reason = error instanceof ImportError ? error.reason : error instanceof Error ? error.message : String(error);
  const where = error instanceof ImportError && error.line ? `Line ${error.line}${error.column ? `, column ${error.column}` : ''}: ` : '';
  const close = h('button', { attrs: { type: 'button' }, on: { click: () => dialog().close() } }, 'Close');
  showDialog(
    h('h2', { attrs: { id: 'open-file-heading' } }, `Could not open ${name}`),
    h('p', { class: 'open-file-error', attrs: { role: 'alert' } }, where, reason),
    h('p', { class: 'muted' }, 'The graph on screen is unchanged. The explorer opens GraphML, GEXF and graphology JSON files.'),
    h('div', { class: 'open-file-actions' }, close),
  );
  close.focus();
}

/** Reloads the page onto an opened file: a fresh page builds the explorer on it (see fileStash.ts). */
function showView(view: string): void {
  history.pushState(null, '', `#${new URLSearchParams({ article: view }).toString()}`);
  location.reload();
}

/**
 * After a file is read: how big it is, and which node attribute gives the entity types (those
 * with few values; one named type, kind, category, class or group is chosen already). Open
 * stores the file and shows it; Cancel or Escape leaves everything as it was.
 */
function showTypePicker(imported: ImportedGraph, text: string, core: ImportCore): void {
  const candidates = core.typeCandidates(imported);
  const chosen = core.defaultTypeAttribute(imported);
  const select = h(
    'select',
    { attrs: { id: 'open-file-type' } },
    h('option', { attrs: { value: '' } }, 'none (one colour)'),
    ...candidates.map((c) => h('option', { attrs: { value: c.name, selected: c.name === chosen } }, `${c.name} (${plural(c.values, 'value')})`)),
  );
  const status = h('p', { class: 'muted', attrs: { role: 'status' } });
  const openButton = h('button', { class: 'primary', attrs: { type: 'submit' } }, 'Open');
  const form = h(
    'form',
    { attrs: { method: 'dialog' } },
    h('h2', { attrs: { id: 'open-file-heading' } }, `Open ${imported.name}`),
    h('p', {}, `${plural(imported.nodes.length, 'node')} and ${plural(imported.edges.length, 'edge')} (${imported.format === 'json' ? 'graphology JSON' : imported.format === 'gexf' ? 'GEXF' : 'GraphML'}).`),
    h('label', { attrs: { for: 'open-file-type' } }, 'Node types from'),
    select,
    h('p', { class: 'muted hint' }, candidates.length ? 'The types colour the nodes and become the filters.' : 'No attribute has few enough values to make types of.'),
    status,
    h('div', { class: 'open-file-actions' }, h('button', { attrs: { type: 'button' }, on: { click: () => dialog().close() } }, 'Cancel'), openButton),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    openButton.disabled = true;
    status.textContent = 'Opening…';
    const view = viewNameOf(imported.name);
    stashFile({ view, name: imported.name, text, typeAttribute: select.value === '' ? null : select.value }).then(
      () => showView(view),
      (error: unknown) => {
        openButton.disabled = false;
        status.textContent = `This browser would not keep the file: ${error instanceof Error ? error.message : String(error)}`;
      },
    );
  });
  showDialog(form);
  select.focus();
}

/** Reads one file the person chose or dropped; a bad one is reported and changes nothing. */
async function openFile(file: File, parseXml: ParseXml): Promise<void> {
  let text: string;
  try {
    text = await file.text();
  } catch (error) {
    return showOpenError(file.name, error);
  }
  let imported: ImportedGraph;
  const core = await loadImportCore();
  try {
    imported = core.readGraphFile(file.name, text, parseXml);
  } catch (error) {
    return showOpenError(file.name, error);
  }
  showTypePicker(imported, text, core);
}

/**
 * "Open file…" and dropping a file anywhere on the page: a GraphML, GEXF or graphology JSON file
 * opens in the explorer, with every feature it has for articles. While a file is dragged over
 * the page a hint covers it.
 */
export function createOpenFile(button: HTMLButtonElement, input: HTMLInputElement, parseXml: ParseXml = browserParseXml) {
  button.addEventListener('click', () => input.click());
  input.addEventListener('change', () => {
    const file = input.files?.[0];
    // Cleared, so choosing the same file again (after fixing it) fires change again.
    input.value = '';
    if (file) void openFile(file, parseXml);
  });

  const hint = h('div', { class: 'drop-hint', attrs: { 'aria-hidden': 'true' } }, h('p', {}, 'Drop a GraphML, GEXF or JSON graph file to open it'));
  hint.hidden = true;
  document.body.append(hint);
  const carriesFiles = (event: DragEvent) => event.dataTransfer?.types.includes('Files') ?? false;
  // dragenter and dragleave fire for every element crossed: count them to know when the drag has left the page.
  let depth = 0;
  document.addEventListener('dragenter', (event) => {
    if (!carriesFiles(event)) return;
    event.preventDefault();
    depth++;
    hint.hidden = false;
  });
  document.addEventListener('dragover', (event) => {
    if (!carriesFiles(event)) return;
    event.preventDefault();
    if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
  });
  document.addEventListener('dragleave', () => {
    depth = Math.max(0, depth - 1);
    if (depth === 0) hint.hidden = true;
  });
  document.addEventListener('drop', (event) => {
    depth = 0;
    hint.hidden = true;
    const file = event.dataTransfer?.files[0];
    if (!file) return;
    // Without this the browser would navigate to the dropped file.
    event.preventDefault();
    void openFile(file, parseXml);
  });
}
