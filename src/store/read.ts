import type pg from 'pg';
import type { ArticleMeta, Vocabulary } from '../model/types.ts';
import type { EntityRow, RelationRow } from './rows.ts';

/** Reading rows back: the few SELECTs every query is made of. Parameters only, never data in the SQL text. */

const ENTITY_SELECT = 'SELECT entity_id, article, pos, type, label, description, aliases, attributes, mentions, draft FROM kg_entities';
const RELATION_SELECT = 'SELECT source_id, article, pos, relation_id, target_id, type, evidence, qualifiers, draft FROM kg_relations';

/** Every article's row for these entities. */
export async function readEntityRows(client: pg.Client, ids: readonly string[]): Promise<EntityRow[]> {
  if (ids.length === 0) return [];
  return (await client.query<EntityRow>(`${ENTITY_SELECT} WHERE entity_id = ANY($1::text[])`, [ids])).rows;
}

/** Every entity's names and type, without mentions: enough to resolve a name against all of them. */
export async function readAllNames(client: pg.Client): Promise<EntityRow[]> {
  return (await client.query<EntityRow>("SELECT entity_id, article, pos, type, label, description, aliases, '{}'::json AS attributes, '[]'::json AS mentions, NULL::json AS draft FROM kg_entities")).rows;
}

/** Every relation at either end of these entities (one at both ends comes twice: the graph builder keeps one). */
export async function readIncidentRelations(client: pg.Client, ids: readonly string[]): Promise<RelationRow[]> {
  if (ids.length === 0) return [];
  return (await client.query<RelationRow>(`${RELATION_SELECT} WHERE source_id = ANY($1::text[]) UNION ALL ${RELATION_SELECT} WHERE target_id = ANY($1::text[])`, [ids])).rows;
}

/** These relations, named by source, article and id (as search documents name them). */
export async function readRelations(client: pg.Client, keys: { source: string; article: string; id: string }[]): Promise<RelationRow[]> {
  if (keys.length === 0) return [];
  return (
    await client.query<RelationRow>(
      `${RELATION_SELECT} r WHERE (r.source_id, r.article, r.relation_id) IN (SELECT * FROM unnest($1::text[], $2::text[], $3::text[]))`,
      [keys.map((k) => k.source), keys.map((k) => k.article), keys.map((k) => k.id)],
    )
  ).rows;
}

/** The first relation of each type, in the corpus's order: what names a relation type, as the whole graph's first edge of it does. */
export async function readFirstOfEachType(client: pg.Client, types: readonly string[]): Promise<RelationRow[]> {
  if (types.length === 0) return [];
  return (
    await client.query<RelationRow>(
      `SELECT f.* FROM unnest($1::text[]) AS t(type) CROSS JOIN LATERAL (${RELATION_SELECT} r WHERE r.type = t.type ORDER BY r.article, r.pos LIMIT 1) f`,
      [types],
    )
  ).rows;
}

/** Every article's metadata, in slug order: the corpus graph's own attributes are made of them all. */
export async function readArticleMetas(client: pg.Client): Promise<ArticleMeta[]> {
  return (await client.query<{ meta: ArticleMeta }>('SELECT meta FROM kg_articles ORDER BY slug')).rows.map((r) => r.meta);
}

export async function readVocabulary(client: pg.Client): Promise<Vocabulary> {
  return (await client.query<{ value: Vocabulary }>("SELECT value FROM kg_meta WHERE key = 'vocabulary'")).rows[0]!.value;
}

/** The ends and places of the relations out of (`source`), into (`target`) or at either end of (`both`) these entities: what neighbour lists are made of. */
export async function readEdgeEnds(client: pg.Client, ids: readonly string[], side: 'source' | 'target' | 'both'): Promise<[string, string, string, number][]> {
  if (ids.length === 0) return [];
  const select = (column: string) => `SELECT source_id, target_id, article, pos FROM kg_relations WHERE ${column} = ANY($1::text[])`;
  const sql = side === 'both' ? `${select('source_id')} UNION ALL ${select('target_id')}` : select(`${side}_id`);
  return (await client.query<[string, string, string, number]>({ text: sql, values: [ids], rowMode: 'array' })).rows;
}

/** Every relation both of whose ends are among these entities. */
export async function readRelationsAmong(client: pg.Client, ids: readonly string[]): Promise<RelationRow[]> {
  if (ids.length === 0) return [];
  return (await client.query<RelationRow>(`${RELATION_SELECT} WHERE source_id = ANY($1::text[]) AND target_id = ANY($1::text[])`, [ids])).rows;
}
