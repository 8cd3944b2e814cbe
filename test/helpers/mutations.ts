/**
 * Mutations of a data file's bytes for the fuzz suite: each takes the bytes and a seeded random
 * source and returns new bytes. Text-aware ones work on lines and YAML values, so that most
 * cases get past the parser and reach validation and grounding, where the subtle bugs live.
 */
const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });

export type Random = () => number;
type Mutation = (bytes: Uint8Array, random: Random) => Uint8Array;

const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const int = (random: Random, max: number) => Math.floor(random() * max);

/** Applies a change to the text of the file (lossy for bytes that are not UTF-8, which is fine here). */
const onText = (change: (text: string, random: Random) => string): Mutation => (bytes, random) => encoder.encode(change(decoder.decode(bytes), random));

const lines = (change: (lines: string[], random: Random) => void) =>
  onText((text, random) => {
    const all = text.split('\n');
    change(all, random);
    return all.join('\n');
  });

const VALUE_LINE = /^(\s*(?:- )?[A-Za-z_][\w]*:[ ]*)(\S.*)$/;
/** Replaces the value of a random `key: value` line (or inserts at a random place in prose). */
const replaceValue = (value: (random: Random, old: string) => string) =>
  lines((all, random) => {
    const candidates = all.flatMap((line, i) => (VALUE_LINE.test(line) ? [i] : []));
    if (!candidates.length) {
      const i = int(random, all.length);
      all[i] = all[i] + value(random, '');
      return;
    }
    const i = pick(random, candidates);
    const [, head, old] = VALUE_LINE.exec(all[i]!)!;
    all[i] = head + value(random, old!);
  });

const insertAt = (piece: (random: Random) => string) =>
  onText((text, random) => {
    const at = int(random, text.length + 1);
    return text.slice(0, at) + piece(random) + text.slice(at);
  });

const PROTOTYPE_NAMES = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__', 'prototype', 'isPrototypeOf'];
const ASTRAL = ['😀', '👩‍👩‍👧', '🇬🇧', '𝒜', '𠜎', '👍🏽', '\u{E0041}'];
const COMBINING = ['\u0301', '\u0308', '\u200D', '\uFE0F', '\u20DD', '\u0327'];
const WRONG_VALUES = ['[]', '{}', 'null', '~', '123', '-1', '1.5e300', 'true', '.nan', '-.inf', '0x1F', '2025-02-03T10:00:00Z', '!!binary aGVsbG8=', '[a, [b, {c: d}]]', '{a: 1}', '""', "''", '!!set {a, b}', '!custom x', '|\n  block', '>-\n  folded'];
const ESCAPES = ['"\\x01"', '"\\x1b[31mred"', '"\\ud800"', '"\\udfff x"', '"\\u202e evil"', '"\\x85"', '"\\0"', '"\\uFFFE"', '"a\\r\\nb"', '"\\t tab"', '"x\\u0301"'];
const INVALID_UTF8 = [[0xff], [0xc0, 0x80], [0xed, 0xa0, 0x80], [0xe2, 0x82], [0xf4, 0x90, 0x80, 0x80], [0x80], [0xf8, 0x88, 0x80, 0x80, 0x80], [0xc3]];

