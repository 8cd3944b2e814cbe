/** One saved change: each file it wrote, with its text before and after. */
export interface SavedChange {
  label: string;
  files: { path: string; before: string; after: string }[];
}

/**
 * Undo and redo across saved changes, as the dev server keeps them: undoing writes each file's
 * text from before, redoing its text from after. Which way is asked of the caller's `write`,
 * which refuses (throws) when a file is no longer what the change left: then nothing moves.
 */
export function createHistory(limit = 200) {
  const done: SavedChange[] = [];
  const undone: SavedChange[] = [];
  return {
    record(change: SavedChange): void {
      done.push(change);
      if (done.length > limit) done.shift();
      undone.length = 0;
    },
    async undo(write: (files: { path: string; expected: string; text: string }[]) => Promise<void>): Promise<SavedChange | undefined> {
      const change = done.at(-1);
      if (!change) return undefined;
      await write(change.files.map((f) => ({ path: f.path, expected: f.after, text: f.before })));
      undone.push(done.pop()!);
      return change;
    },
    async redo(write: (files: { path: string; expected: string; text: string }[]) => Promise<void>): Promise<SavedChange | undefined> {
      const change = undone.at(-1);
      if (!change) return undefined;
      await write(change.files.map((f) => ({ path: f.path, expected: f.before, text: f.after })));
      done.push(undone.pop()!);
      return change;
    },
    state: () => ({ undo: done.at(-1)?.label ?? null, redo: undone.at(-1)?.label ?? null }),
  };
}
export type History = ReturnType<typeof createHistory>;
