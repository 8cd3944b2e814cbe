/**
 * The XML scanner (src/import/xmlScanner.ts) against saxes, the strict parser it replaced: on
 * random documents, well-formed and broken (built from XML's pieces, then cut and spliced), both
 * accept or both refuse, and when they accept they give the same elements, attributes and text,
 * however the text is cut into chunks. `XML_FUZZ_RUNS=60000` for a longer run.
 */
import fc from 'fast-check';
import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import { XmlScanner, XmlSyntaxError, type XmlAttributes } from '../src/import/xmlScanner.ts';

type Event = ['open', string, [string, string][]] | ['close', string] | ['text', string];

/** Adjacent texts as one: a reader joins them, and the two parsers cut them in different places. */
function push(events: Event[], event: Event): void {
  const last = events.at(-1);
  // saxes hands over an empty CDATA section: no text.
  if (event[0] === 'text' && event[1] === '') return;
  if (event[0] === 'text' && last?.[0] === 'text') last[1] += event[1];
  else events.push(event);
}

function withSaxes(doc: string): Event[] | 'refused' {
  const events: Event[] = [];
  let depth = 0;
  const parser = new SaxesParser({ xmlns: false });
  parser.on('opentag', (tag) => {
    depth++;
    push(events, ['open', tag.name, Object.entries(tag.attributes)]);
  });
  parser.on('closetag', (tag) => {
    depth--;
    push(events, ['close', tag.name]);
  });
  // Ours hands over no text outside the root element (white space only, or refused).
  const text = (t: string) => depth > 0 && push(events, ['text', t]);
  parser.on('text', text);
  parser.on('cdata', text);
  try {
    parser.write(doc).close();
  } catch {
    return 'refused';
  }
  return events;
}

function withOurs(doc: string, cuts: number[]): Event[] | 'refused' {
  const events: Event[] = [];
  const scanner = new XmlScanner({
    wantsText: true,
    open: (name: string, a: XmlAttributes) => {
      const attributes: [string, string][] = [];
      for (let i = 0; i < a.length; i++) attributes.push([a.name(i), a.value(i)]);
      push(events, ['open', name, attributes]);
    },
    close: (name: string) => push(events, ['close', name]),
    text: (source: string, start: number, end: number) => push(events, ['text', source.slice(start, end)]),
  });
  try {
    let at = 0;
    for (const cut of cuts) {
      scanner.feed(doc.slice(at, at + cut));
      at += cut;
    }
    scanner.feed(doc.slice(at));
    scanner.end();
  } catch (error) {
    if (error instanceof XmlSyntaxError) return 'refused';
    throw error;
  }
  return events;
}

const piece = <T,>(...options: T[]) => fc.constantFrom(...options);
const joined = (unit: fc.Arbitrary<string>, maxLength: number) => fc.array(unit, { maxLength }).map((parts) => parts.join(''));

const NAME = piece('a', 'b', 'data', 'x:y', '_n', 'é', 'a1', 'A-b.c', 'ns:key', 'ü·', 'B');
const VALUE = joined(piece('v', 'w1', ' ', '&amp;', '&lt;', '&#65;', '&#x42;', '\t', '\n', '\r\n', '\r', '"', "'", '>', 'é', '😀', '&gt;x', ']]>'), 5);
const ATTRIBUTE = fc.tuple(NAME, VALUE, piece('"', "'"), piece('', ' ', '\n  ')).map(([name, value, q, space]) => ` ${name}${space}=${space}${q}${value}${q}`);
const TEXT = piece(
  'text', ' ', '\n', '\r\n', '\r', '&amp;', '&quot;', '&#9;', '&#x1F600;', ']]>', ']]', ']', '>', 'a > b',
  '<![CDATA[c]]>', '<![CDATA[x<y&z]]>', '<![CDATA[]]>', '<!-- c -->', '<!---->', '<?pi body?>', '<?x?>', 'é', '😀', '\t', '1.5e3',
);

/** An element of at most `depth` levels. */
const element = (depth: number): fc.Arbitrary<string> => {
  const children = depth <= 0 ? joined(TEXT, 3) : joined(fc.oneof(TEXT, element(depth - 1)), 4);
  return fc.tuple(NAME, joined(ATTRIBUTE, 3), fc.boolean(), children, piece('', ' ', '\n')).map(([name, attributes, empty, inner, space]) =>
    empty ? `<${name}${attributes}${space}/>` : `<${name}${attributes}${space}>${inner}</${name}${space}>`,
  );
};

