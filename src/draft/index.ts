import { MAX_NAME_LENGTH, type EntityType } from '../model/types';
import { findCandidates } from './candidates';
import { locateTitleDescriptions, pronounSubjects } from './coref';
import { DEMONYMS } from './gazetteer';
import { cluster, type Cluster } from './entities';
import { findEventNouns, isDemonymMention, locateDescriptions, locateMentions, type Mention } from './mentions';
import { analyse } from './nlp';
import { findRelations, typeRelation } from './relations';
import { namedAs, resolveKnown } from './resolve';
import { productClusters, retypeCompanyExamples } from './products';
import { slugify, uniqueIds } from './slug';
import { findTopics, topicLabel } from './topics';
import type { Draft, DraftEntity, DraftOptions, DraftRelation } from './types';

export type { Draft, DraftEntity, DraftOptions, DraftRelation, DraftVocabulary, KnownEntity } from './types';

/** Drafts a grounded knowledge graph of an English news text. Pure: no I/O, same text same draft. */
export function draftArticle(text: string, options: DraftOptions = {}): Draft {
  const known = options.known ?? [];
  const { tokens } = analyse(text);
  const knownWords = new Set(known.flatMap((e) => [e.label, ...e.aliases]).flatMap((n) => n.split(/\s+/u)));
  const cands = findCandidates(text, tokens, knownWords);
  const { clusters, of } = cluster(cands, tokens);
  const products = productClusters(tokens, locateMentions(tokens, clusters), clusters);
  let mentions = locateMentions(tokens, clusters).filter((m) => !products.has(m.key));
  const taken = new Uint8Array(tokens.length);
  const mark = (m: { first: number; last: number }): void => { for (let t = m.first; t < m.last; t++) taken[t] = 1; };
  mentions.forEach(mark);
  const desc = locateDescriptions(tokens, clusters, mentions).filter((d) => !taken[d.first] && !taken[d.first + 1]);
  desc.forEach(mark);
  const titled = locateTitleDescriptions(tokens, mentions, clusters, taken);
  titled.forEach(mark);
  desc.push(...titled);
  for (const group of findEventNouns(tokens, taken)) {
    const key = clusters.length;
    const label = group.reduce((a, b) => (b.label.length > a.length ? b.label : a), '');
    const k: Cluster = { key, type: 'event', label, forms: [], rule: 'event-noun', confidence: 0.5 };
    clusters.push(k);
    for (const g of group) desc.push({ first: g.first, last: g.last, key, rule: 'event-noun' });
  }
  mentions = [...mentions, ...desc].sort((a, b) => a.first - b.first);
  // Topics are drafted as entities but not yet related: a topic inside a clause would end the
  // subject-verb-object search before the name it is about.
  const topics: Mention[] = [];
  for (const group of findTopics(tokens, taken)) {
    const key = clusters.length;
    clusters.push({ key, type: 'topic', label: topicLabel(group), forms: [], rule: 'topic-phrase', confidence: 0.45 });
    for (const g of group) topics.push({ first: g.first, last: g.last, key, rule: 'topic-phrase' });
  }

  retypeCompanyExamples(tokens, mentions, clusters);
  const byKey = new Map<number, Mention[]>();
  for (const m of [...mentions, ...topics]) {
    const list = byKey.get(m.key) ?? [];
    list.push(m);
    byKey.set(m.key, list);
  }
  const drafted = clusters.flatMap((k) => {
    const ms = byKey.get(k.key);
    // A "name" longer than any name may be (a run of capitals thousands long) is not one.
    if (!ms?.length || k.label.length > MAX_NAME_LENGTH) return [];
    // A country named only by its adjective ("the former Dutch prime minister") is background.
    if (k.country && ms.every((m) => isDemonymMention(tokens, m))) return [];
    // "North American cereal business": an adjective of region, not a name the shape rules may type.
    if (/^(?:given-name|name-shape|default)$/u.test(k.rule) && DEMONYMS.has(k.label.split(' ').at(-1) ?? '') && k.label.includes(' ')) return [];
    const spans = ms.map((m) => {
      const start = tokens[m.first]!.start;
      const end = tokens[m.last - 1]!.end;
      return { start, end, text: text.slice(start, end) };
    });
    return [{ k, spans, hit: resolveKnown(k, known, spans.map((sp) => sp.text)) }];
  });
  // Two drafted entities naming one known entity ("EU-UK" and "European Union" both say "EU"):
  // the id goes to the one named as the known entity is, the other stays new.
  const owner = new Map<string, (typeof drafted)[number]>();
  for (const d of drafted) {
    if (!d.hit) continue;
    const prev = owner.get(d.hit.id);
    if (!prev || (!namedAs(prev.k.label, d.hit) && namedAs(d.k.label, d.hit))) owner.set(d.hit.id, d);
  }
  const nextId = uniqueIds();
  const ids = new Map<number, string>();
  const types = new Map<number, EntityType>();
  const entities: DraftEntity[] = [];
  for (const d of drafted) {
    const { k, spans } = d;
    const hit = d.hit && owner.get(d.hit.id) === d ? d.hit : undefined;
    // The corpus's type is curated, the drafted one guessed: relations are typed from the former.
    if (hit) k.type = hit.type;
    const id = nextId(hit ? hit.id : slugify(k.label));
    ids.set(k.key, id);
    types.set(k.key, k.type);
    const aliases = [...new Set(spans.map((sp) => sp.text))].filter((a) => a !== k.label && !/^(?:the|a|an) /iu.test(a) || a.startsWith('the bloc'));
    const e: DraftEntity = { id, type: k.type, label: k.label, aliases, mentions: spans, confidence: k.confidence, rule: k.rule };
    if (k.role) e.attributes = { role: k.role };
    if (hit) e.known = true;
    entities.push(e);
  }

  const relations: DraftRelation[] = [];
  const seen = new Set<string>();
  // Pronouns stand in for subjects only: they find relations but are not the entities' mentions.
  const subjects = [...mentions, ...pronounSubjects(tokens, mentions, clusters)].sort((a, b) => a.first - b.first);
  for (const r of findRelations(tokens, subjects, cands, of, clusters)) {
    const from = ids.get(r.from);
    const to = ids.get(r.to);
    if (!from || !to || from === to) continue;
    const dedupe = `${from}|${to}|${tokens[r.first]!.sent}`;
    if (seen.has(dedupe)) continue;
    seen.add(dedupe);
    const t = typeRelation(r, types.get(r.from) as EntityType, types.get(r.to) as EntityType, options.vocabulary);
    const start = tokens[r.first]!.start;
    const end = tokens[r.last - 1]!.end;
    const rel: DraftRelation = { from, type: t.type, label: t.label, to, evidence: { start, end, text: text.slice(start, end) }, confidence: r.confidence, rule: r.rule };
    if (t.proposed) rel.proposed = true;
    relations.push(rel);
  }
  return { entities, relations };
}
