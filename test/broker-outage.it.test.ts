import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { LocalKafka, startLocalKafka } from '../tools/kafka/local-kafka';
import { freePort } from './support/events';
import { TestHub, identity, startTestHub, testKafkaAdmin } from './support/hub-fixture';
import { metricSample as sample, scrapeMetrics as scrape } from './support/metrics';
import { probeTopics } from './support/kafka-probe';
import { waitFor } from './support/wait-for';
import { connectedClient } from './support/db-client';

const streetOffice = identity('STREET_OFFICE', 'street-office-beitaipingzhuang', ['110108009']);
/** Outbox backlogs are health details, which only ADMIN may read. */
const operator = identity('ADMIN', 'hub-operations');
const REGISTER = `mutation R($name: Name!) {
  registerArea(input: { name: $name, districtCode: "110108", streetCode: "110108009" }) { id }
}`;

describe('broker outage', () => {
  // A broker that lives under a minute: compiled by C1 only (LocalKafkaOptions.shortLived).
  const brokerOptions = () => ({ dataDir, ...ports, heapMb: 384, admin: testKafkaAdmin(), shortLived: true });
  let dataDir: string;
  let kafka: LocalKafka;
  let ports: { port: number; controllerPort: number };
  let t: TestHub;
  let db: Client;

  beforeAll(async () => {
    // The consumers that rejoin after the restart wait for their old memberships to expire: 6 s, the broker's
    // minimum session, rather than 30 s.
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-kafka-outage-'));
    ports = { port: await freePort(), controllerPort: await freePort() };
    kafka = await startLocalKafka(brokerOptions());
    t = await startTestHub({
      subgraphs: ['areas', 'contracts'],
      brokers: kafka.brokers,
      consumerSessionTimeoutMs: 6000,
    });
    db = await connectedClient(t.databaseUrl);
  });

  afterAll(async () => {
    await db?.end();
    await t?.stop();
    await kafka?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps events written while the broker is down and delivers every one after it is back', async () => {
    const register = async (name: string) => {
      const res = await t.gql(streetOffice, REGISTER, { name });
      expect(res.body.errors).toBeUndefined();
      return res.body.data.registerArea.id as string;
    };
    const before = await register('学院南路32号院 1号楼');
    await waitFor('the first event published', async () => {
      const r = await db.query('select count(*)::int as n from areas.outbox where published_at is null');
      return r.rows[0].n === 0;
    });

    await kafka.stop();
    const during: string[] = [];
    for (let i = 2; i <= 6; i++) during.push(await register(`学院南路32号院 ${i}号楼`));
    const health = await t.gql(operator, '{ areasHealth { unpublishedEvents } }');
    expect(health.body.data.areasHealth.unpublishedEvents).toBe(5);
    const during5 = await scrape(t);
    expect(during5.status).toBe(200);
    expect(sample(during5.text, 'hub_outbox_backlog', 'subgraph="areas"')).toBe(5);
    expect(sample(during5.text, 'hub_outbox_oldest_unpublished_age_seconds', 'subgraph="areas"')).toBeGreaterThan(0);
    // the figures are for operators only
    expect((await scrape(t, streetOffice)).status).toBe(403);
    expect((await fetch(new URL('/metrics', t.hub.gatewayUrl))).status).toBe(401);

    kafka = await startLocalKafka(brokerOptions());
    const probe = await probeTopics(kafka.brokers, [`${t.topicPrefix}areas.areas.v1`]);
    try {
      const all = [before, ...during];
      const delivered = await probe.waitForCount(
        'all six events on the topic',
        (m) => all.includes(m.message.key!.toString()),
        6,
        90000,
      );
      expect(new Set(delivered.map((m) => m.message.key!.toString()))).toEqual(new Set(all));
      const outboxIds = (await db.query('select event_id from areas.outbox')).rows.map((r) => r.event_id);
      expect(new Set(delivered.map((m) => m.headers.ce_id))).toEqual(new Set(outboxIds));

      await waitFor(
        'contracts to apply all six',
        async () => {
          const r = await db.query(
            'select count(*)::int as n from contracts.area_view where area_id = any($1::uuid[])',
            [all],
          );
          return r.rows[0].n === 6;
        },
        { timeoutMs: 90000 },
      );
      const after = await t.gql(operator, '{ areasHealth { unpublishedEvents } }');
      expect(after.body.data.areasHealth.unpublishedEvents).toBe(0);
      const afterwards = (await scrape(t)).text;
      expect(sample(afterwards, 'hub_outbox_backlog', 'subgraph="areas"')).toBe(0);
      expect(sample(afterwards, 'hub_outbox_oldest_unpublished_age_seconds', 'subgraph="areas"')).toBe(0);
      expect(afterwards).toMatch(/hub_graphql_request_duration_seconds_count\{operation="R",status="200"\} \d+/);
      // Lag is read from the broker at scrape time (2 s at most per scrape): wait for a scrape that has it.
      const lagLine = new RegExp(`hub_consumer_lag\\{group="${t.topicPrefix}[^"]+"\\} \\d+`);
      await waitFor('consumer lag in a scrape', async () => lagLine.test((await scrape(t)).text), { timeoutMs: 30000 });
      expect(afterwards).toMatch(/hub_subgraph_fetch_duration_seconds_count\{subgraph="areas",status="200"\} \d+/);
    } finally {
      await probe.stop();
    }
  });
});
