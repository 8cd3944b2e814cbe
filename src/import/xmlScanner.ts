import { badChar, isAstralNameChar, isCharCode, isNameChar, isNameStart, isSpace } from './xmlChars.ts';

/** A document that is not well-formed XML 1.0, at a 1-based line and column. */
export class XmlSyntaxError extends Error {
  constructor(
    readonly reason: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(`${line}:${column}: ${reason}`);
  }
}

/** A start tag's attributes, valid only during the `open` call that hands them over. */
export interface XmlAttributes {
  readonly length: number;
  get(name: string): string | undefined;
  name(index: number): string;
  value(index: number): string;
}

/** What a reader does with the document. */
export interface XmlHandler {
  /** Read before each run of character data: whether `text` is called for it. Outside the root it never is. */
  readonly wantsText: boolean;
  open(name: string, attributes: XmlAttributes): void;
  close(name: string): void;
  /**
   * Character data, `source.slice(start, end)`, entities and CDATA resolved, line ends normalized:
   * either a range of the document itself (to read numbers from without a string of their own) or
   * a string made for it. A run cut by a comment, a CDATA section or a PI comes in pieces.
   */
  text(source: string, start: number, end: number): void;
}

class Attributes implements XmlAttributes {
  length = 0;
  readonly names: string[] = [];
  readonly values: string[] = [];

  get(name: string): string | undefined {
    for (let i = 0; i < this.length; i++) if (this.names[i] === name) return this.values[i];
    return undefined;
  }

  name(index: number): string {
    return this.names[index]!;
  }

  value(index: number): string {
    return this.values[index]!;
  }

  has(name: string): boolean {
    for (let i = 0; i < this.length; i++) if (this.names[i] === name) return true;
    return false;
  }
}

const LT = 0x3c;
const GT = 0x3e;
const AMP = 0x26;
const SLASH = 0x2f;
const QUESTION = 0x3f;
const BANG = 0x21;
const EQUALS = 0x3d;
const QUOTE = 0x22;
const APOS = 0x27;
const CR = 0x0d;
const LF = 0x0a;
const RSQB = 0x5d;

/** A token that runs past the text given so far: the scan stops at its start and waits for more. */
const INCOMPLETE = -1;

const ENTITIES: Readonly<Record<string, string>> = { __proto__: null, amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" } as unknown as Record<string, string>;

// saxes's grammar of the declaration: version, then optionally encoding, then standalone, in that order.
const XML_DECL = /^<\?xml[ \t\r\n]+version[ \t\r\n]*=[ \t\r\n]*(["'])1\.[0-9]+\1(?:[ \t\r\n]+encoding[ \t\r\n]*=[ \t\r\n]*(["'])[A-Za-z][A-Za-z0-9._-]*\2)?(?:[ \t\r\n]+standalone[ \t\r\n]*=[ \t\r\n]*(["'])(?:yes|no)\3)?[ \t\r\n]*\?>$/;

/** Names (of elements and attributes) kept once each: a document repeats a handful millions of times. */
const NAME_SLOTS = 256;

/**
 * A strict, chunk-fed XML 1.0 scanner: it rejects what is not well-formed (as saxes does, whose
 * accept/reject and events it matches; test/xml-scanner.test.ts compares them on random
 * documents), and calls the handler per element and character data. Text comes in any pieces, a
 * piece may end anywhere. A token cut by the end of a piece waits for the next, and is tried again
 * only once the waiting text has doubled, so that a token of any size costs linear time.
 * Line and column are counted only for an error (and once per piece, with indexOf): a document of
 * millions of lines pays nothing per character for them. Namespaces are not resolved, DTDs not
 * read (only the five predefined entities exist, as in saxes); a version 1.x document is read by
 * XML 1.0's rules.
 */
export class XmlScanner {
  /** Text not scanned yet: the start of a cut token, then what came after it. */
  private readonly parts: string[] = [];
  private partsLength = 0;
  private retryAt = 0;
  /** The text being scanned, its line and column at its start (1-based line, 0-based column). */
  private s = '';
  /** How much of `s` is scanned. */
  private done = 0;
  private line = 1;
  private column = 0;
  /** Where the token being handed over starts in `s`: the place of a reader's error. */
  private at = 0;
  private readonly stack: string[] = [];
  private readonly attributes = new Attributes();
  private readonly names: (string | undefined)[] = Array.from<string | undefined>({ length: NAME_SLOTS });
  private readonly values: (string | undefined)[] = Array.from<string | undefined>({ length: NAME_SLOTS });
  private started = false;
  private sawRoot = false;
  private sawDoctype = false;
  private ended = false;

