import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import { Producer } from 'kafkajs';
import { verifyWebhook } from '../examples/webhook-receiver';
import { HubOrm, initOrm } from '../platform/db/orm';
import { RunningSubgraph, startSubgraph } from '../platform/subgraph/runtime';
import { WebhookSender } from '../subgraphs/feeds/events/deliver/webhook-sender';
import { feedsSubgraph } from '../subgraphs/feeds/module';
import { TEST_HUB_CONSUMER_MAX_WAIT_MS, TestHub, identity, startTestHub, testTokens } from './support/hub-fixture';
import { rawProducer } from './support/kafka-probe';
import { gqlExpectations } from './support/scenario';
import { waitFor } from './support/wait-for';
import { AREA_REGISTERED, FILING_ACCEPTED, areaRegistered, filingEvent, produceEvents } from './support/webhook-events';
import { connectedClient } from './support/db-client';
import { CLAIM_LOCK, claimDueDeliveries } from '../subgraphs/feeds/persistence/webhook.repository';
import { recordWebhookAttempts } from '../subgraphs/feeds/application/send-due-webhooks';
import { webhookConfig } from '../subgraphs/feeds/application/webhook-config';

const xichengBureau = identity('CITY_BUREAU', 'bureau-xicheng', ['110102']);
const xichengStreetOffice = identity('CITY_BUREAU', 'bureau-xicheng-archive', ['110102']);
const CREATE = `mutation($t: [Key!]!, $u: Url!) { createWebhookSubscription(eventTypes: $t, url: $u) { secret subscription { id } } }`;

/** Every request as it came (no dedupe: a second send of one webhook-id must show), verified with the path's secret. */
async function startRawReceiver() {
  const secrets = new Map<string, string>();
  const requests: { path: string; webhookId: string; filingId: string; sequence: number }[] = [];
  const refused: string[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = req.url ?? '';
      const verdict = verifyWebhook(secrets.get(path) ?? 'whsec_', req.headers, Buffer.concat(chunks).toString());
      if (!verdict.ok) {
        refused.push(verdict.reason);
        res.writeHead(verdict.status).end();
        return;
      }
      const data = verdict.event.data as { filingId: string; sequence: number };
      requests.push({ path, webhookId: verdict.event.webhookId, filingId: data.filingId, sequence: data.sequence });
      // A little work per request, so the requests of both instances overlap.
      setTimeout(() => res.writeHead(204).end(), 20);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    secrets,
    requests,
    refused,
    stop: () => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
  };
}

