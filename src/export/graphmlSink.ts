/**
 * The byte buffer the GraphML writer fills: UTF-8 straight into a preallocated Uint8Array, handed
 * out in chunks.
 *
 * Hand-written because the obvious way is slow: building a ~1 MB string per chunk by concatenation
 * and letting the file writer or Blob encode it spends most of a large export on rope flattening
 * and a second pass for UTF-8 (stack-facts.md "How fast a JS GraphML writer can go"). Here each
 * string is checked and copied in one loop; only a string that needs escaping, or holds non-ASCII
 * characters, takes the general path (./xml.ts escaping, then `TextEncoder.encodeInto`).
 * Uint8Array, not Node's Buffer: the writer runs in the browser too.
 */
import { escapeText, isNmtoken } from './xml.ts';

/**
 * 1 where an ASCII code unit cannot go into element text as it is (./xml.ts escapes it): `& < >`
 * and the C0 controls but tab and LF (CR among them: it is written `&#13;`).
 */
const TEXT_UNSAFE = new Uint8Array(128);
for (let c = 0; c < 32; c++) TEXT_UNSAFE[c] = c === 9 || c === 10 ? 0 : 1;
for (const c of '&<>') TEXT_UNSAFE[c.charCodeAt(0)] = 1;

/** 1 where an ASCII code unit cannot appear in an XML NMTOKEN. */
const NOT_NAME = new Uint8Array(128);
for (let c = 0; c < 128; c++) NOT_NAME[c] = /[A-Za-z0-9_:.-]/.test(String.fromCharCode(c)) ? 0 : 1;

/** Stops at no ASCII code unit. */
const NOTHING = new Uint8Array(128);

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

  constructor(chunkSize: number) {
    this.chunkSize = chunkSize;
    this.buf = new Uint8Array(chunkSize + SLACK);
    this.view = new DataView(this.buf.buffer);
  }

  /** Makes room for `n` more bytes (an element larger than the slack grows the buffer). */
  private ensure(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    const grown = new Uint8Array(Math.max(2 * this.buf.length, this.pos + n));
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
   * dozen or two bytes of a tag.
   */
  markup(m: Markup): void {
    const n = m.length;
    this.ensure(n);
    const src = m.view;
    const dst = this.view;
    const p = this.pos;
    let i = 0;
    for (; i + 4 <= n; i += 4) dst.setUint32(p + i, src.getUint32(i, true), true);
    for (; i < n; i++) dst.setUint8(p + i, src.getUint8(i));
    this.pos = p + n;
  }

  /** Bytes written elsewhere (the graph's data line). */
  bytes(b: Uint8Array): void {
    this.ensure(b.length);
    this.buf.set(b, this.pos);
    this.pos += b.length;
  }

  /**
   * Copies `s` if it is all ASCII with no code unit `stop` marks (1), and returns true; otherwise
   * writes nothing and returns false. One check-and-copy loop, the fast path of every string.
   */
  private copied(s: string, stop: Uint8Array): boolean {
    const n = s.length;
    this.ensure(n);
    const buf = this.buf;
    let p = this.pos;
    for (let i = 0; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c >= 128 || stop[c] === 1) return false;
      buf[p++] = c;
    }
    this.pos = p;
    return true;
  }

  /** Element text, escaped and sanitised exactly as ./xml.ts `escapeText` does. */
  text(s: string): void {
    if (!this.copied(s, TEXT_UNSAFE)) this.encoded(escapeText(s));
  }

  /**
   * A node or edge id, which must be an NMTOKEN: checked while it is copied (non-ASCII ones by
   * ./xml.ts). Returns false, writing nothing, if it is not one.
   */
  name(s: string): boolean {
    if (s.length > 0 && this.copied(s, NOT_NAME)) return true;
    if (!isNmtoken(s)) return false;
    this.encoded(s);
    return true;
  }

  /** A string that needs no escaping: number text, an id already checked. */
  plain(s: string): void {
    if (!this.copied(s, NOTHING)) this.encoded(s);
  }

  /** A safe integer in decimal, as `'' + v` writes it, without making the string (-0 is "0"). */
  integer(v: number): void {
    this.ensure(17); // '-' and 16 digits: 2^53 has 16
    const buf = this.buf;
    if (v < 0) {
      buf[this.pos++] = 45; // '-'
      v = -v;
    }
    let digits = 1;
    for (let t = v; t >= 10; t = (t - (t % 10)) / 10) digits++;
    // `(t - t % 10) / 10` is exact for any safe integer; `Math.floor(t / 10)` rounds up near 2^53.
    let p = this.pos + digits;
    this.pos = p;
    for (let t = v; digits-- > 0; ) {
      const d = t % 10;
      buf[--p] = 48 + d;
      t = (t - d) / 10;
    }
  }

  /** Any string, already escaped: UTF-8 at most 3 bytes per UTF-16 code unit. */
  private encoded(s: string): void {
    this.ensure(3 * s.length);
    this.pos += encoder.encodeInto(s, this.buf.subarray(this.pos)).written;
  }
}
