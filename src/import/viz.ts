/** A number from an attribute's text, or undefined for none, an empty one or one that is not finite. */
export const finite = (text: string | undefined) => {
  const n = text === undefined || text.trim() === '' ? Number.NaN : Number(text);
  return Number.isFinite(n) ? n : undefined;
};

const hex2 = (n: number) => Math.max(0, Math.min(255, Math.round(n))).toString(16).padStart(2, '0');

/** GEXF's `<viz:color r g b/>` (or `hex`) as `#rrggbb`, its attributes read by `get`; the alpha is dropped (the explorer dims by itself). */
export function vizColour(get: (name: string) => string | undefined): string | undefined {
  const hex = get('hex')?.trim();
  if (hex && /^#?[0-9a-f]{6}$/i.test(hex)) return `#${hex.replace('#', '').toLowerCase()}`;
  const [r, g, b] = ['r', 'g', 'b'].map((c) => finite(get(c)));
  return r === undefined || g === undefined || b === undefined ? undefined : `#${hex2(r)}${hex2(g)}${hex2(b)}`;
}
