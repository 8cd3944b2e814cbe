import { YamlEditError } from './errors.ts';
import { Document, isMap, isScalar, isSeq, parseDocument, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';

/**
 * Edits of a YAML file as edits of its text. The yaml package's Document API re-prints the whole
 * file (`[a, b]` becomes `[ a, b ]`, aligned comments lose their alignment), so each edit here
 * finds its place through the parsed document's source ranges and splices only those characters:
 * every other byte, comments, order and style included, stays as the curator wrote it.
 * Each function takes the text and returns the new text; ranges are re-read for every edit.
 */

export { YamlEditError };

type Path = readonly (string | number)[];


const parse = (text: string) => {
  const doc = parseDocument(text, { uniqueKeys: false });
  if (doc.errors.length) throw new YamlEditError(`not valid YAML: ${doc.errors[0]!.message.split('\n')[0]}`);
  return doc;
};

const lineStart = (text: string, at: number) => text.lastIndexOf('\n', at - 1) + 1;
/** The start of the line after the one holding `at` (the end of the text on the last line). */
const nextLine = (text: string, at: number) => {
  const end = text.indexOf('\n', at);
  return end === -1 ? text.length : end + 1;
};
/** Where a node's own characters end: a block node's range runs on over the blank lines after it. */
const contentEnd = (text: string, end: number) => {
  let at = end;
  while (at > 0 && /[ \t\r\n]/.test(text[at - 1]!)) at--;
  return at;
};
/** The start of the line after a node's last character. */
const afterNode = (text: string, end: number) => nextLine(text, contentEnd(text, end) - 1);
const splice = (text: string, start: number, end: number, insert = '') => text.slice(0, start) + insert + text.slice(end);
const rangeOf = (node: Node | null | undefined) => {
  if (!node?.range) throw new YamlEditError('the file changed shape: a node has no source position');
  return node.range;
};

function nodeAt(doc: Document, path: Path): Node | undefined {
  const node = doc.getIn(path, true) as Node | undefined;
  return node ?? undefined;
}

function pairOf(map: YAMLMap, key: string): Pair<Node, Node> | undefined {
  return (map.items as Pair<Node, Node>[]).find((p) => isScalar(p.key) && p.key.value === key);
}

/** One value as YAML on one line (flow style for lists and maps), quoted only where YAML needs it. */
export function flowText(value: unknown): string {
  const doc = new Document(value);
  if (isSeq(doc.contents) || isMap(doc.contents)) doc.contents.flow = true;
  // Only the line end goes: trimEnd() would also take a value's own trailing U+3000 or NBSP.
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false }).replace(/\n$/, '');
}

/** A map as a block sequence item (`- id: x` then its keys), every line indented by `indent`. */
function itemText(value: Record<string, unknown>, indent: string): string {
  const doc = new Document([value]);
  // Lists and maps inside the item stay on one line, as the data files write aliases and drafts.
  const item = (doc.contents as YAMLSeq).items[0] as YAMLMap;
  for (const pair of item.items as Pair<Node, Node>[]) if (isSeq(pair.value) || isMap(pair.value)) pair.value.flow = true;
  const lines = doc.toString({ lineWidth: 0, flowCollectionPadding: false }).replace(/\n$/, '').split('\n');
  return lines.map((line) => indent + line).join('\n') + '\n';
}

/** The column of a node's first character: a block item's keys are indented to it. */
const columnOf = (text: string, at: number) => at - lineStart(text, at);

