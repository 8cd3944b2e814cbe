import { ENTITY_TYPES, type KgGraph, type Vocabulary } from '../../model/types.ts';
import { compareText } from '../../query/compare.ts';
import { own } from '../../model/own.ts';
import { h } from '../dom.ts';
import type { CurationActions } from './actions.ts';
import { attributeRows, valueControl } from './attributeRows.ts';
import { field, openModal, select } from './modal.ts';

type Span = { start: number; end: number; text: string };

const typeOptions = ENTITY_TYPES.map((t) => [t, t] as const);
const entityOptions = (graph: KgGraph, except?: string) =>
  graph
    .filterNodes((n) => n !== except)
    .map((n) => [n, `${graph.getNodeAttribute(n, 'label')} (${graph.getNodeAttribute(n, 'type')})`] as const)
    .sort((a, b) => compareText(a[1], b[1]));

/** "Keir Starmer → met → Ana Ribeiro": a relation as its arrow reads. */
export const edgeSentence = (graph: KgGraph, edge: string) => `${graph.getNodeAttribute(graph.source(edge), 'label')} → ${graph.getEdgeAttribute(edge, 'label')} → ${graph.getNodeAttribute(graph.target(edge), 'label')}`;

/** The vocabulary's relation types allowed from an entity of type `from` to one of type `to`, by label. */
export function allowedRelations(vocabulary: Vocabulary, from: string, to: string): [string, string][] {
  return Object.keys(vocabulary.relations)
    .filter((id) => {
      const type = own(vocabulary.relations, id);
      return type !== undefined && (type.from as string[]).includes(from) && (type.to as string[]).includes(to);
    })
    .map((id) => [id, own(vocabulary.relations, id)!.label] as [string, string])
    .sort((a, b) => compareText(a[1], b[1]));
}

/**
 * Rejecting: a relation goes at once (Undo brings it back); an entity first lists what goes with
 * it, every relation at either end of it, and goes only when confirmed.
 */
export async function rejectItem(graph: KgGraph, actions: CurationActions, key: string): Promise<boolean> {
  if (!graph.hasNode(key)) {
    await actions.reject(key);
    return true;
  }
  const label = graph.getNodeAttribute(key, 'label');
  const relations = graph.edges(key).map((e) => edgeSentence(graph, e));
  const body = relations.length
    ? [h('p', {}, `Its ${relations.length === 1 ? 'relation goes' : `${relations.length} relations go`} with it:`), h('ul', { class: 'reject-relations' }, ...relations.map((r) => h('li', {}, r)))]
    : [h('p', {}, 'It has no relations.')];
  const answer = await openModal(`Reject ${label}?`, [h('p', {}, `${label} is removed from the data files, with every mention of it.`), ...body], [
    { label: 'Cancel' },
    { label: 'Reject', primary: true, run: () => actions.reject(key).then(() => true) },
  ], { describe: 'body' });
  return answer === true;
}

/** Fixes what is wrong with an entity: label, type, aliases (one a line), description, typed attributes. */
export function editEntityDialog(graph: KgGraph, vocabulary: Vocabulary, actions: CurationActions, key: string): Promise<unknown> {
  const a = graph.getNodeAttributes(key);
  const label = h('input', { attrs: { type: 'text', value: a.label, autocomplete: 'off', spellcheck: 'false' } });
  const type = select(typeOptions, a.type);
  const aliases = h('textarea', { attrs: { rows: 3, spellcheck: 'false' } });
  aliases.value = a.aliases.join('\n');
  const description = h('textarea', { attrs: { rows: 3 } });
  description.value = a.description;
  const attributes = attributeRows(vocabulary, a.attributes, entityOptions(graph, key));
  const change = (accept: boolean) => () =>
    actions.editEntity(key, {
      ...(label.value !== a.label ? { label: label.value } : {}),
      ...(type.value !== a.type ? { type: type.value } : {}),
      ...(aliases.value.split('\n').map((s) => s.trim()).filter(Boolean).join('\n') !== a.aliases.join('\n') ? { aliases: aliases.value.split('\n') } : {}),
      ...(description.value.trim() !== a.description ? { description: description.value } : {}),
      ...(attributes.changed() ? { attributes: attributes.value() } : {}),
      ...(accept ? { accept } : {}),
    });
  return openModal(`Edit ${a.label}`, [field('Label', label), field('Type', type), field('Aliases', aliases, 'One name a line.'), field('Description', description), attributes.element], [
    { label: 'Cancel' },
    { label: 'Save', primary: !a.draft, run: change(false) },
    ...(a.draft ? [{ label: 'Save and accept', primary: true, run: change(true) }] : []),
  ]);
}