  constructor(private readonly handler: XmlHandler) {}

  feed(chunk: string): void {
    if (this.ended) throw new Error('XmlScanner: feed after end');
    if (chunk.length === 0) return;
    this.parts.push(chunk);
    this.partsLength += chunk.length;
    if (this.partsLength >= this.retryAt) this.run(false);
  }

  end(): void {
    if (this.ended) return;
    this.run(true);
    this.ended = true;
    // At the last character, as saxes says.
    const last = Math.max(0, this.s.length - 1);
    if (!this.sawRoot) this.fail('document must contain a root element', last);
    const open = this.stack.at(-1);
    if (open !== undefined) this.fail(`unclosed tag: <${open}>`, last);
  }

  /** Line and column (1-based) of the token last handed to the handler. */
  where(): { line: number; column: number } {
    return this.place(this.at);
  }

  private run(final: boolean): void {
    const parts = this.parts;
    // Nothing new at the end: errors stay placed in the text scanned last.
    if (parts.length === 0) return;
    const s = parts.length === 1 ? parts[0]! : parts.join('');
    parts.length = 0;
    this.partsLength = 0;
    this.advance(this.done);
    this.s = s;
    this.done = 0;
    // No token of the new text has been handed over yet: an error now is placed at its start.
    this.at = 0;
    let from = 0;
    if (!this.started) {
      this.started = true;
      if (s.charCodeAt(0) === 0xfeff) from = 1;
      if (!final && s.length - from < 5 && '<?xml'.startsWith(s.slice(from))) {
        this.started = false;
        this.wait(s, 0);
        return;
      }
      // The XML declaration, only ever at the very start.
      if (s.startsWith('<?xml', from)) {
        const end = s.indexOf('?>', from);
        if (end < 0 && !final) {
          this.started = false;
          this.wait(s, 0);
          return;
        }
        const decl = end < 0 ? s.slice(from) : s.slice(from, end + 2);
        if (end < 0 || !XML_DECL.test(decl)) {
          const after = s.charCodeAt(from + 5);
          // <?xml-stylesheet …?> and the like are ordinary PIs.
          if (isSpace(after) || after === QUESTION || end < 0) this.fail('malformed XML declaration', from);
        } else from = end + 2;
      }
    }
    const stop = this.scan(s, from, final);
    if (stop < s.length) {
      if (final) this.fail(`unexpected end of the document${this.stack.length > 0 ? `, inside <${this.stack.at(-1)}>` : ''}`, Math.max(0, s.length - 1));
      this.wait(s, stop);
    } else {
      this.done = s.length;
      // Nothing is waiting: the next piece is scanned as it comes.
      this.retryAt = 0;
    }
  }

  /** Keeps `s` from `stop` on for the next piece. */
  private wait(s: string, stop: number): void {
    this.done = stop;
    const rest = stop === 0 ? s : s.slice(stop);
    this.parts.push(rest);
    this.partsLength = rest.length;
    this.retryAt = 2 * rest.length;
  }

  /** Moves the line and column past s[0, to). */
  private advance(to: number): void {
    const { line, column } = this.place(to);
    this.line = line;
    this.column = column - 1;
  }

  private place(at: number): { line: number; column: number } {
    const s = this.s;
    let line = this.line;
    let lineStart = -1;
    if (s.lastIndexOf('\r', at) < 0) {
      for (let i = s.indexOf('\n'); i >= 0 && i < at; i = s.indexOf('\n', i + 1)) {
        line++;
        lineStart = i;
      }
    } else {
      for (let i = 0; i < at; i++) {
        const c = s.charCodeAt(i);
        if (c === LF || (c === CR && s.charCodeAt(i + 1) !== LF)) {
          line++;
          lineStart = i;
        }
      }
    }
    return { line, column: lineStart < 0 ? this.column + at + 1 : at - lineStart };
  }

  private fail(reason: string, at: number): never {
    const { line, column } = this.place(at);
    throw new XmlSyntaxError(reason, line, column);
  }

