import { randomBytes } from 'node:crypto';
import { Pool, PoolConfig } from 'pg';
import request from 'supertest';
import { pinHubToday, todayInChina } from '../../kernel/clock';
import { Identity } from '../../kernel/identity';
import { mintUserToken } from '../../platform/auth/tokens';
import { SUBGRAPH_NAMES, SubgraphName, tokenSettings } from '../../platform/config';
import { HubOptions, RunningHub, startHub } from '../../hub/hub';
import { MACHINE_POSTGRES_URL, dropDatabase, ensureDatabase } from '../../tools/postgres/local-postgres';
import { connectWhenAdmitted } from './db-client';
import { dropDatabaseSoon, runDatabaseName } from './run-databases';
import { migratedTemplate } from './template-database';
import { BrokerCredentials, brokerCredentialsFromEnv } from '../../platform/events/broker-credentials';
import { SaslCredential } from '../../platform/events/kafka';
import { recordPhase, timed } from '../../platform/phase-timings';

/**
 * A pool of the test's own connections to a test database. An idle connection that PostgreSQL ends (the database
 * dropped with FORCE at the file's end while `end()` is still closing it, a test's terminated backends) is dropped
 * from the pool, which then reports it as an 'error' event: unheard, that event failed the whole file after its tests
 * had passed (CI, topology-failover.it).
 */
export function testPool(config: PoolConfig): Pool {
  const pool = new Pool(config);
  pool.on('error', () => undefined);
  return pool;
}

export const testTokens = tokenSettings({ NODE_ENV: 'test' });

/**
 * A file runs as of one day: the day it starts (China time), or HUB_TEST_TODAY to run it as of another
 * (`HUB_TEST_TODAY=2027-03-01 npx jest <file>`), pinned as soon as the fixture loads, so a test's own `todayInChina()`
 * at module level agrees with the hub's. A run crossing midnight in China (16:00 UTC) split a file between two days:
 * a certificate superseded on the 6th was compared with the 5th the file had read at its start.
 */
pinHubToday(process.env.HUB_TEST_TODAY || todayInChina());

/**
 * Pins the day the whole test hub (every subgraph, and the file's own todayInChina()) takes as today, for a file whose
 * scenario depends on it: called at module level, it wins over HUB_TEST_TODAY, so the file passes whatever the date
 * (periods counted from "today" would otherwise run past the holiday data the hub holds). Returns the date.
 */
export function pinTestToday(date: string): string {
  pinHubToday(date);
  return date;
}
export const adminPostgresUrl = () => process.env.DATABASE_URL ?? MACHINE_POSTGRES_URL;
export const kafkaBrokers = () => {
  const brokers = process.env.KAFKA_BROKERS?.split(',');
  if (!brokers) throw new Error('KAFKA_BROKERS not set: the jest global setup starts the test broker');
  return brokers;
};

let credentials: BrokerCredentials | null | undefined;
/** The run's broker principals (the global setup's, or KAFKA_CREDENTIALS_FILE); none for an open PLAINTEXT broker. */
export const testKafkaCredentials = (): BrokerCredentials | undefined => {
  if (credentials === undefined) credentials = brokerCredentialsFromEnv() ?? null;
  return credentials ?? undefined;
};
/** The super user: what a test acting as the hub's operator, or needing to see every topic, connects as. */
export const testKafkaAdmin = (): SaslCredential | undefined => testKafkaCredentials()?.admin;

export const uniqueSuffix = () => randomBytes(5).toString('hex');

export { identity } from './identity';

export const tokenFor = (who: Identity, ttl = '10m') => mintUserToken(who, testTokens, ttl);

