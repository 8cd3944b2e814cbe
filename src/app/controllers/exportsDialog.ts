import { byId } from '../dom.ts';
import { MAX_IMAGE_SIDE, MIN_IMAGE_SIDE, type BackgroundChoice, type ImageExportFormat, type ImageRequest } from './exportsImage.ts';
import type { ImageScope } from './exportsScene.ts';

/**
 * The image export dialog (#export-dialog in index.html): format, scope, size, background,
 * title and legend, then Download. A modal <dialog>: the browser traps focus in it and closes it
 * on Escape; focus goes back to the button that opened it. It is moved to <body> once, because
 * the toolbar it is written in folds away (display: none) behind the Menu on narrow screens, and
 * a dialog inside a hidden element cannot show.
 */
export function createImageDialog(opener: HTMLElement, options: { title: string; run: (request: ImageRequest) => Promise<void> }) {
  const dialog = byId<HTMLDialogElement>('export-dialog');
  document.body.append(dialog);
  const form = byId<HTMLFormElement>('export-image-form');
  const format = byId<HTMLSelectElement>('export-image-format');
  const size = byId<HTMLSelectElement>('export-size');
  const width = byId<HTMLInputElement>('export-width');
  const height = byId<HTMLInputElement>('export-height');
  const background = byId<HTMLSelectElement>('export-background');
  const title = byId<HTMLInputElement>('export-title');
  const legend = byId<HTMLInputElement>('export-legend');
  const error = byId('export-error');
  const submit = byId<HTMLButtonElement>('export-image-download');
  for (const input of [width, height]) Object.assign(input, { min: String(MIN_IMAGE_SIDE), max: String(MAX_IMAGE_SIDE) });
  title.value = options.title;

  // A preset fills the two sizes; typing a size of one's own says "Custom".
  size.addEventListener('change', () => {
    const [w, h] = size.value.split('x');
    if (w && h) [width.value, height.value] = [w, h];
  });
  const matchPreset = () => {
    const value = `${width.value}x${height.value}`;
    size.value = [...size.options].some((o) => o.value === value) ? value : 'custom';
  };
  width.addEventListener('input', matchPreset);
  height.addEventListener('input', matchPreset);
  byId('export-cancel').addEventListener('click', () => dialog.close());
  dialog.addEventListener('close', () => opener.focus());

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (!form.reportValidity()) return;
    const scope = (form.elements.namedItem('export-scope') as RadioNodeList).value as ImageScope;
    const request: ImageRequest = {
      format: format.value as ImageExportFormat,
      scope,
      width: Math.round(Number(width.value)),
      height: Math.round(Number(height.value)),
      background: background.value as BackgroundChoice,
      title: title.value,
      legend: legend.checked,
    };
    submit.disabled = true;
    error.textContent = '';
    options
      .run(request)
      .then(() => dialog.close())
      .catch((e: unknown) => (error.textContent = `Could not make the image: ${e instanceof Error ? e.message : String(e)}`))
      .finally(() => (submit.disabled = false));
  });

  return {
    /** Opens the dialog for a format; the other choices stay as last set. */
    open(chosen: ImageExportFormat) {
      format.value = chosen;
      error.textContent = '';
      dialog.showModal();
    },
    close: () => dialog.close(),
  };
}
