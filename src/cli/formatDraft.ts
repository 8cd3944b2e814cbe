import type { Draft } from '../draft/index.ts';
import { visibleData } from './terminal.ts';

const percent = (confidence: number) => `${Math.round(confidence * 100)}%`;

/** A draft for people to read: entities by type, then relations with their evidence. */
export function formatDraft(raw: Draft): string {
  const draft = visibleData(raw);
  const label = new Map(draft.entities.map((e) => [e.id, e.label]));
  const lines = [`Draft: ${draft.entities.length} entities, ${draft.relations.length} relations (confidence, rule)`];
  for (const e of [...draft.entities].sort((a, b) => (a.type < b.type ? -1 : a.type > b.type ? 1 : 0))) {
    const aliases = e.aliases.length ? `  aka ${e.aliases.join(', ')}` : '';
    const role = e.attributes?.role ? `  role: ${e.attributes.role}` : '';
    lines.push(`  ${e.type.padEnd(13)}${e.label} [${e.id}]${aliases}${role}  ${e.mentions.length}× ${percent(e.confidence)} ${e.rule}`);
  }
  for (const r of draft.relations) {
    lines.push(`  ${label.get(r.from) ?? r.from} → ${r.label}${r.proposed ? ' (new type)' : ''} → ${label.get(r.to) ?? r.to}  ${percent(r.confidence)} ${r.rule}`);
    lines.push(`      "${r.evidence.text}" [${r.evidence.start}-${r.evidence.end}]`);
  }
  return lines.join('\n');
}