/**
 * Fixes a relation: its type (only those the vocabulary allows between the two entities' types,
 * the way the arrow will point), its direction, its qualifiers. Its evidence is chosen again in
 * the text: select the words, then "Use as evidence".
 */
export function editRelationDialog(graph: KgGraph, vocabulary: Vocabulary, actions: CurationActions, key: string): Promise<unknown> {
  const a = graph.getEdgeAttributes(key);
  const sourceType = graph.getNodeAttribute(graph.source(key), 'type');
  const targetType = graph.getNodeAttribute(graph.target(key), 'type');
  const reverse = h('input', { attrs: { type: 'checkbox' } });
  const type = select([]);
  const entities = entityOptions(graph);
  const qualifierBox = h('div', { class: 'modal-qualifiers' });
  const fillTypes = () => {
    const allowed = reverse.checked ? allowedRelations(vocabulary, targetType, sourceType) : allowedRelations(vocabulary, sourceType, targetType);
    const keep = type.value || a.relation;
    type.replaceChildren(...allowed.map(([value, text]) => h('option', { attrs: { value } }, text)));
    type.value = allowed.some(([v]) => v === keep) ? keep : (allowed[0]?.[0] ?? '');
    fillQualifiers();
  };
  const fillQualifiers = () => {
    const declared = own(vocabulary.relations, type.value)?.qualifiers ?? {};
    qualifierBox.replaceChildren(
      ...Object.entries(declared).map(([name, valueType]) => {
        const current = own(a.qualifiers, name);
        const input = valueControl(valueType, current === undefined ? '' : String(current), entities, true);
        input.dataset.qualifier = name;
        input.dataset.valueType = valueType;
        return field(`${name.replaceAll('_', ' ')} (${valueType})`, input);
      }),
    );
  };
  reverse.addEventListener('change', fillTypes);
  type.addEventListener('change', fillQualifiers);
  fillTypes();
  const qualifiers = () =>
    Object.fromEntries(
      [...qualifierBox.querySelectorAll<HTMLInputElement | HTMLSelectElement>('[data-qualifier]')].map((input) => {
        const v = input.value.trim();
        const t = input.dataset.valueType;
        return [input.dataset.qualifier!, t === 'int' || t === 'float' ? (v === '' ? '' : Number(v)) : t === 'boolean' ? (v === '' ? '' : v === 'true') : v];
      }),
    );
  const sameQualifiers = (q: Record<string, unknown>) => JSON.stringify(Object.entries(q).filter(([, v]) => v !== '')) === JSON.stringify(Object.entries(a.qualifiers));
  const change = (accept: boolean) => () => {
    const q = qualifiers();
    return actions.editRelation(key, {
      ...(type.value && type.value !== a.relation ? { type: type.value } : {}),
      ...(reverse.checked ? { reverse: true } : {}),
      ...(sameQualifiers(q) ? {} : { qualifiers: q as Record<string, string | number | boolean> }),
      ...(accept ? { accept } : {}),
    });
  };
  return openModal(`Edit ${edgeSentence(graph, key)}`, [
    h('div', { class: 'modal-field check' }, reverse, h('label', { attrs: { for: (reverse.id = `reverse-${Date.now()}`) } }, `Reverse: ${graph.getNodeAttribute(graph.target(key), 'label')} → ${graph.getNodeAttribute(graph.source(key), 'label')}`)),
    field('Relation type', type, 'Only the types the vocabulary allows between these two entity types.'),
    qualifierBox,
    h('p', { class: 'muted' }, `Evidence: “${a.evidence.text}”. To change it, select other words in the article and choose “Use as evidence”.`),
  ], [
    { label: 'Cancel' },
    { label: 'Save', primary: !a.draft, run: change(false) },
    ...(a.draft ? [{ label: 'Save and accept', primary: true, run: change(true) }] : []),
  ]);
}

