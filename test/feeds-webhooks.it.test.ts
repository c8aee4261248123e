import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import { Producer } from 'kafkajs';
import { TestHub, identity, startTestHub } from './support/hub-fixture';
import { probeTopics, rawProducer } from './support/kafka-probe';
import { gqlExpectations } from './support/scenario';
import { waitFor } from './support/wait-for';
import { RawRequest, startReceiver } from './support/webhook-receiver';
import { verifyWebhook } from '../examples/webhook-receiver';
import { metricSample, scrapeMetrics } from './support/metrics';
import {
  AREA_REGISTERED,
  FILING_ACCEPTED,
  REFERRAL_SUBMITTED,
  areaRegistered,
  filingEvent,
  produceEvents,
  ProducedEvent,
  referralSubmitted,
} from './support/webhook-events';

const xichengBureau = identity('CITY_BUREAU', 'bureau-xicheng', ['110102']);
const haidianBureau = identity('CITY_BUREAU', 'bureau-haidian', ['110108']);
const haidianCourt = identity('COURT', 'bj-haidian-court', ['110108']);
const company = identity('PROPERTY_COMPANY', '91110102MA0000HOOK');
const ownersCommittee = identity('OWNERS_COMMITTEE', 'owners-committee-hook');
// 临江市城市管理行政执法局 reviews the filings of its city (issue 17, seed 004 §六(七)).
const linjiangEnforcement = identity('ENFORCEMENT_BUREAU', 'linjiang-enforcement', ['220681']);

const FILING_TYPES = ['hub.contracts.filing.submitted', 'hub.contracts.filing.accepted'];
const CREATE = `mutation($t: [Key!]!, $u: Url!) { createWebhookSubscription(eventTypes: $t, url: $u) { secret subscription { id status url eventTypes } } }`;
const LIST = `{ webhookSubscriptions { id status pausedAt pausedReason } }`;
const DELIVERIES = `query($s: ID!, $f: WebhookDeliveryFilter) { webhookDeliveries(subscriptionId: $s, filter: $f, first: 200) {
  totalCount items { messageId eventId eventType aggregateKey status replay attempts { attempt statusCode latencyMs error responseBody } } } }`;
const REPLAY = `mutation($s: ID!, $from: DateTimeISO!) { replayWebhooks(subscriptionId: $s, fromTime: $from) }`;
const RESUME = `mutation($s: ID!) { resumeWebhookSubscription(id: $s) { status } }`;
const DELETE = `mutation($s: ID!) { deleteWebhookSubscription(id: $s) }`;
const ROTATE = `mutation($s: ID!) { rotateWebhookSecret(subscriptionId: $s) { secret subscription { id status secretRotatedAt previousSecretExpiresAt } } }`;

