import { formatIssue, type DataValidationError } from '../model/errors.ts';
import type { EntityDetails, GraphStats, NeighboursResult, PathResult, RelationView, SearchHit } from '../query/index.ts';
import { alongArrow, arrowSentence, valueLabeller, type EntitySummary, type ValueLabeller } from '../query/index.ts';
import type { KgGraph, Vocabulary } from '../model/types.ts';
import { hasUnsafe, visible, visibleData } from './terminal.ts';

/**
 * Plain-text renderings of query results for the terminal. `--json` prints the data instead.
 * Each rendering's lines are checked before they are printed and, if one holds a control
 * character, rendered again from a visible copy of the data and labels (see terminal.ts), so no
 * data string can send the terminal a control sequence or break a line. Checking what is
 * printed, one native scan a line, costs a tenth of checking every string of a 4,000-relation
 * answer, and plain data, nearly all of it, is rendered once.
 */

const name = (e: EntitySummary) => `${e.label} (${e.type})`;
const arrow = (r: RelationView) => (r.direction === 'out' ? '→' : '←');
const quote = (r: RelationView) => `"${r.evidence.text}" [${r.article ? `${r.article} ` : ''}${r.evidence.start}-${r.evidence.end}]`;
const qualifiers = (r: RelationView, values: ValueLabeller) => {
  const entries = Object.entries(r.qualifiers);
  return entries.length ? `  {${entries.map(([k, v]) => `${k}: ${values.qualifier(r.relation, k, v)}`).join(', ')}}` : '';
};
const pad = (s: string, width: number) => s + ' '.repeat(Math.max(1, width - s.length));

/** What the renderings look up in the graph: typed values by their labels, entities by id. */
export interface Labels extends ValueLabeller {
  entity(id: string): string;
}

export function graphLabels(graph: KgGraph, vocabulary: Vocabulary): Labels {
  return { ...valueLabeller(graph, vocabulary), entity: (id) => (graph.hasNode(id) ? graph.getNodeAttribute(id, 'label') : id) };
}

/** Labels looked up in the graph are data too. */
const visibleValues = (values: Labels): Labels => ({
  qualifier: (relation, name, value) => visible(values.qualifier(relation, name, value)),
  attribute: (name, value) => visible(values.attribute(name, value)),
  entity: (id) => visible(values.entity(id)),
});

/** `render`'s lines joined, rendered from visible copies of the data and labels when a line needs it. */
function safely<T, L>(data: T, render: (data: T, labels: L) => string[], labels: L, visibleLabels: (labels: L) => L): string {
  const lines = render(data, labels);
  return (lines.some(hasUnsafe) ? render(visibleData(data), visibleLabels(labels)) : lines).join('\n');
}

/** Beyond the first hop, each relation says which entity it was reached through, by label. */
export const formatNeighbours = (result: NeighboursResult, labels: Labels): string => safely(result, neighbourLines, labels, visibleValues);

function neighbourLines({ entity, neighbours }: NeighboursResult, values: Labels): string[] {
  const lines = [`${name(entity)}: ${neighbours.length} neighbour${neighbours.length === 1 ? '' : 's'}`];
  let width = 0;
  for (const n of neighbours) for (const v of n.via) width = Math.max(width, v.label.length);
  width += 3;
  for (const n of neighbours) {
    for (const via of n.via) {
      const from = via.from === entity.id ? '' : `(via ${values.entity(via.from)}) `;
      lines.push(`  ${n.depth > 1 ? `${n.depth}· ` : ''}${from}${arrow(via)} ${pad(via.label, width)}${name(n)}${qualifiers(via, values)}`);
      lines.push(`      ${quote(via)}`);
    }
  }
  return lines;
}

export const formatPath = (result: PathResult): string => safely(result, pathLines, undefined, () => undefined);

function pathLines(result: PathResult): string[] {
  if (!result.steps) return [`No path joins ${name(result.from)} and ${name(result.to)}.`];
  const lines = [`${name(result.from)} to ${name(result.to)}: ${result.steps.length} step${result.steps.length === 1 ? '' : 's'}`];
  for (const step of result.steps) {
    for (const r of step.relations) {
      // Written along the arrow, whichever way the path walks it: "Keir Starmer → waited for → Olaf Scholz".
      lines.push(`  ${arrowSentence(alongArrow(r, step.from))}`);
      lines.push(`      ${quote(r)}`);
    }
  }
  return lines;
}

export function formatSearch(query: string, hits: SearchHit[]): string {
  if (hits.length === 0) return `Nothing matches "${visible(query)}".`;
  return visibleData(hits)
    .map((h) =>
      h.kind === 'entity'
        ? `  entity    ${pad(h.label, 34)}${h.type}  [${h.id}]`
        : `  relation  ${h.source.label} → ${h.label} → ${h.target.label}\n            "${h.evidence}"`,
    )
    .join('\n');
}

export const formatShow = (details: EntityDetails, labels: Labels): string => safely(details, showLines, labels, visibleValues);

function showLines(d: EntityDetails, values: Labels): string[] {
  const lines = [`${d.label} (${d.type})  [${d.id}]`];
  if (d.description) lines.push(`  ${d.description}`);
  if (d.aliases.length) lines.push(`  aliases: ${d.aliases.join(', ')}`);
  for (const [k, v] of Object.entries(d.attributes)) lines.push(`  ${k}: ${values.attribute(k, v)}`);
  lines.push(`  mentioned ${d.mentions.length}× at ${d.mentions.map((m) => `${m.start}-${m.end}`).join(', ')}`);
  for (const groups of [d.out, d.in]) {
    for (const [label, relations] of Object.entries(groups)) {
      lines.push(`  ${arrow(relations[0]!)} ${label}`);
      for (const r of relations) lines.push(`      ${name(r.other)}${qualifiers(r, values)}`, `        ${quote(r)}`);
    }
  }
  return lines;
}

export function formatStats(stats: GraphStats): string {
  const s = visibleData(stats);
  const table = (counts: Record<string, number>) => Object.entries(counts).map(([k, v]) => `    ${pad(k, 24)}${String(v).padStart(4)}`);
  return [
    // A graph read from a file has no date: its title (the file name) stands alone.
    `${s.article.title}${s.article.date ? ` (${s.article.date})` : ''}  [${s.article.slug}]`,
    `  ${s.entities} entities, ${s.relations} relations, density ${s.density}`,
    `  entities by type:`,
    ...table(s.entitiesByType),
    `  relations by type:`,
    ...table(s.relationsByType),
    `  most connected:`,
    ...s.mostConnected.map((e) => `    ${pad(name(e), 40)}${String(e.degree).padStart(4)}`),
    `  connected components: ${s.components.count} (sizes ${s.components.sizes.join(', ')})`,
  ].join('\n');
}

/** A data error, one line per problem: a quote or a name in it cannot break the line or reach the terminal raw. */
export function formatDataError(error: DataValidationError): string {
  // The first line says how many problems there are; it holds no data.
  const [count] = error.message.split('\n', 1);
  return [count, ...error.issues.map((issue) => `  ${visible(formatIssue(issue))}`)].join('\n');
}
