import { Document } from 'yaml';
import type { Draft, DraftEntity } from '../draft/index.ts';
import { own } from '../model/own.ts';
import { MAX_NAME_LENGTH, type ArticleMeta, type EntityType, type Vocabulary } from '../model/types.ts';
import { isExactText } from '../corpus/schema.ts';
import { foldCase } from '../text/fold.ts';
import { graphemeBoundaries } from '../text/graphemes.ts';

/** What the corpus already holds that a new article must fit: its ids, and the names that mean each. */
export interface CorpusIndex {
  types: ReadonlyMap<string, EntityType>;
  /** Folded name -> the id it names, for every entity of the corpus: what resolution goes by. */
  names: ReadonlyMap<string, string>;
  /** The names of shared entities (entities.yaml): they find their entity in every article already. */
  shared: ReadonlyMap<string, string>;
}

/** The index of a validated corpus: every entity's names for resolution, the shared ones apart. */
export function corpusIndex(entities: { id: string; type: EntityType; label: string; aliases: string[]; shared: boolean }[]): CorpusIndex {
  const names = new Map<string, string>();
  const shared = new Map<string, string>();
  for (const e of entities) for (const n of [e.label, ...e.aliases]) (e.shared ? [names, shared] : [names]).forEach((m) => m.set(foldCase(n), e.id));
  return { types: new Map(entities.map((e) => [e.id, e.type] as const)), names, shared };
}

/** A relation type no vocabulary entry fits, proposed for the vocabulary as a draft. */
export interface ProposedType {
  id: string;
  label: string;
  from: EntityType[];
  to: EntityType[];
}

export interface DraftedFiles {
  meta: string;
  graph: string;
  proposed: ProposedType[];
  /** For each entry written to graph.yaml, the index of the drafted item it came from. */
  sourceOf: { entities: number[]; relations: number[] };
}

const usableName = (s: string) => s.length <= MAX_NAME_LENGTH && isExactText(s);
const round = (n: number) => Math.round(n * 100) / 100;

/** Which occurrence (1-based) of its quote an evidence span is, counting only whole-character ones, as the validator does. */
function occurrenceOf(text: string, start: number, quote: string, boundaries = graphemeBoundaries(text)): { occurrence: number; total: number } {
  let occurrence = 0;
  let total = 0;
  for (let at = text.indexOf(quote); at !== -1; at = text.indexOf(quote, at + 1)) {
    if (!boundaries.isBoundary(at) || !boundaries.isBoundary(at + quote.length)) continue;
    total++;
    if (at === start) occurrence = total;
  }
  return { occurrence, total };
}

/** The id of the corpus entity a drafted one is: the drafter's resolution, else any of its names the corpus knows. */
function corpusIdOf(entity: DraftEntity, corpus: CorpusIndex): string | undefined {
  if (corpus.types.has(entity.id) && entity.known) return entity.id;
  for (const name of [entity.label, ...entity.aliases, ...entity.mentions.map((m) => m.text)]) {
    const id = corpus.names.get(foldCase(name));
    if (id !== undefined) return id;
  }
  return undefined;
}

/**
 * The data files of a drafted article: meta.yaml, and a graph.yaml in which each entity the
 * corpus has is a reference (with the names that mean it here only), each new one a definition,
 * and every drafted item carries its draft marker (confidence, rule). `omit` lists drafted
 * entities and relations (by index) to leave out: what an earlier round failed to validate.
 */
