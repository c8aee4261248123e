import { watchOutbox } from './metrics';
import { metricsPortFromEnv, startMetricsPort } from './metrics-port';

describe('the metrics port of a separate process', () => {
  it('serves the process registry on loopback at /metrics only, with the outbox read at scrape time', async () => {
    let backlog = 3;
    const unwatch = watchOutbox('metrics-port-test', async () => ({ backlog, oldestAgeSeconds: 1.5 }));
    const port = await startMetricsPort(0);
    try {
      expect(port.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/metrics$/);
      const first = await fetch(port.url);
      expect(first.status).toBe(200);
      expect(first.headers.get('content-type')).toContain('text/plain');
      expect(await first.text()).toContain('hub_outbox_backlog{subgraph="metrics-port-test"} 3');
      backlog = 0;
      expect(await (await fetch(port.url)).text()).toContain('hub_outbox_backlog{subgraph="metrics-port-test"} 0');
      expect((await fetch(port.url.replace('/metrics', '/graphql'))).status).toBe(404);
      expect((await fetch(port.url, { method: 'POST', body: '{}' })).status).toBe(404);
    } finally {
      unwatch();
      await port.stop();
    }
  });

  it('reads METRICS_PORT and METRICS_HOST, off when unset, and refuses a value that is not a port', () => {
    expect(metricsPortFromEnv({})).toBeUndefined();
    expect(metricsPortFromEnv({ METRICS_PORT: '9464' })).toEqual({ port: 9464, host: '127.0.0.1' });
    expect(metricsPortFromEnv({ METRICS_PORT: '9464', METRICS_HOST: '0.0.0.0' })).toEqual({
      port: 9464,
      host: '0.0.0.0',
    });
    expect(() => metricsPortFromEnv({ METRICS_PORT: '70000' })).toThrow('METRICS_PORT');
    expect(() => metricsPortFromEnv({ METRICS_PORT: 'x' })).toThrow('METRICS_PORT');
  });
});
