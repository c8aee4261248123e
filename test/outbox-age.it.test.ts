import { randomUUID } from 'node:crypto';
import { HubOrm } from '../platform/db/orm';
import { sqlRun } from '../platform/db/sql';
import { OutboxRelay } from '../platform/events/relay';
import { complaintsSubgraph } from '../subgraphs/complaints/module';
import { dropDatabase } from '../tools/postgres/local-postgres';
import { adminPostgresUrl, uniqueSuffix } from './support/hub-fixture';
import { runDatabaseName } from './support/run-databases';
import { migratedSubgraphOrm } from './support/subgraph-orm';

/**
 * hub_outbox_oldest_unpublished_age_seconds is how long the oldest unpublished row has waited since it was written,
 * not since its event occurred. Before (an operations audit, 2026-12-07), a hotline order the hotline received 30
 * days ago, backfilled just now, read as a 30-day-old stuck outbox until it was published.
 */
describe('the age of the oldest unpublished outbox row', () => {
  const database = runDatabaseName(`outbox_age_${uniqueSuffix()}`);
  let orm: HubOrm;

  beforeAll(async () => {
    orm = await migratedSubgraphOrm(complaintsSubgraph, database);
  });
  afterAll(async () => {
    await orm?.close();
    await dropDatabase(adminPostgresUrl(), database);
  });

  it('counts from when the row was written', async () => {
    await sqlRun(
      orm.em.fork(),
      `insert into complaints.outbox (event_id, topic, message_key, event_type, source, subject, occurred_at, payload)
       values (?, 'complaints.orders.v1', 'k', 'hub.complaints.order.changed', 'complaints', null, now() - interval '30 days', '{}')`,
      [randomUUID()],
    );
    const relay = new OutboxRelay({
      schema: 'complaints',
      knex: orm.em.getKnex(),
      kafka: {} as never,
      kafkaSettings: { clientId: 'test', brokers: [] },
    });
    const { backlog, oldestAgeSeconds } = await relay.backlog();
    expect(backlog).toBe(1);
    expect(oldestAgeSeconds).toBeLessThan(60);
  });
});
