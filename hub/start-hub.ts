import 'reflect-metadata';
import path from 'node:path';
import { mintUserToken } from '../platform/auth/tokens';
import { tokenSettings } from '../platform/config';
import { localKafkaCredentialsFile } from '../platform/events/broker-credentials';
import { flushTraces, initTracing } from '../platform/tracing';
import { ensureDatabase, resolvePostgres } from '../tools/postgres/local-postgres';
import { DEMO_BUREAU } from './demo/demo-data';
import { loadDemoComplaints } from './demo/demo-complaints';
import { DEMO_CONSOLE_IDENTITIES } from './demo/demo-console';
import { loadBilledYears, loadDemoArrears, loadDemoData, loadLinjiang, loadLinjiangReferral } from './demo/demo-loader';
import { consoleLine } from './console-line';
import { startHub } from './hub';
import { StartedServers, hubBroker } from './local-servers';
import { projectRoot } from '../platform/project-root';

const servers = new StartedServers();
// From the first step: a Ctrl-C while the demo data loads stops what has started so far.
servers.stopOnSignals('stopping the hub...');

/**
 * `npm start`: PostgreSQL (DATABASE_URL, the machine's server, or an embedded one), Kafka (KAFKA_BROKERS or a local
 * broker from Maven jars), migrations, all subgraphs, the gateway, and the demo data.
 */
async function main() {
  if (process.env.NODE_ENV === 'production')
    throw new Error(
      '`npm start` loads the demo data and prints a demo token: production runs the processes of docker-compose.yml',
    );
  initTracing();
  const root = projectRoot(__dirname);
  const tokens = tokenSettings();
  const postgres = await resolvePostgres(root);
  servers.add('PostgreSQL', postgres.stop);
  const databaseUrl = await ensureDatabase(postgres.adminUrl, process.env.HUB_DATABASE ?? 'property_hub');

  const broker = await hubBroker(root, servers);
  const { brokers, credentials: kafkaCredentials, tls: kafkaTls, partyTls } = broker;

  const hub = await startHub({
    databaseUrl,
    kafkaBrokers: brokers,
    tokens,
    kafkaCredentials,
    kafkaTls,
    console: { staticDir: path.join(root, 'dist', 'console'), devIdentities: DEMO_CONSOLE_IDENTITIES },
  });
  servers.add('hub', async () => {
    await hub.stop();
    await flushTraces();
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
            ...(partyTls
              ? [
                  `  Parties' clients: SASL_SSL (TLS) on ${partyTls.brokers.join(',')}, trusting ${partyTls.caFile} (KAFKA_TLS_CA_FILE)`,
                ]
              : []),
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
}

servers.run(main);
