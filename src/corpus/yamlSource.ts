import { LineCounter, isAlias, isNode, isScalar, parseDocument, visit, type Document, type Node } from 'yaml';
import type { DataIssue } from '../model/errors.ts';

/** A data file as the core sees it: a name to report and its text. Reading it is the caller's job. */
export interface SourceFile {
  path: string;
  text: string;
}

export type DataPath = readonly (string | number)[];

/** A parsed YAML (or JSON) file that can turn a path inside it into a line and column. */
export interface ParsedSource {
  file: string;
  /** Undefined when the file could not be read as YAML; its problems are already reported. */
  value: unknown;
  issueAt(path: DataPath, message: string): DataIssue;
}

export function formatPath(path: DataPath): string {
  return path.reduce<string>(
    (out, part) => (typeof part === 'number' ? `${out}[${part}]` : out ? `${out}.${part}` : part),
    '',
  );
}

/** `toJS()` stops expanding aliases past this many: a "billion laughs" block is refused, not expanded. */
const MAX_ALIAS_COUNT = 100;

/**
 * Parses YAML keeping source positions, so that schema and reference errors found later on the
 * plain value can still be reported at the line the curator has to edit. `what` names what the
 * file should hold, for the message about an empty one.
 */
export function parseSource(source: SourceFile, issues: DataIssue[], what = 'a mapping'): ParsedSource {
  // YAML 1.2 counts a lone CR as a line break, the yaml package does not (a leading comment
  // would swallow the file). CR -> LF keeps every offset, so positions stay exact.
  const text = source.text.replace(/\r(?!\n)/g, '\n');
  const lineCounter = new LineCounter();
  const at = (offset: number | undefined, path: DataPath, message: string): DataIssue => {
    const pos = offset === undefined ? undefined : lineCounter.linePos(offset);
    return { file: source.path, line: pos?.line ?? 1, column: pos?.col ?? 1, path: formatPath(path), message };
  };
  // The package's own duplicate-key check compares every pair of keys: ours is linear.
  const doc = parseDocument(text, { lineCounter, prettyErrors: true, uniqueKeys: false });
  const found: DataIssue[] = [];
  for (const error of [...doc.errors, ...doc.warnings]) {
    const pos = error.linePos?.[0];
    const message = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    found.push({ file: source.path, line: pos?.line ?? 1, column: pos?.col ?? 1, path: '', message: `YAML: ${yamlMessage(message)}` });
  }
  if (!doc.errors.length) found.push(...keyProblems(doc, lineCounter).map(({ node, message }) => at(node.range?.[0], [], message)));

  let value: unknown;
  if (!found.length) {
    if (doc.contents === null) {
      found.push(at(0, [], `the file is empty (no YAML value, only blank lines or comments): it should hold ${what}`));
    } else {
      try {
        value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
      } catch (error) {
        // Unresolved or excessive aliases are only found while building the value.
        const alias = firstAlias(doc);
        found.push(at(alias?.range?.[0], [], `YAML: ${error instanceof Error ? error.message : String(error)}`));
      }
    }
  }
  issues.push(...found);
  return {
    file: source.path,
    value,
    issueAt(path, message) {
      return at(nearestOffset(doc, path), path, message);
    },
  };
}

function yamlMessage(message: string): string {
  return /call stack/i.test(message) ? 'nested too deeply to read' : message;
}

/**
 * Duplicate keys (the later value would silently win), `__proto__` keys (JavaScript objects
 * cannot hold one as data: it would vanish) and keys that are not plain values, each with its node.
 */
function keyProblems(doc: Document, lines: LineCounter): { node: Node; message: string }[] {
  const problems: { node: Node; message: string }[] = [];
  visit(doc, {
    Map(_, map) {
      const seen = new Map<string, Node>();
      for (const pair of map.items) {
        const key = pair.key;
        if (!isScalar(key)) {
          if (isNode(key)) problems.push({ node: key, message: 'a key must be a plain value, not a list, mapping or alias' });
          continue;
        }
        const name = String(key.value);
        if (name === '__proto__') problems.push({ node: key, message: 'the key "__proto__" is not allowed (JavaScript reserves it)' });
        const first = seen.get(name);
        if (first) problems.push({ node: key, message: `duplicate key "${name}" (first at line ${lines.linePos(first.range?.[0] ?? 0).line})` });
        else seen.set(name, key);
      }
    },
  });
  return problems;
}

function firstAlias(doc: Document): Node | undefined {
  let alias: Node | undefined;
  visit(doc, {
    Alias(_, node) {
      alias = node;
      return visit.BREAK;
    },
  });
  return alias;
}

/** The start of the deepest node along `path` that exists (a missing key reports its parent). */
function nearestOffset(doc: Document, path: DataPath): number | undefined {
  for (let depth = path.length; depth >= 0; depth--) {
    const node = depth === 0 ? doc.contents : doc.getIn(path.slice(0, depth), true);
    if (isNode(node) && !isAlias(node) && node.range) return node.range[0];
  }
  return undefined;
}
