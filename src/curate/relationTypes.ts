import type { CorpusSources } from '../corpus/buildCorpus.ts';
import { own } from '../model/own.ts';
import { CurationError } from './errors.ts';
import { allRelations } from './locate.ts';
import { valueOf } from './yamlText.ts';

/** The relation types vocabulary.yaml declares, as written (a file that does not parse has none). */
function declaredTypes(sources: CorpusSources): Record<string, unknown> {
  try {
    const value = valueOf(sources.vocabulary.text) as Record<string, unknown> | null;
    const relations = value && typeof value === 'object' ? own(value, 'relations') : undefined;
    return relations && typeof relations === 'object' ? (relations as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** Whether vocabulary.yaml declares a relation type of this id. */
export const isRelationType = (sources: CorpusSources, id: string) => own(declaredTypes(sources), id) !== undefined;

/** Whether the relation type is a draft (`kg add` proposed it: no type of the vocabulary fitted). */
export function isDraftType(sources: CorpusSources, id: string): boolean {
  const type = own(declaredTypes(sources), id);
  return typeof type === 'object' && type !== null && own(type as Record<string, unknown>, 'draft') !== undefined;
}

/** The relations of every article of a type, by `<article>:<id>`. */
export const relationsOfType = (sources: CorpusSources, id: string) => allRelations(sources).filter((r) => own(r.value, 'type') === id).map((r) => `${r.article}:${r.id}`);

/**
 * A proposed relation type can go only once nothing uses it: its relations are retyped or
 * rejected first, so rejecting a type never takes relations with it unseen.
 */
export function mustBeUnused(sources: CorpusSources, id: string): void {
  const users = relationsOfType(sources, id);
  if (!users.length) return;
  const shown = users.slice(0, 10).join(', ') + (users.length > 10 ? `, and ${users.length - 10} more` : '');
  throw new CurationError(`relation type ${id} is used by ${users.length} relation${users.length === 1 ? '' : 's'} (${shown}): retype or reject ${users.length === 1 ? 'it' : 'them'} first; nothing was written`);
}
