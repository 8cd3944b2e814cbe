import type { DataIssue } from '../model/errors.ts';
import type { EntityType } from '../model/types.ts';
import { foldCase } from '../text/fold.ts';
import type { EntityDefinition, GraphFile } from './schema.ts';
import type { ParsedSource } from './yamlSource.ts';

/** Where something was written: the file and the path inside it, to report it or point at it. */
export interface Place {
  source: ParsedSource;
  path: (string | number)[];
}

/** An entity as the corpus knows it: defined once, in entities.yaml or in one article's graph.yaml. */
export interface Definition {
  entity: EntityDefinition;
  place: Place;
  /** The article whose graph.yaml defines it; undefined for entities.yaml. */
  home?: string;
}

/** Names that mean an entity in one article only ("the bloc"), from a reference entry there. */
export interface LocalNames {
  /** Folded name -> entity id. */
  names: Map<string, { form: string; entity: string; place: Place }>;
  /** The reference entries, to check that each names a defined entity that the article mentions. */
  references: { id: string; place: Place }[];
}

/** "graph.yaml:12" for a message that points at another place. */
export function where(place: Place): string {
  const issue = place.source.issueAt(place.path, '');
  return `${issue.file}:${issue.line ?? 1}`;
}

/** An issue at a place. */
export const report = (issues: DataIssue[], place: Place, message: string) => issues.push(place.source.issueAt(place.path, message));

/**
 * Every definition in the corpus, and the names that are the corpus's: each id defined once,
 * each name (label or alias, case folded) naming one entity. A clash is reported at the later
 * place, naming the earlier one, so both are in the message.
 */
export function collectDefinitions(
  registry: { source: ParsedSource; entities: EntityDefinition[] } | undefined,
  articles: { slug: string; source: ParsedSource; file: GraphFile }[],
  issues: DataIssue[],
) {
  const definitions = new Map<string, Definition>();
  const names = new Map<string, { form: string; entity: string; place: Place }>();
  const local = new Map<string, LocalNames>();

  const define = (entity: EntityDefinition, place: Place, home?: string) => {
    const first = definitions.get(entity.id);
    if (first) {
      report(issues, { ...place, path: [...place.path, 'id'] }, `duplicate entity id "${entity.id}" (first defined at ${where(first.place)})`);
      return;
    }
    definitions.set(entity.id, { entity, place, home });
    for (const form of [entity.label, ...entity.aliases]) {
      const key = foldCase(form);
      const owner = names.get(key);
      if (owner && owner.entity !== entity.id) {
        report(issues, place, `"${form}" names both ${owner.entity} and ${entity.id}: mentions would be ambiguous (${owner.entity} at ${where(owner.place)})`);
      } else names.set(key, { form, entity: entity.id, place });
    }
  };

  registry?.entities.forEach((entity, index) => define(entity, { source: registry.source, path: ['entities', index] }));
  for (const { slug, source, file } of articles) {
    const mine: LocalNames = { names: new Map(), references: [] };
    local.set(slug, mine);
    file.entities.forEach((entry, index) => {
      const place = { source, path: ['entities', index] };
      if (entry.type !== undefined && entry.label !== undefined) {
        define({ ...entry, type: entry.type, label: entry.label, description: entry.description ?? '', attributes: entry.attributes ?? {} }, place, slug);
      } else if (entry.type !== undefined || entry.label !== undefined || entry.description !== undefined || entry.attributes !== undefined) {
        report(issues, place, `entity "${entry.id}" needs both type and label to be defined here, or only id and aliases to refer to one defined elsewhere`);
      } else {
        mine.references.push({ id: entry.id, place });
        for (const form of entry.aliases) {
          const key = foldCase(form);
          const owner = mine.names.get(key);
          if (owner && owner.entity !== entry.id) {
            report(issues, place, `"${form}" names both ${owner.entity} and ${entry.id} in this article: mentions would be ambiguous (${owner.entity} at ${where(owner.place)})`);
          } else mine.names.set(key, { form, entity: entry.id, place });
        }
      }
    });
  }
  return { definitions, names, local };
}

/** The surface forms that find mentions in one article: the corpus's names and the article's own. */
export function formsFor(
  slug: string,
  definitions: ReadonlyMap<string, Definition>,
  names: ReadonlyMap<string, { form: string; entity: string; place: Place }>,
  local: ReadonlyMap<string, LocalNames>,
  issues: DataIssue[],
): { form: string; entity: string }[] {
  // The names of an entity defined in an article find it in that article only; the names of one
  // in entities.yaml find it in every article. Sharing an entity is moving it to entities.yaml.
  const forms = new Map([...names].filter(([, name]) => {
    const home = definitions.get(name.entity)?.home;
    return home === undefined || home === slug;
  }));
  const mine = local.get(slug);
  for (const { id, place } of mine?.references ?? []) {
    if (!definitions.has(id)) report(issues, { ...place, path: [...place.path, 'id'] }, `unknown entity "${id}": no article and no entities.yaml defines it`);
  }
  for (const [key, name] of mine?.names ?? []) {
    if (!definitions.has(name.entity)) continue;
    const owner = forms.get(key);
    if (owner && owner.entity !== name.entity) {
      report(issues, name.place, `"${name.form}" names both ${owner.entity} and ${name.entity}: mentions would be ambiguous (${owner.entity} at ${where(owner.place)})`);
    } else forms.set(key, name);
  }
  return [...forms.values()].map(({ form, entity }) => ({ form, entity }));
}

export type EntityTypes = ReadonlyMap<string, EntityType>;