/** Removes one item of a block sequence; an emptied sequence becomes `[]`, so the key still holds a list. */
export function deleteItem(text: string, seqPath: Path, index: number): string {
  const doc = parse(text);
  const seq = nodeAt(doc, seqPath);
  if (!isSeq(seq) || !seq.items[index]) throw new YamlEditError(`no item ${index} at ${seqPath.join('.')}`);
  if (seq.flow) throw new YamlEditError(`${seqPath.join('.')} is written in flow style ([…]); only block lists are edited`);
  const [start, end] = rangeOf(seq.items[index] as Node);
  let from = lineStart(text, start);
  let to = afterNode(text, end);
  if (seq.items.length === 1) {
    const parentPath = seqPath.slice(0, -1);
    const parent = parentPath.length ? nodeAt(doc, parentPath) : doc.contents;
    const pair = isMap(parent) ? pairOf(parent, String(seqPath.at(-1))) : undefined;
    const colon = text.indexOf(':', rangeOf(pair?.key as Node)[1]);
    return splice(splice(text, from, to), colon + 1, colon + 1, ' []');
  }
  // A blank line that only set this item apart goes with it.
  if (text.slice(from - 2, from) === '\n\n') {
    if (text.slice(to, to + 1) === '\n') to += 1;
    else if (index === seq.items.length - 1) from -= 1;
  }
  return splice(text, from, to);
}

/** Removes a key and its value (and the comment on its lines) from a block map. */
export function deleteKey(text: string, mapPath: Path, key: string): string {
  const doc = parse(text);
  const map = nodeAt(doc, mapPath);
  const pair = isMap(map) ? pairOf(map, key) : undefined;
  if (!isMap(map) || !pair) return text;
  if (map.flow) throw new YamlEditError(`${mapPath.join('.')} is written in flow style ({…}); only block maps are edited`);
  const keyStart = rangeOf(pair.key)[0];
  const valueEnd = pair.value ? rangeOf(pair.value)[1] : rangeOf(pair.key)[1];
  const before = text.slice(lineStart(text, keyStart), keyStart);
  if (/^\s*$/.test(before)) {
    let from = lineStart(text, keyStart);
    let to = afterNode(text, valueEnd);
    // A blank line that only set this key apart goes with it.
    if (text.slice(from - 2, from) === '\n\n') {
      if (text.slice(to, to + 1) === '\n') to += 1;
      else if (to >= text.length) from -= 1;
    }
    return splice(text, from, to);
  }
  // The key shares its line with the item's `- `: the next key moves up into its place.
  const pairs = map.items as Pair<Node, Node>[];
  const next = pairs[pairs.indexOf(pair) + 1];
  if (!next) throw new YamlEditError(`cannot remove the only key of ${mapPath.join('.')}`);
  return splice(text, keyStart, rangeOf(next.key)[0]);
}

/** Sets a key of a block map to a one-line value: replaced where it is, else added after `after` (or last). */
export function setKey(text: string, mapPath: Path, key: string, value: unknown, after?: string): string {
  const doc = parse(text);
  const map = nodeAt(doc, mapPath);
  if (!isMap(map)) throw new YamlEditError(`${mapPath.join('.')} is not a map`);
  if (map.flow) throw new YamlEditError(`${mapPath.join('.')} is written in flow style ({…}); only block maps are edited`);
  const pair = pairOf(map, key);
  if (pair?.value) {
    const [start, end] = rangeOf(pair.value);
    return splice(text, start, end, flowText(value));
  }
  const pairs = map.items as Pair<Node, Node>[];
  const anchor = (after !== undefined ? pairOf(map, after) : undefined) ?? pairs.at(-1);
  if (!anchor) throw new YamlEditError(`${mapPath.join('.')} is empty`);
  const indent = ' '.repeat(columnOf(text, rangeOf(pairs[0]!.key)[0]));
  const at = afterNode(text, rangeOf(anchor.value ?? anchor.key)[1]);
  return splice(text, at, at, `${indent}${flowText(key)}: ${flowText(value)}\n`);
}

/**
 * Sets a key of a block map to a one-line value wherever its old value is written: a scalar or
 * flow value is replaced in place (as `setKey` does); a block list or map under the key is
 * removed and the new value written on the key's own line, where the key was.
 */
