import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

/** A word or punctuation token located in the text (UTF-16 offsets). */
export interface Token {
  start: number;
  end: number;
  text: string;
  pos: string;
  lemma: string;
  /** Index of the sentence it belongs to. */
  sent: number;
}

export interface Sentence {
  start: number;
  end: number;
  /** Token index range [first, last). */
  first: number;
  last: number;
}

// wink-nlp keeps global state per instance and throws RangeError after about 20 of them.
let nlp: ReturnType<typeof winkNLP> | undefined;
function instance(): ReturnType<typeof winkNLP> {
  nlp ??= winkNLP(model);
  return nlp;
}

/** Longer runs without white space are no words; wink's tokenizer is quadratic on them (60,000 letters: 8 s). */
const MAX_RUN = 100;
const LONG_RUN = new RegExp(`\\S{${MAX_RUN + 1},}`, 'gu');

/**
 * The text as the tokenizer reads it: every run of more than MAX_RUN non-space characters is cut
 * by a space every MAX_RUN code units. Same length, so every offset still points into `text`.
 */
function tokenizable(text: string): string {
  return text.replace(LONG_RUN, (run) => {
    let out = '';
    for (let i = 0; i < run.length; i += MAX_RUN) out += `${run.slice(i, i + MAX_RUN - 1)} `;
    return out.slice(0, run.length);
  });
}

/** Tokens and sentences of `text`; tokens wink cannot place verbatim in the text are dropped. */
export function analyse(text: string): { tokens: Token[]; sentences: Sentence[] } {
  const n = instance();
  const its = n.its;
  // Tokens are located in the text wink read: it has the original's length and offsets, and holds
  // every token verbatim (the original differs only inside runs too long to be words).
  const read = tokenizable(text);
  const doc = n.readDoc(read);
  const values = doc.tokens().out(its.value) as string[];
  const pos = doc.tokens().out(its.pos) as string[];
  // wink's typings omit lemma among the token outputs, though the model provides it.
  const lemma = doc.tokens().out(its.lemma as unknown as typeof its.value) as string[];
  const spans = doc.sentences().out(its.span) as unknown as [number, number][];
  const sentOf = new Int32Array(values.length);
  spans.forEach(([a, b], s) => {
    for (let i = a; i <= b && i < values.length; i++) sentOf[i] = s;
  });
  const tokens: Token[] = [];
  const firstOfSent = new Map<number, number>();
  let cursor = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!v || /^\s+$/u.test(v)) continue;
    // wink may alter a token (or drop characters); search a little ahead, else skip the token.
    // Only within the next 64 characters: a search of the whole rest per lost token would be quadratic.
    const near = read.startsWith(v, cursor) ? 0 : read.slice(cursor, cursor + 64 + v.length).indexOf(v);
    if (near < 0) continue;
    const at = cursor + near;
    cursor = at + v.length;
    const s = sentOf[i];
    if (!firstOfSent.has(s ?? 0)) firstOfSent.set(s ?? 0, tokens.length);
    tokens.push({ start: at, end: at + v.length, text: text.slice(at, at + v.length), pos: pos[i] ?? '', lemma: lemma[i] ?? v.toLowerCase(), sent: s ?? 0 });
  }
  // Sentences re-indexed over the kept tokens; a newline also ends a sentence (headlines, datelines).
  const sentences: Sentence[] = [];
  let prevSent = -1;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const newline = i > 0 && text.slice(tokens[i - 1]!.end, t!.start).includes('\n');
    if (t!.sent !== prevSent || newline) {
      if (sentences.length) sentences[sentences.length - 1]!.last = i;
      sentences.push({ start: t!.start, end: t!.end, first: i, last: i + 1 });
      prevSent = t!.sent;
    }
    t!.sent = sentences.length - 1;
    sentences[sentences.length - 1]!.end = t!.end;
  }
  if (sentences.length) sentences[sentences.length - 1]!.last = tokens.length;
  return { tokens, sentences };
}
