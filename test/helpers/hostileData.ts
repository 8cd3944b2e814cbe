/**
 * A data folder whose every text field holds hostile strings, for the export and explorer tests.
 *
 * The corpus is our own list (test/fixtures/hostile/own.jsonl: controls, surrogates, bidi, XML,
 * CSV and JSON specials, prototype names, scripts) plus OWASP's XSS filter-evasion vectors
 * (owasp-xss-filter-evasion.jsonl) and a few long strings made here. Each string goes into every
 * field that can hold it under the validator's rules (or, with `dense`, into one field of each
 * element kind):
 * - any string: descriptions, the string attributes `note` and `constructor`, the qualifiers
 *   `note` and `constructor`, relation-type descriptions, and meta's photoCaption (all joined);
 * - non-blank text (no white space at either end; wrapped in ⟦ ⟧ when it has some): vocabulary
 *   labels and inverses, meta's title, publisher and dateline (joined);
 * - only what article.txt can hold (no control character but tab, LF and CR, no lone
 *   surrogate): entity labels and aliases (also at most 200 characters, no two entities sharing
 *   a name, and "aka <label>" as an alias) and relation evidence (each a line of the article
 *   between numbered markers, so it is unique).
 * Entity 0 has the id `constructor`, and so do one attribute, one qualifier and one relation type.
 * `fields` lists every string as an export should give it back, keyed as the flat formats name it.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { MAX_NAME_LENGTH } from '../../src/corpus/schema.ts';
import { ENTITY_TYPES } from '../../src/model/types.ts';
import { REPO } from './sources.ts';

export const HOSTILE_SLUG = '2025-01-01-hostile';

export interface HostileString {
  id: string;
  text: string;
}

/** One string in one place: `element` and `id` name the node, edge or graph, `field` the attribute as CSV, GraphML and GEXF name it. */
export interface Field {
  element: 'node' | 'edge' | 'graph';
  id: string;
  field: string;
  /** The corpus string it carries (for reports). */
  source: string;
  text: string;
  /** Which alias, for `aliases` (a list). */
  index?: number;
}

export interface HostileData {
  dataDir: string;
  slug: string;
  strings: HostileString[];
  fields: Field[];
  entities: { id: string; label: string }[];
  relations: string[];
}

const FIXTURES = join(REPO, 'test/fixtures/hostile');

function readJsonLines(file: string, id: (o: Record<string, string>, n: number) => string): HostileString[] {
  return readFileSync(join(FIXTURES, file), 'utf8')
    .split('\n')
    .filter((line) => line && !line.startsWith('#'))
    .map((line, n) => {
      const o = JSON.parse(line) as Record<string, string>;
      return { id: id(o, n), text: o.text! };
    });
}

/** Exactly `length` code units of `unit` repeated, never ending inside a surrogate pair. */
function repeatTo(unit: string, length: number): string {
  const s = unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
  return /[\ud800-\udbff]$/.test(s) ? s.slice(0, -1) + 'x' : s;
}

export function hostileStrings(): HostileString[] {
  return [
    ...readJsonLines('own.jsonl', (o) => o.id!),
    ...readJsonLines('owasp-xss-filter-evasion.jsonl', (_o, n) => `owasp-${n + 1}`),
    { id: 'long-name-200', text: repeatTo('<&]]>😀é\u05d0"\'', MAX_NAME_LENGTH) },
    { id: 'long-10k', text: repeatTo('<script>alert(1)</script> & ]]> 😀 \u202eRTL\u202c \r\n', 10_000) },
    { id: 'long-20k-controls', text: repeatTo('\u0000\ud800 <b>x</b> \u0007\uffff\t', 20_000) },
  ];
}

// oxlint-disable-next-line no-control-regex
const NOT_IN_ARTICLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]|\p{Cs}/u;
const EDGE_SPACE = /^\s|\s$/u;
/** Entries of article.txt are separated by a blank line: a name holding one could run into the next entry. */
const SEPARATOR = '\n\n';

/** What article.txt can hold: UTF-8 text without control characters other than tab, LF and CR. */
export const canBeInArticle = (s: string) => s !== '' && !NOT_IN_ARTICLE.test(s);
const isText = (s: string) => s !== '' && !EDGE_SPACE.test(s);
/** Non-blank text for fields that refuse white space at the ends. */
const asText = (s: string) => (isText(s) ? s : `⟦${s}⟧`);
const isName = (s: string) => canBeInArticle(s) && isText(s) && s.length <= MAX_NAME_LENGTH && !s.includes(SEPARATOR);

/** Case-insensitive keys, generous: two names that any fold could merge count as one. */
const foldKeys = (s: string) => [s.toLowerCase(), s.toUpperCase().toLowerCase(), [...s].map((c) => c.toLowerCase()).join('')];