export const MUTATIONS = {
  truncate: (bytes, random) => bytes.subarray(0, int(random, bytes.length + 1)),
  byteFlip: (bytes, random) => {
    const out = bytes.slice();
    for (let n = 1 + int(random, 8); n > 0 && out.length; n--) out[int(random, out.length)] = int(random, 256);
    return out;
  },
  invalidUtf8: (bytes, random) => {
    const at = int(random, bytes.length + 1);
    return new Uint8Array([...bytes.subarray(0, at), ...pick(random, INVALID_UTF8), ...bytes.subarray(at)]);
  },
  bom: (bytes) => new Uint8Array([0xef, 0xbb, 0xbf, ...bytes]),
  crlf: onText((t) => t.replaceAll('\n', '\r\n')),
  cr: onText((t) => t.replaceAll('\n', '\r')),
  tabs: lines((all, random) => {
    for (let i = 0; i < all.length; i++) if (random() < 0.3) all[i] = all[i]!.replace(/^( {2})+/, (s) => '\t'.repeat(s.length / 2));
  }),
  aliasBomb: onText((t, random) => {
    const depth = 3 + int(random, 8);
    const block = ['lol:', '  a: &a [x, x, x, x, x, x, x, x, x]'];
    for (let d = 1; d < depth; d++) block.push(`  ${'abcdefghij'[d]}: &${'abcdefghij'[d]} [${Array(9).fill(`*${'abcdefghij'[d - 1]}`).join(', ')}]`);
    return random() < 0.5 ? `${t}\n${block.join('\n')}\n` : `${block.join('\n')}\n${t}`;
  }),
  unresolvedAlias: replaceValue(() => '*nowhere'),
  deepNesting: replaceValue((random) => {
    // The parser gives up near 800 levels (and unwinding that far is what costs time): most
    // cases stay below, a quarter go past it, a few go far past it.
    const roll = random();
    const depth = roll < 0.05 ? 5_000 : roll < 0.3 ? 200 + int(random, 1_300) : 10 + int(random, 190);
    return random() < 0.5 ? '['.repeat(depth) + ']'.repeat(depth) : '{a: '.repeat(depth) + '1' + '}'.repeat(depth);
  }),
  hugeString: (bytes, random) => {
    // Mostly large, sometimes megabytes: enough to catch anything quadratic without slowing every run.
    const size = random() < 0.05 ? 1_000_000 : 10_000 + int(random, 200_000);
    const unit = pick(random, ['x', 'ab ', 'Starmer ', 'é', '😀', 'Ada Byron ']);
    const huge = unit.repeat(Math.ceil(size / unit.length));
    return random() < 0.5 ? replaceValue(() => huge)(bytes, random) : insertAt(() => huge)(bytes, random);
  },
  wrongType: replaceValue((random) => pick(random, WRONG_VALUES)),
  duplicateKey: lines((all, random) => {
    const candidates = all.flatMap((line, i) => (VALUE_LINE.test(line) ? [i] : []));
    if (candidates.length) {
      const i = pick(random, candidates);
      all.splice(i + 1, 0, all[i]!.replace(/^(\s*)- /, '$1  '));
    }
  }),
  prototypeName: onText((t, random) => {
    // An id, key or value token: any run of word characters.
    const tokens = [...t.matchAll(/[A-Za-z_][\w-]*/g)];
    if (!tokens.length) return t;
    const token = pick(random, tokens);
    const name = pick(random, PROTOTYPE_NAMES);
    const all = random() < 0.3;
    return all ? t.replaceAll(token[0], name) : t.slice(0, token.index) + name + t.slice(token.index + token[0].length);
  }),
  astral: insertAt((random) => pick(random, ASTRAL)),
  combining: onText((t, random) => {
    // After a capitalised word, where mentions and quotes end most often.
    const words = [...t.matchAll(/[A-Z][a-z]+/g)];
    const at = words.length ? pick(random, words).index! + pick(random, words)[0].length : int(random, t.length + 1);
    return t.slice(0, at) + pick(random, COMBINING) + t.slice(at);
  }),
  controlEscapes: replaceValue((random) => pick(random, ESCAPES)),
  rawControls: insertAt((random) => String.fromCharCode(pick(random, [0, 1, 7, 8, 11, 12, 27, 127, 0x85, 0x9b, 0x202e, 0xfeff, 0xfffe]))),
  empty: (_bytes, random) => encoder.encode(pick(random, ['', '\n', '# only a comment\n', '---\n', '...\n', '   \n\t\n'])),
  lineEdits: lines((all, random) => {
    for (let n = 1 + int(random, 4); n > 0 && all.length; n--) {
      const i = int(random, all.length);
      const op = int(random, 3);
      if (op === 0) all.splice(i, 1);
      else if (op === 1) all.splice(i, 0, all[i]!);
      else [all[i], all[0]] = [all[0]!, all[i]!];
    }
  }),
  yamlSpecials: insertAt((random) => pick(random, ['\n<<: *a\n', '\n? [complex, key]\n: v\n', '\n--- \n', '\n...\n', ' &anchor ', ' !!js/function "x" ', '\n%YAML 1.1\n', ' !!str ', '\n"unterminated: \n', "\n'\n", ' # comment', '\n- \n'])),
  caseAndScript: onText((t, random) => {
    const words = [...t.matchAll(/[A-Z][a-z]+/g)];
    if (!words.length) return t;
    const w = pick(random, words);
    const variant = pick(random, [w[0].toUpperCase(), w[0].toLowerCase(), `İ${w[0].slice(1)}`, w[0].replace(/a/g, 'ä'), `${w[0]}\u0307`]);
    return t.slice(0, w.index) + variant + t.slice(w.index! + w[0].length);
  }),
} satisfies Record<string, Mutation>;

export type MutationKind = keyof typeof MUTATIONS;
export const MUTATION_KINDS = Object.keys(MUTATIONS) as MutationKind[];
