import type { DataIssue } from '../model/errors.ts';

/** What parsing and checking one data file gave: its problems, and its value if it had none. */
export interface ParsedFile {
  issues: DataIssue[];
  result: unknown;
}

/**
 * Parsed data files remembered by kind, path and exact text, so that a file every article shares
 * (vocabulary.yaml) is parsed once per run instead of once per article. Bounded, least recently
 * used out first. Values are shared between builds: the builder never mutates them.
 */
export class ParsedFiles {
  readonly #entries = new Map<string, ParsedFile>();
  constructor(readonly capacity = 16) {}

  get(key: string): ParsedFile | undefined {
    const entry = this.#entries.get(key);
    if (entry) {
      this.#entries.delete(key);
      this.#entries.set(key, entry);
    }
    return entry;
  }

  set(key: string, entry: ParsedFile): void {
    this.#entries.delete(key);
    this.#entries.set(key, entry);
    if (this.#entries.size > this.capacity) this.#entries.delete(this.#entries.keys().next().value!);
  }
}
