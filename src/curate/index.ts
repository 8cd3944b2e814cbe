export { applyEdit, type Edit, type EditResult } from './edits.ts';
export { CurationError, YamlEditError } from './errors.ts';
export { listDrafts, type DraftItem } from './drafts.ts';
export { describeEdit, editSchema } from './editSchema.ts';
