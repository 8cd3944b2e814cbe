import type { Scalar, ValueType } from '../model/types.ts';
import { ImportError } from './errors.ts';

/**
 * Turns XML text into a DOM Document. The core takes it as a parameter and touches no DOM
 * global: the browser passes its own DOMParser, Node tests pass @xmldom/xmldom's (the pattern of
 * graphology-graphml's `common/parser.js`). It may throw (xmldom does) or return a document
 * holding a <parsererror> (browsers do): both are reported with the place.
 */
export type ParseXml = (text: string) => Document;

/** The browsers' and xmldom's ways of saying where the XML broke. */
const CHROMIUM_PLACE = /line (\d+) at column (\d+):\s*([^\n]*)/;
const FIREFOX_PLACE = /Line Number (\d+), Column (\d+)/;

/** Parses `text`, or throws an ImportError naming the file and, when known, line and column. */
export function parseXmlDocument(file: string, text: string, parse: ParseXml): Document {
  let doc: Document;
  try {
    doc = parse(text);
  } catch (error) {
    const locator = (error as { locator?: { lineNumber?: number; columnNumber?: number } }).locator;
    const message = error instanceof Error ? error.message : String(error);
    // xmldom reports line 0 when it found no element at all: there is no place to point at.
    const line = locator?.lineNumber ? locator.lineNumber : undefined;
    throw new ImportError(file, `not well-formed XML: ${message.split('\n')[0]}`, line, line ? (locator?.columnNumber ?? 1) : undefined);
  }
  const problem = doc.getElementsByTagName('parsererror')[0];
  if (problem) {
    const text = problem.textContent ?? '';
    const chromium = CHROMIUM_PLACE.exec(text);
    const firefox = FIREFOX_PLACE.exec(text);
    const place = chromium ?? firefox;
    const reason = chromium?.[3]?.trim() || text.split('\n')[0]?.trim() || 'the XML parser gave up';
    throw new ImportError(file, `not well-formed XML: ${reason}`, place ? Number(place[1]) : undefined, place ? Number(place[2]) : undefined);
  }
  if (!doc.documentElement) throw new ImportError(file, 'not XML: no root element');
  return doc;
}

/** The element children of `parent` named `name` (namespace prefixes ignored). */
export function childElements(parent: Element, name?: string): Element[] {
  const found: Element[] = [];
  for (let i = 0; i < parent.childNodes.length; i++) {
    const child = parent.childNodes[i]!;
    if (child.nodeType === 1 && (name === undefined || (child as Element).localName === name)) found.push(child as Element);
  }
  return found;
}

/** The first element child named `name`, if any. */
export const childElement = (parent: Element, name: string): Element | undefined => childElements(parent, name)[0];

/** The text of an element, without its child elements' markup (yEd's nested shapes are not values). */
export function ownText(element: Element): string {
  let text = '';
  for (let i = 0; i < element.childNodes.length; i++) {
    const child = element.childNodes[i]!;
    if (child.nodeType === 3 || child.nodeType === 4) text += child.nodeValue ?? '';
  }
  return text;
}

/** An attribute's value, or undefined when the element has none (getAttribute says '' or null, by implementation). */
export const attributeOf = (element: Element, name: string): string | undefined => (element.hasAttribute(name) ? (element.getAttribute(name) ?? '') : undefined);

/** GraphML's and GEXF's type names as our value types; anything else (liststring, anyURI, date) is kept as text. */
export function valueTypeOf(declared: string | undefined): ValueType {
  switch ((declared ?? 'string').trim().toLowerCase()) {
    case 'int':
    case 'integer':
    case 'long':
    case 'short':
    case 'byte':
      return 'int';
    case 'float':
    case 'double':
      return 'float';
    case 'boolean':
      return 'boolean';
    default:
      return 'string';
  }
}

const INTEGER = /^[+-]?\d+$/;
const DOUBLE = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** What `valueOf` returns for text that is not of its declared type. */
export const NOT_OF_TYPE: unique symbol = Symbol('not of its type');

/**
 * A value as its declared type, undefined for an empty one (a missing value, not zero), or
 * NOT_OF_TYPE: the streaming readers call it once per value and build a message only on failure.
 * The regular expressions keep out what Number() alone would take (`0x1A`, `Infinity`, `1_0`).
 */
export function valueOf(text: string, type: ValueType): Scalar | undefined | typeof NOT_OF_TYPE {
  if (type === 'string') return text;
  const value = text.trim();
  if (value === '') return undefined;
  if (type === 'int') {
    if (INTEGER.test(value)) return Number(value);
  } else if (type === 'float') {
    if (DOUBLE.test(value)) return Number(value);
    // xsd:double's special values.
    if (value === 'NaN') return Number.NaN;
    if (value === 'INF' || value === '+INF') return Number.POSITIVE_INFINITY;
    if (value === '-INF') return Number.NEGATIVE_INFINITY;
  } else if (type === 'boolean') {
    const lower = value.toLowerCase();
    if (lower === 'true' || lower === '1') return true;
    if (lower === 'false' || lower === '0') return false;
  }
  return NOT_OF_TYPE;
}

/** Why a value was refused: `what` names the place. */
export const notOfTypeMessage = (text: string, type: ValueType, what: string) => {
  const value = text.trim();
  return `${what} is declared ${type} but holds "${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
};

/**
 * A value as its declared type, or undefined for an empty one (a missing value, not zero).
 * @throws Error when the text is not of that type: `what` names the place for the message.
 */
export function typedValue(text: string, type: ValueType, what: string): Scalar | undefined {
  const value = valueOf(text, type);
  if (value === NOT_OF_TYPE) throw new Error(notOfTypeMessage(text, type, what));
  return value;
}

/** Errors bound to one file: `fail` throws an ImportError, `typed` reports a value not of its declared type as one. */
export function fileErrors(file: string) {
  const fail = (reason: string): never => {
    throw new ImportError(file, reason);
  };
  const typed = (text: string, type: ValueType, what: string): Scalar | undefined => {
    try {
      return typedValue(text, type, what);
    } catch (error) {
      return fail((error as Error).message);
    }
  };
  return { fail, typed };
}
