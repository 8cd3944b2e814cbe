/**
 * The byte buffer the GraphML writer fills: UTF-8 straight into a preallocated Uint8Array, handed
 * out in chunks.
 *
 * Hand-written because the obvious way is slow: building a ~1 MB string per chunk by concatenation
 * and letting the file writer or Blob encode it spends most of a large export on rope flattening
 * and a second pass for UTF-8 (stack-facts.md "How fast a JS GraphML writer can go"). Here each
 * string is checked and encoded in one loop, one table lookup per UTF-16 code unit; only a string
 * that needs escaping takes the general path (./xml.ts escaping, then `TextEncoder.encodeInto`),
 * and numbers are written without making strings (./doubleText.ts).
 * Uint8Array, not Node's Buffer: the writer runs in the browser too.
 *
 * Bounds: the caller `reserve`s room for a whole element once (3 bytes per UTF-16 code unit of
 * its strings, NUMBER_ROOM per number, the markup's length), and the writes below then check
 * nothing; only the general path, whose output can be longer, makes room for itself.
 */
import { writeNumber } from './doubleText.ts';
import { escapeText, isNmtoken } from './xml.ts';

export { NUMBER_ROOM } from './doubleText.ts';

/**
 * What each UTF-16 code unit is, for the one-loop copy: its UTF-8 length (1 to 3), PAIR for a
 * high surrogate (4 bytes with the low one that must follow), or STOP: the string takes the
 * general path. 64K entries, so that a code unit costs one lookup and no range tests.
 */
const STOP = 0;
const PAIR = 4;
function utf8Lengths(stop: (c: number) => boolean): Uint8Array {
  const table = new Uint8Array(65536);
  for (let c = 0; c < 65536; c++)
    table[c] = stop(c) ? STOP : c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c <= 0xdbff ? PAIR : c <= 0xdfff && c >= 0xdc00 ? STOP : 3;
  return table;
}

/**
 * Element text: STOP where ./xml.ts `escapeText` would change something: `& < >`, the C0
 * controls but tab and LF (CR is written `&#13;`), NEL, LS, PS, U+FFFE, U+FFFF; a lone
 * surrogate stops the copy when it is met.
 */
const TEXT = utf8Lengths((c) => (c < 32 && c !== 9 && c !== 10) || c === 38 || c === 60 || c === 62 || c === 0x85 || c === 0x2028 || c === 0x2029 || c >= 0xfffe);
/** Node and edge ids: ASCII NMTOKEN characters only; anything else goes to ./xml.ts `isNmtoken`. */
const NAME = utf8Lengths((c) => c >= 128 || !/[A-Za-z0-9_:.-]/.test(String.fromCharCode(c)));
/** A string already checked (an id written before): stops only at a lone surrogate. */
const ANY = utf8Lengths(() => false);

const encoder = new TextEncoder();

/** Fixed markup, written again and again: its UTF-8 bytes, read four at a time through `view`. */
export interface Markup {
  readonly length: number;
  readonly view: DataView;
}
export function markup(s: string): Markup {
  const bytes = encoder.encode(s);
  return { length: bytes.length, view: new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength) };
}

/** Chunks of text or UTF-8 bytes as one string: for small documents and tests. */
export function chunksText(chunks: Iterable<string | Uint8Array>): string {
  const decoder = new TextDecoder();
  let s = '';
  for (const chunk of chunks) s += typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
  return s + decoder.decode();
}

/** Room kept past the chunk size, so that most chunks never grow. */
const SLACK = 1 << 16;

export class ByteSink {
  private readonly chunkSize: number;
  private buf: Uint8Array<ArrayBuffer>;
  /** `buf` again, for the four-byte stores of `markup`. */
  private view: DataView;
  /** Bytes written into `buf` so far. */
  private pos = 0;
  /** Where the room last reserved ends: the unchecked writes stay before it. */
  private end = 0;

  constructor(chunkSize: number) {
    this.chunkSize = chunkSize;
    this.buf = new Uint8Array(chunkSize + SLACK);
    this.view = new DataView(this.buf.buffer);
  }

  /**
   * Makes room for `n` more bytes, which the writes below then fill without checks: once per
   * element (an element larger than the slack grows the buffer).
   */
  reserve(n: number): void {
    this.end = this.pos + n;
    if (this.end > this.buf.length) this.grow();
  }

  /** Room for `n` bytes more than reserved: a value longer than the reservation counted. */
  extend(n: number): void {
    this.end += n;
    if (this.end > this.buf.length) this.grow();
  }

