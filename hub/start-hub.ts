import 'reflect-metadata';
import path from 'node:path';
import { mintUserToken } from '../platform/auth/tokens';
import { kafkaBrokersFromEnv, tokenSettings } from '../platform/config';
import { runningPid, startLocalKafka } from '../tools/kafka/local-kafka';
import {
  BrokerCredentials,
  brokerCredentialsFromEnv,
  loadOrCreateBrokerCredentials,
  localKafkaCredentialsFile,
} from '../platform/events/broker-credentials';
import { logger } from '../platform/logging';
import { flushTraces, initTracing } from '../platform/tracing';
import { ensureDatabase, resolvePostgres } from '../tools/postgres/local-postgres';
import { DEMO_BUREAU } from './demo/demo-data';
import { loadDemoComplaints } from './demo/demo-complaints';
import { DEMO_CONSOLE_IDENTITIES } from './demo/demo-console';
import { loadBilledYears, loadDemoArrears, loadDemoData, loadLinjiang, loadLinjiangReferral } from './demo/demo-loader';
import { consoleLine } from './console-line';
import { startHub } from './hub';
import { projectRoot } from '../platform/project-root';

/**
 * `npm start`: PostgreSQL (DATABASE_URL, the machine's server, or an embedded one), Kafka (KAFKA_BROKERS or a local
 * broker from Maven jars), migrations, all subgraphs, the gateway, and the demo data.
 */
async function main() {
  initTracing();
  const root = projectRoot(__dirname);
  const tokens = tokenSettings();
  const postgres = await resolvePostgres(root);
  const databaseUrl = await ensureDatabase(postgres.adminUrl, process.env.HUB_DATABASE ?? 'property_hub');

  let brokers = kafkaBrokersFromEnv();
  let kafkaCredentials: BrokerCredentials | undefined = brokerCredentialsFromEnv();
  let stopKafka: () => Promise<void> = async () => undefined;
  if (!brokers) {
    process.stderr.write('starting a local Kafka 3.9 broker (first run resolves its jars with Maven)...\n');
    const dataDir = path.join(root, '.local', 'kafka', 'data');
    // Generated on first start, kept under .local/: the broker's super user and one principal per subgraph.
    kafkaCredentials = loadOrCreateBrokerCredentials(localKafkaCredentialsFile(root));
    const reused = runningPid(dataDir) !== undefined;
    const kafka = await startLocalKafka({
      projectRoot: root,
      dataDir,
      port: 19092,
      controllerPort: 19093,
      admin: kafkaCredentials.admin,
    });
    brokers = kafka.brokers;
    // A broker left running by `npm run kafka:start` stays up; one started here stops with the hub.
    if (!reused) stopKafka = kafka.stop;
  }

  const hub = await startHub({
    databaseUrl,
    kafkaBrokers: brokers,
    tokens,
    kafkaCredentials,
    console: { staticDir: path.join(root, 'dist', 'console'), devIdentities: DEMO_CONSOLE_IDENTITIES },
  });
  await loadDemoData(hub.gatewayUrl, tokens);
  // The billed years first: their payers pay the year, before the recent months are billed and demanded.
  await loadBilledYears(hub.gatewayUrl, tokens);
  await loadDemoArrears(hub.gatewayUrl, tokens);
  // 临江市 (seed 004) beside Beijing: a second city whose rules are data.
  await loadLinjiang(hub.gatewayUrl, tokens);
  await loadLinjiangReferral(hub.gatewayUrl, tokens);
  await loadDemoComplaints(hub.gatewayUrl, tokens);

  const token = await mintUserToken(DEMO_BUREAU, tokens, '8h');
  process.stdout.write(
    [
      '',
      `Property-governance hub is running: ${hub.gatewayUrl}`,
      consoleLine(hub.gatewayUrl, process.env.NODE_ENV),
      `  PostgreSQL: ${postgres.embedded ? 'embedded (.local/postgres)' : 'configured server'}; Kafka: ${brokers.join(',')}`,
      ...(kafkaCredentials
        ? [
            `  Kafka is SASL_PLAINTEXT with SCRAM-SHA-512 and ACLs; the principals' passwords are in ${process.env.KAFKA_CREDENTIALS_FILE ?? localKafkaCredentialsFile(root)}:`,
            `    super user (administration only) ${kafkaCredentials.admin.username}; subgraphs ${Object.values(
              kafkaCredentials.subgraphs,
            )
              .map((c) => c.username)
              .join(', ')}`,
          ]
        : ['  Kafka: PLAINTEXT without ACLs (KAFKA_BROKERS without KAFKA_CREDENTIALS_FILE)']),
      '  Example token (Beijing city bureau, 8 h):',
      `  export TOKEN=${token}`,
      '  Example query:',
      `  curl -s ${hub.gatewayUrl} -H "authorization: Bearer $TOKEN" -H 'content-type: application/json' \\`,
      `    -d '{"query":"{ compounds { name kind statistics { buildings elevators households floorAreaM2 } } }"}'`,
      '  Other tokens: npm run token -- --role COURT --org bj-xicheng-court --jurisdiction 110102',
      '  Stop with Ctrl-C.',
      '',
    ].join('\n'),
  );

  const shutdown = async () => {
    process.stderr.write('stopping the hub...\n');
    try {
      await hub.stop();
      await flushTraces();
      await stopKafka();
      await postgres.stop();
      process.exit(0);
    } catch (error) {
      logger.error({ err: error }, 'the hub did not stop cleanly');
      process.exit(1);
    }
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