/** Merges two entities: the other one chosen from the list, and which of the two is kept. */
export function mergeDialog(graph: KgGraph, actions: CurationActions, key: string): Promise<unknown> {
  const label = graph.getNodeAttribute(key, 'label');
  const type = graph.getNodeAttribute(key, 'type');
  // Same type first: those are the likely duplicates.
  const others = entityOptions(graph, key).sort((a, b) => Number(graph.getNodeAttribute(b[0], 'type') === type) - Number(graph.getNodeAttribute(a[0], 'type') === type));
  const other = select(others);
  const keepThis = h('input', { attrs: { type: 'radio', name: 'merge-keep', value: 'this', checked: true, id: 'merge-keep-this' } });
  const keepOther = h('input', { attrs: { type: 'radio', name: 'merge-keep', value: 'other', id: 'merge-keep-other' } });
  return openModal(`Merge ${label}`, [
    field('With', other),
    h(
      'fieldset',
      { class: 'modal-field' },
      h('legend', {}, 'Keep'),
      h('div', { class: 'check' }, keepThis, h('label', { attrs: { for: 'merge-keep-this' } }, label)),
      h('div', { class: 'check' }, keepOther, h('label', { attrs: { for: 'merge-keep-other' } }, 'the other one')),
    ),
    h('p', { class: 'muted' }, 'The names, mentions and relations of the one merged move to the one kept, in every article.'),
  ], [
    { label: 'Cancel' },
    { label: 'Merge', primary: true, run: () => (keepThis.checked ? actions.merge(key, other.value) : actions.merge(other.value, key)) },
  ]);
}

/** Splits one of an entity's aliases off into an entity of its own, of the same type. */
export function splitDialog(graph: KgGraph, actions: CurationActions, key: string): Promise<unknown> {
  const label = graph.getNodeAttribute(key, 'label');
  const alias = select(graph.getNodeAttribute(key, 'aliases').map((a): [string, string] => [a, a]));
  return openModal(`Split a name off ${label}`, [
    field('Name', alias),
    h('p', { class: 'muted' }, 'The name becomes an entity of its own, of the same type, where the name was written; the mentions by that name go with it, the relations stay.'),
  ], [
    { label: 'Cancel' },
    { label: 'Split', primary: true, run: () => actions.splitAlias(key, alias.value) },
  ]);
}

/** A new entity named by the selected words: its type, its label (the words, to correct). */
export function newEntityDialog(actions: CurationActions, article: string, span: Span): Promise<unknown> {
  const type = select(typeOptions, 'person');
  const label = h('input', { attrs: { type: 'text', value: span.text.trim(), autocomplete: 'off', spellcheck: 'false' } });
  return openModal('New entity', [h('p', { class: 'muted' }, `Mentioned as “${span.text.trim()}”.`), field('Type', type), field('Label', label)], [
    { label: 'Cancel' },
    { label: 'Create', primary: true, run: () => actions.addEntity({ type: type.value, label: label.value, article, mention: { start: span.start, end: span.end } }) },
  ]);
}

/** The selected words as another name of an entity (the selected one offered first). */
export function aliasDialog(graph: KgGraph, actions: CurationActions, article: string, span: Span, selected?: string): Promise<unknown> {
  const entity = select(entityOptions(graph), selected);
  return openModal(`Add “${span.text.trim()}” as alias`, [field('Alias of', entity)], [
    { label: 'Cancel' },
    { label: 'Add alias', primary: true, run: () => actions.addAlias({ id: entity.value, article, mention: { start: span.start, end: span.end } }) },
  ]);
}

/** A relation between the two chosen entities, the selected words its evidence; the type picker follows the direction. */
export function newRelationDialog(graph: KgGraph, vocabulary: Vocabulary, actions: CurationActions, ends: [string, string], article: string, span: Span): Promise<unknown> {
  let [from, to] = ends;
  const direction = h('p', { class: 'modal-direction' });
  const type = select([]);
  const fill = () => {
    direction.textContent = `${graph.getNodeAttribute(from, 'label')} → ${graph.getNodeAttribute(to, 'label')}`;
    const allowed = allowedRelations(vocabulary, graph.getNodeAttribute(from, 'type'), graph.getNodeAttribute(to, 'type'));
    type.replaceChildren(...allowed.map(([value, text]) => h('option', { attrs: { value } }, text)));
    type.disabled = allowed.length === 0;
  };
  const swap = h('button', { attrs: { type: 'button' }, on: { click: () => (([from, to] = [to, from]), fill()) } }, 'Swap direction');
  fill();
  return openModal('New relation', [direction, swap, field('Relation type', type, 'Only the types the vocabulary allows between these two entity types.'), h('p', { class: 'muted' }, `Evidence: “${span.text.trim()}”.`)], [
    { label: 'Cancel' },
    {
      label: 'Create',
      primary: true,
      run: () => {
        if (!type.value) throw new Error(`The vocabulary has no relation type from a ${graph.getNodeAttribute(from, 'type')} to a ${graph.getNodeAttribute(to, 'type')}.`);
        return actions.addRelation({ from, type: type.value, to, article, evidence: { start: span.start, end: span.end } });
      },
    },
  ]);
}
