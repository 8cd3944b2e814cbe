/**
 * The id of each relation of a graph.yaml, in file order: its own `id`, or one derived from its
 * triple, made unique by numbering repeats (-2, -3) in file order, so derived ids are stable
 * across runs. The builder names relations so; the curation edits find them so.
 */
/** The id a relation of this triple is given when it has none of its own (the first of its kind; repeats are numbered). */
export const derivedRelationId = (from: string, type: string, to: string) => `${from}--${type.replaceAll('_', '-')}--${to}`;

export function relationIds(relations: readonly { id?: unknown; from?: unknown; type?: unknown; to?: unknown }[]): string[] {
  const taken = new Set<string>();
  return relations.map((relation) => {
    const id = typeof relation.id === 'string' ? relation.id : uniqueId(derivedRelationId(String(relation.from), String(relation.type), String(relation.to)), taken);
    taken.add(id);
    return id;
  });
}

function uniqueId(base: string, taken: ReadonlySet<string>): string {
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return id;
}