  /** Scans s from `i`: the index of the first token it could not finish (s.length when none). */
  private scan(s: string, i: number, final: boolean): number {
    const len = s.length;
    while (i < len) {
      let next: number;
      if (s.charCodeAt(i) !== LT) next = this.textRun(s, i, final);
      else {
        const c = s.charCodeAt(i + 1);
        if (c === SLASH) next = this.endTag(s, i);
        else if (c === BANG) next = this.bang(s, i);
        else if (c === QUESTION) next = this.pi(s, i);
        else if (i + 1 >= len) next = INCOMPLETE;
        else next = this.startTag(s, i);
      }
      if (next === INCOMPLETE) return i;
      i = next;
    }
    return len;
  }

  private textRun(s: string, i: number, final: boolean): number {
    const len = s.length;
    let j = i;
    for (; j < len; j++) {
      const c = s.charCodeAt(j);
      if (c >= 0x20 && c < 0xd800) {
        if (c === LT) break;
        if (c === AMP || c === GT) return this.textSlow(s, i, final);
      } else if (c !== LF && c !== 0x09) return this.textSlow(s, i, final);
    }
    if (j === len && !final) return INCOMPLETE;
    if (this.stack.length === 0) this.outside(s, i, j);
    else if (j > i && this.handler.wantsText) {
      this.at = i;
      this.handler.text(s, i, j);
    }
    return j;
  }

  /** Text outside the root element: white space only. */
  private outside(s: string, from: number, to: number): void {
    for (let k = from; k < to; k++) if (!isSpace(s.charCodeAt(k))) this.fail('text data outside of root node', k);
  }

  /** Character data with entities, carriage returns, `>` or characters beyond the BMP's first part. */
  private textSlow(s: string, i: number, final: boolean): number {
    const len = s.length;
    let out = '';
    let run = i;
    /** Where the literal text since the last entity starts: `]]>` is refused in it. */
    let literal = i;
    let j = i;
    while (j < len) {
      const c = s.charCodeAt(j);
      if (c === LT) break;
      if (c === AMP) {
        const end = this.entity(s, j);
        if (end === INCOMPLETE) return INCOMPLETE;
        out += s.slice(run, j) + this.entityText;
        run = literal = j = end;
        continue;
      }
      if (c === GT) {
        if (j - 2 >= literal && s.charCodeAt(j - 1) === RSQB && s.charCodeAt(j - 2) === RSQB) this.fail('the string "]]>" is not allowed in character data', j);
      } else if (c === CR) {
        out += `${s.slice(run, j)}\n`;
        if (j + 1 >= len && !final) return INCOMPLETE;
        j += s.charCodeAt(j + 1) === LF ? 2 : 1;
        run = j;
        continue;
      } else if (c < 0x20 ? c !== LF && c !== 0x09 : c >= 0xd800) {
        if (j + 1 >= len && !final && c >= 0xd800 && c < 0xdc00) return INCOMPLETE;
        if (badChar(s, j, Math.min(j + 2, len)) === j) this.fail('a character XML does not allow', j);
        if (c < 0xdc00) j++;
      }
      j++;
    }
    if (j === len && !final) return INCOMPLETE;
    // Outside the root, an entity is no white space either.
    if (this.stack.length === 0) this.outside(s, i, j);
    else if (this.handler.wantsText) {
      const text = out + s.slice(run, j);
      if (text.length > 0) {
        this.at = i;
        this.handler.text(text, 0, text.length);
      }
    }
    return j;
  }

  /** The character `entity` resolved. */
  private entityText = '';

  /** The entity or character reference at s[i] === '&': its end, its text in `entityText`. */
  private entity(s: string, i: number): number {
    const len = s.length;
    let j = i + 1;
    if (s.charCodeAt(j) === 0x23) {
      const hex = s.charCodeAt(j + 1) === 0x78;
      j += hex ? 2 : 1;
      const digits = j;
      let code = 0;
      for (; j < len; j++) {
        const c = s.charCodeAt(j);
        const d = c >= 0x30 && c <= 0x39 ? c - 0x30 : hex && (c | 0x20) >= 0x61 && (c | 0x20) <= 0x66 ? (c | 0x20) - 0x57 : -1;
        if (d < 0) break;
        code = Math.min(code * (hex ? 16 : 10) + d, 0x110000);
      }
      if (j >= len) return INCOMPLETE;
      if (j === digits || s.charCodeAt(j) !== 0x3b || !isCharCode(code)) this.fail('malformed character reference', i);
      this.entityText = String.fromCodePoint(code);
      return j + 1;
    }
    for (; j < len && j - i <= 5; j++) {
      const c = s.charCodeAt(j);
      if (!((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a))) break;
    }
    if (j >= len) return INCOMPLETE;
    const text = s.charCodeAt(j) === 0x3b ? ENTITIES[s.slice(i + 1, j)] : undefined;
    if (text === undefined) this.fail('undefined entity (only &amp; &lt; &gt; &quot; &apos; and character references are)', i);
    this.entityText = text;
    return j + 1;
  }

