/**
 * Bumped whenever the built form (built.ts) changes, so stale caches are rebuilt rather than
 * misread. In a module of its own so that `kg`'s fast path can name it without loading graphology.
 */
export const BUILT_FORMAT = 1;