  private grow(): void {
    const grown = new Uint8Array(Math.max(2 * this.buf.length, this.end));
    grown.set(this.buf.subarray(0, this.pos));
    this.buf = grown;
    this.view = new DataView(grown.buffer);
  }

  /** True once a chunk's worth is written: the caller yields `take()` at an element boundary. */
  get full(): boolean {
    return this.pos >= this.chunkSize;
  }

  /**
   * The bytes written so far, as a chunk of their own; writing goes on in a fresh buffer, because
   * the caller may keep the chunk (a Blob's parts, an awaited file write).
   */
  take(): Uint8Array<ArrayBuffer> {
    const chunk = this.buf.subarray(0, this.pos);
    this.buf = new Uint8Array(this.chunkSize + SLACK);
    this.view = new DataView(this.buf.buffer);
    this.pos = 0;
    return chunk;
  }

  /**
   * Fixed markup: about half of a large document's bytes. Four bytes per (unaligned) DataView
   * store, which V8 compiles inline; `Uint8Array.set` costs more per call than it saves on the
   * dozen or two bytes of a tag. Reserved room.
   */
  markup(m: Markup): void {
    const n = m.length;
    const src = m.view;
    const dst = this.view;
    const p = this.pos;
    let i = 0;
    for (; i + 4 <= n; i += 4) dst.setUint32(p + i, src.getUint32(i, true), true);
    for (; i < n; i++) dst.setUint8(p + i, src.getUint8(i));
    this.pos = p + n;
  }

  /** Bytes written elsewhere (the graph's data line). Makes its own room. */
  bytes(b: Uint8Array): void {
    this.reserve(b.length);
    this.buf.set(b, this.pos);
    this.pos += b.length;
  }

  /**
   * Encodes `s` as UTF-8 if no code unit of it is STOP in `table`, and returns true; otherwise
   * writes nothing and returns false. Reserved room: 3 bytes per code unit.
   */
  private copied(s: string, table: Uint8Array): boolean {
    const n = s.length;
    const buf = this.buf;
    let p = this.pos;
    for (let i = 0; i < n; i++) {
      const c = s.charCodeAt(i);
      const kind = table[c]!;
      if (kind === 1) buf[p++] = c;
      else if (kind === 2) {
        buf[p++] = 0xc0 | (c >> 6);
        buf[p++] = 0x80 | (c & 63);
      } else if (kind === 3) {
        buf[p++] = 0xe0 | (c >> 12);
        buf[p++] = 0x80 | ((c >> 6) & 63);
        buf[p++] = 0x80 | (c & 63);
      } else {
        const d = i + 1 < n ? s.charCodeAt(i + 1) : 0;
        if (kind === STOP || d < 0xdc00 || d > 0xdfff) return false;
        const u = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
        buf[p++] = 0xf0 | (u >> 18);
        buf[p++] = 0x80 | ((u >> 12) & 63);
        buf[p++] = 0x80 | ((u >> 6) & 63);
        buf[p++] = 0x80 | (u & 63);
        i++;
      }
    }
    this.pos = p;
    return true;
  }

  /** Element text, escaped and sanitised exactly as ./xml.ts `escapeText` does. Reserved room. */
  text(s: string): void {
    if (this.copied(s, TEXT)) return;
    const escaped = escapeText(s);
    // Escaping lengthens the text past the 3 bytes per code unit reserved for it.
    this.extend(3 * (escaped.length - s.length));
    this.encoded(escaped);
  }

  /**
   * A node or edge id, which must be an NMTOKEN: checked while it is copied (non-ASCII ones by
   * ./xml.ts). Returns false, writing nothing, if it is not one. Reserved room.
   */
  name(s: string): boolean {
    if (s.length > 0 && this.copied(s, NAME)) return true;
    if (!isNmtoken(s)) return false;
    this.encoded(s);
    return true;
  }

  /** A string that needs no escaping: an id already checked, number text. Reserved room. */
  plain(s: string): void {
    if (!this.copied(s, ANY)) this.encoded(s);
  }

  /** A finite number as `String(v)` writes it (-0 as "0"). Reserved room: NUMBER_ROOM. */
  number(v: number): void {
    this.pos = writeNumber(this.buf, this.pos, v);
  }

  /** Any string, already escaped, in room reserved for it (3 bytes per UTF-16 code unit). */
  private encoded(s: string): void {
    this.pos += encoder.encodeInto(s, this.buf.subarray(this.pos)).written;
  }
}