export function replaceValue(text: string, mapPath: Path, key: string, value: unknown, after?: string): string {
  const doc = parse(text);
  const map = nodeAt(doc, mapPath);
  if (!isMap(map)) throw new YamlEditError(`${mapPath.join('.')} is not a map`);
  const pairs = map.items as Pair<Node, Node>[];
  const pair = pairOf(map, key);
  const old = pair?.value;
  if (!pair || !(isSeq(old) || isMap(old)) || old.flow) return setKey(text, mapPath, key, value, after);
  const before = pairs[pairs.indexOf(pair) - 1];
  if (!before || !isScalar(before.key)) throw new YamlEditError(`${[...mapPath, key].join('.')} opens its map: it is not replaced`);
  return setKey(deleteKey(text, mapPath, key), mapPath, key, value, String(before.key.value));
}

/** Replaces a scalar (an id in `from:`, say) by another one-line value. */
export function setScalar(text: string, path: Path, value: unknown): string {
  const node = nodeAt(parse(text), path);
  if (!isScalar(node)) throw new YamlEditError(`${path.join('.')} is not a single value`);
  const [start, end] = rangeOf(node);
  return splice(text, start, end, flowText(value));
}

/**
 * Appends a map to the block sequence under a top-level key (`entities:`), indented like the
 * items before it and spaced as they are; `key: []` and a missing key become a block list.
 */
export function appendItem(text: string, key: string, value: Record<string, unknown>): string {
  const doc = parse(text);
  if (!isMap(doc.contents)) throw new YamlEditError('the file does not hold a map');
  const pair = pairOf(doc.contents, key);
  const seq = pair?.value;
  if (isSeq(seq) && !seq.flow && seq.items.length) {
    const items = seq.items as Node[];
    const indent = ' '.repeat(columnOf(text, rangeOf(items[0])[0]) - 2);
    const at = afterNode(text, rangeOf(items.at(-1))[1]);
    const spaced = items.length > 1 && /\n[ \t]*\n/.test(text.slice(contentEnd(text, rangeOf(items[0])[1]), rangeOf(items[1])[0]));
    return splice(text, at, at, (spaced ? '\n' : '') + itemText(value, indent));
  }
  if (pair && !(isSeq(seq) && seq.items.length === 0) && seq !== null && !(isScalar(seq) && seq.value === null)) {
    throw new YamlEditError(`${key} is not a block list`);
  }
  if (pair) {
    // `key: []` or `key:` with nothing: the value is rewritten as a block list.
    const colon = text.indexOf(':', rangeOf(pair.key)[1]);
    const end = seq && isSeq(seq) ? rangeOf(seq)[1] : colon + 1;
    return splice(text, colon + 1, afterNode(text, end), `\n${itemText(value, '  ')}`);
  }
  const joiner = text.length === 0 || text.endsWith('\n') ? '' : '\n';
  return `${text}${joiner}${key}:\n${itemText(value, '  ')}`;
}

/** Adds a string to a list of strings (aliases), in the list's own style; creates the key after `after` if missing. */
export function addToList(text: string, mapPath: Path, key: string, entry: string, after?: string): string {
  const doc = parse(text);
  const map = nodeAt(doc, mapPath);
  if (!isMap(map)) throw new YamlEditError(`${mapPath.join('.')} is not a map`);
  const list = pairOf(map, key)?.value;
  if (!list) return setKey(text, mapPath, key, [entry], after);
  if (!isSeq(list)) throw new YamlEditError(`${[...mapPath, key].join('.')} is not a list`);
  if (list.flow) {
    // Spliced in before the closing bracket, so the entries already there keep their quoting.
    const close = text.lastIndexOf(']', rangeOf(list)[1]);
    const quoted = flowText([entry]).slice(1, -1);
    return splice(text, close, close, list.items.length ? `, ${quoted}` : quoted);
  }
  const items = list.items as Node[];
  const indent = ' '.repeat(columnOf(text, rangeOf(items[0])[0]) - 2);
  const at = afterNode(text, rangeOf(items.at(-1))[1]);
  return splice(text, at, at, `${indent}- ${flowText(entry)}\n`);
}

