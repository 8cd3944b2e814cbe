// Lists missed and spurious entities and relations per article (for tuning the general rules).
// @ts-expect-error the shared scorer is plain JavaScript without typings
import { norm as scorerNorm } from '../../../shared/testset/score_draft.mjs';

const norm = scorerNorm as (s: string) => string;
import { draftArticle } from '../../src/draft/index';
import { goldDocs, loadVocabulary } from './run';

interface GE { id: string; type: string; label: string; mentions: string[] }
interface GR { source: string; target: string; label: string; evidence: string }
const vocab = loadVocabulary();
const only = process.argv[2];
for (const g of goldDocs() as unknown as { id: string; text: string; entities: GE[]; relations: GR[] }[]) {
  if (only && !g.id.includes(only)) continue;
  const d = draftArticle(g.text, { vocabulary: vocab });
  console.log(`\n===== ${g.id}`);
  const names = (l: string, ms: string[]): Set<string> => new Set([l, ...ms].map((x) => norm(x) as string).filter(Boolean));
  const map = new Map<string, string>();
  for (const e of d.entities) {
    const pn = names(e.label, e.mentions.map((m) => m.text));
    const hit = g.entities.find((ge) => [...names(ge.label, ge.mentions)].some((n) => pn.has(n)));
    if (hit) map.set(e.id, hit.id);
    const tag = !hit ? 'FP ' : hit.type !== e.type ? `TY(${hit.type}) ` : 'ok ';
    console.log(` ${tag}${e.type} ${e.label} [${[...new Set(e.mentions.map((m) => m.text))].join(' | ')}] ${e.rule}${e.attributes?.role ? ' role=' + e.attributes.role : ''}`);
  }
  const mapped = new Set(map.values());
  for (const ge of g.entities) if (!mapped.has(ge.id)) console.log(` FN ${ge.type} ${ge.label} [${ge.mentions.join(' | ')}]`);
  for (const r of d.relations) {
    const ok = g.relations.some((gr) => gr.source === map.get(r.from) && gr.target === map.get(r.to));
    console.log(` ${ok ? 'ok' : 'FP'} R ${r.from} -${r.label}(${r.type}${r.proposed ? '?' : ''})-> ${r.to} :: ${r.evidence.text.slice(0, 80)} [${r.rule}]`);
  }
  for (const gr of g.relations) {
    const ok = d.relations.some((r) => gr.source === map.get(r.from) && gr.target === map.get(r.to));
    if (!ok) console.log(` FN R ${gr.source} -${gr.label}-> ${gr.target} :: ${gr.evidence.slice(0, 80)}`);
  }
}