  /** The end of the name at s[i], INCOMPLETE if it may go on past the text. */
  private nameEnd(s: string, i: number, what: string): number {
    const len = s.length;
    if (i >= len) return INCOMPLETE;
    let c = s.charCodeAt(i);
    let j = i;
    if (isNameStart(c)) j++;
    else if (j + 1 < len && isAstralNameChar(c, s.charCodeAt(j + 1))) j += 2;
    else if (j + 1 >= len && c >= 0xd800 && c < 0xdc00) return INCOMPLETE;
    else this.fail(`a character not allowed in ${what}`, i);
    for (; j < len; j++) {
      c = s.charCodeAt(j);
      if (c < 0x80 ? (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x2d && c <= 0x3a && c !== 0x2f) || c === 0x5f : isNameChar(c)) continue;
      if (c >= 0xd800 && c < 0xdc00) {
        if (j + 1 >= len) return INCOMPLETE;
        if (isAstralNameChar(c, s.charCodeAt(j + 1))) {
          j++;
          continue;
        }
      }
      return j;
    }
    return INCOMPLETE;
  }

  /** The name s[from, to) as the one string kept for it. */
  private name(s: string, from: number, to: number): string {
    // The slot by length and end characters: names differ there, and a clash only costs a copy.
    const slot = ((to - from) * 31 + s.charCodeAt(from) * 7 + s.charCodeAt(to - 1)) & (NAME_SLOTS - 1);
    const kept = this.names[slot];
    if (kept !== undefined && kept.length === to - from && s.startsWith(kept, from)) return kept;
    const name = (s.slice(from, to) + ' ').slice(0, -1);
    this.names[slot] = name;
    return name;
  }

  /**
   * A short attribute value s[from, to) as the string kept for it, if the last one in its slot was
   * the same: a document repeats its key ids and type names millions of times, and a reader's
   * lookup by the same string object is quicker too. Ids miss and cost a comparison.
   */
  private shortValue(s: string, from: number, to: number): string {
    const n = to - from;
    if (n === 0) return '';
    const slot = (n * 31 + s.charCodeAt(from) * 7 + s.charCodeAt(to - 1)) & (NAME_SLOTS - 1);
    const kept = this.values[slot];
    if (kept !== undefined && kept.length === n && s.startsWith(kept, from)) return kept;
    return (this.values[slot] = s.slice(from, to));
  }

  private startTag(s: string, i: number): number {
    const len = s.length;
    const nameEnd = this.nameEnd(s, i + 1, 'a tag name');
    if (nameEnd === INCOMPLETE) return INCOMPLETE;
    if (this.stack.length === 0 && this.sawRoot) this.fail('a second root element: a document has one', i);
    const attributes = this.attributes;
    attributes.length = 0;
    let j = nameEnd;
    for (;;) {
      if (j >= len) return INCOMPLETE;
      let c = s.charCodeAt(j);
      const spaced = isSpace(c);
      if (spaced) {
        do j++;
        while (j < len && isSpace(s.charCodeAt(j)));
        if (j >= len) return INCOMPLETE;
        c = s.charCodeAt(j);
      }
      if (c === GT || c === SLASH) {
        if (c === SLASH) {
          if (j + 1 >= len) return INCOMPLETE;
          if (s.charCodeAt(j + 1) !== GT) this.fail('"/" in a start tag not followed by ">"', j + 1);
        }
        const name = this.name(s, i + 1, nameEnd);
        this.sawRoot = true;
        // A reader's error is placed at the tag's ">", where saxes placed it.
        this.at = c === GT ? j : j + 1;
        this.handler.open(name, attributes);
        if (c === GT) {
          this.stack.push(name);
          return j + 1;
        }
        this.handler.close(name);
        return j + 2;
      }
      if (!spaced) this.fail(attributes.length === 0 ? 'a character not allowed in a tag name' : 'no white space between attributes', j);
      const attrEnd = this.nameEnd(s, j, 'an attribute name');
      if (attrEnd === INCOMPLETE) return INCOMPLETE;
      const attrStart = j;
      j = attrEnd;
      while (j < len && isSpace(s.charCodeAt(j))) j++;
      if (j >= len) return INCOMPLETE;
      if (s.charCodeAt(j) !== EQUALS) this.fail('an attribute without a value', j);
      j++;
      while (j < len && isSpace(s.charCodeAt(j))) j++;
      if (j >= len) return INCOMPLETE;
      const quote = s.charCodeAt(j);
      if (quote !== QUOTE && quote !== APOS) this.fail('an attribute value not in quotes', j);
      const valueStart = ++j;
      for (; j < len; j++) {
        c = s.charCodeAt(j);
        if (c === quote) break;
        if (c < 0x20 || c === LT || c === AMP || c >= 0xd800) {
          j = this.attributeSlow(s, valueStart, quote);
          if (j === INCOMPLETE) return INCOMPLETE;
          break;
        }
      }
      if (j >= len) return INCOMPLETE;
      const value = c !== quote ? this.entityText : j - valueStart < 13 ? this.shortValue(s, valueStart, j) : s.slice(valueStart, j);
      const name = this.name(s, attrStart, attrEnd);
      if (attributes.has(name)) this.fail(`attribute "${name}" given twice`, attrStart);
      attributes.names[attributes.length] = name;
      attributes.values[attributes.length++] = value;
      j++;
    }
  }