export function draftedFiles(
  input: { text: string; meta: Omit<ArticleMeta, 'slug'>; draft: Draft; vocabulary: Vocabulary; corpus: CorpusIndex },
  omit: { entities: ReadonlySet<number>; relations: ReadonlySet<number> } = { entities: new Set(), relations: new Set() },
): DraftedFiles {
  const { text, draft, vocabulary, corpus } = input;
  const idOf = new Map<string, string>();
  const typeOf = new Map<string, EntityType>();
  const taken = new Set(corpus.types.keys());
  const entities: Record<string, unknown>[] = [];
  const sourceOf = { entities: [] as number[], relations: [] as number[] };
  const localNames = new Set<string>();
  draft.entities.forEach((entity, index) => {
    if (omit.entities.has(index)) return;
    const known = corpusIdOf(entity, corpus);
    const names = [...new Set([entity.label, ...entity.aliases, ...entity.mentions.map((m) => m.text)])].filter(usableName);
    // A shared entity's name finds it here already; any other entity's name would clash; the names
    // of an entity defined in another article must be written as this article's own.
    const local: string[] = [];
    for (const n of names) {
      const key = foldCase(n);
      const owner = corpus.names.get(key);
      if ((owner === undefined || (owner === known && !corpus.shared.has(key))) && !localNames.has(key)) {
        local.push(n);
        localNames.add(key);
      }
    }
    const marker = { confidence: round(entity.confidence), rule: entity.rule };
    if (known !== undefined) {
      idOf.set(entity.id, known);
      typeOf.set(known, corpus.types.get(known)!);
      if (local.length) {
        entities.push({ id: known, aliases: local, draft: marker });
        sourceOf.entities.push(index);
      }
      return;
    }
    if (!usableName(entity.label) || !local.includes(entity.label)) return;
    let id = entity.id;
    for (let n = 2; taken.has(id); n++) id = `${entity.id}-${n}`;
    taken.add(id);
    idOf.set(entity.id, id);
    typeOf.set(id, entity.type);
    const role = entity.attributes?.role;
    sourceOf.entities.push(index);
    entities.push({
      id,
      type: entity.type,
      label: entity.label,
      ...(local.length > 1 ? { aliases: local.filter((n) => n !== entity.label) } : {}),
      ...(role && own(vocabulary.attributes, 'role') === 'string' ? { attributes: { role } } : {}),
      draft: marker,
    });
  });

  const proposed = new Map<string, ProposedType>();
  const relations: Record<string, unknown>[] = [];
  const seen = new Set<string>();
  const boundaries = graphemeBoundaries(text);
  draft.relations.forEach((relation, index) => {
    const from = idOf.get(relation.from);
    const to = idOf.get(relation.to);
    if (omit.relations.has(index) || from === undefined || to === undefined || from === to) return;
    const key = `${from}|${relation.type}|${to}|${relation.evidence.start}`;
    if (seen.has(key) || !isExactText(relation.evidence.text)) return;
    seen.add(key);
    const type = own(vocabulary.relations, relation.type);
    if (!type) {
      const entry = proposed.get(relation.type) ?? { id: relation.type, label: relation.label, from: [], to: [] };
      for (const [list, end] of [[entry.from, typeOf.get(from)!], [entry.to, typeOf.get(to)!]] as const) if (!list.includes(end)) list.push(end);
      proposed.set(relation.type, entry);
    }
    const { occurrence, total } = occurrenceOf(text, relation.evidence.start, relation.evidence.text, boundaries);
    sourceOf.relations.push(index);
    relations.push({
      from,
      type: relation.type,
      to,
      evidence: relation.evidence.text,
      ...(total > 1 ? { occurrence } : {}),
      draft: { confidence: round(relation.confidence), rule: relation.rule },
    });
  });

  const graph = new Document({ entities, relations });
  graph.commentBefore = [
    ' Drafted by kg add: every entity and relation below is a draft, marked with the drafter\'s',
    ' confidence and the rule that produced it. Review each one: fix it or delete it, and delete',
    ' its `draft:` marker to accept it. Entries with only `id` and `aliases` refer to entities the',
    ' corpus already has; their aliases name them in this article only.',
  ].join('\n');
  const meta = new Document(input.meta);
  meta.commentBefore = ' Detected by kg add from the text where not given on the command line: check it.';
  return { meta: meta.toString({ lineWidth: 0 }), graph: graph.toString({ lineWidth: 0, flowCollectionPadding: false }), proposed: [...proposed.values()], sourceOf };
}
