import { Identity } from '../../kernel/identity';
import { TokenSettings, signIdentityAssertion, verifyIdentityAssertion, verifyUserTokenUntil } from './tokens';

/**
 * A bounded map whose entries lapse at their own time: the verified tokens and signed assertions below. When full,
 * the oldest entry goes (insertion order), so memory stays bounded whatever callers send.
 */
export class LapsingCache<V> {
  private readonly entries = new Map<string, { value: V; until: number }>();

  constructor(private readonly capacity: number) {}

  get(key: string, now = Date.now()): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.until > now) return entry.value;
    this.entries.delete(key);
    return undefined;
  }

  set(key: string, value: V, until: number) {
    this.entries.delete(key);
    if (this.entries.size >= this.capacity) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, { value, until });
  }

  get size() {
    return this.entries.size;
  }
}

/** How many distinct tokens or identities a process remembers at most (each entry is well under 1 KB). */
export const TOKEN_CACHE_CAPACITY = 10_000;

/**
 * The gateway's token check, remembered: a token verified once is the same identity until its `exp`, so its
 * signature and claims are checked on its first request only. Refused tokens are never remembered.
 */
export function cachedUserTokenVerifier(s: TokenSettings, maxLifetimeSeconds: number, capacity = TOKEN_CACHE_CAPACITY) {
  const verified = new LapsingCache<Identity>(capacity);
  return async (token: string): Promise<Identity> => {
    const known = verified.get(token);
    if (known) return known;
    const { identity, expiresAt } = await verifyUserTokenUntil(token, s, maxLifetimeSeconds);
    verified.set(token, identity, expiresAt);
    return identity;
  };
}

/**
 * How long the gateway reuses one identity assertion: the assertion lives 60 s, so one reused for 5 s still has at
 * least 55 s left when a subgraph reads it, and a process signs one per caller identity per 5 s instead of one per
 * request.
 */
export const ASSERTION_REUSE_MS = 5_000;

const identityKey = (i: Identity) => JSON.stringify([i.subject, i.role, i.organisationId, i.jurisdictions]);

/** The gateway's identity assertions, one signed per identity per `ASSERTION_REUSE_MS`. */
export function cachedAssertionSigner(s: TokenSettings, capacity = TOKEN_CACHE_CAPACITY, reuseMs = ASSERTION_REUSE_MS) {
  const signed = new LapsingCache<Promise<string>>(capacity);
  return (identity: Identity): Promise<string> => {
    const key = identityKey(identity);
    const known = signed.get(key);
    if (known) return known;
    const assertion = signIdentityAssertion(identity, s);
    signed.set(key, assertion, Date.now() + reuseMs);
    return assertion;
  };
}

/**
 * A subgraph's check of an identity assertion (the gateway's, or litigation's in areas), remembered until its `exp`:
 * the gateway reuses one per caller for a few seconds, so a subgraph verifies it once. Refused ones are never
 * remembered.
 */
export function cachedAssertionVerifier(s: TokenSettings, capacity = TOKEN_CACHE_CAPACITY) {
  const verified = new LapsingCache<Identity>(capacity);
  return async (assertion: string): Promise<Identity> => {
    const known = verified.get(assertion);
    if (known) return known;
    const { identity, expiresAt } = await verifyIdentityAssertion(assertion, s);
    verified.set(assertion, identity, expiresAt);
    return identity;
  };
}
