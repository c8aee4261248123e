import { BlockList, isIP } from 'node:net';

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

/** Ranges no webhook may reach (IANA special-purpose registries, IPv4 and IPv6). */
const INTERNAL = new BlockList();
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
  INTERNAL.addSubnet(network, prefix, 'ipv4');
for (const [network, prefix] of [
  ['::', 128], // unspecified
  ['::1', 128], // loopback
  ['64:ff9b:1::', 48], // local-use NAT64
  ['100::', 64], // discard
  ['2001:db8::', 32], // documentation
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['fec0::', 10], // site-local (deprecated)
  ['ff00::', 8], // multicast
] as const)
  INTERNAL.addSubnet(network, prefix, 'ipv6');

/** An IPv4 address embedded in an IPv6 one (mapped ::ffff:a.b.c.d, or compatible ::a.b.c.d), if any. */
function embeddedIpv4(address: string): string | undefined {
  const lower = address.toLowerCase();
  const dotted = /^::(?:ffff:(?:0:)?)?(\d+\.\d+\.\d+\.\d+)$/.exec(lower);
  if (dotted) return dotted[1];
  const hex = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(lower);
  if (hex) {
    const [hi, lo] = [parseInt(hex[1], 16), parseInt(hex[2], 16)];
    return `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
  }
  return undefined;
}

/** True for an address in a private, loopback, link-local or other internal range; true for anything not an IP. */
export function isInternalAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  const family = isIP(bare);
  if (family === 4) return INTERNAL.check(bare, 'ipv4');
  if (family === 6) {
    const v4 = embeddedIpv4(bare);
    return v4 ? INTERNAL.check(v4, 'ipv4') : INTERNAL.check(bare, 'ipv6');
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
