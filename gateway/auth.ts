import type { IncomingMessage } from 'node:http';
import { ANONYMOUS, Identity } from '../kernel/identity';
import { isPublicOperation } from '../platform/auth/public-operations';
import { IDENTITY_HEADER, InvalidTokenError, TokenSettings, bearerToken, signIdentityAssertion, verifyUserToken } from '../platform/auth/tokens';

export type AuthOutcome = { ok: true; identity: Identity } | { ok: false; reason: string };

/** A public question is small; anything larger from an anonymous caller is refused unread. */
const MAX_ANONYMOUS_BODY_BYTES = 64 * 1024;

/**
 * Verifies the caller's bearer JWT and replaces whatever identity header the client sent with the gateway's own
 * signed assertion, which is what the subgraphs trust. A caller without a token is let through only for a public
 * operation (publicity, 双晒), as the PUBLIC role.
 */
export async function authenticate(req: IncomingMessage, tokens: TokenSettings): Promise<AuthOutcome> {
  delete req.headers[IDENTITY_HEADER];
  const token = bearerToken(req.headers.authorization);
  if (!token) return authenticateAnonymous(req, tokens);
  try {
    const identity = await verifyUserToken(token, tokens);
    req.headers[IDENTITY_HEADER] = await signIdentityAssertion(identity, tokens);
    return { ok: true, identity };
  } catch (error) {
    if (error instanceof InvalidTokenError) return { ok: false, reason: error.reason };
    throw error;
  }
}

async function authenticateAnonymous(req: IncomingMessage, tokens: TokenSettings): Promise<AuthOutcome> {
  const operation = await readOperation(req);
  if (!operation || !isPublicOperation(operation.query, operation.operationName)) return { ok: false, reason: 'missing bearer token' };
  req.headers[IDENTITY_HEADER] = await signIdentityAssertion(ANONYMOUS, tokens);
  return { ok: true, identity: ANONYMOUS };
}

/**
 * The operation of a GET (query string) or JSON POST. A POST body is read here, and left on `req.body` where the
 * gateway runtime takes it from instead of the consumed stream.
 */
async function readOperation(req: IncomingMessage): Promise<{ query?: unknown; operationName?: unknown } | undefined> {
  if (req.method === 'GET') {
    const params = new URL(req.url ?? '/', 'http://gateway').searchParams;
    return { query: params.get('query') ?? undefined, operationName: params.get('operationName') ?? undefined };
  }
  if (req.method !== 'POST' || !String(req.headers['content-type'] ?? '').includes('application/json')) return undefined;
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > MAX_ANONYMOUS_BODY_BYTES) return undefined;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_ANONYMOUS_BODY_BYTES) return undefined;
    chunks.push(chunk as Buffer);
  }
  const body = Buffer.concat(chunks);
  (req as IncomingMessage & { body?: unknown }).body = body;
  try {
    const parsed = JSON.parse(body.toString('utf8')) as unknown;
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as { query?: unknown; operationName?: unknown }) : undefined;
  } catch {
    return undefined;
  }
}