  /** An attribute value with entities, white space to normalize or a character to check: its closing quote's index, the value in `entityText`. */
  private attributeSlow(s: string, from: number, quote: number): number {
    const len = s.length;
    let out = '';
    let run = from;
    let j = from;
    for (; j < len; j++) {
      const c = s.charCodeAt(j);
      if (c === quote) break;
      if (c === LT) this.fail('"<" in an attribute value', j);
      if (c === AMP) {
        const end = this.entity(s, j);
        if (end === INCOMPLETE) return INCOMPLETE;
        out += s.slice(run, j) + this.entityText;
        run = end;
        j = end - 1;
      } else if (c === 0x09 || c === LF || c === CR) {
        // Attribute-value normalization: each white space character becomes a space, CR LF one space.
        out += `${s.slice(run, j)} `;
        if (c === CR && s.charCodeAt(j + 1) === LF) j++;
        else if (c === CR && j + 1 >= len) return INCOMPLETE;
        run = j + 1;
      } else if (c < 0x20 || c >= 0xd800) {
        if (j + 1 >= len && c >= 0xd800 && c < 0xdc00) return INCOMPLETE;
        if (badChar(s, j, Math.min(j + 2, len)) === j) this.fail('a character XML does not allow', j);
        if (c < 0xdc00) j++;
      }
    }
    if (j >= len) return INCOMPLETE;
    this.entityText = out + s.slice(run, j);
    return j;
  }

  private endTag(s: string, i: number): number {
    const len = s.length;
    const stack = this.stack;
    const open = stack.at(-1);
    // The usual case first: the open element's name and ">".
    if (open !== undefined && s.charCodeAt(i + 2 + open.length) === GT && s.startsWith(open, i + 2)) {
      stack.pop();
      const j = i + 2 + open.length;
      this.at = j;
      this.handler.close(open);
      return j + 1;
    }
    const nameEnd = this.nameEnd(s, i + 2, 'a tag name');
    if (nameEnd === INCOMPLETE) return INCOMPLETE;
    let j = nameEnd;
    while (j < len && isSpace(s.charCodeAt(j))) j++;
    if (j >= len) return INCOMPLETE;
    if (s.charCodeAt(j) !== GT) this.fail('a character not allowed in an end tag', j);
    const length = nameEnd - i - 2;
    if (open === undefined) this.fail(`</${s.slice(i + 2, nameEnd)}> closes no open element`, j);
    if (open.length !== length || !s.startsWith(open, i + 2)) this.fail(`</${s.slice(i + 2, nameEnd)}> where </${open}> was expected`, j);
    stack.pop();
    this.at = j;
    this.handler.close(open);
    return j + 1;
  }

  /** `<!`: a comment, a CDATA section or the DOCTYPE. */
  private bang(s: string, i: number): number {
    if (s.startsWith('<!--', i)) return this.comment(s, i + 4);
    if (s.startsWith('<![CDATA[', i)) return this.cdata(s, i);
    if (s.startsWith('<!DOCTYPE', i)) return this.doctype(s, i);
    const available = s.slice(i, i + 9);
    if (available.length < 9 && ['<!--', '<![CDATA[', '<!DOCTYPE'].some((start) => start.startsWith(available))) return INCOMPLETE;
    return this.fail('"<!" neither a comment, CDATA nor a DOCTYPE', i);
  }