/** A YAML double-quoted scalar that gives back exactly `s`: everything YAML cannot hold raw is escaped. */
export function yamlString(s: string): string {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x22) out += '\\"';
    else if (c === 0x5c) out += '\\\\';
    else if (c >= 0xd800 && c <= 0xdbff && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) out += s.slice(i, ++i + 1);
    else if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || (c >= 0xd800 && c <= 0xdfff) || c === 0x2028 || c === 0x2029 || c === 0xfeff || c >= 0xfffe)
      out += `\\u${c.toString(16).padStart(4, '0')}`;
    else out += s[i];
  }
  return out + '"';
}

export interface HostileOptions {
  /**
   * Every field (the default) gives every string one entity and one relation, so each string is
   * in each kind of field. Dense uses as few as still hold every string once (a third as many
   * entities, a quarter as many relations), for the explorer test, which selects each of them.
   */
  dense?: boolean;
}

/** Writes the data folder into `dir` (which must exist) and returns what it holds. */
export function writeHostileData(dir: string, options: HostileOptions = {}): HostileData {
  const strings = hostileStrings();
  const n = strings.length;
  const at = (i: number) => strings[i % n]!;
  const entityCount = options.dense ? Math.ceil(n / 3) : n;
  const relationCount = options.dense ? Math.ceil(n / 4) : n;
  // The strings of one element's fields: neighbours, or a whole count apart when dense.
  const entityStep = options.dense ? entityCount : 1;
  const relationStep = options.dense ? relationCount : 1;

  // Names: each usable string once, as a label or (beyond one per entity) an alias, and
  // "aka <label>" as one more alias when it fits.
  const taken = new Set<string>();
  const claim = (s: string) => {
    const keys = foldKeys(s);
    if (keys.some((k) => taken.has(k))) return false;
    for (const k of keys) taken.add(k);
    return true;
  };
  const names = strings.filter((s) => isName(s.text) && claim(s.text));
  const spareNames = names.slice(entityCount);
  const articleText = strings.filter((s) => canBeInArticle(s.text));

  const fields: Field[] = [];
  const field = (element: Field['element'], id: string, name: string, s: HostileString, text = s.text, index?: number) => {
    fields.push({ element, id, field: name, source: s.id, text, ...(index === undefined ? {} : { index }) });
    return text;
  };

  const article: string[] = ['Hostile data for the export and explorer tests.'];
  const entities = Array.from({ length: entityCount }, (_, i) => {
    const id = i === 0 ? 'constructor' : `e${i}`;
    const name = names[i];
    const label = name ? field('node', id, 'label', name) : `Entity ${i}`;
    if (!name) fields.push({ element: 'node', id, field: 'label', source: 'plain', text: label });
    const aka = name && `aka ${name.text}`.length <= MAX_NAME_LENGTH && claim(`aka ${name.text}`) ? [{ s: name, text: `aka ${name.text}` }] : [];
    const spare = spareNames.filter((_, k) => k % entityCount === i).map((s) => ({ s, text: s.text }));
    const aliases = [...aka, ...spare].map((a, k) => field('node', id, 'aliases', a.s, a.text, k));
    article.push(label, ...aliases);
    return {
      id,
      type: ENTITY_TYPES[i % ENTITY_TYPES.length]!,
      label,
      aliases,
      description: field('node', id, 'description', at(i)),
      attributes: {
        note: field('node', id, 'attr_note', at(i + entityStep)),
        constructor: field('node', id, 'attr_constructor', at(i + 2 * entityStep)),
      },
    };
  });

  // The vocabulary's labels are names too: at most MAX_NAME_LENGTH characters.
  const cut = (text: string) => (text.length <= MAX_NAME_LENGTH ? text : repeatTo(text, MAX_NAME_LENGTH));
  const relationTypes = Array.from({ length: relationCount }, (_, i) => ({
    id: i === 0 ? 'constructor' : `r${i}`,
    label: asText(cut(at(i).text)),
    inverse: asText(cut(at(i + relationStep).text)),
    description: at(i + 2 * relationStep).text,
    source: [at(i), at(i + relationStep)] as const,
  }));
  // Each quotable string is a line of the article between numbered markers (so each line is
  // unique); relation i quotes line i. Dense, the lines no relation quotes are there all the same.
  const quotes = Array.from({ length: Math.max(relationCount, articleText.length) }, (_, i) => {
    const s = articleText[i % articleText.length]!;
    return { s, text: `⟦${i}⟧ ${s.text} ⟦/${i}⟧` };
  });
  const relations = relationTypes.map((type, i) => {
    const id = `rel-${i}`;
    field('edge', id, 'label', type.source[0], type.label);
    field('edge', id, 'inverse', type.source[1], type.inverse);
    return {
      id,
      from: entities[i % entityCount]!.id,
      type: type.id,
      to: entities[(i + 1) % entityCount]!.id,
      evidence: field('edge', id, 'evidence', quotes[i]!.s, quotes[i]!.text),
      qualifiers: {
        note: field('edge', id, 'q_note', at(i + 2 * relationStep)),
        constructor: field('edge', id, 'q_constructor', at(i + 3 * relationStep)),
      },
    };
  });
  article.push(...quotes.map((q) => q.text));

  const own = strings.filter((s) => !s.id.startsWith('owasp-') && !s.id.startsWith('long-'));
  const owasp = strings.filter((s) => s.id.startsWith('owasp-'));
  const joined = (list: HostileString[], open = '', close = open) => open + list.map((s) => s.text).join(close + open) + close;
  const meta = {
    title: joined(own, '⟦', '⟧'),
    publisher: joined(owasp, '⟦', '⟧'),
    dateline: joined(strings, '⟦', '⟧'),
    date: '2025-01-01',
    photoCaption: joined(strings),
    photoCredit: '',
  };
  const metaSource: Record<string, string> = { title: 'own, joined', publisher: 'owasp, joined', dateline: 'all, joined', photoCaption: 'all, joined', photoCredit: 'empty' };
  for (const [name, source] of Object.entries(metaSource))
    fields.push({ element: 'graph', id: 'G', field: name, source, text: meta[name as keyof typeof meta] });

  const q = yamlString;
  const allTypes = `[${ENTITY_TYPES.join(', ')}]`;
  const vocabulary = [
    'attributes:',
    '  note: string',
    '  constructor: string',
    'relations:',
    ...relationTypes.flatMap((t) => [
      `  ${t.id}:`,
      `    label: ${q(t.label)}`,
      `    inverse: ${q(t.inverse)}`,
      `    description: ${q(t.description)}`,
      `    from: ${allTypes}`,
      `    to: ${allTypes}`,
      '    qualifiers: { note: string, constructor: string }',
    ]),
  ];
  const graph = [
    'entities:',
    ...entities.flatMap((e) => [
      `  - id: ${e.id}`,
      `    type: ${e.type}`,
      `    label: ${q(e.label)}`,
      `    aliases: [${e.aliases.map(q).join(', ')}]`,
      `    description: ${q(e.description)}`,
      `    attributes: { note: ${q(e.attributes.note)}, constructor: ${q(e.attributes.constructor)} }`,
    ]),
    'relations:',
    ...relations.flatMap((r) => [
      `  - id: ${r.id}`,
      `    from: ${r.from}`,
      `    type: ${r.type}`,
      `    to: ${r.to}`,
      `    evidence: ${q(r.evidence)}`,
      `    qualifiers: { note: ${q(r.qualifiers.note)}, constructor: ${q(r.qualifiers.constructor)} }`,
    ]),
  ];
  const metaYaml = Object.entries(meta).map(([k, v]) => `${k}: ${q(v)}`);

  const articleDir = join(dir, 'articles', HOSTILE_SLUG);
  mkdirSync(articleDir, { recursive: true });
  const files = {
    [join(dir, 'vocabulary.yaml')]: { text: vocabulary.join('\n') + '\n', value: { attributes: { note: 'string', constructor: 'string' }, relations: relationTypes } },
    [join(articleDir, 'graph.yaml')]: { text: graph.join('\n') + '\n', value: { entities, relations } },
    [join(articleDir, 'meta.yaml')]: { text: metaYaml.join('\n') + '\n', value: meta },
    [join(articleDir, 'article.txt')]: { text: article.join(SEPARATOR) + '\n', value: undefined },
  };
  for (const [path, { text }] of Object.entries(files)) writeFileSync(path, text);
  checkWritten(files);
  return { dataDir: dir, slug: HOSTILE_SLUG, strings, fields, entities: entities.map((e) => ({ id: e.id, label: e.label })), relations: relations.map((r) => r.id) };
}

