import { z } from 'zod';
import type { Edit } from './edits.ts';

const id = z.string().min(1).max(300);
const span = z.strictObject({ start: z.number().int().min(0), end: z.number().int().min(0) });
const article = z.string().min(1).max(200);
/** Typed attributes or qualifiers by name; the vocabulary's types are checked by the edit itself. */
const values = z.record(z.string().min(1).max(100), z.union([z.string().max(300), z.number(), z.boolean()]));

/** An edit as a client sends it (the explorer, window.kg): checked whole before anything reads the data. */
export const editSchema: z.ZodType<Edit> = z.discriminatedUnion('op', [
  z.strictObject({ op: z.literal('accept'), id, article: article.optional() }),
  z.strictObject({ op: z.literal('reject'), id, article: article.optional() }),
  z.strictObject({ op: z.literal('addEntity'), article, type: z.string().min(1).max(40), label: z.string().min(1).max(300).optional(), mention: span }),
  z.strictObject({ op: z.literal('addAlias'), article, id, mention: span }),
  z.strictObject({ op: z.literal('addRelation'), article, from: id, type: z.string().min(1).max(100), to: id, evidence: span }),
  z.strictObject({ op: z.literal('merge'), keep: id, merged: id }),
  z.strictObject({ op: z.literal('splitAlias'), id, alias: z.string().min(1).max(300) }),
  z.strictObject({
    op: z.literal('editEntity'),
    id,
    label: z.string().max(300).optional(),
    type: z.string().min(1).max(40).optional(),
    aliases: z.array(z.string().max(300)).max(100).optional(),
    description: z.string().max(5000).optional(),
    attributes: values.optional(),
    accept: z.boolean().optional(),
  }),
  z.strictObject({
    op: z.literal('editRelation'),
    id,
    article: article.optional(),
    type: z.string().min(1).max(100).optional(),
    reverse: z.boolean().optional(),
    qualifiers: values.optional(),
    evidence: span.optional(),
    accept: z.boolean().optional(),
  }),
]);

/** One line saying what an edit does, for the undo and redo buttons' names. */
export function describeEdit(edit: Edit): string {
  switch (edit.op) {
    case 'accept':
      return `accept ${edit.id}`;
    case 'reject':
      return `reject ${edit.id}`;
    case 'addEntity':
      return `new entity ${edit.label ?? ''}`.trimEnd();
    case 'addAlias':
      return `new name of ${edit.id}`;
    case 'addRelation':
      return `new relation ${edit.from} ${edit.type} ${edit.to}`;
    case 'merge':
      return `merge ${edit.merged} into ${edit.keep}`;
    case 'editEntity':
      return `edit ${edit.id}`;
    case 'splitAlias':
      return `split ${edit.alias} off ${edit.id}`;
    case 'editRelation':
      return `edit ${edit.id}`;
  }
}
