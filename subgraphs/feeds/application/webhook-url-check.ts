import { Resolver } from 'node:dns/promises';
import { isIP } from 'node:net';
import { feedsError } from '../domain/errors';
import { WebhookUrlPolicy, checkWebhookUrl, hostOf, refusedAddresses } from '../domain/webhook-url';

/**
 * How a receiver's host is resolved: by c-ares (`Resolver`), each query waiting at most 2 s and tried twice, never by
 * `dns.lookup`. That one runs getaddrinfo on libuv's thread pool (4 threads for the whole process, shared with its
 * file and crypto work; Node's documentation, DNS › Implementation considerations) and cannot be cancelled, so a host
 * whose DNS server never answers would hold a thread for as long as the system resolver waits, whether or not the
 * caller had given up: four such hosts, given to `createWebhookSubscription` or as a subscription's URL, would stall
 * every file read and hash of the feeds process. c-ares does not read /etc/hosts.
 */
export const WEBHOOK_DNS = { timeoutMs: 2000, tries: 2 } as const;

/** A host's addresses: IPv4 and IPv6 (whichever it has), the host itself for an IP literal; none if it does not resolve. */
export type HostResolver = (host: string) => Promise<string[]>;

const resolvers = new Map<string, Resolver>();

/** Resolves with these DNS servers (`host:port`), or the system's (`/etc/resolv.conf`) when none are given. */
export function hostResolver(
  servers: readonly string[] = [],
  limits: { timeoutMs: number; tries: number } = WEBHOOK_DNS,
): HostResolver {
  const key = `${servers.join(',')} ${limits.timeoutMs} ${limits.tries}`;
  let resolver = resolvers.get(key);
  if (!resolver) {
    resolver = new Resolver({ timeout: limits.timeoutMs, tries: limits.tries });
    if (servers.length > 0) resolver.setServers([...servers]);
    resolvers.set(key, resolver);
  }
  const dns = resolver;
  return async (host) => {
    if (isIP(host)) return [host];
    // RFC 6761: localhost is the loopback, and never asked of a DNS server (getaddrinfo answered it from /etc/hosts).
    if (host === 'localhost' || host.endsWith('.localhost')) return ['127.0.0.1', '::1'];
    const answers = await Promise.allSettled([dns.resolve4(host), dns.resolve6(host)]);
    return answers.flatMap((a) => (a.status === 'fulfilled' ? a.value : []));
  };
}

/** WEBHOOK_URL_REFUSED unless the URL passes its own rules and every address its host resolves to is public. */
export async function assertWebhookUrl(
  url: string,
  policy: WebhookUrlPolicy,
  resolveHost: HostResolver = hostResolver(),
): Promise<void> {
  const problem = checkWebhookUrl(url, policy);
  if (problem)
    throw feedsError('WEBHOOK_URL_REFUSED', `The webhook URL is refused: ${problem.reason}`, {
      reason: problem.reason,
      fields: { url: problem.reason },
    });
  const host = hostOf(new URL(url));
  const refused = refusedAddresses(host, await resolveHost(host), policy);
  if (refused.length > 0) {
    const reason = `${host} resolves to an internal or unresolvable address`;
    throw feedsError('WEBHOOK_URL_REFUSED', `The webhook URL is refused: ${reason}`, {
      reason,
      fields: { url: reason },
    });
  }
}
