import type { Connect } from 'vite';
import { isDataModule } from './articleIds.ts';

/** Decodes until nothing changes, so double encoding cannot hide a name from the check. */
function decodeFully(text: string): string {
  for (let i = 0; i < 5; i++) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(text);
    } catch {
      return text;
    }
    if (decoded === text) return text;
    text = decoded;
  }
  return text;
}

/** The queries Vite strips from a module URL: its 13-digit cache-busting timestamp and `import`. */
const VITE_QUERY = /^(?:(?:t=\d{13}|import)(?:&|$))*$/;

/**
 * A dev-server request that names one of these modules in any form (the /@id/ URLs the page
 * imports, or any other spelling Vite would resolve) goes on only in the exact form the page
 * uses, for a listed article (or the corpus view, when there is one); anything else is a 404 that names nothing, before Vite's own
 * resolving, HTML fallback or error pages see it.
 */
export function onlyKnownArticles(dataDir: string): Connect.NextHandleFunction {
  const served = (url: string) => {
    const [path = '', query = ''] = url.split(/\?(.*)/s);
    if (!VITE_QUERY.test(query)) return false;
    let id: string;
    try {
      // Vite reads the path through decodeURI: check the same text it will use.
      id = decodeURI(path).replace(/^\/@id\/(?:__x00__)?/, '');
    } catch {
      return false;
    }
    return isDataModule(dataDir, id);
  };
  return (req, res, next) => {
    const url = req.url ?? '';
    if (!decodeFully(url).includes('virtual:kg-') || (url.startsWith('/@id/') && served(url))) return next();
    res.statusCode = 404;
    res.setHeader('Content-Type', 'text/plain; charset=utf-8');
    res.end('Not found');
  };
}