describe('feeds: two hub instances share the webhook work', () => {
  let t: TestHub;
  let second: RunningSubgraph;
  /**
   * A third instance's claims and records, on one connection only: its backend is known, so a test sees it wait for
   * a lock instead of sleeping and hoping it got there (the two instances' own senders wait for the same locks).
   */
  let third: HubOrm;
  let producer: Producer;
  let receiver: Awaited<ReturnType<typeof startRawReceiver>>;
  const { ok } = gqlExpectations(() => t);
  const area = randomUUID();

  beforeAll(async () => {
    process.env.HUB_WEBHOOK_ALLOWED_HOSTS = '127.0.0.1';
    // Few requests per subscription at a time, and fewer per instance than the two subscriptions allow together: one
    // instance can never hold every due delivery, so the other always finds work (on a quiet machine one instance
    // alone could otherwise take it all).
    process.env.HUB_WEBHOOK_PER_SUBSCRIPTION = '4';
    process.env.HUB_WEBHOOK_IN_FLIGHT = '4';
    t = await startTestHub({ subgraphs: ['feeds'] });
    // A second instance of the feeds subgraph on the same database and consumer groups, as another hub process.
    second = await startSubgraph(feedsSubgraph, {
      databaseUrl: t.databaseUrl,
      kafka: {
        brokers: t.brokers,
        topicPrefix: t.topicPrefix,
        consumerMaxWaitMs: TEST_HUB_CONSUMER_MAX_WAIT_MS,
        sasl: t.kafkaCredentials?.subgraphs.feeds,
      },
      tokens: testTokens,
      port: 0,
      migrations: 'none', // the first instance's database: migrated (or a clone of the migrated template)
    });
    third = await initOrm({
      databaseUrl: t.databaseUrl,
      schema: feedsSubgraph.name,
      entities: feedsSubgraph.entities,
      poolMax: 1,
    });
    receiver = await startRawReceiver();
    producer = rawProducer(t.brokers);
    await producer.connect();
    await produceEvents(producer, t.topicPrefix, [
      { definition: AREA_REGISTERED, key: area, data: areaRegistered(area, '110102') },
    ]);
    await waitFor('the area', async () => (await t.sql(`select 1 from feeds.webhook_area`)).length === 1);
  });

  afterAll(async () => {
    await producer?.disconnect();
    await second?.stop();
    await third?.close();
    await t?.stop();
    await receiver?.stop();
    delete process.env.HUB_WEBHOOK_ALLOWED_HOSTS;
    delete process.env.HUB_WEBHOOK_PER_SUBSCRIPTION;
    delete process.env.HUB_WEBHOOK_IN_FLIGHT;
  });

  it('delivers each event once per subscription, in order per filing, with both instances sending', async () => {
    for (const [who, path] of [
      [xichengBureau, '/a'],
      [xichengStreetOffice, '/b'],
    ] as const) {
      const created = (await ok(who, CREATE, { t: [FILING_ACCEPTED.type], u: `${receiver.base}${path}` }))
        .createWebhookSubscription;
      receiver.secrets.set(path, created.secret);
    }
    const filings = Array.from({ length: 60 }, () => randomUUID());
    const SEQUENCES = [1, 2, 3, 4];
    await produceEvents(
      producer,
      t.topicPrefix,
      SEQUENCES.flatMap((sequence) =>
        filings.map((f) => ({ definition: FILING_ACCEPTED, key: f, data: filingEvent(f, area, sequence) })),
      ),
    );
    const expected = 2 * filings.length * SEQUENCES.length;
    await waitFor('every delivery', () => receiver.requests.length >= expected, { timeoutMs: 60_000 });
    // Nothing more comes: once every delivery is recorded delivered and none is leased, no instance holds one to send
    // (a sender posts only what it claimed, claims only pending rows, and records after the receiver answered).
    await waitFor('every delivery recorded, none leased', async () => {
      const [now] = await t.sql<{ pending: number; leased: number }>(
        `select count(*) filter (where status = 'PENDING')::int as pending,
                count(*) filter (where claimed_until is not null)::int as leased
           from feeds.webhook_delivery`,
      );
      return now.pending === 0 && now.leased === 0;
    });

    expect(receiver.refused).toEqual([]);
    expect(receiver.requests).toHaveLength(expected);
    expect(new Set(receiver.requests.map((r) => r.webhookId)).size).toBe(expected);
    for (const path of ['/a', '/b'])
      for (const filingId of filings) {
        const sequences = receiver.requests
          .filter((r) => r.path === path && r.filingId === filingId)
          .map((r) => r.sequence);
        expect([path, filingId, sequences]).toEqual([path, filingId, SEQUENCES]);
      }
    // Both instances sent, and each attempt was recorded once.
    const senders = [t.hub.subgraphs.feeds!.background, second.background].map(
      (work) => (work as unknown as { webhookSender: WebhookSender }).webhookSender,
    );
    const attempted = senders.map((s) => s.attempted);
    expect(attempted.every((n) => n > 0)).toBe(true);
    expect(attempted[0] + attempted[1]).toBe(expected);
    const [state] = await t.sql<{ delivered: number; attempts: number; leased: number }>(
      `select count(*) filter (where status = 'DELIVERED')::int as delivered,
              (select count(*)::int from feeds.webhook_attempt) as attempts,
              count(*) filter (where claimed_until is not null)::int as leased
       from feeds.webhook_delivery`,
    );
    expect(state).toEqual({ delivered: expected, attempts: expected, leased: 0 });
  });

  /** The backend of `client` (a pg client), or of the third instance's one connection. */
  const backendOf = async (client?: { query: (sql: string) => Promise<{ rows: { pid: number }[] }> }) =>
    client
      ? (await client.query('select pg_backend_pid() as pid')).rows[0].pid
      : (await third.em.getConnection().execute<{ pid: number }[]>('select pg_backend_pid() as pid'))[0].pid;
  /** Until the backend `pid` waits for a lock that `holder` (a backend) holds. */
  const waitsFor = (what: string, pid: number, holder: number) =>
    waitFor(
      what,
      async () => {
        const [{ blockers }] = await t.sql<{ blockers: number[] }>('select pg_blocking_pids($1) as blockers', [pid]);
        return blockers.includes(holder);
      },
      { timeoutMs: 10_000 },
    );

  it('claims deliveries one instance at a time, so the caps hold over all instances', async () => {
    // Each claim counted the rows in flight as of its own start: two at once each took up to the organisation's cap.
    const holder = await connectedClient(t.databaseUrl);
    try {
      await holder.query('select pg_advisory_lock(hashtext($1))', [CLAIM_LOCK]);
      const [holderPid, claimPid] = [await backendOf(holder), await backendOf()];
      let claimed = false;
      const claim = claimDueDeliveries(third.em.fork(), {
        limit: 10,
        perSubscription: 4,
        perOrganisation: 64,
        leaseMs: 1000,
        token: randomUUID(),
      }).then(() => (claimed = true));
      await waitsFor('the claim to wait for the other instance’s', claimPid, holderPid);
      expect(claimed).toBe(false); // waiting for the other instance's claim
      await holder.query('select pg_advisory_unlock(hashtext($1))', [CLAIM_LOCK]);
      await claim;
      expect(claimed).toBe(true);
    } finally {
      await holder.end();
    }
  });
  it('records a batch that pauses a subscription only once it holds the subscription, as a deletion takes it first', async () => {
    // A deletion locks the subscription, then its deliveries (cascade); the sender held the deliveries, then waited to
    // pause the subscription: the two deadlocked, and one of them was aborted.
    const { id: subscriptionId } = (
      await ok(xichengBureau, CREATE, { t: ['hub.contracts.filing.accepted'], u: `${receiver.base}/lock-order` })
    ).createWebhookSubscription.subscription;
    const token = randomUUID();
    const [{ id: deliveryId }] = await t.sql<{ id: string }>(
      `insert into feeds.webhook_delivery (subscription_id, message_id, event_id, event_type, event_source, event_time,
          aggregate_key, payload, claim_token, claimed_until, first_attempt_at)
       values ($1, $2, $3, 'hub.contracts.filing.accepted', 'test', now(), 'lock-order', '{}'::jsonb, $4,
          now() + interval '1 minute', now() - interval '1 day') returning id`,
      [subscriptionId, `msg_${randomUUID()}`, randomUUID(), token],
    );
    const deletion = await connectedClient(t.databaseUrl);
    try {
      await deletion.query('begin');
      await deletion.query('select 1 from feeds.webhook_subscription where id = $1 for update', [subscriptionId]);
      const [deletionPid, recordingPid] = [await backendOf(deletion), await backendOf()];
      const now = new Date();
      const recording = recordWebhookAttempts(
        third.em.fork(),
        [
          {
            subscriptionId,
            exhausted: true,
            record: {
              deliveryId: Number(deliveryId),
              claimToken: token,
              attempt: 1,
              attemptedAt: now,
              statusCode: 500,
              latencyMs: 5,
              error: 'HTTP 500',
              responseBody: null,
              delivered: false,
              nextAttemptAt: new Date(now.getTime() + 60_000),
              firstAttemptAt: new Date(now.getTime() - 86_400_000),
            },
          },
        ],
        webhookConfig(),
      );
      await waitsFor('the sender to wait for the subscription the deletion holds', recordingPid, deletionPid);
      // The sender waits for the subscription and holds none of its deliveries: the deletion takes them at once.
      await deletion.query('set local lock_timeout = 200');
      await deletion.query('select 1 from feeds.webhook_delivery where id = $1 for update', [deliveryId]);
      await deletion.query('delete from feeds.webhook_subscription where id = $1', [subscriptionId]);
      await deletion.query('commit');
      expect(await recording).toBe(0); // its delivery went with the subscription
    } finally {
      await deletion.end();
    }
  });
});
