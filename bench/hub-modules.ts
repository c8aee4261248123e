import type { EdgeConfig } from '../gateway/config';

/**
 * The hub's modules for a benchmark, loaded once HUB_LOG_LEVEL is set (their loggers read it on load), so logs stay
 * out of the figures. One loader for the benchmarks that start a hub.
 */
export async function loadHubModules() {
  process.env.HUB_LOG_LEVEL ??= 'warn';
  const [
    config,
    demoData,
    demoLoader,
    demoComplaints,
    hub,
    tokens,
    platformConfig,
    postgres,
    root,
    compose,
    brokerCredentials,
    pagination,
  ] = await Promise.all([
    import('../gateway/config'),
    import('../hub/demo/demo-data'),
    import('../hub/demo/demo-loader'),
    import('../hub/demo/demo-complaints'),
    import('../hub/hub'),
    import('../platform/auth/tokens'),
    import('../platform/config'),
    import('../tools/postgres/local-postgres'),
    import('../platform/project-root'),
    import('../platform/federation/compose'),
    import('../platform/events/broker-credentials'),
    import('../kernel/pagination'),
  ]);
  return {
    ...config,
    ...demoData,
    ...demoLoader,
    ...demoComplaints,
    ...hub,
    ...tokens,
    ...platformConfig,
    ...postgres,
    ...root,
    ...compose,
    ...brokerCredentials,
    ...pagination,
  };
}

/** The edge's limits without its rate limits: a benchmark's own load must not be refused as abuse. */
export function withoutRateLimits(config: EdgeConfig): EdgeConfig {
  const unlimited = { max: Number.MAX_SAFE_INTEGER, windowMs: 60_000 };
  return {
    ...config,
    authenticated: { ...config.authenticated, rate: unlimited },
    anonymous: { ...config.anonymous, rate: unlimited },
  };
}

/** The secured broker a split topology's bench runs on (KAFKA_BROKERS, KAFKA_CREDENTIALS_FILE) and fresh secrets. */
export function topologyBenchSettings(hub: Awaited<ReturnType<typeof loadHubModules>>) {
  const brokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:29092').split(',');
  const credentials = hub.brokerCredentialsFromEnv();
  if (!credentials) throw new Error('set KAFKA_CREDENTIALS_FILE: the topology runs on a secured broker');
  return { brokers, credentials, secrets: hub.randomTopologySecrets() };
}