const MISC = piece('', '\n', '  ', '<!-- note -->', '<?style a="b"?>', '\r\n');
const PROLOG = fc.tuple(
  piece('', '\uFEFF'),
  piece('', '<?xml version="1.0"?>', "<?xml version='1.0' encoding='UTF-8'?>", '<?xml version="1.0" encoding="utf-8" standalone="yes" ?>', '<?xml  version = "1.0"?>'),
  MISC,
  piece('', '<!DOCTYPE graphml>', '<!DOCTYPE a SYSTEM "a.dtd">', '<!DOCTYPE a [ <!ENTITY e "x"> <!-- c --> ]>', '<!DOCTYPE a PUBLIC "-//A//B" \'c.dtd\'>'),
  MISC,
).map((parts) => parts.join(''));

/** Where and how a document is broken: a character put in, or some taken out. */
const EDIT = fc.record({
  at: fc.nat(),
  remove: fc.nat({ max: 3 }),
  insert: piece('', '<', '>', '&', ';', '"', "'", '=', '/', '!', '?', '-', ']', '[', ' ', '\n', 'a', ':', '#', 'x', '\u0001', '\uFFFE', 'é', '<a>', '</a>', '--', ']]>', '&#0;', '&foo;', '\r'),
});

const DOCUMENT = fc.tuple(PROLOG, element(3), MISC, fc.array(EDIT, { maxLength: 3 })).map(([prolog, root, epilog, edits]) => {
  let doc = prolog + root + epilog;
  for (const { at, remove, insert } of edits) {
    const i = at % (doc.length + 1);
    doc = doc.slice(0, i) + insert + doc.slice(i + remove);
  }
  return doc;
});

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

// Chunks of ours, anywhere (inside a tag, an entity, a surrogate pair, CR LF); saxes reads the whole.
const CUTS = fc.array(fc.integer({ min: 1, max: 12 }), { maxLength: 30 });

describe('XML scanner against saxes', () => {
  it('accepts and refuses the same documents, with the same events, however they are cut', () => {
    const runs = Number(process.env.XML_FUZZ_RUNS ?? 4000);
    let accepted = 0;
    fc.assert(
      fc.property(DOCUMENT, CUTS, (doc, cuts) => {
        // saxes takes a lone high surrogate and the character after it for one character (and
        // accepts it): ours refuses a lone surrogate, as XML does.
        if (LONE_SURROGATE.test(doc)) {
          expect(withOurs(doc, cuts)).toBe('refused');
          return;
        }
        const theirs = withSaxes(doc);
        if (theirs !== 'refused') accepted++;
        expect(withOurs(doc, cuts), JSON.stringify(doc)).toEqual(theirs);
      }),
      { numRuns: runs },
    );
    // Both kinds are tried in numbers.
    expect(accepted).toBeGreaterThan(runs / 10);
    expect(accepted).toBeLessThan(runs - runs / 10);
  });

  it('places an error at its line and column, counting CR LF as one line end', () => {
    const place = (doc: string, cut = doc.length) => {
      const error = withError(doc, cut);
      return [error.line, error.column];
    };
    expect(place('<a>\n  <b>\n</a>')).toEqual([3, 4]);
    expect(place('<a>\r\n  <b>\r\n</a>', 5)).toEqual([3, 4]);
    expect(place('<a>\n\n<b x="1" x="2"/></a>')).toEqual([3, 10]);
    expect(place('<a>&nope;</a>', 2)).toEqual([1, 4]);
  });
});

function withError(doc: string, cut: number): XmlSyntaxError {
  const scanner = new XmlScanner({ wantsText: false, open() {}, close() {}, text() {} });
  try {
    for (let i = 0; i < doc.length; i += cut) scanner.feed(doc.slice(i, i + cut));
    scanner.end();
  } catch (error) {
    if (error instanceof XmlSyntaxError) return error;
    throw error;
  }
  throw new Error(`no error in ${JSON.stringify(doc)}`);
}
