import { DEFAULT_EDGE_CONFIG, edgeConfig } from './config';

describe('edge configuration', () => {
  it('has the documented defaults', () => {
    const config = edgeConfig({});
    expect(config.authenticated.bodyBytes).toBe(1024 * 1024);
    expect(config.anonymous.bodyBytes).toBe(64 * 1024);
    expect(config.tokenMaxLifetimeSeconds).toBe(12 * 3600);
    expect(config.corsOrigins).toEqual([]);
    expect(config.production).toBe(false);
    expect(config.subgraphTimeoutMs).toBe(60_000);
    expect(config).toEqual({ ...DEFAULT_EDGE_CONFIG });
  });

  it('takes rates, body size, cost, token lifetime, CORS origins, connection and in-flight limits from the environment', () => {
    const config = edgeConfig({
      NODE_ENV: 'production',
      HUB_RATE_LIMIT: '100/10',
      HUB_ANONYMOUS_RATE_LIMIT: '5/60',
      HUB_BODY_LIMIT_BYTES: '2097152',
      HUB_COST_LIMIT: '8000',
      HUB_JWT_MAX_LIFETIME_SECONDS: '3600',
      HUB_CORS_ORIGINS: 'https://a.example, https://b.example',
      HUB_MAX_CONNECTIONS: '50000',
      HUB_CONNECTIONS_PER_ADDRESS: '1000',
      HUB_IN_FLIGHT_LIMIT: '16',
      HUB_SUBGRAPH_TIMEOUT_MS: '90000',
    });
    expect(config.production).toBe(true);
    expect(config.authenticated.rate).toEqual({ max: 100, windowMs: 10_000 });
    expect(config.anonymous.rate).toEqual({ max: 5, windowMs: 60_000 });
    expect(config.authenticated.bodyBytes).toBe(2097152);
    expect(config.authenticated.cost).toBe(8000);
    expect(config.tokenMaxLifetimeSeconds).toBe(3600);
    expect(config.corsOrigins).toEqual(['https://a.example', 'https://b.example']);
    expect(config.connections).toEqual({ ...DEFAULT_EDGE_CONFIG.connections, max: 50_000, perAddress: 1000 });
    expect(config.authenticated.inFlight).toEqual({ max: 16, queued: 1200, waitMs: 20_000 });
    expect(config.subgraphTimeoutMs).toBe(90_000);
  });

  it('refuses to start on a value it cannot read', () => {
    expect(() => edgeConfig({ HUB_RATE_LIMIT: '100 per minute' })).toThrow(/HUB_RATE_LIMIT/);
    expect(() => edgeConfig({ HUB_BODY_LIMIT_BYTES: '-1' })).toThrow(/HUB_BODY_LIMIT_BYTES/);
    expect(() => edgeConfig({ HUB_CONNECTIONS_PER_ADDRESS: '0' })).toThrow(/HUB_CONNECTIONS_PER_ADDRESS/);
    expect(() => edgeConfig({ HUB_SUBGRAPH_TIMEOUT_MS: '1m' })).toThrow(/HUB_SUBGRAPH_TIMEOUT_MS/);
  });
});
