import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** The largest edit request: an edit is a few ids and offsets, never a file. */
export const MAX_BODY_BYTES = 64 * 1024;

const LOOPBACK = /^(?:127\.0\.0\.1|localhost|\[::1\]):\d+$/;

/**
 * Why a write request is refused, or undefined when it may go on. A write comes only from the
 * explorer this server served: a loopback Host (a DNS-rebound name is not one), an Origin that is
 * that same host, and the token the server put in that page. Another site's page can send a
 * request here, but not with that token, and its Origin gives it away.
 */
export function refusal(req: IncomingMessage, token: string): { status: number; message: string } | undefined {
  if (req.method !== 'POST') return { status: 405, message: 'writes are POST requests' };
  const host = req.headers.host ?? '';
  if (!LOOPBACK.test(host)) return { status: 403, message: 'writes are taken only on the loopback address' };
  if (req.headers.origin !== `http://${host}`) return { status: 403, message: 'writes are taken only from the explorer this server serves' };
  const given = Buffer.from(String(req.headers['x-kg-token'] ?? ''));
  const wanted = Buffer.from(token);
  if (given.length !== wanted.length || !timingSafeEqual(given, wanted)) return { status: 403, message: 'missing or wrong curation token: reload the page' };
  if (!String(req.headers['content-type'] ?? '').startsWith('application/json')) return { status: 415, message: 'the body must be JSON' };
  return undefined;
}

/** The request's body as JSON, refusing one too large to be an edit. */
export async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new RequestError(413, `the request is over ${MAX_BODY_BYTES} bytes`);
    chunks.push(chunk);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new RequestError(400, 'the body is not JSON');
  }
}

export class RequestError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}