/** The files hold exactly what was meant: strict UTF-8, and YAML that parses back to the same values. */
function checkWritten(files: Record<string, { text: string; value: unknown }>) {
  const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  for (const [path, { text, value }] of Object.entries(files)) {
    const back = strict.decode(readFileSync(path));
    if (back !== text) throw new Error(`${path} does not hold the text meant for it`);
    if (value === undefined) continue;
    const parsed = parseYaml(back) as unknown;
    if (!sameStrings(parsed, value)) throw new Error(`${path} does not parse back to the values meant for it`);
  }
}

/** Every value in `expected` (minus helper keys) is in `actual`, strings exactly. */
function sameStrings(actual: unknown, expected: unknown): boolean {
  if (typeof expected === 'string') return actual === expected;
  if (Array.isArray(expected)) {
    if (Array.isArray(actual)) return expected.every((v, i) => sameStrings(actual[i], v));
    // Relation types are a list here and a mapping by id in the file.
    return expected.every((t: { id: string; source?: unknown }) => {
      const { id, source: _source, ...rest } = t;
      return sameStrings((actual as Record<string, unknown>)[id], rest);
    });
  }
  if (expected && typeof expected === 'object') {
    const a = actual as Record<string, unknown> | undefined;
    return Boolean(a) && Object.entries(expected).every(([k, v]) => Object.hasOwn(a!, k) && sameStrings(a![k], v));
  }
  return true;
}
