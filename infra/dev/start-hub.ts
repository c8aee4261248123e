import 'reflect-metadata';
import path from 'node:path';
import { Identity } from '../auth/identity';
import { TokenSettings, mintUserToken } from '../auth/tokens';
import { kafkaBrokersFromEnv, tokenSettings } from '../config';
import { runningPid, startLocalKafka } from '../kafka/local-kafka';
import { logger } from '../logging';
import { ensureDatabase, resolvePostgres } from '../postgres/local-postgres';
import { DEMO_ADMIN, DEMO_BUREAU, DEMO_COURTS, DEMO_STREETS } from './demo-data';
import { startHub } from './hub';
import { projectRoot } from './paths';

async function gql(url: string, tokens: TokenSettings, who: Identity, query: string, variables?: object) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${await mintUserToken(who, tokens, '5m')}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: Record<string, unknown>; errors?: { message: string }[] };
  if (body.errors?.length) throw new Error(`demo data: ${body.errors.map((e) => e.message).join('; ')}`);
  return body.data!;
}

/** Loads the seed compounds and courts through the gateway, as their users would; safe to run on every start. */
async function loadDemoData(url: string, tokens: TokenSettings): Promise<void> {
  for (const street of DEMO_STREETS) {
    const existing = await gql(url, tokens, street.office, 'query($s: String) { areas(streetCode: $s, first: 500) { name } }', { s: street.streetCode });
    const names = new Set((existing.areas as { name: string }[]).map((a) => a.name));
    for (const name of street.compounds.filter((n) => !names.has(n))) {
      await gql(url, tokens, street.office, 'mutation($i: RegisterAreaInput!) { registerArea(input: $i) { id } }', {
        i: { name, districtCode: street.districtCode, streetCode: street.streetCode },
      });
    }
  }
  const courts = await gql(url, tokens, DEMO_ADMIN, '{ courts { courtId } }');
  const known = new Set((courts.courts as { courtId: string }[]).map((c) => c.courtId));
  for (const court of DEMO_COURTS.filter((c) => !known.has(c.courtId))) {
    await gql(url, tokens, DEMO_ADMIN, 'mutation($i: RegisterCourtInput!) { registerCourt(input: $i) { courtId } }', { i: court });
  }
}

/**
 * `npm start`: PostgreSQL (DATABASE_URL, the machine's server, or an embedded one), Kafka (KAFKA_BROKERS or a local
 * broker from Maven jars), migrations, all subgraphs, the gateway, and the demo data.
 */
async function main() {
  const root = projectRoot(__dirname);
  const tokens = tokenSettings();
  const postgres = await resolvePostgres(root);
  const databaseUrl = await ensureDatabase(postgres.adminUrl, process.env.HUB_DATABASE ?? 'property_hub');

  let brokers = kafkaBrokersFromEnv();
  let stopKafka: () => Promise<void> = async () => undefined;
  if (!brokers) {
    process.stderr.write('starting a local Kafka 3.9 broker (first run resolves its jars with Maven)...\n');
    const dataDir = path.join(root, '.local', 'kafka', 'data');
    const reused = runningPid(dataDir) !== undefined;
    const kafka = await startLocalKafka({ projectRoot: root, dataDir, port: 19092, controllerPort: 19093 });
    brokers = kafka.brokers;
    // A broker left running by `npm run kafka:start` stays up; one started here stops with the hub.
    if (!reused) stopKafka = kafka.stop;
  }

  const hub = await startHub({ databaseUrl, kafkaBrokers: brokers, tokens });
  await loadDemoData(hub.gatewayUrl, tokens);

  const token = await mintUserToken(DEMO_BUREAU, tokens, '8h');
  process.stdout.write(
    [
      '',
      `Property-governance hub is running: ${hub.gatewayUrl}`,
      `  PostgreSQL: ${postgres.embedded ? 'embedded (.local/postgres)' : 'configured server'}; Kafka: ${brokers.join(',')}`,
      '  Example token (Beijing city bureau, 8 h):',
      `  export TOKEN=${token}`,
      '  Example query:',
      `  curl -s ${hub.gatewayUrl} -H "authorization: Bearer $TOKEN" -H 'content-type: application/json' \\`,
      `    -d '{"query":"{ areas { name streetCode filingReviewers { districtCode } } }"}'`,
      '  Other tokens: npm run token -- --role COURT --org bj-xicheng-court --jurisdiction 110102',
      '  Stop with Ctrl-C.',
      '',
    ].join('\n'),
  );

  const shutdown = async () => {
    process.stderr.write('stopping the hub...\n');
    try {
      await hub.stop();
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
