import { randomUUID } from 'node:crypto';
import { HubOrm } from '../platform/db/orm';
import { pruneAgedRows } from '../platform/db/retention';
import { outboxAgedRows, prunePublishedOutbox } from '../platform/events/outbox-retention';
import { pruneWebhookDeliveries } from '../subgraphs/feeds/application/prune-webhook-deliveries';
import { feedsSubgraph } from '../subgraphs/feeds/module';
import { dropDatabase } from '../tools/postgres/local-postgres';
import { adminPostgresUrl, uniqueSuffix } from './support/hub-fixture';
import { runDatabaseName } from './support/run-databases';
import { migratedSubgraphOrm } from './support/subgraph-orm';

/**
 * Retention on real PostgreSQL: published outbox rows and delivered webhooks older than their retention go, in id
 * order from the oldest, stepping over rows that must stay (not yet published, still pending) and stopping at the
 * first batch that reaches a recent row. Before, both tables kept every row for good.
 */
describe('retention of published events and delivered webhooks', () => {
  const database = runDatabaseName(`retention_${uniqueSuffix()}`);
  let orm: HubOrm;
  const sql = <R>(text: string, params: unknown[] = []) => orm.em.getConnection().execute<R[]>(text, params);
  const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();

  beforeAll(async () => {
    orm = await migratedSubgraphOrm(feedsSubgraph, database);
  });
  afterAll(async () => {
    await orm?.close(true);
    await dropDatabase(adminPostgresUrl(), database);
  });

  /** Outbox rows in this order, each `[name, occurred days ago, published days ago or null]`. */
  const outboxRows = async (rows: [string, number, number | null][]) => {
    await sql(`truncate feeds.outbox`);
    for (const [name, occurred, published] of rows)
      await sql(
        `insert into feeds.outbox (event_id, topic, message_key, event_type, source, occurred_at, payload, published_at)
         values (?, 'feeds.t.v1', ?, 'hub.test', 'test', ?, '{}', ?)`,
        [randomUUID(), name, daysAgo(occurred), published === null ? null : daysAgo(published)],
      );
  };
  const outboxLeft = async () =>
    (await sql<{ message_key: string }>(`select message_key from feeds.outbox order by id`)).map((r) => r.message_key);
  const ROWS: [string, number, number | null][] = [
    ['old-published', 40, 40],
    ['old-unpublished', 40, null],
    ['old-published-2', 39, 39],
    ['recent', 1, 1],
    ['recent-unpublished', 0, null],
    ['old-after-recent', 35, 35],
  ];

  it('deletes the outbox rows published before the retention, never one still to be published', async () => {
    await outboxRows(ROWS);
    expect(await prunePublishedOutbox(orm.em.fork(), 'feeds', 30)).toBe(3);
    expect(await outboxLeft()).toEqual(['old-unpublished', 'recent', 'recent-unpublished']);
    // 0 keeps them for good
    await outboxRows(ROWS);
    expect(await prunePublishedOutbox(orm.em.fork(), 'feeds', 0)).toBe(0);
    expect(await outboxLeft()).toHaveLength(ROWS.length);
  });

  it('walks from the oldest row a batch at a time and stops at the first batch reaching a recent row', async () => {
    await outboxRows(ROWS);
    const selects: string[] = [];
    const knex = orm.em.getKnex();
    const log = (q: { sql: string }) => q.sql.startsWith('select id::text') && selects.push(q.sql);
    knex.on('query', log);
    try {
      expect(await pruneAgedRows(orm.em.fork(), outboxAgedRows('feeds'), 30, 2)).toBe(2);
    } finally {
      knex.removeListener('query', log);
    }
    // [old-published, old-unpublished], then [old-published-2, recent]: the rows after it are not read
    expect(selects).toHaveLength(2);
    expect(await outboxLeft()).toEqual(['old-unpublished', 'recent', 'recent-unpublished', 'old-after-recent']);
  });

  it('deletes delivered webhooks past the retention with their attempts; pending ones stay', async () => {
    const subscription = randomUUID();
    await sql(
      `insert into feeds.webhook_subscription (id, organisation_id, role, event_types, url, secret, status, created_by)
       values (?, 'bureau-retention', 'CITY_BUREAU', '{hub.contracts.filing.accepted}', 'https://hooks.example/', 'v1:x', 'PAUSED', 'test')`,
      [subscription],
    );
    const delivery = async (name: string, created: number, delivered: number | null) => {
      const [{ id }] = await sql<{ id: string }>(
        `insert into feeds.webhook_delivery (subscription_id, message_id, event_id, event_type, event_source, event_time,
           aggregate_key, payload, status, created_at, delivered_at)
         values (?, ?, ?, 'hub.contracts.filing.accepted', 'test', ?, ?, '{}', ?, ?, ?) returning id`,
        [
          subscription,
          `msg_${name}`,
          randomUUID(),
          daysAgo(created),
          name,
          delivered === null ? 'PENDING' : 'DELIVERED',
          daysAgo(created),
          delivered === null ? null : daysAgo(delivered),
        ],
      );
      for (const attempt of [1, 2])
        await sql(
          `insert into feeds.webhook_attempt (delivery_id, attempt, attempted_at, status_code, latency_ms) values (?, ?, ?, 500, 10)`,
          [id, attempt, daysAgo(created)],
        );
    };
    await delivery('old-delivered', 45, 44);
    await delivery('old-pending', 44, null);
    await delivery('recent-delivered', 2, 2);

    expect(await pruneWebhookDeliveries(orm.em.fork(), 30)).toBe(1);
    const left = await sql<{ aggregate_key: string; attempts: number }>(
      `select d.aggregate_key, (select count(*)::int from feeds.webhook_attempt a where a.delivery_id = d.id) as attempts
       from feeds.webhook_delivery d order by d.id`,
    );
    expect(left).toEqual([
      { aggregate_key: 'old-pending', attempts: 2 },
      { aggregate_key: 'recent-delivered', attempts: 2 },
    ]);
    expect((await sql<{ n: number }>(`select count(*)::int as n from feeds.webhook_attempt`))[0].n).toBe(4);
  });
});
