import { webhookConfig } from './webhook-config';

describe('the webhook settings', () => {
  it('has its documented defaults', () => {
    const config = webhookConfig({});
    expect(config).toMatchObject({
      policy: { requireHttps: false, allowedHosts: [] },
      dnsServers: [],
      pollIntervalMs: 1000,
      maxInFlight: 256,
      perSubscription: 32,
      perOrganisation: 64,
      leaseMs: 60_000,
      timeoutMs: 10_000,
      maxResponseBytes: 1024,
    });
    expect(webhookConfig({ NODE_ENV: 'production' }).policy.requireHttps).toBe(true);
  });

  it('takes the shares of the requests and the DNS servers from the environment', () => {
    const config = webhookConfig({
      HUB_WEBHOOK_IN_FLIGHT: '100',
      HUB_WEBHOOK_PER_SUBSCRIPTION: '8',
      HUB_WEBHOOK_PER_ORGANISATION: '16',
      HUB_WEBHOOK_DNS_SERVERS: '10.0.0.53:53, [2001:db8::53]:5353',
    });
    expect(config).toMatchObject({ maxInFlight: 100, perSubscription: 8, perOrganisation: 16 });
    expect(config.dnsServers).toEqual(['10.0.0.53:53', '[2001:db8::53]:5353']);
  });
});
