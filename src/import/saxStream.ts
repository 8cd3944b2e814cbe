import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { ImportError } from './errors.ts';

/** What a format's reader does with the parser's events. */
export interface XmlHandlers {
  open(tag: SaxesTagPlain): void;
  close(tag: { name: string }): void;
  /** Character data, CDATA sections included. */
  text(text: string): void;
}

/**
 * A chunk-fed XML stream over saxes: text in any pieces (a piece may end inside a tag or a
 * character reference), `consumed` characters so far for a progress bar, and every problem as an
 * ImportError naming the file, line and column. saxes because it rejects XML that is not
 * well-formed at the speed of the fastest lenient parsers (see stack-facts.md "GraphML").
 * Namespaces are not resolved (the readers match local names), which saves saxes a third of its time.
 */
export class XmlStream {
  consumed = 0;
  private readonly parser = new SaxesParser({ xmlns: false, position: true });

  constructor(
    readonly file: string,
    handlers: XmlHandlers,
  ) {
    const { parser } = this;
    // Handed to saxes as they are: a call per event is all the indirection millions of events can afford.
    parser.on('opentag', handlers.open as (tag: unknown) => void);
    parser.on('closetag', handlers.close);
    parser.on('text', handlers.text);
    parser.on('cdata', handlers.text);
  }

  /** An ImportError at the place the parser has reached: the last character it read (saxes counts the ones read). */
  error(reason: string): ImportError {
    return new ImportError(this.file, reason, this.parser.line, Math.max(1, this.parser.column));
  }

  feed(chunk: string): void {
    this.guard(() => this.parser.write(chunk));
    this.consumed += chunk.length;
  }

  end(): void {
    this.guard(() => this.parser.close());
  }

  private guard(step: () => void): void {
    try {
      step();
    } catch (error) {
      if (error instanceof ImportError) throw error;
      // saxes says `line:column: reason`, its column the characters read on the line: the 1-based column of the last one.
      const message = error instanceof Error ? error.message : String(error);
      const place = /^(\d+):(\d+): ([^]*)$/.exec(message);
      // Anything else is no XML problem but a bug of ours, and keeps its stack.
      if (!place) throw error;
      throw new ImportError(this.file, `not well-formed XML: ${place[3]}`, Number(place[1]), Math.max(1, Number(place[2])));
    }
  }
}

/** A tag's name without its namespace prefix (`viz:color` -> `color`). */
export const localName = (name: string) => {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
};

/** What the GraphML and GEXF readers share: the stream, the progress count, errors at the place reached. */
export abstract class XmlReader {
  protected readonly xml: XmlStream;

  constructor(readonly file: string) {
    this.xml = new XmlStream(file, { open: this.open.bind(this), close: this.close.bind(this), text: this.onText.bind(this) });
  }

  get consumed(): number {
    return this.xml.consumed;
  }

  feed(chunk: string): void {
    this.xml.feed(chunk);
  }

  protected fail(reason: string): never {
    throw this.xml.error(reason);
  }

  protected abstract open(tag: SaxesTagPlain): void;
  protected abstract close(tag: { name: string }): void;
  protected abstract onText(text: string): void;
}
