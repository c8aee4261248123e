import type { Identity } from '../../kernel/identity';
import { TestHub, identity, tokenFor } from './hub-fixture';

const operator = identity('ADMIN', 'hub-operations');

/** The gateway's Prometheus text (ADMIN by default) and its HTTP status. */
export async function scrapeMetrics(t: TestHub, who: Identity = operator): Promise<{ status: number; text: string }> {
  const res = await fetch(new URL('/metrics', t.hub.gatewayUrl), {
    headers: { authorization: `Bearer ${await tokenFor(who)}` },
  });
  return { status: res.status, text: await res.text() };
}

/** One sample's value in Prometheus text, `labels` written as they appear (`subgraph="areas"`); undefined if absent. */
export function metricSample(text: string, name: string, labels: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${name}{${labels}} `));
  return line === undefined ? undefined : Number(line.split(' ')[1]);
}