/** Removes one entry of a list (block or flow), the others as written; the last one going leaves `[]`. */
export function removeFromList(text: string, listPath: Path, index: number): string {
  const doc = parse(text);
  const list = nodeAt(doc, listPath);
  if (!isSeq(list) || !list.items[index]) throw new YamlEditError(`no entry ${index} at ${listPath.join('.')}`);
  if (!list.flow) return deleteItem(text, listPath, index);
  const items = list.items as Node[];
  if (items.length === 1) {
    const [start, end] = rangeOf(list);
    return splice(text, start, end, '[]');
  }
  // With the comma and space that part it from its neighbour: the next one's, or for the last, the one before it.
  const [start] = rangeOf(items[index]);
  if (index < items.length - 1) return splice(text, start, rangeOf(items[index + 1])[0]);
  return splice(text, rangeOf(items[index - 1])[1], rangeOf(items[index])[1]);
}

/** The plain value of a file, for finding what to edit. */
export function valueOf(text: string): unknown {
  return parse(text).toJS({ maxAliasCount: 100 });
}

/**
 * Makes the block map under `key` hold exactly `entries`: a value that changed is replaced where
 * it is, a new key goes after the last, a key left out is removed, and every line of the map
 * that did not change (its comments too) stays as written. A map written in flow style (`{…}`)
 * is rewritten on its line; a missing one is added as a block after `after`; an empty `entries`
 * removes the key.
 */
export function setMap(text: string, mapPath: Path, key: string, entries: Record<string, unknown>, after?: string): string {
  const names = Object.keys(entries);
  if (!names.length) return deleteKey(text, mapPath, key);
  const doc = parse(text);
  const map = nodeAt(doc, mapPath);
  if (!isMap(map)) throw new YamlEditError(`${mapPath.join('.')} is not a map`);
  const old = pairOf(map, key)?.value;
  if (!old || (isScalar(old) && old.value === null)) return addBlockMap(old ? deleteKey(text, mapPath, key) : text, mapPath, key, entries, after);
  if (!isMap(old)) throw new YamlEditError(`${[...mapPath, key].join('.')} is not a map`);
  if (old.flow) return setKey(text, mapPath, key, entries);
  const path = [...mapPath, key];
  const current = old.toJSON() as Record<string, unknown>;
  let next = text;
  for (const name of names) if (!Object.hasOwn(current, name) || current[name] !== entries[name]) next = setKey(next, path, name, entries[name]);
  // Removed last, so the map is never left without a key in between.
  for (const name of Object.keys(current)) if (!Object.hasOwn(entries, name)) next = deleteKey(next, path, name);
  return next;
}

/** Adds `key:` holding a block map, one `name: value` a line, after `after` (or last). */
function addBlockMap(text: string, mapPath: Path, key: string, entries: Record<string, unknown>, after?: string): string {
  const doc = parse(text);
  const map = nodeAt(doc, mapPath);
  if (!isMap(map) || map.flow) throw new YamlEditError(`${mapPath.join('.')} is not a block map`);
  const pairs = map.items as Pair<Node, Node>[];
  const anchor = (after !== undefined ? pairOf(map, after) : undefined) ?? pairs.at(-1);
  if (!anchor) throw new YamlEditError(`${mapPath.join('.')} is empty`);
  const indent = ' '.repeat(columnOf(text, rangeOf(pairs[0]!.key)[0]));
  const at = afterNode(text, rangeOf(anchor.value ?? anchor.key)[1]);
  const lines = Object.entries(entries).map(([name, value]) => `${indent}  ${flowText(name)}: ${flowText(value)}\n`);
  return splice(text, at, at, `${indent}${flowText(key)}:\n${lines.join('')}`);
}
