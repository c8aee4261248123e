import { isIP } from 'node:net';
import { commaList } from '../kernel/comma-list';
import { ipv6Groups } from '../kernel/ip-address';

/**
 * The address a caller without a token is counted by. Behind a TLS terminator or load balancer every request comes
 * from the proxy's address, so all anonymous callers shared one rate window and one queue of requests in flight, and
 * one of them sending 61 requests a minute had everyone's public question refused (a helper's edge audit,
 * 2026-12-06). A proxy the operator names (HUB_TRUSTED_PROXIES) appends the address it saw to `X-Forwarded-For`; the
 * caller is then the right-most address there that is not a trusted proxy's. Anything left of it the client wrote
 * itself, so it is never read; a header from a peer that is not a trusted proxy is ignored, and an entry that is not
 * an address (a misconfigured proxy) leaves the request counted as the proxy's.
 */
export function callerAddress(
  peer: string,
  forwardedFor: string | string[] | null | undefined,
  trusted: ReadonlySet<string>,
): string {
  if (trusted.size === 0 || !trusted.has(canonicalAddress(peer))) return peer;
  const header = Array.isArray(forwardedFor) ? forwardedFor.join(',') : (forwardedFor ?? '');
  // only the last hops matter; a header of thousands of entries is not split whole
  const hops = header.slice(-MAX_FORWARDED_CHARS).split(',').slice(-MAX_HOPS);
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = hops[i].trim();
    if (isIP(hop) === 0) return peer;
    if (!trusted.has(canonicalAddress(hop))) return hop;
  }
  return peer;
}

const MAX_HOPS = 16;
const MAX_FORWARDED_CHARS = MAX_HOPS * 46;

/** One spelling per address: an IPv4-mapped IPv6 address as its IPv4 one, IPv6 as eight groups, no zone. */
export function canonicalAddress(address: string): string {
  const bare = address.trim().replace(/%.*$/, '');
  if (isIP(bare) !== 6) return bare;
  const g = ipv6Groups(bare);
  if (g.slice(0, 5).every((group) => group === 0) && g[5] === 0xffff)
    return `${g[6] >> 8}.${g[6] & 255}.${g[7] >> 8}.${g[7] & 255}`;
  return g.map((group) => group.toString(16)).join(':');
}

/** HUB_TRUSTED_PROXIES: the proxies' own addresses, comma-separated (no ranges: name each one). */
export function trustedProxies(raw: string | undefined): string[] {
  const addresses = commaList(raw);
  const canonical = addresses.map(canonicalAddress);
  const wrong = addresses.filter((_, i) => isIP(canonical[i]) === 0);
  if (wrong.length > 0)
    throw new Error(`HUB_TRUSTED_PROXIES must list IP addresses, comma-separated, not "${wrong.join(', ')}"`);
  return canonical;
}
