import { ImportError } from '../../import/errors.ts';
import type { ImportedGraph } from '../../import/imported.ts';
import '../openFile.css';
import { h, replaceChildren } from '../dom.ts';
import { stashFile, viewNameOf } from '../fileStash.ts';
import { readFileInWorker } from '../readFileInWorker.ts';

/**
 * What makes an opened file the explorer's graph loads when a file is first opened: an article's
 * first frame does not wait for it. The readers themselves run in the reading worker.
 */
export const loadImportCore = () => import('../../import/toArticle.ts');
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
function showTypePicker(imported: ImportedGraph, file: Blob, core: ImportCore): void {
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
    stashFile({ view, name: imported.name, file, typeAttribute: select.value === '' ? null : select.value }).then(
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

/** A reading this short shows no progress dialog: it would only flash. */
const QUIET_MS = 150;

const megabytes = (bytes: number) => `${(bytes / 1e6).toLocaleString('en', { maximumFractionDigits: 1, minimumFractionDigits: 1 })} MB`;

/**
 * While a file is read (in the reading worker): a progress bar of the bytes read, and Cancel
 * (or Escape), which ends the reading and leaves the graph on screen as it was.
 */
function showReading(file: File, cancel: () => void): { progress(fraction: number): void; finish(): void } {
  const bar = h('progress', { attrs: { max: '1', value: '0', 'aria-labelledby': 'open-file-heading' } });
  const status = h('p', { class: 'muted' }, `0 % of ${megabytes(file.size)}`);
  const cancelButton = h('button', { attrs: { type: 'button' }, on: { click: () => dialog().close() } }, 'Cancel');
  let shown = false;
  const onClose = () => cancel();
  const timer = setTimeout(() => {
    shown = true;
    const box = showDialog(h('h2', { attrs: { id: 'open-file-heading' } }, `Reading ${file.name}`), bar, status, h('div', { class: 'open-file-actions' }, cancelButton));
    box.addEventListener('close', onClose, { once: true });
    cancelButton.focus();
  }, QUIET_MS);
  return {
    progress(fraction) {
      bar.value = fraction;
      status.textContent = `${Math.floor(fraction * 100)} % of ${megabytes(file.size)}`;
    },
    finish() {
      clearTimeout(timer);
      // The dialog stays open for what follows (the type picker or the error), so it must no longer cancel.
      if (shown) dialog().removeEventListener('close', onClose);
    },
  };
}

/** Reads one file the person chose or dropped; a bad one is reported and changes nothing, a cancelled one is forgotten. */
async function openFile(file: File): Promise<void> {
  let cancelled = false;
  const reading = readFileInWorker(file, file.name, (fraction) => view.progress(fraction));
  const view = showReading(file, () => {
    cancelled = true;
    reading.cancel();
  });
  try {
    const [imported, core] = await Promise.all([reading.done, loadImportCore()]);
    view.finish();
    if (!cancelled) showTypePicker(imported, file, core);
  } catch (error) {
    view.finish();
    if (!cancelled) showOpenError(file.name, error);
  }
}

/**
 * "Open file…" and dropping a file anywhere on the page: a GraphML, GEXF or graphology JSON file
 * opens in the explorer, with every feature it has for articles. While a file is dragged over
 * the page a hint covers it.
 */
export function createOpenFile(button: HTMLButtonElement, input: HTMLInputElement) {
  button.addEventListener('click', () => input.click());
  input.addEventListener('change', () => {
    const file = input.files?.[0];
    // Cleared, so choosing the same file again (after fixing it) fires change again.
    input.value = '';
    if (file) void openFile(file);
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
    void openFile(file);
  });
}
