import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { feedsError } from '../domain/errors';
import { WebhookUrlPolicy, checkWebhookUrl, hostOf, refusedAddresses } from '../domain/webhook-url';

/** The addresses a host resolves to (all of them, IPv4 and IPv6); an IP literal is its own. */
export async function resolveHost(host: string): Promise<string[]> {
  if (isIP(host)) return [host];
  try {
    return (await lookup(host, { all: true, verbatim: true })).map((a) => a.address);
  } catch {
    return [];
  }
}

/** WEBHOOK_URL_REFUSED unless the URL passes its own rules and every address its host resolves to is public. */
export async function assertWebhookUrl(url: string, policy: WebhookUrlPolicy): Promise<void> {
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
