import 'reflect-metadata';
import os from 'node:os';
import path from 'node:path';
import { mintUserToken } from '../platform/auth/tokens';
import { SUBGRAPH_NAMES, portFromEnv, tokenSettings } from '../platform/config';
import { projectRoot } from '../platform/project-root';
import { ensureDatabase, resolvePostgres } from '../tools/postgres/local-postgres';
import { DEMO_BUREAU } from './demo/demo-data';
import { StartedServers, hubBroker } from './local-servers';
import { topologySecrets } from './topology-secrets';
import { MAX_TOPOLOGY_INSTANCES, startTopology } from './topology';

function instancesArg(argv: string[]): number {
  const at = argv.indexOf('--instances');
  const value = at >= 0 ? argv[at + 1] : (process.env.TOPOLOGY_INSTANCES ?? '2');
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > MAX_TOPOLOGY_INSTANCES)
    throw new Error(`--instances must be 1 to ${MAX_TOPOLOGY_INSTANCES}, not ${value}`);
  return n;
}

/**
 * How long each process may take to become ready: TOPOLOGY_READY_TIMEOUT_MS, 10 minutes by default. Every
 * instance starts at once and loads its subgraph; 2 × 6 of them plus the gateway on a small machine are slow.
 */
function readyTimeoutArg(): number {
  const value = process.env.TOPOLOGY_READY_TIMEOUT_MS ?? '600000';
  const ms = Number(value);
  if (!Number.isInteger(ms) || ms < 1000 || ms > 3_600_000)
    throw new Error(`TOPOLOGY_READY_TIMEOUT_MS must be 1000 to 3600000, not ${value}`);
  return ms;
}

const servers = new StartedServers();
// From the first step: a Ctrl-C while the instances start stops what has started so far.
servers.stopOnSignals('stopping every process...');

/**
 * `npm run start:topology [-- --instances N]`: docker-compose.yml's topology as processes on this machine.
 * PostgreSQL and Kafka as for `npm start` (DATABASE_URL / KAFKA_BROKERS with KAFKA_CREDENTIALS_FILE, or the local
 * ones); the gateway on TOPOLOGY_PORT (4100). Ctrl-C stops every process it started, by PID.
 */
async function main() {
  const root = projectRoot(__dirname);
  const instances = instancesArg(process.argv.slice(2));
  const basePort = portFromEnv('TOPOLOGY_PORT', 4100);
  const postgres = await resolvePostgres(root);
  servers.add('PostgreSQL', postgres.stop);
  const databaseUrl = await ensureDatabase(postgres.adminUrl, process.env.HUB_DATABASE ?? 'property_hub_topology');

  const broker = await hubBroker(root, servers);
  const { brokers, credentials } = broker;
  if (!credentials)
    throw new Error('the topology runs on a secured broker: set KAFKA_CREDENTIALS_FILE with KAFKA_BROKERS');

  const { file, secrets } = topologySecrets(root);
  const logDir = path.join(root, '.local', 'topology', 'logs');
  process.stderr.write(`migrating, setting up the broker, then ${instances} instance(s) of each subgraph...\n`);
  const topology = await startTopology(
    {
      databaseUrl,
      brokers,
      credentials,
      secrets: {
        jwt: secrets.HUB_JWT_SECRET,
        gatewayKeys: { privateKey: secrets.HUB_IDENTITY_PRIVATE_KEY, publicKey: secrets.HUB_IDENTITY_PUBLIC_KEY },
        litigationKeys: {
          privateKey: secrets.HUB_LITIGATION_IDENTITY_PRIVATE_KEY,
          publicKey: secrets.HUB_LITIGATION_IDENTITY_PUBLIC_KEY,
        },
        ownerDataKey: secrets.OWNER_DATA_KEY,
        webhookSecretKey: secrets.WEBHOOK_SECRET_KEY,
      },
      instances,
      basePort,
      nodeOptions: process.env.NODE_OPTIONS,
      trustedProxies: process.env.HUB_TRUSTED_PROXIES,
      mallocEnv: process.env,
      localEnv: {
        KAFKA_TOPIC_PREFIX: process.env.KAFKA_TOPIC_PREFIX,
        HUB_LOG_LEVEL: process.env.HUB_LOG_LEVEL,
        KAFKA_TLS: process.env.KAFKA_TLS,
        KAFKA_TLS_CA_FILE: process.env.KAFKA_TLS_CA_FILE,
      },
    },
    { root, logDir, readyTimeoutMs: readyTimeoutArg() },
  );
  servers.add('topology', () => topology.stop());
  const tokens = tokenSettings({ ...process.env, ...secrets, NODE_ENV: 'production' }, 'token-minter');
  const token = await mintUserToken(DEMO_BUREAU, tokens, '8h');
  process.stdout.write(
    [
      '',
      `Production topology running (${os.cpus().length} CPUs): gateway ${topology.gatewayUrl} (pid ${topology.gateway.pid})`,
      ...SUBGRAPH_NAMES.map(
        (name) =>
          `  ${name.padEnd(10)} ${(topology.instances[name] ?? []).map((p) => `${p.url} (pid ${p.pid})`).join('  ')}`,
      ),
      `  logs: ${logDir}; secrets: ${file} (set -a; . ${file}; npm run token -- ... mints tokens it accepts)`,
      '  Token (Beijing city bureau, 8 h):',
      `  export TOKEN=${token}`,
      '  Stop with Ctrl-C.',
      '',
    ].join('\n'),
  );
}

servers.run(main, (error) => console.error(error instanceof Error ? error.message : error));
