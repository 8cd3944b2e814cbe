import type { CorpusModel } from '../../src/corpus/buildCorpus.ts';
import type { ArticleModel, Entity, EntityType, Relation, Vocabulary } from '../../src/model/types.ts';
import { prng } from '../bench/prng.ts';

/**
 * A corpus of `entities` entities and `relations` relations over `articles` articles, made in
 * process and seeded: every tenth entity is named by a second article too (with a local alias),
 * so the corpus merge has work to do; names share words, so search has ties and prefixes.
 */
export function syntheticCorpus(entities = 100_000, relations = 500_000, articles = 10, seed = 7): CorpusModel {
  const random = prng(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const types: EntityType[] = ['person', 'country', 'organisation', 'place', 'event', 'topic'];
  const words = ['north', 'river', 'council', 'union', 'harbour', 'summit', 'alliance', 'market', 'forum', 'valley', 'institute', 'agency'];
  const vocabulary: Vocabulary = {
    attributes: { founded: 'int', home: 'entity' },
    relations: Object.fromEntries(
      ['met', 'leads', 'visited', 'funds', 'criticised'].map((id, i) => [id, { id, label: id === 'leads' ? 'leader of' : id, inverse: `${id} by`, from: types, to: types, qualifiers: (i % 2 ? { year: 'int' } : { at: 'entity' }) as Record<string, 'int' | 'entity'> }]),
    ),
  };
  const models: ArticleModel[] = Array.from({ length: articles }, (_, a) => ({
    meta: { slug: `a${String(a).padStart(3, '0')}-synthetic`, title: `Synthetic ${a}`, publisher: 'Bench', dateline: 'Nowhere', date: `2025-01-${String((a % 28) + 1).padStart(2, '0')}` },
    text: '',
    vocabulary,
    entities: [],
    relations: [],
  }));
  const labels: string[] = [];
  for (let i = 0; i < entities; i++) {
    const label = `${pick(words)} ${pick(words)} e${i}`;
    labels.push(label);
    const entity: Entity = {
      id: `e-${i}`,
      type: pick(types),
      label,
      aliases: i % 3 ? [] : [`n${i}`],
      description: `synthetic ${pick(words)}`,
      attributes: i % 5 ? {} : { founded: 1900 + (i % 100), home: `e-${Math.floor(random() * entities)}` },
      mentions: [{ start: 0, end: 4, text: 'name' }],
    };
    models[i % articles]!.entities.push(entity);
    if (i % 10 === 0) models[(i + 1) % articles]!.entities.push({ ...entity, aliases: [...entity.aliases, `alias ${i}`], mentions: [{ start: 5, end: 9, text: 'name' }] });
  }
  const relationTypes = Object.keys(vocabulary.relations);
  for (let r = 0; r < relations; r++) {
    const model = models[r % articles]!;
    const source = pick(model.entities);
    const target = pick(model.entities);
    const type = pick(relationTypes);
    const relation: Relation = {
      id: `r${r}`,
      type,
      source: source.id,
      target: target.id,
      evidence: { start: 0, end: 10, text: `${source.label} ${type} ${target.label}` },
      qualifiers: r % 4 ? {} : vocabulary.relations[type]!.qualifiers.year ? { year: 2000 + (r % 25) } : { at: pick(model.entities).id },
    };
    model.relations.push(relation);
  }
  return { vocabulary, articles: models, entities: [] };
}
