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
      secretOverlapMs: 86_400_000,
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

  it('is a whole number from 1 for the poll and each count; a typo stops the subgraph at start, by name', () => {
    expect(webhookConfig({ HUB_WEBHOOK_POLL_MS: ' 250 ', HUB_WEBHOOK_IN_FLIGHT: '' })).toMatchObject({
      pollIntervalMs: 250,
      maxInFlight: 256,
    });
    expect(webhookConfig({ HUB_WEBHOOK_POLL_MS: '2147483647', HUB_WEBHOOK_PER_ORGANISATION: '100000' })).toMatchObject({
      pollIntervalMs: 2_147_483_647,
      perOrganisation: 100_000,
    });
    expect(webhookConfig({ HUB_WEBHOOK_SECRET_OVERLAP_MS: '1000' }).secretOverlapMs).toBe(1000);
    expect(webhookConfig({ HUB_WEBHOOK_SECRET_OVERLAP_MS: '604800000' }).secretOverlapMs).toBe(604_800_000);
  });

  // Before, each of these silently became the default (0, -1, 1.5, 1s, a blank) or was taken (1e3, 0x10, 1000.0, and a
  // poll beyond 2^31 - 1 ms, which Node's timers shorten to 1 ms: a busy loop).
  it.each([
    ['HUB_WEBHOOK_POLL_MS', '0', 'milliseconds, 1 to 2147483647'],
    ['HUB_WEBHOOK_POLL_MS', '1s', 'milliseconds, 1 to 2147483647'],
    ['HUB_WEBHOOK_POLL_MS', '2147483648', 'milliseconds, 1 to 2147483647'],
    ['HUB_WEBHOOK_IN_FLIGHT', '1e3', 'requests, 1 to 100000'],
    ['HUB_WEBHOOK_IN_FLIGHT', '-1', 'requests, 1 to 100000'],
    ['HUB_WEBHOOK_PER_SUBSCRIPTION', '0x10', 'requests, 1 to 100000'],
    ['HUB_WEBHOOK_PER_SUBSCRIPTION', '1.5', 'requests, 1 to 100000'],
    ['HUB_WEBHOOK_PER_ORGANISATION', '0', 'requests, 1 to 100000'],
    ['HUB_WEBHOOK_PER_ORGANISATION', '1000.0', 'requests, 1 to 100000'],
    ['HUB_WEBHOOK_SECRET_OVERLAP_MS', '0', 'milliseconds, 1000 to 604800000'],
    ['HUB_WEBHOOK_SECRET_OVERLAP_MS', '999', 'milliseconds, 1000 to 604800000'],
    ['HUB_WEBHOOK_SECRET_OVERLAP_MS', '604800001', 'milliseconds, 1000 to 604800000'],
    ['HUB_WEBHOOK_SECRET_OVERLAP_MS', '24h', 'milliseconds, 1000 to 604800000'],
  ])('refuses %s=%s at start-up, by name', (name, value, must) => {
    expect(() => webhookConfig({ [name]: value })).toThrow(`${name} must be ${must}, not ${value}`);
  });
});
