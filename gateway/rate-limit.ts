import { isIP } from 'node:net';
import { canonicalAddress } from './client-address';

/**
 * A fixed window of requests per key (the organisation from the verified token, or the caller's address without
 * one). In-process: with several gateway replicas, divide the configured limits among them.
 * The map is bounded: expired windows are swept, and past `maxKeys` the oldest tenth is dropped, so a flood of
 * distinct addresses cannot grow memory without limit, nor make each new key look through all the others (dropping
 * one at a time did: 1–2.6 ms of the gateway's CPU per request once 100,000 windows were open). The edge keeps one
 * limiter for organisations and one for addresses, so a flood of addresses drops none of the organisations' windows.
 */
export interface RateDecision {
  ok: boolean;
  limit: number;
  remaining: number;
  retryAfterSeconds: number;
}

export class FixedWindowLimiter {
  private readonly windows = new Map<string, { count: number; resetAt: number }>();
  constructor(private readonly maxKeys = 100_000) {}

  hit(key: string, max: number, windowMs: number, now = Date.now()): RateDecision {
    let window = this.windows.get(key);
    if (!window || now >= window.resetAt) {
      // A renewed window goes to the back of the map, so the sweep's oldest are the keys idle longest: set on its
      // old key it kept its first place, and a flood of new keys dropped the busiest callers' open windows first.
      if (window) this.windows.delete(key);
      else if (this.windows.size >= this.maxKeys) this.sweep(now);
      window = { count: 0, resetAt: now + windowMs };
      this.windows.set(key, window);
    }
    window.count++;
    const retryAfterSeconds = Math.max(1, Math.ceil((window.resetAt - now) / 1000));
    return { ok: window.count <= max, limit: max, remaining: Math.max(0, max - window.count), retryAfterSeconds };
  }

  private sweep(now: number) {
    for (const [key, window] of this.windows) if (now >= window.resetAt) this.windows.delete(key);
    // still nearly full: drop the oldest (a Map iterates in insertion order) down to nine tenths
    const keep = Math.floor(this.maxKeys * 0.9);
    for (const key of this.windows.keys()) {
      if (this.windows.size <= keep) break;
      this.windows.delete(key);
    }
  }
}

/**
 * The caller's address as the limit for callers without a token counts it: an IPv4 address (also written as
 * IPv4-mapped IPv6, as a dual-stack socket gives it), or an IPv6 address's /64, the block one host or home is
 * normally given: counted one by one, a caller could take a fresh address of its /64 for every request.
 */
export function addressKey(address: string): string {
  const canonical = canonicalAddress(address);
  if (isIP(canonical) !== 6) return canonical;
  return `${canonical.split(':').slice(0, 4).join(':')}::/64`;
}
