import { join } from 'node:path';
import { BUILT_FORMAT } from '../corpus/builtFormat.ts';
import { ARTICLE_FILES, ENTITIES_FILE, VOCABULARY_FILE, exists, listArticles } from './dataDir.ts';
import { FILE_FIELDS as FIELDS, fileTimes } from './fileTimes.ts';

/**
 * Set by the kg bundle's build (vite.config.ts): a hash of the source it was built from, so a
 * rebuilt builder never reuses a cache made by an older one. Unset when running from source.
 */
declare const __KG_CODE_ID__: string | undefined;
const CODE_ID = typeof __KG_CODE_ID__ === 'string' ? __KG_CODE_ID__ : 'source';

/** The files a view's build depends on; `optional` is the one that may be absent; `names` says which they are, in fewer bytes. */
interface StampFiles {
  paths: string[];
  optional: string;
  names: string;
}

const FILES_PER_ARTICLE = Object.values(ARTICLE_FILES);

function stampFiles(dataDir: string): StampFiles | undefined {
  try {
    const articles = `${join(dataDir, 'articles')}/`;
    const optional = join(dataDir, ENTITIES_FILE);
    const slugs = listArticles(dataDir);
    const paths = [join(dataDir, VOCABULARY_FILE), optional];
    // Slugs and file names are plain names (listArticles checks), so joining by hand is safe, and cheaper.
    for (const slug of slugs) for (const file of FILES_PER_ARTICLE) paths.push(`${articles}${slug}/${file}`);
    // The folder and the slugs name every path (the file names are the code's): a fifth of their bytes.
    return { paths, optional, names: `${dataDir}\0${slugs.join('\0')}` };
  } catch {
    return undefined;
  }
}

/**
 * Identifies one build without reading the data: the view (an article's slug, or the corpus), the
 * name, size, inode, modification and change times (to the microsecond) of every data file (an
 * entity defined in one article or in entities.yaml shapes every article that names it), the
 * builder's format, the code that builds and the Node it runs on (its Unicode tables fold the
 * names that the answers file looks up, its V8 does the layout's arithmetic). ctime too: unlike
 * mtime it cannot be set back, so an edit that restores the old mtime and size still shows.
 * Undefined when a file cannot be seen: reading the data then says what is wrong with it. Bytes,
 * compared as they are by `kg`'s fast path (answersFile.ts) and hashed into the cache key by the
 * rest (load.ts): hashing needs node:crypto, whose loading alone costs a tenth of Node's start-up.
 */
function stampOf(view: string, files: StampFiles, stats: Float64Array): Buffer | undefined {
  for (let i = 0; i < files.paths.length; i++) {
    const path = files.paths[i]!;
    if (Number.isNaN(stats[i * FIELDS]!)) {
      // Optional means absent, not broken: a dangling link there must be read, and reported.
      if (path === files.optional && !exists(path)) continue;
      return undefined;
    }
  }
  // The numbers go in as bytes: formatting 12,000 doubles as text cost more than the stats.
  return Buffer.concat([Buffer.from(`format ${BUILT_FORMAT} code ${CODE_ID} node ${process.version} view ${view}\0${files.names}`), new Uint8Array(stats.buffer, stats.byteOffset, stats.byteLength)]);
}

/** The stamp of `view`'s build, taken here and now. */
export function stampBytes(dataDir: string, view: string): Buffer | undefined {
  const files = stampFiles(dataDir);
  return files && stampOf(view, files, fileTimes(files.paths));
}
