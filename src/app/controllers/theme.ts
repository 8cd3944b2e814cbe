import { THEMES, type ThemeName } from '../view/canvasPalette.ts';

const STORAGE_KEY = 'kg-theme';
const DARK_QUERY = '(prefers-color-scheme: dark)';

const isTheme = (value: unknown): value is ThemeName => typeof value === 'string' && (THEMES as readonly string[]).includes(value);

/** The theme chosen with the button, if any (storage may be unavailable: private modes, sandboxed frames). */
function storedTheme(): ThemeName | null {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return isTheme(value) ? value : null;
  } catch {
    return null;
  }
}

/**
 * The dark-theme button: pressed while the dark theme shows. The page follows the system
 * (`prefers-color-scheme`) until the button is used; the choice is then remembered and set on
 * <html> as data-theme, which styles.css reads. `onChange` hears every later switch, the
 * system's included, so the canvas can follow; the theme at start is `current()`.
 */
export function createThemeToggle(button: HTMLButtonElement, onChange: (theme: ThemeName) => void) {
  const root = document.documentElement;
  const system = matchMedia(DARK_QUERY);
  let chosen = storedTheme();
  let shown: ThemeName | null = null;

  function apply(): void {
    if (chosen) root.dataset.theme = chosen;
    else delete root.dataset.theme;
    const next = chosen ?? (system.matches ? 'dark' : 'light');
    button.setAttribute('aria-pressed', String(next === 'dark'));
    if (next === shown) return;
    const first = shown === null;
    shown = next;
    if (!first) onChange(next);
  }

  button.addEventListener('click', () => {
    chosen = shown === 'dark' ? 'light' : 'dark';
    try {
      localStorage.setItem(STORAGE_KEY, chosen);
    } catch {
      // Not remembered, but switched for this page all the same.
    }
    apply();
  });
  system.addEventListener('change', apply);
  // The explorer open in another tab switched theme.
  window.addEventListener('storage', (event) => {
    if (event.key !== STORAGE_KEY) return;
    chosen = storedTheme();
    apply();
  });
  apply();
  return { current: (): ThemeName => shown ?? 'light' };
}
export type ThemeToggle = ReturnType<typeof createThemeToggle>;
