import { BlockList, isIP } from 'node:net';
import { ipv6Groups } from '../../../kernel/ip-address';

/**
 * Where the hub may send a webhook. A subscriber names the URL, so without these rules a webhook would be a way
 * to make the hub call its own internal services (server-side request forgery): every address the host resolves to
 * is checked, when the subscription is made and again on every connection (DNS may change in between).
 */
export interface WebhookUrlPolicy {
  /** Production requires https; development and tests may use http. */
  requireHttps: boolean;
  /** Hosts the operator allows although they are internal (tests allow 127.0.0.1). Exact, case-insensitive. */
  allowedHosts: readonly string[];
}

export const MAX_URL_LENGTH = 2000;

/**
 * Ranges no webhook may reach (IANA special-purpose registries), one list per family: Node's BlockList matches an
 * IPv4 address against IPv6 ranges too (as `::ffff:a.b.c.d`), so `::/3` would hold every IPv4 address.
 */
const INTERNAL_IPV4 = new BlockList();
const INTERNAL_IPV6 = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8], // "this network"
  ['10.0.0.0', 8], // private (RFC 1918)
  ['100.64.0.0', 10], // carrier-grade NAT (RFC 6598)
  ['127.0.0.0', 8], // loopback
  ['169.254.0.0', 16], // link-local (and cloud metadata services)
  ['172.16.0.0', 12], // private
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.0.2.0', 24], // documentation
  ['192.168.0.0', 16], // private
  ['198.18.0.0', 15], // benchmarking
  ['198.51.100.0', 24], // documentation
  ['203.0.113.0', 24], // documentation
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, broadcast
] as const)
  INTERNAL_IPV4.addSubnet(network, prefix, 'ipv4');
for (const [network, prefix] of [
  // Only global unicast, 2000::/3, is assigned for the internet (IANA's IPv6 address space). Below it: unspecified,
  // loopback, local-use NAT64, discard (an address carrying an IPv4 one is judged by that first); above it: SRv6
  // segment identifiers (5f00::/16, RFC 9602), unique local, link-local, site-local, multicast.
  ['::', 3],
  ['4000::', 2],
  ['8000::', 1],
  // Inside it, IETF protocol assignments (RFC 2928): Teredo 2001::/32 (a tunnel to the IPv4 address it carries,
  // obfuscated), benchmarking, ORCHID; their few globally reachable anycast services (PCP, TURN, AMT, AS112) are no
  // webhook receivers. And the two documentation prefixes (RFC 3849, RFC 9637).
  ['2001::', 23],
  ['2001:db8::', 32],
  ['3fff::', 20],
] as const)
  INTERNAL_IPV6.addSubnet(network, prefix, 'ipv6');

/**
 * The IPv4 address an IPv6 one carries, however it is written: IPv4-compatible `::a.b.c.d`, mapped
 * `::ffff:a.b.c.d`, translated `::ffff:0:a.b.c.d`, NAT64's well-known prefix `64:ff9b::a.b.c.d` (RFC 6052: a
 * DNS64 resolver answers it for any IPv4 host, and the NAT64 gateway connects there) and 6to4 `2002:aabb:ccdd::`
 * (RFC 3056). A name resolving to `64:ff9b::a9fe:a9fe` would otherwise reach 169.254.169.254 from an IPv6-only host.
 */
function embeddedIpv4(address: string): string | undefined {
  const g = ipv6Groups(address);
  const zero = (from: number, to: number) => g.slice(from, to).every((group) => group === 0);
  const ipv4 = (hi: number, lo: number) => `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
  if (zero(0, 5) && (g[5] === 0 || g[5] === 0xffff)) return ipv4(g[6], g[7]);
  if (zero(0, 4) && g[4] === 0xffff && g[5] === 0) return ipv4(g[6], g[7]);
  if (g[0] === 0x64 && g[1] === 0xff9b && zero(2, 6)) return ipv4(g[6], g[7]);
  if (g[0] === 0x2002) return ipv4(g[1], g[2]);
  return undefined;
}

/** True for an address in a private, loopback, link-local or other internal range; true for anything not an IP. */
export function isInternalAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  const family = isIP(bare);
  if (family === 4) return INTERNAL_IPV4.check(bare, 'ipv4');
  if (family === 6) {
    const v4 = embeddedIpv4(bare);
    return v4 ? INTERNAL_IPV4.check(v4, 'ipv4') : INTERNAL_IPV6.check(bare, 'ipv6');
  }
  return true;
}

export type UrlProblem = { reason: string } | null;

/** The URL's own rules (scheme, length, no credentials); the addresses it resolves to are checked by refusedAddresses. */
export function checkWebhookUrl(raw: string, policy: WebhookUrlPolicy): UrlProblem {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > MAX_URL_LENGTH)
    return { reason: `a URL of 1–${MAX_URL_LENGTH} characters` };
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { reason: 'not a URL' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    return { reason: 'only https (or http outside production)' };
  if (policy.requireHttps && url.protocol !== 'https:') return { reason: 'https is required' };
  if (url.username || url.password) return { reason: 'credentials in the URL are not allowed' };
  if (!url.hostname) return { reason: 'no host' };
  return null;
}

/** The host as the policy and the resolver see it (no brackets around an IPv6 literal). */
export const hostOf = (url: URL): string => url.hostname.replace(/^\[|\]$/g, '').toLowerCase();

export const isAllowedHost = (host: string, policy: WebhookUrlPolicy): boolean =>
  policy.allowedHosts.some((h) => h.toLowerCase() === host.toLowerCase());

/** The resolved addresses the hub must not connect to (empty when the host is allowed in config, or all are public). */
export function refusedAddresses(host: string, addresses: readonly string[], policy: WebhookUrlPolicy): string[] {
  if (isAllowedHost(host, policy)) return [];
  if (addresses.length === 0) return ['(no address)'];
  return addresses.filter(isInternalAddress);
}
