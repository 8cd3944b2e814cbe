import { ImportError } from './errors.ts';
import { XmlScanner, XmlSyntaxError, type XmlAttributes, type XmlHandler } from './xmlScanner.ts';

/** A tag's name without its namespace prefix (`viz:color` -> `color`). */
export const localName = (name: string) => {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
};

/**
 * What the GraphML and GEXF readers share: the scanner fed in chunks, `consumed` characters so far
 * for a progress bar, and every problem as an ImportError naming the file, line and column.
 */
export abstract class XmlReader implements XmlHandler {
  consumed = 0;
  wantsText = false;
  private readonly scanner = new XmlScanner(this);

  constructor(readonly file: string) {}

  feed(chunk: string): void {
    this.guard(() => this.scanner.feed(chunk));
    this.consumed += chunk.length;
  }

  /** Ends the document: an ImportError if it is cut short or has an element left open. */
  protected endXml(): void {
    this.guard(() => this.scanner.end());
  }

  /** An ImportError at the element or text being read. */
  protected error(reason: string): ImportError {
    const { line, column } = this.scanner.where();
    return new ImportError(this.file, reason, line, column);
  }

  protected fail(reason: string): never {
    throw this.error(reason);
  }

  private guard(step: () => void): void {
    try {
      step();
    } catch (error) {
      // Anything else is an ImportError of a reader, or a bug of ours that keeps its stack.
      if (!(error instanceof XmlSyntaxError)) throw error;
      throw new ImportError(this.file, `not well-formed XML: ${error.reason}`, error.line, error.column);
    }
  }

  abstract open(name: string, attributes: XmlAttributes): void;
  abstract close(name: string): void;
  abstract text(source: string, start: number, end: number): void;
}
