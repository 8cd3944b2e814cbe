// "Share of re-found entities given the right id": each article is drafted with `known` built from
// the other gold files; over drafted entities that match a gold entity the known set also has, the
// share that took that known entity's id.
// @ts-expect-error the shared scorer is plain JavaScript without typings
import { norm as scorerNorm } from '../../../shared/testset/score_draft.mjs';
import { draftArticle, type DraftVocabulary, type KnownEntity } from '../../src/draft/index';
import type { GoldDoc } from './run';

const norm = scorerNorm as (s: string) => string;
interface GoldEntity { id: string; type: KnownEntity['type']; label: string; mentions: string[] }

const names = (label: string, mentions: string[]): Set<string> => new Set([label, ...mentions].map(norm).filter(Boolean));
const meets = (a: Set<string>, b: Set<string>): boolean => [...a].some((n) => b.has(n));

export function resolutionShare(docs: GoldDoc[], vocabulary: DraftVocabulary): { refound: number; right: number } {
  let refound = 0;
  let right = 0;
  for (const doc of docs) {
    const others = docs.filter((d) => d !== doc).flatMap((d) => d.entities as GoldEntity[]);
    const byId = new Map<string, KnownEntity>();
    for (const e of others) {
      const k = byId.get(e.id) ?? { id: e.id, type: e.type, label: e.label, aliases: [] };
      k.aliases = [...new Set([...k.aliases, ...e.mentions.filter((m) => m !== k.label)])];
      byId.set(e.id, k);
    }
    const known = [...byId.values()];
    const d = draftArticle(doc.text, { known, vocabulary });
    for (const e of d.entities) {
      const drafted = names(e.label, e.mentions.map((m) => m.text));
      const gold = (doc.entities as GoldEntity[]).find((g) => meets(names(g.label, g.mentions), drafted));
      if (!gold) continue;
      const goldNames = names(gold.label, gold.mentions);
      const ids = known.filter((k) => meets(names(k.label, k.aliases), goldNames)).map((k) => k.id);
      if (!ids.length) continue;
      refound++;
      if (ids.includes(e.id)) right++;
      else if (process.env.KG_EVAL_DEBUG) console.log(`  ${doc.id}: ${e.label} got ${e.id}, known ${ids.join(" ")}`);
    }
  }
  return { refound, right };
}
