import { AMBIGUOUS, lookUpName, nameLookup, type NameIndex } from '../query/nameIndex.ts';
import { readAt, readBytes, withCacheFile } from './cacheFiles.ts';

/**
 * The answers file: `kg neighbours NAME`'s text for every entity of a view, rendered when the
 * view is built (load.ts), with the name index that resolves NAME as the query code would
 * (query/nameIndex.ts), and the data stamp it was rendered from. `kg neighbours NAME` as it is
 * usually typed is then the stamp, one lookup and one read (quickAnswer.ts): on a 1,000-article
 * corpus, loading the query code alone took most of Node's own start-up again.
 *
 * Layout: MAGIC; the stamp's length (decimal, DIGITS wide), a newline, the stamp's bytes; the
 * header's length, a newline, the header (JSON); then the answers back to back, at the offsets
 * the header gives from the end of the header, in UTF-8.
 */
const MAGIC = 'article-kg answers 1\n';
const DIGITS = 12;

interface AnswersHeader {
  names: NameIndex;
  /** Per entity, in the index's order: where its answer is, in bytes from the end of the header, and its length. */
  answers: [offset: number, length: number][];
}

const lengthLine = (n: number) => `${String(n).padStart(DIGITS, '0')}\n`;

/** The answers file of one view, as byte chunks to write in order. */
export function encodeAnswers(stamp: Uint8Array, names: NameIndex, answers: readonly string[]): Uint8Array[] {
  const encoder = new TextEncoder();
  const bodies = answers.map((a) => encoder.encode(a));
  let offset = 0;
  const header: AnswersHeader = { names, answers: [] };
  for (const b of bodies) {
    header.answers.push([offset, b.length]);
    offset += b.length;
  }
  const headerBytes = encoder.encode(JSON.stringify(header));
  return [encoder.encode(MAGIC + lengthLine(stamp.length)), stamp, encoder.encode(lengthLine(headerBytes.length)), headerBytes, ...bodies];
}

/** Where the header starts, if `fd` holds an answers file of exactly `stamp`'s data. */
function headerStart(fd: number, size: number, stamp: Uint8Array): number | undefined {
  const lead = MAGIC.length + DIGITS + 1;
  if (size < lead || readAt(fd, 0, MAGIC.length, 'latin1') !== MAGIC) return undefined;
  if (Number(readAt(fd, MAGIC.length, DIGITS, 'latin1')) !== stamp.length) return undefined;
  return readBytes(fd, lead, stamp.length).equals(stamp) ? lead + stamp.length : undefined;
}

/** The header and where the answers start, if `fd` holds a whole answers file of exactly `stamp`'s data. */
function openAnswers(fd: number, size: number, stamp: Uint8Array): { header: AnswersHeader; body: number } | undefined {
  const start = headerStart(fd, size, stamp);
  if (start === undefined) return undefined;
  const length = Number(readAt(fd, start, DIGITS, 'latin1'));
  const body = start + DIGITS + 1 + length;
  if (!Number.isSafeInteger(length) || body > size) return undefined;
  const header: unknown = JSON.parse(readAt(fd, start + DIGITS + 1, length));
  if (!isHeader(header)) return undefined;
  const last = header.answers.at(-1);
  // A file cut short or grown since it was written is another file.
  return body + (last ? last[0] + last[1] : 0) === size ? { header, body } : undefined;
}

/** Whether the answers file is whole and was rendered from the data `stamp` names. */
export const answersCurrent = (file: string, stamp: Uint8Array): boolean => withCacheFile(file, (fd, size) => openAnswers(fd, size, stamp) !== undefined) === true;

/**
 * `kg neighbours name`'s output from the answers file rendered from `stamp`'s data, or undefined:
 * no such file, another build's, a broken one, or a name that the index does not settle (not
 * found, or ambiguous), which the query code answers with its suggestions.
 */
export function readAnswer(file: string, stamp: Uint8Array, name: string): Buffer | undefined {
  return withCacheFile(file, (fd, size) => {
    const answers = openAnswers(fd, size, stamp);
    if (answers === undefined) return undefined;
    const entity = lookUpName(nameLookup(answers.header.names), name);
    const at = entity === undefined || entity === AMBIGUOUS ? undefined : answers.header.answers[entity];
    if (at === undefined) return undefined;
    const bytes = readBytes(fd, answers.body + at[0], at[1]);
    return bytes.length === at[1] ? bytes : undefined;
  });
}

const whole = (n: unknown) => Number.isSafeInteger(n) && (n as number) >= 0;
const isName = (p: unknown) => Array.isArray(p) && p.length === 2 && typeof p[0] === 'string' && (whole(p[1]) || p[1] === AMBIGUOUS);
const isPlace = (p: unknown) => Array.isArray(p) && p.length === 2 && whole(p[0]) && whole(p[1]);

function isHeader(value: unknown): value is AnswersHeader {
  if (typeof value !== 'object' || value === null) return false;
  const { names, answers } = value as Partial<AnswersHeader>;
  if (typeof names !== 'object' || names === null || !Array.isArray(answers)) return false;
  const ids = names.ids;
  if (!Array.isArray(ids) || !ids.every((id) => typeof id === 'string') || ids.length !== answers.length) return false;
  return [names.exact, names.byWord].every((t) => Array.isArray(t) && t.every(isName)) && answers.every(isPlace);
}
