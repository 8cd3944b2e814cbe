import { ARTICLE_TEXT_KEY as TEXT_ATTRIBUTE } from '../export/flatten.ts';
import { stringify } from 'yaml';
import { own } from '../model/own.ts';
import { SLUG, type Scalar, type Vocabulary } from '../model/types.ts';
import { ImportError } from './errors.ts';
import type { StreamedGraph, Values } from './streamed.ts';


/** What a corpus already defines, to refer to rather than define again. */
export interface KnownEntity {
  id: string;
  label: string;
  aliases: string[];
  /** Defined in entities.yaml: its names find it in every article. Else they find it in its own article only. */
  shared: boolean;
}

/** One article's data files (src/cli/dataDir.ts ARTICLE_FILES), as text. */
export interface ArticleData {
  slug: string;
  text: string;
  meta: string;
  graph: string;
  entities: number;
  relations: number;
}

const META_KEYS = ['title', 'publisher', 'dateline', 'date', 'url', 'photoCaption', 'photoCredit'] as const;
const REQUIRED_META = ['title', 'publisher', 'dateline', 'date'] as const;

const str = (values: Values, name: string): string | undefined => {
  const v = own(values, name);
  return typeof v === 'string' ? v : undefined;
};

/** Attributes `prefix*` with the prefix taken off (the export's attr_ and q_), in file order. */
function unprefixed(values: Values, prefix: string, order: string[] = []): Record<string, Scalar> | undefined {
  const rank = (name: string) => {
    const i = order.indexOf(name.slice(prefix.length));
    return i < 0 ? order.length : i;
  };
  const found = Object.keys(values).filter((name) => name.startsWith(prefix) && name.length > prefix.length).sort((a, b) => rank(a) - rank(b));
  if (found.length === 0) return undefined;
  // Object.fromEntries defines own properties: a `q___proto__` qualifier stays data.
  return Object.fromEntries(found.map((name) => [name.slice(prefix.length), values[name]!]));
}

const list = (json: string | undefined, what: string, file: string): string[] => {
  if (json === undefined || json === '') return [];
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw new ImportError(file, `${what} is not the JSON list kg export writes`);
  }
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) throw new ImportError(file, `${what} is not a list of names`);
  return value as string[];
};

/** Which occurrence of `quote` in `text` starts at `start` (1-based), or undefined when it does not. */
function occurrenceAt(text: string, quote: string, start: number): number | undefined {
  let n = 0;
  for (let at = text.indexOf(quote); at >= 0; at = text.indexOf(quote, at + 1)) {
    n++;
    if (at === start) return n;
    if (at > start) return undefined;
  }
  return undefined;
}

/** A node's name: its `label` attribute (GraphML), else GEXF's own label. */
const labelOf = (streamed: StreamedGraph, id: string, values: Values) => str(values, 'label') ?? streamed.visuals.get(id)?.label;

/**
 * What a file lacks to be an article: the evidence our export writes (the text, every relation's
 * quote and offsets), named, so that the refusal says what a file would need.
 */
export function missingEvidence(streamed: StreamedGraph): string[] {
  const { graph } = streamed;
  const missing: string[] = [];
  const text = graph.getAttribute(TEXT_ATTRIBUTE);
  if (typeof text !== 'string' || text === '') missing.push(`the article text (a graph attribute "${TEXT_ATTRIBUTE}")`);
  for (const name of REQUIRED_META) if (typeof graph.getAttribute(name) !== 'string') missing.push(`the article's ${name} (a graph attribute "${name}")`);
  if (graph.someNode((_, a) => str(a, 'type') === undefined)) missing.push('entity types (a node attribute "type" on every node)');
  if (graph.someNode((id, a) => labelOf(streamed, id, a) === undefined)) missing.push('entity names (a node label on every node)');
  for (const [name, what] of [['relation', 'relation types'], ['evidence', 'evidence quotes'], ['evidence_start', 'evidence offsets']] as const) {
    if (graph.someEdge((_, a) => own(a, name) === undefined)) missing.push(`${what} (an edge attribute "${name}" on every edge)`);
  }
  if (graph.someEdge((_, a) => own(a, 'article') !== undefined)) missing.push('one article: this is a corpus export (its edges name their articles); export one article with --article');
  if (graph.order === 0) missing.push('entities (the file has no nodes)');
  return missing;
}

