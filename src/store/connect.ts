import pg from 'pg';
import { StoreError } from './errors.ts';
import { STORE_FORMAT, STORE_TABLES } from './schema.ts';

/**
 * Opening the PostgreSQL store, with every way it can fail said in one line. The URL is never
 * echoed whole: it may hold a password.
 */

/** Where a store URL points, for messages: host, port and database, no credentials. */
export function describeStore(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname || u.searchParams.get('host') || 'localhost'}${u.port ? `:${u.port}` : ''}${u.pathname}`;
  } catch {
    return 'the store';
  }
}

/** The URL if it is one PostgreSQL's client takes; a StoreError saying why not otherwise. */
export function checkStoreUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new StoreError('--store takes a URL such as postgres://user@host:5432/db (or postgres:///db?host=/socket/dir)');
  }
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') throw new StoreError(`--store takes a postgres:// URL, not ${parsed.protocol}//…`);
  return url;
}

export async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: checkStoreUrl(url), connectionTimeoutMillis: 10_000 });
  // A server that goes away mid-query is reported by the query; this keeps it from crashing the process.
  client.on('error', () => {});
  try {
    await client.connect();
  } catch (error) {
    await client.end().catch(() => {});
    throw new StoreError(`cannot reach the store at ${describeStore(url)}: ${reason(error)}`);
  }
  return client;
}

function reason(error: unknown): string {
  const e = error as { code?: string; message?: string };
  if (e.code === 'ECONNREFUSED' || e.code === 'ENOENT') return 'no server is listening there (is PostgreSQL running?)';
  if (e.code === '3D000') return 'no such database';
  if (e.code === '28P01' || e.code === '28000') return 'the server refused the login';
  return (e.message ?? String(error)).split('\n')[0]!;
}

/** Checks that the store holds a corpus this version can read. */
export async function checkPushed(client: pg.Client, url: string): Promise<void> {
  const { rows } = await client.query<{ n: string }>('SELECT count(*) AS n FROM pg_tables WHERE schemaname = current_schema() AND tablename = ANY($1)', [STORE_TABLES]);
  const never = `the store at ${describeStore(url)} holds no corpus: run kg push --store URL first`;
  if (Number(rows[0]!.n) !== STORE_TABLES.length) throw new StoreError(never);
  const format = await client.query<{ value: unknown }>("SELECT value FROM kg_meta WHERE key = 'format'");
  if (format.rows.length === 0) throw new StoreError(never);
  if (format.rows[0]!.value !== STORE_FORMAT) throw new StoreError(`the store at ${describeStore(url)} was made by another version of kg (format ${String(format.rows[0]!.value)}, this one reads ${STORE_FORMAT}): push again into an empty database`);
}

/** A query error from the server, as a StoreError (a bug of ours keeps its stack). */
export function storeFailure(error: unknown, url: string): unknown {
  const e = error as { code?: string; severity?: string };
  if (typeof e.code === 'string' && /^(08|57|53)/.test(e.code)) return new StoreError(`the store at ${describeStore(url)} failed: ${reason(error)}`);
  if (e.code === 'ECONNRESET' || e.code === 'EPIPE') return new StoreError(`the store at ${describeStore(url)} closed the connection`);
  return error;
}