  /** A comment's body from `from`: its end. */
  private comment(s: string, from: number): number {
    const end = s.indexOf('--', from);
    if (end < 0 || end + 2 >= s.length) return INCOMPLETE;
    if (s.charCodeAt(end + 2) !== GT) this.fail('"--" inside a comment', end);
    this.chars(s, from, end);
    return end + 3;
  }

  private cdata(s: string, i: number): number {
    const from = i + 9;
    const end = s.indexOf(']]>', from);
    if (end < 0) return INCOMPLETE;
    if (this.stack.length === 0) this.fail('a CDATA section outside the root element', i);
    this.chars(s, from, end);
    if (end > from && this.handler.wantsText) {
      this.at = i;
      if (s.lastIndexOf('\r', end) < from) this.handler.text(s, from, end);
      else {
        const text = s.slice(from, end).replace(/\r\n?/g, '\n');
        this.handler.text(text, 0, text.length);
      }
    }
    return end + 3;
  }

  /** Refuses a character in s[from, to) that XML does not allow. */
  private chars(s: string, from: number, to: number): void {
    const bad = badChar(s, from, to);
    if (bad >= 0) this.fail('a character XML does not allow', bad);
  }

  /** `<?target …?>`; the XML declaration was read at the start. */
  private pi(s: string, i: number): number {
    const nameEnd = this.nameEnd(s, i + 2, 'a processing instruction target');
    if (nameEnd === INCOMPLETE) return INCOMPLETE;
    const c = s.charCodeAt(nameEnd);
    if (c !== QUESTION && !isSpace(c)) this.fail('a character not allowed in a processing instruction target', nameEnd);
    if (nameEnd - i - 2 === 3 && s.slice(i + 2, nameEnd).toLowerCase() === 'xml') this.fail('an XML declaration not at the start of the document', i);
    const end = s.indexOf('?>', nameEnd);
    if (end < 0) return INCOMPLETE;
    this.chars(s, nameEnd, end);
    return end + 2;
  }

  /** `<!DOCTYPE …>`, its internal subset skipped (as saxes skips it): its end. */
  private doctype(s: string, i: number): number {
    if (this.sawDoctype || this.sawRoot) this.fail('a DOCTYPE that is not before the root element, or a second one', i);
    const len = s.length;
    let subset = false;
    let j = i + 9;
    while (j < len) {
      const c = s.charCodeAt(j);
      if (c === QUOTE || c === APOS) {
        const end = s.indexOf(c === QUOTE ? '"' : "'", j + 1);
        if (end < 0) return INCOMPLETE;
        this.chars(s, j + 1, end);
        j = end + 1;
        continue;
      }
      if (subset) {
        if (c === RSQB) subset = false;
        else if (c === LT) {
          // As saxes reads the subset: the character after "<" (and after "<!", "<!-") is taken
          // with it, whatever it is; "<!--" opens a comment, "<?" a PI.
          if (j + 3 >= len) return INCOMPLETE;
          if (s.startsWith('<!--', j)) {
            j = this.comment(s, j + 4);
            if (j === INCOMPLETE) return INCOMPLETE;
            continue;
          }
          if (s.charCodeAt(j + 1) === QUESTION) {
            // saxes ends a PI in the subset at the first ">" after a "?".
            const q = s.indexOf('?', j + 2);
            const end = q < 0 ? -1 : s.indexOf('>', q + 1);
            if (end < 0) return INCOMPLETE;
            this.chars(s, j, end);
            j = end + 1;
            continue;
          }
          let taken = s.charCodeAt(j + 1) !== BANG ? 2 : s.charCodeAt(j + 2) !== 0x2d ? 3 : 4;
          const last = s.charCodeAt(j + taken - 1);
          if (last >= 0xd800 && last < 0xdc00) taken++;
          if (j + taken > len) return INCOMPLETE;
          this.chars(s, j, j + taken);
          j += taken;
          continue;
        }
      } else if (c === 0x5b) subset = true;
      else if (c === GT) {
        this.sawDoctype = true;
        return j + 1;
      }
      const bad = badChar(s, j, Math.min(j + 2, len));
      if (bad === j) {
        if (j + 1 >= len) return INCOMPLETE;
        this.fail('a character XML does not allow', j);
      }
      j += c >= 0xd800 && c < 0xdc00 ? 2 : 1;
    }
    return INCOMPLETE;
  }
}