export interface TestHub {
  hub: RunningHub;
  database: string;
  databaseUrl: string;
  topicPrefix: string;
  brokers: string[];
  /** The broker principals the hub runs with (undefined on an open broker). */
  kafkaCredentials?: BrokerCredentials;
  /** Reads the hub's database directly (the read models a test waits for); a small pool the hub closes when it stops. */
  sql<R = Record<string, unknown>>(text: string, params?: unknown[]): Promise<R[]>;
  /** Runs a GraphQL operation through the gateway as `who`; returns the HTTP response. */
  gql(
    who: Identity | string | undefined,
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<request.Response>;
  stop(): Promise<void>;
}

export interface TestHubOptions {
  /**
   * The subgraphs the file needs, each with its consumers; the gateway keeps the whole supergraph and answers
   * `SUBGRAPH_NOT_RUNNING` for the fields of the others. A subgraph is needed when the file queries it or needs
   * the read models its consumers keep.
   */
  subgraphs: readonly SubgraphName[];
  /** A broker of the file's own (the outage test); the run's broker otherwise. */
  brokers?: string[];
  /** The principals of that broker (a secured broker of the file's own); the run's otherwise. */
  kafkaCredentials?: BrokerCredentials;
  /**
   * The broker forgets a silent consumer after this long (30 s by default). Only a test that restarts its broker
   * waits for that: its consumers rejoin as new members once their old memberships have expired.
   */
  consumerSessionTimeoutMs?: number;
  /** Serve the web console (its end-to-end tests). */
  console?: HubOptions['console'];
}

export const EVERY_SUBGRAPH = SUBGRAPH_NAMES;

/**
 * How long a test's own short-lived consumer (a probe standing in for a bureau, a consumer under test) waits on an idle
 * broker: disconnecting it waits for its pending fetch, which kafkajs' 5 s default would make the test wait for.
 */
export const TEST_CONSUMER_MAX_WAIT_MS = 500;

/**
 * How long a test hub's consumers wait on an idle broker. A hub's dozen consumers stop side by side, so its stop waits
 * for one pending fetch, at most this long; meanwhile every idle fetch costs the test process and the broker CPU
 * for as long as the file runs: a six-subgraph hub idled at 78–94 ms of CPU a second with 500 ms and 39–46 with 2 s
 * (README › Tests).
 */
export const TEST_HUB_CONSUMER_MAX_WAIT_MS = 2000;

/**
 * The relays publish as soon as their subgraph commits (an ORM hook); polling only finds rows written around the
 * ORM, so it can be slow and cheap: four relays polling every 50 ms cost a test hub a fifth of a core.
 */
export const TEST_RELAY_POLL_MS = 1000;
/**
 * Each test subgraph's most database connections: three test files run at once, each with up to six subgraphs, on a
 * PostgreSQL that admits 100 clients; a file's requests rarely need more than a few connections at a time.
 */
export const TEST_POOL_MAX = 6;

/** A hub on free ports with the subgraphs asked for, its own database and topic prefix, so test files never share state. */
export async function startTestHub(options: TestHubOptions): Promise<TestHub> {
  const suffix = uniqueSuffix();
  const database = runDatabaseName(suffix);
  const startedAt = performance.now();
  const template = await timed('fixture.template', () => migratedTemplate(adminPostgresUrl()));
  const databaseUrl = await timed('fixture.database', () => ensureDatabase(adminPostgresUrl(), database, template));
  const brokers = options.brokers ?? kafkaBrokers();
  const topicPrefix = `t${suffix}.`;
  let hub: RunningHub;
  try {
    hub = await timed('fixture.hub', () =>
      startHub({
        databaseUrl,
        kafkaBrokers: brokers,
        tokens: testTokens,
        topicPrefix,
        ports: 'ephemeral',
        relayPollIntervalMs: TEST_RELAY_POLL_MS,
        poolMax: TEST_POOL_MAX,
        subgraphs: options.subgraphs,
        kafkaCredentials: options.kafkaCredentials ?? testKafkaCredentials(),
        // One partition a topic (no test needs more: a key's events are in order either way), all of them deleted
        // with the hub's consumer groups when it stops, so the run's broker holds only the running files' topics.
        topicPartitions: 1,
        dropBrokerStateOnStop: true,
        console: options.console,
        // A clone of the migrated template holds every migration; without a template the hub migrates its database.
        migrations: template ? 'none' : 'apply',
        consumerTuning: {
          consumerMaxWaitMs: TEST_HUB_CONSUMER_MAX_WAIT_MS,
          consumerSessionTimeoutMs: options.consumerSessionTimeoutMs,
        },
      }),
    );
  } catch (error) {
    await dropDatabase(adminPostgresUrl(), database);
    throw error;
  }
  recordPhase('fixture.start', performance.now() - startedAt, { subgraphs: options.subgraphs.length });
  let pool: Pool | undefined;
  let firstRequest = true;
  return {
    hub,
    database,
    databaseUrl,
    topicPrefix,
    brokers,
    kafkaCredentials: options.kafkaCredentials ?? testKafkaCredentials(),
    sql: async <R>(text: string, params?: unknown[]) => {
      pool ??= testPool({ connectionString: databaseUrl, max: 2 });
      const client = await connectWhenAdmitted(pool);
      try {
        return (await client.query(text, params)).rows as R[];
      } finally {
        client.release();
      }
    },
    gql: async (who, query, variables) => {
      const call = request(hub.gatewayUrl.replace(/\/graphql$/, ''))
        .post('/graphql')
        .set('content-type', 'application/json');
      if (who) call.set('authorization', `Bearer ${typeof who === 'string' ? who : await tokenFor(who)}`);
      if (!firstRequest) return call.send({ query, variables });
      firstRequest = false;
      return timed('fixture.first-request', async () => call.send({ query, variables }));
    },
    stop: async () => {
      const stopping = performance.now();
      try {
        await pool?.end();
        await timed('fixture.hub-stop', () => hub.stop());
      } finally {
        await timed('fixture.drop', () => dropDatabaseSoon(adminPostgresUrl(), database));
        recordPhase('fixture.stop', performance.now() - stopping, { subgraphs: options.subgraphs.length });
      }
    },
  };
}