/**
 * A file our export wrote, as an article's data files: the text verbatim, the metadata, and a
 * graph.yaml with every entity (one the corpus defines already is referred to by id, with only
 * the names it does not have yet) and every relation with its quote (and which occurrence, when
 * the quote occurs more than once). The caller validates them with the corpus before writing.
 * @throws ImportError naming what is missing, or the relation whose quote is not in the text.
 */
export function exportedArticle(streamed: StreamedGraph, slug: string, known: ReadonlyMap<string, KnownEntity>, vocabulary?: Vocabulary): ArticleData {
  const file = streamed.name;
  const missing = missingEvidence(streamed);
  if (missing.length > 0) throw new ImportError(file, `carries no evidence to make an article of: it lacks ${missing.join('; ')}. kg import reads the GraphML or GEXF that kg export writes`);
  const { graph } = streamed;
  const text = graph.getAttribute(TEXT_ATTRIBUTE) as string;
  const attributes = graph.getAttributes() as Values;
  const meta: Record<string, string> = {};
  for (const name of META_KEYS) {
    const value = str(attributes, name);
    if (value !== undefined) meta[name] = value;
  }

  const entities = graph.mapNodes((id, a) => {
    const aliases = list(str(a, 'aliases'), `node "${id}": aliases`, file);
    const existing = known.get(id);
    if (existing !== undefined) {
      // Defined elsewhere in the corpus: referred to by id, with the names that find it here. A
      // shared entity's own names find it everywhere; another article's entity's names only there.
      const names = [...new Set([labelOf(streamed, id, a)!, ...aliases])];
      const fresh = existing.shared ? names.filter((name) => name !== existing.label && !existing.aliases.includes(name)) : names;
      return fresh.length > 0 ? { id, aliases: fresh } : { id };
    }
    const description = str(a, 'description');
    const attrs = unprefixed(a, 'attr_');
    return {
      id,
      type: str(a, 'type')!,
      label: labelOf(streamed, id, a)!,
      ...(aliases.length > 0 ? { aliases } : {}),
      ...(description ? { description } : {}),
      ...(attrs ? { attributes: attrs } : {}),
    };
  });

  const relations = graph.mapEdges((key, a, source, target) => {
    const quote = str(a, 'evidence') ?? '';
    const start = own(a, 'evidence_start');
    const at = typeof start === 'number' ? occurrenceAt(text, quote, start) : undefined;
    if (quote === '' || at === undefined) throw new ImportError(file, `edge "${key}": its evidence is not in the article text at offset ${String(start)}`);
    const more = text.indexOf(quote, text.indexOf(quote) + 1) >= 0;
    const type = String(own(a, 'relation'));
    // In the order the vocabulary declares them, as a curator writes them (the file has its key order).
    const declared = Object.keys(own(vocabulary?.relations, type)?.qualifiers ?? {});
    const qualifiers = unprefixed(a, 'q_', declared);
    return {
      ...(SLUG.test(key) ? { id: key } : {}),
      from: source,
      type,
      to: target,
      evidence: quote,
      ...(more ? { occurrence: at } : {}),
      ...(qualifiers ? { qualifiers } : {}),
    };
  });

  const yaml = (value: unknown, header: string) => `# ${header}\n${stringify(value, { lineWidth: 0, defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN' })}`;
  return {
    slug,
    text,
    meta: yaml(meta, 'Imported by kg import from a file kg export wrote.'),
    graph: yaml({ entities, relations }, 'Imported by kg import: entities and relations as the file gave them, each quote from article.txt.'),
    entities: entities.length,
    relations: relations.length,
  };
}
