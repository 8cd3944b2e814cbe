import { ImportError } from './errors.ts';
import type { ImportFormat } from './imported.ts';

/**
 * The format of a file: from its content when it says (`{`, `<graphml`, `<gexf`), else from its
 * extension; a name and content that say nothing are refused.
 */
export function formatOf(name: string, text: string): ImportFormat {
  const start = text.slice(0, 4096).replace(/^\uFEFF/, '').trimStart();
  if (start.startsWith('{') || start.startsWith('[')) return 'json';
  if (/<(\w+:)?graphml[\s>]/.test(start)) return 'graphml';
  if (/<(\w+:)?gexf[\s>]/.test(start)) return 'gexf';
  const extension = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase();
  if (extension === 'graphml' || extension === 'xml') return 'graphml';
  if (extension === 'gexf') return 'gexf';
  if (extension === 'json') return 'json';
  throw new ImportError(name, 'not a graph file the explorer knows: open GraphML (.graphml), GEXF (.gexf) or graphology JSON (.json)');
}
