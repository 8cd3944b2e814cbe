/** A slug id (^[a-z0-9]+(-[a-z0-9]+)*$) from a label; accents folded, never empty. */
export function slugify(label: string): string {
  const s = label
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/g, '');
  return s || 'entity';
}

/** Makes ids unique by numbering repeats: a, a-2, a-3. */
export function uniqueIds(): (base: string) => string {
  const used = new Set<string>();
  return (base) => {
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
    used.add(id);
    return id;
  };
}