describe('feeds: signed webhooks for parties without Kafka', () => {
  let t: TestHub;
  let producer: Producer;
  const receivers: Awaited<ReturnType<typeof startReceiver>>[] = [];
  const { ok, fails } = gqlExpectations(() => t);
  const xichengArea = randomUUID();
  const haidianArea = randomUUID();
  const linjiangArea = randomUUID();
  /** The barrier's own bureau, district and receiver (Fengtai: no test's events are of it). */
  const sentinelBureau = identity('CITY_BUREAU', 'bureau-fengtai-sentinel', ['110106']);
  const sentinelArea = randomUUID();
  let sentinel: Awaited<ReturnType<typeof startReceiver>>;

  const subscribe = async (
    who: typeof xichengBureau,
    types: string[],
    receiver: Awaited<ReturnType<typeof startReceiver>>,
  ) => {
    const created = (await ok(who, CREATE, { t: types, u: receiver.url })).createWebhookSubscription;
    expect(created.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    receiver.useSecret(created.secret);
    return created.subscription.id as string;
  };

  beforeAll(async () => {
    process.env.HUB_WEBHOOK_ALLOWED_HOSTS = '127.0.0.1';
    process.env.HUB_WEBHOOK_RETRY = '200,800,8000';
    process.env.HUB_WEBHOOK_POLL_MS = '100';
    t = await startTestHub({ subgraphs: ['feeds'] });
    producer = rawProducer(t.brokers);
    await producer.connect();
    await produceEvents(producer, t.topicPrefix, [
      { definition: AREA_REGISTERED, key: xichengArea, data: areaRegistered(xichengArea, '110102') },
      { definition: AREA_REGISTERED, key: haidianArea, data: areaRegistered(haidianArea, '110108') },
      { definition: AREA_REGISTERED, key: linjiangArea, data: areaRegistered(linjiangArea, '220681') },
      { definition: AREA_REGISTERED, key: sentinelArea, data: areaRegistered(sentinelArea, '110106') },
    ]);
    await waitFor(
      'the areas in the feeds subgraph',
      async () => (await t.sql(`select 1 from feeds.webhook_area`)).length === 4,
    );
    sentinel = await startReceiver();
    receivers.push(sentinel);
    await subscribe(sentinelBureau, FILING_TYPES, sentinel);
  });

  /**
   * "Nothing more arrives", proved without a fixed sleep: a filing of the sentinel's own area, produced now onto the
   * filings topic (one partition, which the dispatcher reads in order), reaches the sentinel's receiver only once
   * every event produced before it has been dispatched (each event's deliveries to all subscriptions written in one
   * statement) and the sender has claimed and sent again since.
   */
  const barrier = async () => {
    const filing = randomUUID();
    await produceEvents(producer, t.topicPrefix, [
      { definition: FILING_ACCEPTED, key: filing, data: filingEvent(filing, sentinelArea, 1) },
    ]);
    await waitFor(
      'the sentinel filing, behind the events under test',
      () => sentinel.events.some((e) => (e.data as { filingId: string }).filingId === filing),
      { timeoutMs: 30000 },
    );
  };

  afterAll(async () => {
    await producer?.disconnect();
    await t?.stop();
    await Promise.all(receivers.map((r) => r.stop()));
    delete process.env.HUB_WEBHOOK_ALLOWED_HOSTS;
    delete process.env.HUB_WEBHOOK_RETRY;
    delete process.env.HUB_WEBHOOK_POLL_MS;
  });

  it('refuses private, loopback and link-local URLs (unless the host is allowed), other roles and foreign event types', async () => {
    for (const url of [
      'http://10.0.0.7/hooks',
      'http://192.168.1.20/hooks',
      'http://169.254.169.254/latest',
      'http://[::1]:8080/',
      'http://[fe80::1]/',
      'http://localhost:8080/',
    ]) {
      const error = await fails(xichengBureau, CREATE, { t: FILING_TYPES, u: url });
      expect([url, error.extensions.code]).toEqual([url, 'WEBHOOK_URL_REFUSED']);
    }
    expect((await fails(xichengBureau, CREATE, { t: FILING_TYPES, u: 'ftp://127.0.0.1/' })).extensions.code).toBe(
      'WEBHOOK_URL_REFUSED',
    );
    // A company receives its deadline reminders by webhook (issue 21), never the bureaus' filing feed.
    expect((await fails(company, CREATE, { t: FILING_TYPES, u: 'http://127.0.0.1:9/' })).extensions.code).toBe(
      'EVENT_TYPE_NOT_SUBSCRIBABLE',
    );
    expect((await fails(ownersCommittee, CREATE, { t: FILING_TYPES, u: 'http://127.0.0.1:9/' })).extensions.code).toBe(
      'FORBIDDEN',
    );
    const foreign = await fails(haidianCourt, CREATE, {
      t: ['hub.contracts.filing.accepted', REFERRAL_SUBMITTED.type],
      u: 'http://127.0.0.1:9/',
    });
    expect(foreign.extensions).toMatchObject({
      code: 'EVENT_TYPE_NOT_SUBSCRIBABLE',
      details: { eventTypes: ['hub.contracts.filing.accepted'] },
    });
    expect(
      (await fails(haidianCourt, CREATE, { t: ['hub.arrears.account.status-changed'], u: 'http://127.0.0.1:9/' }))
        .extensions.code,
    ).toBe('EVENT_TYPE_NOT_SUBSCRIBABLE');
    expect((await ok(xichengBureau, LIST)).webhookSubscriptions).toEqual([]);
  });

  it('delivers every event once, in order per filing, to a receiver that answers 500 for its first 3 s; never another district’s filing', async () => {
    let failUntil = Number.POSITIVE_INFINITY;
    const bureauReceiver = await startReceiver(() => Date.now() < failUntil);
    const courtReceiver = await startReceiver();
    receivers.push(bureauReceiver, courtReceiver);
    const bureauSubscription = await subscribe(xichengBureau, FILING_TYPES, bureauReceiver);
    await subscribe(haidianCourt, [REFERRAL_SUBMITTED.type], courtReceiver);

    const xichengFilings = [randomUUID(), randomUUID(), randomUUID()];
    const haidianFiling = randomUUID();
    const events: ProducedEvent[] = [1, 2, 3].flatMap((sequence) => [
      ...xichengFilings.map((f) => ({
        definition: FILING_ACCEPTED,
        key: f,
        data: filingEvent(f, xichengArea, sequence),
      })),
      { definition: FILING_ACCEPTED, key: haidianFiling, data: filingEvent(haidianFiling, haidianArea, sequence) },
    ]);
    const referralToHaidian = randomUUID();
    events.push(
      {
        definition: REFERRAL_SUBMITTED,
        key: referralToHaidian,
        data: referralSubmitted(referralToHaidian, 'bj-haidian-court'),
      },
      { definition: REFERRAL_SUBMITTED, key: randomUUID(), data: referralSubmitted(randomUUID(), 'bj-xicheng-court') },
    );
    failUntil = Date.now() + 3000;
    await produceEvents(producer, t.topicPrefix, events);

    const received = await waitFor(
      'the Xicheng filings, past the outage',
      () => (bureauReceiver.events.length >= 9 ? [...bureauReceiver.events] : undefined),
      { timeoutMs: 30000 },
    );
    expect(Date.now()).toBeGreaterThanOrEqual(failUntil);
    expect(new Set(received.map((e) => e.webhookId)).size).toBe(received.length);
    expect(received.map((e) => (e.data as { filingId: string }).filingId).sort()).toEqual(
      [...xichengFilings, ...xichengFilings, ...xichengFilings].sort(),
    );
    for (const filingId of xichengFilings) {
      const sequences = received
        .filter((e) => (e.data as { filingId: string }).filingId === filingId)
        .map((e) => (e.data as { sequence: number }).sequence);
      expect([filingId, sequences]).toEqual([filingId, [1, 2, 3]]);
    }
    expect(bureauReceiver.requests()).toBeGreaterThan(9); // the 500s were retried

    // The court gets only the referral addressed to it.
    const courtEvents = await waitFor('the Haidian referral', () =>
      courtReceiver.events.length >= 1 ? courtReceiver.events : undefined,
    );
    expect(courtEvents.map((e) => [e.type, (e.data as { referralId: string }).referralId])).toEqual([
      [REFERRAL_SUBMITTED.type, referralToHaidian],
    ]);

    // Each attempt is visible with its status code and latency; only 2xx counts as delivered. The receiver holds an
    // event as soon as it answers 204, before the hub has recorded that answer: read the deliveries once all are.
    const page = await waitFor('every delivery recorded as delivered', async () => {
      const deliveries = (await ok(xichengBureau, DELIVERIES, { s: bureauSubscription })).webhookDeliveries;
      return deliveries.totalCount === 9 && deliveries.items.every((d: { status: string }) => d.status === 'DELIVERED')
        ? deliveries
        : undefined;
    });
    expect(page.totalCount).toBe(9);
    expect(page.items.every((d: { status: string }) => d.status === 'DELIVERED')).toBe(true);
    const attempts = page.items.flatMap(
      (d: { attempts: { statusCode: number; latencyMs: number; error: string | null }[] }) => d.attempts,
    );
    expect(attempts.filter((a: { statusCode: number }) => a.statusCode === 500).length).toBeGreaterThan(0);
    expect(
      attempts
        .filter((a: { statusCode: number }) => a.statusCode === 500)
        .every((a: { error: string }) => a.error === 'HTTP 500'),
    ).toBe(true);
    expect(attempts.filter((a: { statusCode: number }) => a.statusCode === 204)).toHaveLength(9);
    expect(attempts.every((a: { latencyMs: number }) => a.latencyMs >= 0)).toBe(true);
    const failed = page.items
      .flatMap((d: { attempts: { statusCode: number; responseBody: string }[] }) => d.attempts)
      .find((a: { statusCode: number }) => a.statusCode === 500);
    // The reference receiver answers 500 without the party's own error text (examples/webhook-receiver.ts, 38b3c8b).
    expect(failed.responseBody).toBe('not handled; retry later');

    // Nothing of Haidian was queued for the Xicheng bureau, even after everything settled (the Haidian filing's last
    // event came after the last Xicheng one: the barrier has it dispatched), and nothing more reached it.
    await barrier();
    expect(bureauReceiver.events.filter((e) => (e.data as { areaId: string }).areaId !== xichengArea)).toEqual([]);
    expect(bureauReceiver.events).toHaveLength(9);
    const rows = await t.sql<{ n: number }>(
      `select count(*)::int as n from feeds.webhook_delivery where payload->>'areaId' = $1`,
      [haidianArea],
    );
    expect(rows[0].n).toBe(0);

    // Replay: the events again, each once, with new webhook-ids and the same ce-ids.
    const queued = (
      await ok(xichengBureau, REPLAY, { s: bureauSubscription, from: new Date(Date.now() - 3_600_000).toISOString() })
    ).replayWebhooks;
    expect(queued).toBe(9);
    await waitFor('the replayed events', () => bureauReceiver.events.length >= 18);
    const replayed = bureauReceiver.events.slice(9);
    expect(replayed.map((e) => e.id).sort()).toEqual(received.map((e) => e.id).sort());
    expect(replayed.some((e) => received.some((r) => r.webhookId === e.webhookId))).toBe(false);
  });

  it('keeps a filing whose area is not known yet until the area arrives, then delivers it in order (not dead-lettered)', async () => {
    const chaoyangBureau = identity('CITY_BUREAU', 'bureau-chaoyang', ['110105']);
    const receiver = await startReceiver();
    const haidianReceiver = await startReceiver();
    receivers.push(receiver, haidianReceiver);
    await subscribe(chaoyangBureau, FILING_TYPES, receiver);
    const haidianSubscription = await subscribe(haidianBureau, FILING_TYPES, haidianReceiver);
    const chaoyangArea = randomUUID();
    const filing = randomUUID();
    const early = [1, 2].map((sequence) => ({
      definition: FILING_ACCEPTED,
      key: filing,
      data: filingEvent(filing, chaoyangArea, sequence),
    }));
    const producedAt = Date.now();
    await produceEvents(producer, t.topicPrefix, early);
    // The dispatcher has taken both (its inbox holds them) while the area's registration has not come: the old code
    // retried each for 3 s and dead-lettered it, and never wrote its inbox row.
    await waitFor(
      'the early filings taken by the dispatcher',
      async () =>
        (
          await t.sql(
            `select 1 from feeds.inbox i join feeds.webhook_waiting_event w on w.event_id = i.event_id
              where i.consumer = 'feeds.webhook-dispatcher' and w.area_id = $1`,
            [chaoyangArea],
          )
        ).length === 2,
      { timeoutMs: 20000 },
    );
    expect(receiver.events).toEqual([]);
    // An operator sees them wait (and alerts on their age).
    const WAITING = 'name="webhook_filings_awaiting_area"';
    expect(metricSample((await scrapeMetrics(t)).text, 'hub_waiting', WAITING)).toBe(2);
    const age = metricSample((await scrapeMetrics(t)).text, 'hub_waiting_oldest_age_seconds', WAITING);
    expect(age).toBeGreaterThanOrEqual(0);
    expect(age).toBeLessThanOrEqual((Date.now() - producedAt) / 1000 + 1);

    await produceEvents(producer, t.topicPrefix, [
      { definition: AREA_REGISTERED, key: chaoyangArea, data: areaRegistered(chaoyangArea, '110105') },
      { definition: FILING_ACCEPTED, key: filing, data: filingEvent(filing, chaoyangArea, 3) },
    ]);
    const received = await waitFor('the waiting filings, once the area is known', () =>
      receiver.events.length >= 3 ? [...receiver.events] : undefined,
    );
    expect(received.map((e) => (e.data as { sequence: number }).sequence)).toEqual([1, 2, 3]);
    expect(await t.sql(`select 1 from feeds.webhook_waiting_event where area_id = $1`, [chaoyangArea])).toEqual([]);
    expect(metricSample((await scrapeMetrics(t)).text, 'hub_waiting', WAITING)).toBe(0);
    // Another district's bureau gets none of them, as for any filing: none was queued for it (an event's deliveries to
    // every subscription are written together, and all three were delivered to Chaoyang's), so none can come later.
    expect(
      await t.sql(`select id from feeds.webhook_delivery where subscription_id = $1 and payload->>'areaId' = $2`, [
        haidianSubscription,
        chaoyangArea,
      ]),
    ).toEqual([]);
    expect(haidianReceiver.events.filter((e) => (e.data as { areaId: string }).areaId === chaoyangArea)).toEqual([]);
  });

  it('pauses a subscription whose receiver keeps failing past the retry window, visibly; resuming sends what waited', async () => {
    let down = true;
    const receiver = await startReceiver(() => down);
    receivers.push(receiver);
    const subscription = await subscribe(haidianBureau, FILING_TYPES, receiver);
    const filing = randomUUID();
    await produceEvents(producer, t.topicPrefix, [
      { definition: FILING_ACCEPTED, key: filing, data: filingEvent(filing, haidianArea, 1) },
    ]);
    const paused = await waitFor(
      'the subscription paused',
      async () =>
        (await ok(haidianBureau, LIST)).webhookSubscriptions.find(
          (s: { id: string; status: string }) => s.id === subscription && s.status === 'PAUSED',
        ),
      { timeoutMs: 30000 },
    );
    expect(paused.pausedReason).toMatch(/retry window/);
    expect(paused.pausedAt).toBeTruthy();
    // Nothing is sent while paused: its delivery is due (only the pause holds it back), and the sender has claimed and
    // sent since (the barrier), yet the delivery was neither claimed nor attempted again.
    const before = receiver.requests();
    const held = () =>
      t.sql<{ attempts: number; due: boolean; leased: boolean }>(
        `select attempts, next_attempt_at <= now() as due, coalesce(claimed_until > now(), false) as leased
           from feeds.webhook_delivery where subscription_id = $1 and status = 'PENDING'`,
        [subscription],
      );
    const [waiting] = await held();
    expect(waiting).toMatchObject({ due: true, leased: false });
    await barrier();
    expect(receiver.requests()).toBe(before);
    expect(await held()).toEqual([waiting]);
    // One replay at a time: a second while the first waits is refused (each copied up to 10,000 events).
    const from = new Date(Date.now() - 3_600_000).toISOString();
    expect((await ok(haidianBureau, REPLAY, { s: subscription, from })).replayWebhooks).toBe(1);
    expect((await fails(haidianBureau, REPLAY, { s: subscription, from })).extensions.code).toBe('REPLAY_IN_PROGRESS');

    down = false;
    expect((await ok(haidianBureau, RESUME, { s: subscription })).resumeWebhookSubscription.status).toBe('ACTIVE');
    await waitFor('the waiting filing and its replay', () => receiver.events.length === 2);
    expect(receiver.events.map((e) => (e.data as { filingId: string }).filingId)).toEqual([filing, filing]);
    // Delivered: it may be replayed again.
    await waitFor('the replay recorded as delivered', async () => {
      const deliveries = (await ok(haidianBureau, DELIVERIES, { s: subscription })).webhookDeliveries;
      return deliveries.items.every((d: { status: string }) => d.status === 'DELIVERED');
    });
    expect((await ok(haidianBureau, REPLAY, { s: subscription, from })).replayWebhooks).toBe(1);
  });

  it('keeps a filing of an area it has not heard of, dead-letters one holding NUL, and still delivers the rest of its batch', async () => {
    const receiver = await startReceiver();
    receivers.push(receiver);
    await subscribe(xichengBureau, FILING_TYPES, receiver);
    const probe = await probeTopics(t.brokers, [`${t.topicPrefix}feeds.dead-letter.v1`]);
    try {
      const [orphan, unstorable, known] = [randomUUID(), randomUUID(), randomUUID()];
      // One key: one partition, so all three arrive in one fetched batch. The second's schema holds, but PostgreSQL
      // refuses its NUL: it used to fail each retry and be dead-lettered as HANDLER_FAILED.
      const [orphanEventId, unstorableEventId] = await produceEvents(producer, t.topicPrefix, [
        { definition: FILING_ACCEPTED, key: 'one-batch', data: filingEvent(orphan, randomUUID(), 1) },
        {
          definition: FILING_ACCEPTED,
          key: 'one-batch',
          data: { ...filingEvent(unstorable, xichengArea, 1), companyId: 'company\u0000test' },
        },
        { definition: FILING_ACCEPTED, key: 'one-batch', data: filingEvent(known, xichengArea, 1) },
      ]);
      await waitFor('the known filing', () =>
        receiver.events.some((e) => (e.data as { filingId: string }).filingId === known),
      );
      // The orphan waits for its area's registration (the test above), where it used to be dead-lettered.
      expect(
        await t.sql(`select event_id from feeds.webhook_waiting_event where event_id = $1`, [orphanEventId]),
      ).toEqual([{ event_id: orphanEventId }]);
      const [refused] = await probe.waitForCount(
        'the dead-lettered NUL',
        (m) => m.headers.ce_id === unstorableEventId,
        1,
      );
      expect(refused.headers.dlq_reason_code).toBe('UNSTORABLE_TEXT');
      expect(refused.headers.dlq_reason).toMatch(/at \/companyId$/);
      expect(receiver.events.map((e) => (e.data as { filingId: string }).filingId)).toEqual([known]);
      expect(probe.received.filter((m) => m.headers.ce_id === orphanEventId)).toEqual([]);
    } finally {
      await probe.stop();
    }
  });

  it("gives Linjiang's enforcement bureau the filings of its city, never Beijing's, and no referrals", async () => {
    for (const types of [[REFERRAL_SUBMITTED.type], ['hub.litigation.batch.formed', ...FILING_TYPES]]) {
      const refused = await fails(linjiangEnforcement, CREATE, { t: types, u: 'http://127.0.0.1:9/' });
      expect(refused.extensions).toMatchObject({
        code: 'EVENT_TYPE_NOT_SUBSCRIBABLE',
        details: { eventTypes: [types[0]] },
      });
    }
    const unbound = identity('ENFORCEMENT_BUREAU', 'linjiang-enforcement', []);
    expect((await fails(unbound, CREATE, { t: FILING_TYPES, u: 'http://127.0.0.1:9/' })).extensions.code).toBe(
      'FORBIDDEN',
    );
    expect((await ok(linjiangEnforcement, LIST)).webhookSubscriptions).toEqual([]);

    const receiver = await startReceiver();
    const xichengReceiver = await startReceiver();
    receivers.push(receiver, xichengReceiver);
    const subscription = await subscribe(linjiangEnforcement, FILING_TYPES, receiver);
    const xichengSubscription = await subscribe(xichengBureau, FILING_TYPES, xichengReceiver);
    const [beijing, linjiang] = [randomUUID(), randomUUID()];
    await produceEvents(producer, t.topicPrefix, [
      { definition: FILING_ACCEPTED, key: beijing, data: filingEvent(beijing, xichengArea, 1) },
      { definition: FILING_ACCEPTED, key: linjiang, data: filingEvent(linjiang, linjiangArea, 1) },
    ]);
    // Both filings were dispatched: the Beijing one reached Xicheng's bureau, the Linjiang one the enforcement bureau.
    await waitFor('the Beijing filing at the Xicheng bureau', () =>
      xichengReceiver.events.some((e) => (e.data as { filingId: string }).filingId === beijing),
    );
    await waitFor('the Linjiang filing', () => receiver.events.length >= 1);
    // Nothing more arrives: every event before the barrier is dispatched, and the sender has sent since.
    await barrier();
    expect(receiver.events.map((e) => [e.type, (e.data as { filingId: string }).filingId])).toEqual([
      [FILING_ACCEPTED.type, linjiang],
    ]);
    expect(xichengReceiver.events.map((e) => (e.data as { filingId: string }).filingId)).not.toContain(linjiang);
    const rows = await t.sql<{ filing: string }>(
      `select payload->>'filingId' as filing from feeds.webhook_delivery where subscription_id = $1`,
      [subscription],
    );
    expect(rows.map((r) => r.filing)).toEqual([linjiang]);
    expect(
      await t.sql(`select id from feeds.webhook_delivery where subscription_id = $1 and payload->>'filingId' = $2`, [
        xichengSubscription,
        linjiang,
      ]),
    ).toEqual([]);
  });

  it("records a receiver's answer holding NUL bytes, and so every other attempt of its batch", async () => {
    // A receiver may answer anything: a compressed or binary body holds NUL bytes, which PostgreSQL's text refuses.
    // Before, recording such an attempt failed the whole batch's transaction: the binary receiver's delivery and
    // every other party's in the same batch stayed unrecorded and were sent again at the end of each lease.
    let binaryRequests = 0;
    const binary = http.createServer((req, res) => {
      binaryRequests++;
      req.resume();
      req.on('end', () =>
        res
          .writeHead(200, { 'content-type': 'application/octet-stream' })
          .end(Buffer.from([0x6f, 0x6b, 0, 0, 0x1f, 0x8b])),
      );
    });
    await new Promise<void>((resolve) => binary.listen(0, '127.0.0.1', resolve));
    const honest = await startReceiver();
    receivers.push(honest);
    try {
      const binaryBureau = identity('CITY_BUREAU', 'bureau-xicheng-binary', ['110102']);
      const honestBureau = identity('CITY_BUREAU', 'bureau-xicheng-honest', ['110102']);
      const binaryUrl = `http://127.0.0.1:${(binary.address() as AddressInfo).port}/hooks`;
      const binarySubscription = (await ok(binaryBureau, CREATE, { t: FILING_TYPES, u: binaryUrl }))
        .createWebhookSubscription.subscription.id as string;
      const honestSubscription = await subscribe(honestBureau, FILING_TYPES, honest);
      const filing = randomUUID();
      await produceEvents(producer, t.topicPrefix, [
        { definition: FILING_ACCEPTED, key: filing, data: filingEvent(filing, xichengArea, 1) },
      ]);
      const delivered = async (who: typeof xichengBureau, s: string) => {
        const page = (await ok(who, DELIVERIES, { s })).webhookDeliveries;
        return page.items.length === 1 && page.items[0].status === 'DELIVERED' ? page.items[0] : undefined;
      };
      const binaryDelivery = await waitFor('the binary answer recorded', () =>
        delivered(binaryBureau, binarySubscription),
      );
      expect(binaryDelivery.attempts).toEqual([
        expect.objectContaining({
          attempt: 1,
          statusCode: 200,
          error: null,
          responseBody: 'ok\ufffd\ufffd\u001f\ufffd',
        }),
      ]);
      const honestDelivery = await waitFor('the honest answer recorded', () =>
        delivered(honestBureau, honestSubscription),
      );
      expect(honestDelivery.attempts.map((a: { attempt: number }) => a.attempt)).toEqual([1]);
      // Sent once each, not again and again: recorded, neither is pending or leased any more (the sender takes only
      // pending rows), and the sender has claimed and sent again since (the barrier).
      expect(
        await t.sql(
          `select subscription_id as s, status, attempts, claimed_until from feeds.webhook_delivery
            where subscription_id = any($1::uuid[]) order by status, subscription_id`,
          [[binarySubscription, honestSubscription]],
        ),
      ).toEqual(
        [binarySubscription, honestSubscription]
          .sort()
          .map((s) => ({ s, status: 'DELIVERED', attempts: 1, claimed_until: null })),
      );
      await barrier();
      expect(binaryRequests).toBe(1);
      expect(honest.events.map((e) => (e.data as { filingId: string }).filingId)).toEqual([filing]);
    } finally {
      binary.closeAllConnections();
      await new Promise((resolve) => binary.close(resolve));
    }
  });

  it('keeps an organisation to 20 subscriptions however many it makes at once', async () => {
    // The count and the insert raced: requests made together each saw room for one more.
    const bureau = identity('CITY_BUREAU', `bureau-xicheng-burst-${randomUUID().slice(0, 8)}`, ['110102']);
    const answers = await Promise.all(
      Array.from({ length: 30 }, () => t.gql(bureau, CREATE, { t: FILING_TYPES, u: 'http://127.0.0.1:9/hooks' })),
    );
    const made = answers.filter((a) => !a.body.errors).length;
    const refusedCodes = answers.flatMap((a) =>
      (a.body.errors ?? []).map((e: { extensions: { code: string } }) => e.extensions.code),
    );
    expect([made, [...new Set(refusedCodes)]]).toEqual([20, ['BAD_USER_INPUT']]);
    expect((await ok(bureau, LIST)).webhookSubscriptions).toHaveLength(20);
  });

  it("sends an organisation's events at once while another's receivers hang, which holds at most 64 requests", async () => {
    // Every request to this receiver hangs until the sender's 10 s timeout.
    let open = 0;
    let mostOpen = 0;
    /** Hanging requests the sender has given up on (its timeout), which would free a request for others. */
    let closed = 0;
    const hanging = http.createServer((req) => {
      mostOpen = Math.max(mostOpen, ++open);
      req.socket.once('close', () => {
        open--;
        closed++;
      });
    });
    await new Promise<void>((resolve) => hanging.listen(0, '127.0.0.1', resolve));
    const hangingUrl = `http://127.0.0.1:${(hanging.address() as AddressInfo).port}/hooks`;
    const stalling = identity('CITY_BUREAU', `bureau-haidian-hang-${randomUUID().slice(0, 8)}`, ['110108']);
    const stalled: string[] = [];
    // How many hanging requests had been closed when each event reached the honest receiver (its hook, asked once
    // before each event is kept, in the order they are kept): never failing.
    const closedOnArrival: number[] = [];
    const honest = await startReceiver(() => {
      closedOnArrival.push(closed);
      return false;
    });
    receivers.push(honest);
    const honestSubscription = await subscribe(xichengBureau, FILING_TYPES, honest);
    try {
      for (let i = 0; i < 8; i++)
        stalled.push(
          (await ok(stalling, CREATE, { t: FILING_TYPES, u: hangingUrl })).createWebhookSubscription.subscription.id,
        );
      // 40 Haidian filings: 320 deliveries due to the hanging receiver, more than an instance sends at once (256)
      await produceEvents(
        producer,
        t.topicPrefix,
        Array.from({ length: 40 }, () => {
          const filing = randomUUID();
          return { definition: FILING_ACCEPTED, key: filing, data: filingEvent(filing, haidianArea, 1) };
        }),
      );
      await waitFor('the hanging receiver to hold its requests', () => open >= 64, { timeoutMs: 30000 });
      await barrier(); // the sender has claimed again since: room for any further claim of the hanging organisation
      const filing = randomUUID();
      await produceEvents(producer, t.topicPrefix, [
        { definition: FILING_ACCEPTED, key: filing, data: filingEvent(filing, xichengArea, 1) },
      ]);
      const arrived = await waitFor('the Xicheng filing', () => {
        const i = honest.events.findIndex((e) => (e.data as { filingId: string }).filingId === filing);
        return i >= 0 ? i + 1 : undefined;
      });
      // Before, the hanging organisation held all 256 requests of the instance, and the filing waited for the first
      // of them to time out: it arrives while the hanging receiver still holds every request it was sent.
      expect(closedOnArrival[arrived - 1]).toBe(0);
      expect(mostOpen).toBe(64);
    } finally {
      for (const id of [...stalled]) await ok(stalling, DELETE, { s: id });
      await ok(xichengBureau, DELETE, { s: honestSubscription });
      hanging.closeAllConnections();
      hanging.close();
    }
  });

  it("never shows or changes another organisation's subscriptions", async () => {
    const receiver = await startReceiver();
    receivers.push(receiver);
    const xicheng = await subscribe(xichengBureau, FILING_TYPES, receiver);
    const haidianList = (await ok(haidianBureau, LIST)).webhookSubscriptions.map((s: { id: string }) => s.id);
    expect(haidianList).not.toContain(xicheng);
    expect((await ok(xichengBureau, LIST)).webhookSubscriptions.map((s: { id: string }) => s.id)).toContain(xicheng);
    for (const [query, variables] of [
      [DELIVERIES, { s: xicheng }],
      [REPLAY, { s: xicheng, from: new Date(0).toISOString() }],
      [RESUME, { s: xicheng }],
      [DELETE, { s: xicheng }],
    ] as const) {
      expect((await fails(haidianBureau, query, variables)).extensions.code).toBe('NOT_FOUND');
      expect((await fails(haidianCourt, query, variables)).extensions.code).toBe('NOT_FOUND');
    }
    expect((await ok(company, LIST)).webhookSubscriptions).toEqual([]);
    // naming another organisation gives nothing but to the admin
    const BY = `query($o: Key) { webhookSubscriptions(organisationId: $o) { id jurisdictions } }`;
    expect((await ok(haidianBureau, BY, { o: xichengBureau.organisationId })).webhookSubscriptions).toEqual([]);
    expect((await ok(xichengBureau, DELETE, { s: xicheng })).deleteWebhookSubscription).toBe(true);
  });

  it('lets the admin see and end what an organisation receives by the jurisdictions it was created with', async () => {
    // A subscription keeps the jurisdictions of the token that created it: here 11, all of Beijing. When the bureau is
    // narrowed to its district, the admin finds what it still receives and ends it; before, nobody but the bureau
    // could see or end its subscriptions.
    const receiver = await startReceiver();
    receivers.push(receiver);
    const wide = identity('CITY_BUREAU', 'bureau-narrowed', ['11']);
    const id = await subscribe(wide, FILING_TYPES, receiver);
    const admin = identity('ADMIN', 'hub-admin');
    const BY = `query($o: Key) { webhookSubscriptions(organisationId: $o) { id jurisdictions } }`;
    expect((await ok(admin, BY, { o: wide.organisationId })).webhookSubscriptions).toEqual([
      { id, jurisdictions: ['11'] },
    ]);
    expect((await ok(admin, LIST)).webhookSubscriptions).toEqual([]); // the admin has none of its own
    expect((await ok(admin, DELETE, { s: id })).deleteWebhookSubscription).toBe(true);
    expect((await ok(wide, LIST)).webhookSubscriptions).toEqual([]);
    expect((await fails(admin, DELETE, { s: id })).extensions.code).toBe('NOT_FOUND');
  });

  it('keeps signing secrets sealed at rest, seals one stored in plain text, and sends nothing it cannot sign', async () => {
    const storedSecret = async (id: string) =>
      (await t.sql<{ secret: string }>(`select secret from feeds.webhook_subscription where id = $1`, [id]))[0].secret;
    const sealedReceiver = await startReceiver();
    const movedReceiver = await startReceiver();
    receivers.push(sealedReceiver, movedReceiver);
    const sealed = identity('CITY_BUREAU', 'bureau-xicheng-sealed', ['110102']);
    const created = (await ok(sealed, CREATE, { t: [FILING_ACCEPTED.type], u: sealedReceiver.url }))
      .createWebhookSubscription;
    const { secret } = created as { secret: string };
    const id = created.subscription.id as string;
    sealedReceiver.useSecret(secret);
    const atRest = await storedSecret(id);
    expect(atRest).toMatch(/^v1:/);
    expect(atRest).not.toContain(secret.slice('whsec_'.length, 20));

    // A secret in plain text (written before sealing, or by an older instance) is sealed by the sender, and signs.
    await t.sql(`update feeds.webhook_subscription set secret = $2 where id = $1`, [id, secret]);
    await waitFor('the plain-text secret sealed', async () => (await storedSecret(id)).startsWith('v1:'));
    expect(await storedSecret(id)).not.toBe(atRest); // sealed afresh, with a new IV

    // A sealed value moved onto another subscription does not open there: that delivery is never sent unsigned.
    const moved = identity('CITY_BUREAU', 'bureau-xicheng-moved', ['110102']);
    const movedId = (await ok(moved, CREATE, { t: [FILING_ACCEPTED.type], u: movedReceiver.url }))
      .createWebhookSubscription.subscription.id as string;
    await t.sql(`update feeds.webhook_subscription set secret = $2 where id = $1`, [movedId, await storedSecret(id)]);

    const filingId = randomUUID();
    await produceEvents(producer, t.topicPrefix, [
      { definition: FILING_ACCEPTED, key: filingId, data: filingEvent(filingId, xichengArea, 1) },
    ]);
    const [event] = await waitFor('the filing, verified with the secret shown at creation', () =>
      sealedReceiver.events.length >= 1 ? sealedReceiver.events : undefined,
    );
    expect((event.data as { filingId: string }).filingId).toBe(filingId);
    const attempts = await waitFor('the unsignable attempt recorded', async () => {
      const page = (await ok(moved, DELIVERIES, { s: movedId })).webhookDeliveries;
      const tried = page.items.flatMap((d: { attempts: unknown[] }) => d.attempts);
      return tried.length > 0 ? tried : undefined;
    });
    expect(attempts[0]).toMatchObject({
      statusCode: null,
      error: 'The hub could not sign this delivery and did not send it; its operator is told',
    });
    expect(movedReceiver.requests()).toBe(0);
  });

  describe("rotating a subscription's signing secret", () => {
    // Chaoyang (110105): no other test's subscription receives its filings.
    const chaoyangArea = randomUUID();
    const rotating = identity('CITY_BUREAU', 'bureau-chaoyang-rotating', ['110105']);
    const SECRETS = `select secret, previous_secret, secret_rotated_at, previous_secret_expires_at
                     from feeds.webhook_subscription where id = $1`;
    const stored = async (id: string) =>
      (
        await t.sql<{
          secret: string;
          previous_secret: string | null;
          secret_rotated_at: Date | null;
          previous_secret_expires_at: Date | null;
        }>(SECRETS, [id])
      )[0];
    const fileIn = async (filingId: string) =>
      produceEvents(producer, t.topicPrefix, [
        { definition: FILING_ACCEPTED, key: filingId, data: filingEvent(filingId, chaoyangArea, 1) },
      ]);
    /** The request that brought this filing, as it came (the 2xx one: the receiver took it). */
    const requestOf = (raw: RawRequest[], filingId: string) =>
      waitFor(`the request carrying ${filingId}`, () => raw.find((r) => r.status === 204 && r.body.includes(filingId)));
    const verifiesUnder = (request: RawRequest, secret: string) =>
      verifyWebhook(secret, request.headers, request.body).ok;

    beforeAll(async () => {
      await produceEvents(producer, t.topicPrefix, [
        { definition: AREA_REGISTERED, key: chaoyangArea, data: areaRegistered(chaoyangArea, '110105') },
      ]);
    });

    it('signs under both secrets for the overlap, keeps the history, refuses a second rotation and other organisations', async () => {
      const receiver = await startReceiver();
      receivers.push(receiver);
      const created = (await ok(rotating, CREATE, { t: [FILING_ACCEPTED.type], u: receiver.url }))
        .createWebhookSubscription;
      const id = created.subscription.id as string;
      const oldSecret = created.secret as string;
      receiver.useSecret(oldSecret);

      const before = randomUUID();
      await fileIn(before);
      const beforeRequest = await requestOf(receiver.raw, before);
      expect(beforeRequest.headers['webhook-signature']).toMatch(/^v1,\S+$/);

      // Another organisation's rotation is NOT_FOUND, as for every webhook mutation, and changes nothing.
      const untouched = await stored(id);
      for (const other of [haidianBureau, haidianCourt, identity('CITY_BUREAU', 'bureau-chaoyang-other', ['110105'])])
        expect((await fails(other, ROTATE, { s: id })).extensions.code).toBe('NOT_FOUND');
      expect((await fails(identity('ADMIN', 'hub-admin'), ROTATE, { s: id })).extensions.code).toBe('FORBIDDEN');
      expect(await stored(id)).toEqual(untouched);
      expect(untouched).toMatchObject({ previous_secret: null, secret_rotated_at: null });

      const asked = Date.now();
      const rotated = (await ok(rotating, ROTATE, { s: id })).rotateWebhookSecret;
      const newSecret = rotated.secret as string;
      expect(newSecret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
      expect(newSecret).not.toBe(oldSecret);
      const rotatedAt = Date.parse(rotated.subscription.secretRotatedAt);
      expect(Math.abs(rotatedAt - asked)).toBeLessThan(5000);
      // The default overlap: 24 h from the rotation.
      expect(Date.parse(rotated.subscription.previousSecretExpiresAt) - rotatedAt).toBe(24 * 60 * 60_000);
      // Both sealed at rest: neither secret's text is in the row.
      const atRest = await stored(id);
      for (const [column, secret] of [
        [atRest.secret, newSecret],
        [atRest.previous_secret!, oldSecret],
      ]) {
        expect(column).toMatch(/^v1:/);
        expect(column).not.toContain(secret.slice('whsec_'.length, 20));
      }

      // A second rotation during the overlap is refused, with the overlap's end, and changes nothing.
      const again = await fails(rotating, ROTATE, { s: id });
      expect(again.extensions).toMatchObject({
        code: 'SECRET_ROTATION_IN_PROGRESS',
        details: { previousSecretExpiresAt: rotated.subscription.previousSecretExpiresAt },
      });
      expect(await stored(id)).toEqual(atRest);

      // During the overlap the receiver still holding the old secret takes the delivery, and it verifies under either.
      const during = randomUUID();
      await fileIn(during);
      const duringRequest = await requestOf(receiver.raw, during);
      expect(duringRequest.headers['webhook-signature']).toMatch(/^v1,\S+ v1,\S+$/);
      expect(duringRequest.headers['webhook-ce-signature']).toMatch(/^v1,\S+ v1,\S+$/);
      expect([verifiesUnder(duringRequest, oldSecret), verifiesUnder(duringRequest, newSecret)]).toEqual([true, true]);
      expect(verifiesUnder(beforeRequest, newSecret)).toBe(false); // the new secret signs from the rotation on

      // The receiver changes over to the new secret when it likes: the next one verifies there too.
      receiver.useSecret(newSecret);
      const changedOver = randomUUID();
      await fileIn(changedOver);
      const changedOverRequest = await requestOf(receiver.raw, changedOver);
      expect([verifiesUnder(changedOverRequest, oldSecret), verifiesUnder(changedOverRequest, newSecret)]).toEqual([
        true,
        true,
      ]);
      expect(receiver.raw.filter((r) => r.status !== 204)).toEqual([]); // nothing refused at any point
      expect(receiver.events.map((e) => (e.data as { filingId: string }).filingId)).toEqual([
        before,
        during,
        changedOver,
      ]);

      // The subscription kept its history (and so its replay): deleting and recreating it lost both.
      const history = await waitFor('the three deliveries recorded', async () => {
        const page = (await ok(rotating, DELIVERIES, { s: id })).webhookDeliveries;
        return page.items.every((d: { status: string }) => d.status === 'DELIVERED') ? page : undefined;
      });
      expect(history.items.map((d: { eventId: string }) => d.eventId)).toHaveLength(3);
      expect((await ok(rotating, LIST)).webhookSubscriptions).toEqual([
        expect.objectContaining({ id, status: 'ACTIVE' }),
      ]);
    });

    it('after the overlap signs under the new secret alone and erases the old one', async () => {
      process.env.HUB_WEBHOOK_SECRET_OVERLAP_MS = '1000';
      try {
        const receiver = await startReceiver();
        receivers.push(receiver);
        const owner = identity('CITY_BUREAU', 'bureau-chaoyang-short-overlap', ['110105']);
        const created = (await ok(owner, CREATE, { t: [FILING_ACCEPTED.type], u: receiver.url }))
          .createWebhookSubscription;
        const id = created.subscription.id as string;
        const oldSecret = created.secret as string;
        const rotated = (await ok(owner, ROTATE, { s: id })).rotateWebhookSecret;
        const newSecret = rotated.secret as string;
        receiver.useSecret(newSecret);
        expect(
          Date.parse(rotated.subscription.previousSecretExpiresAt) - Date.parse(rotated.subscription.secretRotatedAt),
        ).toBe(1000);
        expect((await stored(id)).previous_secret).toMatch(/^v1:/);

        // Erased from the database once the overlap has ended (the sender's repair, every poll interval).
        await waitFor('the old secret erased', async () => (await stored(id)).previous_secret === null, {
          timeoutMs: 15000,
        });
        const erased = await stored(id);
        expect(erased.previous_secret_expires_at!.getTime()).toBeLessThanOrEqual(Date.now());
        expect(erased.secret).toMatch(/^v1:/);

        const after = randomUUID();
        await fileIn(after);
        const afterRequest = await requestOf(receiver.raw, after);
        expect(afterRequest.headers['webhook-signature']).toMatch(/^v1,\S+$/);
        expect(afterRequest.headers['webhook-ce-signature']).toMatch(/^v1,\S+$/);
        expect([verifiesUnder(afterRequest, oldSecret), verifiesUnder(afterRequest, newSecret)]).toEqual([false, true]);
        expect(verifyWebhook(oldSecret, afterRequest.headers, afterRequest.body)).toMatchObject({ status: 401 });

        // The overlap over, the subscription may be rotated again; it shows when the old secret stopped.
        const listed = (await ok(owner, LIST.replace('pausedReason', 'pausedReason previousSecretExpiresAt')))
          .webhookSubscriptions;
        expect(listed).toEqual([
          expect.objectContaining({ id, previousSecretExpiresAt: rotated.subscription.previousSecretExpiresAt }),
        ]);
        expect((await ok(owner, ROTATE, { s: id })).rotateWebhookSecret.secret).not.toBe(newSecret);
      } finally {
        delete process.env.HUB_WEBHOOK_SECRET_OVERLAP_MS;
      }
    });
  });
});
