import type { IncomingMessage } from 'node:http';
import { Identity } from '../infra/auth/identity';
import { IDENTITY_HEADER, InvalidTokenError, TokenSettings, bearerToken, signIdentityAssertion, verifyUserToken } from '../infra/auth/tokens';

export type AuthOutcome = { ok: true; identity: Identity } | { ok: false; reason: string };

/**
 * Verifies the caller's bearer JWT and replaces whatever identity header the client sent with the gateway's own
 * signed assertion, which is what the subgraphs trust.
 */
export async function authenticate(req: IncomingMessage, tokens: TokenSettings): Promise<AuthOutcome> {
  delete req.headers[IDENTITY_HEADER];
  const token = bearerToken(req.headers.authorization);
  if (!token) return { ok: false, reason: 'missing bearer token' };
  try {
    const identity = await verifyUserToken(token, tokens);
    req.headers[IDENTITY_HEADER] = await signIdentityAssertion(identity, tokens);
    return { ok: true, identity };
  } catch (error) {
    if (error instanceof InvalidTokenError) return { ok: false, reason: error.reason };
    throw error;
  }
}
