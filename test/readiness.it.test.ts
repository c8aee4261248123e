import { Client } from 'pg';
import { HubOrm, initOrm } from '../platform/db/orm';
import { createKafka } from '../platform/events/kafka';
import { ReadinessCheck, subgraphReadiness } from '../platform/subgraph/readiness';
import { dropDatabase, ensureDatabase } from '../tools/postgres/local-postgres';
import { adminPostgresUrl, kafkaBrokers, testKafkaAdmin, uniqueSuffix } from './support/hub-fixture';
import { waitFor } from './support/wait-for';
import { runDatabaseName } from './support/run-databases';
import { connectedClient } from './support/db-client';

/**
 * Issue 12: the edge's /readyz once answered NOT_READY while PostgreSQL was at its connection limit (other test runs
 * held every connection) although the hub could serve. A subgraph's readiness on the real PostgreSQL and broker:
 * it asks through the connection its pool keeps, a flood of probes costs at most one statement, and a database or
 * broker that is really gone is DOWN within the probe's timeout.
 *
 * The database's connection limit is played by a login role of this test with `CONNECTION LIMIT 1` (the server's
 * own limit is shared by every test run and is not touched): the ORM's pool holds that one connection, and any new
 * connection of the role is refused with 53300, as at the server's limit.
 */
const TTL_MS = 300;
const TIMEOUT_MS = 500;
const POOL_IDLE_MS = 200;

describe("a subgraph's /readyz on the real database and broker", () => {
  const suffix = uniqueSuffix();
  const database = runDatabaseName(suffix);
  const role = `hub_ready_${suffix}`;
  let admin: Client;
  let orm: HubOrm;
  let readiness: ReadinessCheck;
  const statements: string[] = [];
  const kafka = () =>
    createKafka({ brokers: kafkaBrokers(), clientId: `ready-${suffix}`, topicPrefix: '', sasl: testKafkaAdmin() });
  const afterTtl = () => new Promise((resolve) => setTimeout(resolve, TTL_MS + 50));
  const roleConnections = async () =>
    Number((await admin.query(`select count(*)::int as n from pg_stat_activity where usename = $1`, [role])).rows[0].n);

  beforeAll(async () => {
    const url = new URL(await ensureDatabase(adminPostgresUrl(), database));
    admin = await connectedClient(adminPostgresUrl());
    await admin.query(`create role "${role}" login connection limit 1`);
    url.username = role;
    url.password = '';
    orm = await initOrm({
      databaseUrl: url.toString(),
      schema: 'public',
      entities: [],
      migrations: [],
      poolIdleMs: POOL_IDLE_MS,
    });
    orm.em
      .getConnection()
      .getKnex()
      .on('query', (q: { sql: string }) => statements.push(q.sql));
    readiness = subgraphReadiness(orm, kafka(), { timeoutMs: TIMEOUT_MS, ttlMs: TTL_MS });
  });

  afterAll(async () => {
    await readiness?.stop();
    await orm?.close(true);
    await dropDatabase(adminPostgresUrl(), database);
    await admin?.query(`drop role if exists "${role}"`);
    await admin?.end();
  });

  it('answers UP through the connection the pool keeps while the database refuses every new connection', async () => {
    await orm.em.getConnection().execute('select 1');
    await waitFor('the pool to hold its connection', async () => (await roleConnections()) === 1);
    // long past the pool's idle time (its reaper runs each second) the pool keeps its connection (min 1,
    // platform/db/orm.ts); another client of the role, as another process at the server's limit, is refused
    await new Promise((resolve) => setTimeout(resolve, POOL_IDLE_MS + 2000));
    const outsider = new Client({ connectionString: orm.config.get('clientUrl') });
    const outsiderGot = await outsider.connect().then(
      () => 'a connection',
      (error: { code?: string }) => error.code,
    );
    try {
      // with no connection kept, the probe needed a new one at the limit and answered DOWN
      expect(await readiness.check()).toEqual({ database: 'UP', broker: 'UP' });
      expect(outsiderGot).toBe('53300');
    } finally {
      await outsider.end().catch(() => undefined);
    }
    const pool = (orm.em.getConnection().getKnex().client as { pool: { numFree(): number; numUsed(): number } }).pool;
    expect(pool.numFree() + pool.numUsed()).toBe(1);
    expect(await roleConnections()).toBe(1);
  });

  it('answers a flood of probes with one statement at most, and with none while ordinary statements complete', async () => {
    await afterTtl();
    statements.length = 0;
    const flood = await Promise.all(Array.from({ length: 200 }, () => readiness.check()));
    expect(new Set(flood.map((a) => JSON.stringify(a)))).toEqual(
      new Set([JSON.stringify({ database: 'UP', broker: 'UP' })]),
    );
    expect(statements).toEqual(['select 1']);
    expect(await roleConnections()).toBe(1);

    await afterTtl();
    await orm.em.getConnection().execute('select 2'); // the process's ordinary work shows the database answers
    statements.length = 0;
    expect((await readiness.check()).database).toBe('UP');
    expect(statements).toEqual([]);
  });

  it('answers DOWN within its timeout while the database refuses this process, and UP once it accepts it again', async () => {
    await admin.query(`alter role "${role}" nologin`);
    await admin.query(`select pg_terminate_backend(pid) from pg_stat_activity where usename = $1`, [role]);
    await waitFor('the role to have no connection', async () => (await roleConnections()) === 0);
    await afterTtl();
    // the pool would wait 15 s for a connection (HUB_DB_ACQUIRE_TIMEOUT_MS): the probe answers after its 0.5 s
    expect(await readiness.check()).toEqual({ database: 'DOWN', broker: 'UP' });
    await admin.query(`alter role "${role}" login`);
    await waitFor('the database to be UP again', async () => (await readiness.check()).database === 'UP');
  });

  it('answers DOWN for a broker that is not there', async () => {
    const lost = subgraphReadiness(
      orm,
      createKafka({ brokers: ['127.0.0.1:9'], clientId: `ready-lost-${suffix}`, topicPrefix: '' }),
      { timeoutMs: TIMEOUT_MS, ttlMs: TTL_MS },
    );
    try {
      expect((await lost.check()).broker).toBe('DOWN');
    } finally {
      await lost.stop();
    }
  });
});
