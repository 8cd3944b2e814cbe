/**
 * The PostgreSQL store (Node only): `kg push` writes a corpus into it, and `kg --store` queries
 * answer from it. schema.ts holds the tables, rows.ts and searchRows.ts the pure shaping of rows,
 * push.ts, read.ts and queries.ts the I/O.
 */
import type { LoadedArticle } from '../corpus/built.ts';
import type { CorpusModel } from '../corpus/buildCorpus.ts';
import type { GraphStats } from '../query/stats.ts';
import { checkPushed, connect, describeStore, storeFailure } from './connect.ts';
import { pushCorpus, type PushReport } from './push.ts';
import { storeNeighbourhood, storePath, storeReader, storeSearch, storeStats } from './queries.ts';

export { describeStore } from './connect.ts';
export { StoreError } from './errors.ts';
export { pushCorpus, type PushReport } from './push.ts';

export interface OpenStore {
  neighbourhood(name: string, levels: number, relationTypes: boolean): Promise<LoadedArticle>;
  path(a: string, b: string, directed: boolean): Promise<LoadedArticle & { from: string; to: string }>;
  /** The hits the first `limit` of search(graph, text, limit) shows, and what ranks them. */
  search(text: string, limit?: number): Promise<LoadedArticle>;
  stats(): Promise<GraphStats>;
  close(): Promise<void>;
}

/** Connects to a pushed store; a server error during a query comes back as a StoreError. */
export async function openStore(url: string): Promise<OpenStore> {
  const client = await connect(url);
  const guard = async <T>(work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      throw storeFailure(error, url);
    }
  };
  try {
    await guard(() => checkPushed(client, url));
    const reader = await guard(() => storeReader(client));
    return {
      neighbourhood: (name, levels, types) => guard(() => storeNeighbourhood(reader, name, levels, types)),
      path: (a, b, directed) => guard(() => storePath(reader, a, b, directed)),
      search: (text, limit) => guard(() => storeSearch(reader, text, limit)),
      stats: () => guard(() => storeStats(reader)),
      close: () => client.end().catch(() => {}),
    };
  } catch (error) {
    await client.end().catch(() => {});
    throw error;
  }
}

/** Pushes articles of a corpus (all, or those named) into the store at `url`. */
export async function pushToStore(url: string, corpus: CorpusModel, slugs?: readonly string[]): Promise<PushReport & { where: string }> {
  const client = await connect(url);
  try {
    return { ...(await pushCorpus(client, corpus, slugs)), where: describeStore(url) };
  } catch (error) {
    throw storeFailure(error, url);
  } finally {
    await client.end().catch(() => {});
  }
}
