import type { ArrowReading, EntitySummary } from '../../query/index.ts';
import { h } from '../dom.ts';

/** A reference to an entity: a link-styled button that selects it. */
export const entityLink = (entity: Pick<EntitySummary, 'id' | 'label'>, choose: (id: string) => void) =>
  h('button', { class: 'link', attrs: { type: 'button', 'data-node': entity.id }, on: { click: () => choose(entity.id) } }, entity.label);

/**
 * A relation as the sentence its arrow reads, each end a link: "Keir Starmer → waited for → Olaf
 * Scholz" (the text of `arrowSentence`, with its ends clickable).
 */
export const arrowLine = (reading: ArrowReading, choose: (id: string) => void): (Node | string)[] => [
  entityLink(reading.source, choose),
  h('span', { class: 'arrow-label' }, ` → ${reading.label} → `),
  entityLink(reading.target, choose),
];
