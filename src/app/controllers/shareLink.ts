import { h } from '../dom.ts';

/** How long "Link copied" stays up. */
const SAID_MS = 4000;

/** Copies with the older command where the Clipboard API is missing or refused (a page served over plain HTTP to another machine). */
function copyByCommand(text: string): boolean {
  const field = h('textarea', { class: 'visually-hidden', attrs: { readonly: true, 'aria-hidden': 'true' } });
  field.value = text;
  document.body.append(field);
  field.select();
  try {
    return document.execCommand('copy');
  } catch {
    return false;
  } finally {
    field.remove();
  }
}

/**
 * A "Copy link" button, placed after `anchor`: puts the link to the view as it is now (selection,
 * filters, focus, camera) on the clipboard and says so; where the page may not write to the
 * clipboard, it shows the link to copy by hand.
 */
export function createShareLink(anchor: Element, link: () => string) {
  const button = h('button', { attrs: { type: 'button', id: 'copy-link', 'aria-label': 'Copy link', title: 'Copy a link to this view' } }, 'Copy link');
  const status = h('span', { class: 'copy-status', attrs: { role: 'status' } });
  anchor.after(button, status);
  let clear: ReturnType<typeof setTimeout> | undefined;
  const say = (text: string) => {
    status.textContent = text;
    clearTimeout(clear);
    clear = setTimeout(() => (status.textContent = ''), SAID_MS);
  };
  button.addEventListener('click', async () => {
    const url = link();
    try {
      await navigator.clipboard.writeText(url);
      say('Link copied');
    } catch {
      say(copyByCommand(url) ? 'Link copied' : `Copy this link: ${url}`);
    }
  });
  return { button };
}
