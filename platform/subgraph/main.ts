import {
  kafkaSaslFromEnv,
  listenHost,
  portFromEnv,
  subgraphKafkaFromEnv,
  tokenSettings,
  DEFAULT_PORTS,
} from '../config';
import { logger } from '../logging';
import { stopEachLogged } from '../stop-each';
import { metricsPortFromEnv, startMetricsPort } from '../metrics-port';
import { flushTraces, initTracing } from '../tracing';
import { recordPhase } from '../phase-timings';
import { SubgraphModule } from './module';
import { startSubgraph } from './runtime';

/** Production entry of one subgraph container: configuration only from the environment, clean stop on SIGTERM. */
export async function runSubgraphMain(module: SubgraphModule): Promise<void> {
  recordPhase('subgraph.modules', performance.now(), { subgraph: module.name });
  initTracing({ OTEL_SERVICE_NAME: `hub-${module.name}`, ...process.env });
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) throw new Error('DATABASE_URL must be set');
  const kafka = subgraphKafkaFromEnv();
  const admin = kafkaSaslFromEnv(process.env, 'KAFKA_ADMIN');
  const tokens = tokenSettings(process.env, module.name);
  const running = await startSubgraph(module, {
    databaseUrl,
    kafka,
    adminKafka: admin ? { ...kafka, sasl: admin } : undefined,
    tokens,
    port: portFromEnv('PORT', DEFAULT_PORTS[module.name]),
    host: listenHost(),
    migrations: migrationsFromEnv(),
  });
  // The same variables the gateway reads (docker-compose.yml), e.g. SUBGRAPH_AREAS_URL.
  module.usePeers?.({ urlOf: (name) => process.env[`SUBGRAPH_${name.toUpperCase()}_URL`], tokens });
  recordPhase('subgraph.listening', performance.now(), { subgraph: module.name });
  logger.info({ subgraph: module.name, url: running.url }, 'subgraph listening');
  const metricsAt = metricsPortFromEnv();
  const metricsPort = metricsAt && (await startMetricsPort(metricsAt.port, metricsAt.host));
  if (metricsPort) logger.info({ subgraph: module.name, url: metricsPort.url }, 'metrics listening');
  const shutdown = async () => {
    const clean = await stopEachLogged([
      { name: 'metrics', stop: async () => metricsPort?.stop() },
      { name: 'subgraph', stop: () => running.stop() },
      { name: 'traces', stop: () => flushTraces() },
    ]);
    process.exit(clean ? 0 : 1);
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
}

/** HUB_MIGRATIONS: `verify` where a migrate step runs before the instances (docker-compose.yml), else `apply`. */
function migrationsFromEnv(env: NodeJS.ProcessEnv = process.env): 'apply' | 'verify' {
  const value = env.HUB_MIGRATIONS ?? 'apply';
  if (value !== 'apply' && value !== 'verify') throw new Error(`HUB_MIGRATIONS must be apply or verify, not ${value}`);
  return value;
}
