import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { addDays, addMonths, addYears } from '../kernel/calendar';
import {
  DEADLINE_REMINDERS_TOPIC,
  DEADLINE_REMINDER_DUE,
  LITIGATION_DEADLINES_TOPIC,
  LITIGATION_DEADLINE_CHANGED,
  partyIdOfOrganisation,
} from '../catalog';
import { asKafkaMessage } from './support/events';
import { expectValidEvent } from './support/event-schema';
import { TestHub, identity, pinTestToday, startTestHub } from './support/hub-fixture';
import { probeTopics, rawProducer } from './support/kafka-probe';
import { partyTopics } from './support/party-topics';
import { gqlExpectations, hongjuTerms, scenario } from './support/scenario';
import { waitFor } from './support/wait-for';
import { TestReceiver, startReceiver } from './support/webhook-receiver';
import { connectedClient } from './support/db-client';
import { chargedAccounts, referAfterDemand } from './support/refer-after-demand';

// Issue 21: the litigation and arrears deadlines in the one register, computed by their own subgraphs' rules and
// reminded like the others: the court of its mediation window and small claim's decision, the company of an
// account's limitation period. Billing and demands are dated against 2026-12-01; the court's reports carry their own
// dates within the holiday data.
const today = pinTestToday('2026-12-01');
const thisMonth = today.slice(0, 7);
const firstMonth = addMonths(thisMonth, -40);
const oldMonth = addMonths(thisMonth, -35); // its limitation period ends in early 2027 unless interrupted
const recentMonths = [addMonths(thisMonth, -3), addMonths(thisMonth, -2)];
const companyA = identity('PROPERTY_COMPANY', '91110102MA0000DLCA');
const companyB = identity('PROPERTY_COMPANY', '91110102MA0000DLCB');
const xichengCourt = identity('COURT', 'bj-xicheng-court', ['110102']);
const haidianCourt = identity('COURT', 'bj-haidian-court', ['110108']);
const admin = identity('ADMIN', 'hub-operator');
const REMINDER = DEADLINE_REMINDER_DUE.type;

const ACTION = `mutation($a: ID!, $x: CollectionActionInput!) { recordCollectionAction(accountId: $a, action: $x) { status } }`;
const REPORT = `mutation($r: CourtReportInput!) { reportCourtEvent(report: $r) { id status } }`;
const UPCOMING = `query($w: Int!, $on: LocalDate) { upcomingDeadlines(within: $w, asOf: $on) {
  key kind subjectId ownerKind ownerOrganisationId legalBasis dueOn metOn state } }`;
const RUN = `mutation($on: LocalDate!) { sendDeadlineReminders(asOf: $on) { ran sent } }`;
const CREATE = `mutation($t: [Key!]!, $u: Url!) { createWebhookSubscription(eventTypes: $t, url: $u) { secret subscription { id } } }`;

describe('deadlines from litigation and arrears: the court and the company reminded within their scope', () => {
  let t: TestHub;
  let db: Client;
  const { ok } = gqlExpectations(() => t);
  let accounts: { id: string; chargeIds: string[] }[];
  let referralId: string;
  const receivers = new Map<string, TestReceiver>();
  let probe: Awaited<ReturnType<typeof probeTopics>>;
  let topics: { xicheng: string; haidian: string };

  const row = async (key: string) =>
    (
      await db.query(
        `select due_on::text, met_on::text, cancelled, owner_organisation_id from feeds.deadline where deadline_key = $1`,
        [key],
      )
    ).rows[0] as
      { due_on: string | null; met_on: string | null; cancelled: boolean; owner_organisation_id: string } | undefined;
  const report = (kind: string, on: string, extra: Record<string, unknown> = {}) =>
    ok(xichengCourt, REPORT, { r: { referralId, kind, occurredAt: `${on}T10:00:00+08:00`, ...extra } });
  /**
   * A demand letter on all the account's charges, known to litigation, then the account referred to Xicheng's court,
   * recorded as sent six months earlier: the court's reports these tests date back must not precede the submission day.
   */
  const demandedAndReferred = (account: { id: string; chargeIds: string[] }) =>
    referAfterDemand(ok, db, companyA, account, { today, sentOn: addDays(today, -183) });
  const run = async (asOf: string) => (await ok(admin, RUN, { on: asOf })).sendDeadlineReminders;
  const upcoming = async (who: typeof companyA, w: number, on: string) =>
    (await ok(who, UPCOMING, { w, on })).upcomingDeadlines as { key: string; state: string; dueOn: string }[];

  beforeAll(async () => {
    process.env.HUB_WEBHOOK_ALLOWED_HOSTS = '127.0.0.1';
    process.env.HUB_WEBHOOK_POLL_MS = '100';
    process.env.HUB_DEADLINE_REMINDER_INTERVAL_MS = '0';
    t = await startTestHub({ subgraphs: ['areas', 'contracts', 'arrears', 'litigation', 'feeds'] });
    db = await connectedClient(t.databaseUrl);
    const given = scenario(t);
    const areaId = await given.billedHongju(
      companyA,
      hongjuTerms(companyA, firstMonth, {
        number: 'HJ6-DLC-01',
        endsOn: addDays(addYears(`${firstMonth}-01`, 5), -1),
        lateFee: { dailyRatePerTenThousand: 3, graceDays: 30, capPercentOfPrincipal: 20 },
      }),
      [oldMonth, ...recentMonths],
    );
    accounts = await chargedAccounts(t, areaId, companyA.organisationId);
    const [x, h] = await partyTopics(t, DEADLINE_REMINDERS_TOPIC, ['bj-xicheng-court', 'bj-haidian-court']);
    topics = { xicheng: x, haidian: h };
    probe = await probeTopics(t.brokers, [topics.xicheng, topics.haidian, `${t.topicPrefix}feeds.dead-letter.v1`]);
    for (const [name, who] of Object.entries({ companyA, companyB, xichengCourt, haidianCourt })) {
      const receiver = await startReceiver();
      const created = (await ok(who, CREATE, { t: [REMINDER], u: receiver.url })).createWebhookSubscription;
      receiver.useSecret(created.secret);
      receivers.set(name, receiver);
    }
  });

  afterAll(async () => {
    await probe?.stop();
    await db?.end();
    await t?.stop();
    await Promise.all([...receivers.values()].map((r) => r.stop()));
    delete process.env.HUB_WEBHOOK_ALLOWED_HOSTS;
    delete process.env.HUB_WEBHOOK_POLL_MS;
    delete process.env.HUB_DEADLINE_REMINDER_INTERVAL_MS;
  });

  it("registers an account's limitation deadline, its earliest open charge's (arrears' rule), for the company alone", async () => {
    // A demand naming only the recent charges: the old month's period runs on uninterrupted (Civil Code art. 195).
    const [oldCharge, ...recent] = accounts[0].chargeIds;
    await ok(companyA, ACTION, {
      a: accounts[0].id,
      x: {
        kind: 'LETTER',
        on: addDays(today, -20),
        deliveredOn: addDays(today, -20),
        chargeIds: recent,
        note: '催缴函',
      },
    });
    const key = `arrears-limitation:${accounts[0].id}`;
    await waitFor('the limitation deadline in the register', async () => (await row(key)) !== undefined);
    // The date arrears itself gives for the old charge (the claim snapshot litigation keeps from arrears.claims.v1).
    const ends = await waitFor('the claim snapshot', async () => {
      const { rows } = await db.query(`select claim from litigation.claim_account where account_id = $1`, [
        accounts[0].id,
      ]);
      return rows[0]?.claim.demands.length === 1
        ? (rows[0].claim.charges as { chargeId: string; limitationEndsOn: string }[])
        : undefined;
    });
    const dueOn = ends.find((c) => c.chargeId === oldCharge)!.limitationEndsOn;
    expect(dueOn < addYears(today, 1)).toBe(true);
    expect(Math.min(...ends.map((c) => Date.parse(c.limitationEndsOn)))).toBe(Date.parse(dueOn));
    expect(await row(key)).toEqual({
      due_on: dueOn,
      met_on: null,
      cancelled: false,
      owner_organisation_id: companyA.organisationId,
    });
    const own = await upcoming(companyA, 366, today);
    expect(own.find((d) => d.key === key)).toMatchObject({ state: 'UPCOMING', dueOn });
    expect(await upcoming(companyB, 366, today)).toEqual([]);
    expect(await upcoming(xichengCourt, 366, today)).toEqual([]);

    // Reminded a week before its last day, once, to the company only.
    expect(await run(addDays(dueOn, -7))).toEqual({ ran: true, sent: 1 });
    expect(await run(addDays(dueOn, -7))).toEqual({ ran: true, sent: 0 });
    await waitFor('company A to receive the limitation reminder', () => receivers.get('companyA')!.events.length === 1);
    expect(receivers.get('companyA')!.events[0].data).toMatchObject({
      deadlineKey: key,
      kind: 'ARREARS_LIMITATION',
      lead: 'P7D',
      dueOn,
    });
    expect(receivers.get('companyB')!.events).toEqual([]);
  });

  it("registers the court's mediation window and small-claims decision from litigation's rules, reminding the court alone", async () => {
    const referral = await demandedAndReferred(accounts[1]);
    expect(referral).toMatchObject({ eligible: true, status: 'SUBMITTED' });
    referralId = referral.id;
    // Referred: the account's limitation deadline no longer applies (a suit interrupts it, art. 195 item 3).
    await waitFor('the referred account’s limitation deadline cancelled', async () => {
      return (await row(`arrears-limitation:${accounts[1].id}`))?.cancelled === true;
    });

    // Mediation from 3 September: day 30 is 3 October, in the National Day holiday, so it runs to 8 October.
    await report('MEDIATION_STARTED', '2026-09-03');
    const mediation = `mediation-window:${referralId}`;
    await waitFor('the mediation window in the register', async () => (await row(mediation)) !== undefined);
    expect(await row(mediation)).toEqual({
      due_on: '2026-10-08',
      met_on: null,
      cancelled: false,
      owner_organisation_id: 'bj-xicheng-court',
    });
    const court = await upcoming(xichengCourt, 30, '2026-09-20');
    expect(court.map((d) => [d.key, d.state])).toEqual([[mediation, 'UPCOMING']]);
    expect(await upcoming(haidianCourt, 30, '2026-09-20')).toEqual([]);
    expect((await upcoming(companyA, 30, '2026-09-20')).map((d) => d.key)).not.toContain(mediation);
    expect(await run('2026-10-01')).toEqual({ ran: true, sent: 1 });

    // Docketed 9 October as a small claim: mediation is met, the decision is due two months on, 9 December (art. 168).
    await report('DOCKETED', '2026-10-09', { caseNumber: '(2026)京0102民初9901号', procedure: 'SMALL_CLAIMS' });
    const decision = `small-claims-decision:${referralId}`;
    await waitFor('the decision deadline in the register', async () => (await row(decision)) !== undefined);
    expect(await row(decision)).toMatchObject({ due_on: '2026-12-09', met_on: null, cancelled: false });
    expect(await row(mediation)).toMatchObject({ met_on: '2026-10-09' });
    expect(await run('2026-10-07')).toEqual({ ran: true, sent: 0 }); // the mediation window is met: nothing more
    expect(await run('2026-12-02')).toEqual({ ran: true, sent: 1 }); // the decision, 7 days before

    // Judged 2 December (the hub's today is 1 December: a court's step may not be dated after tomorrow): met, so no
    // 1-day reminder and nothing overdue.
    await report('JUDGED', '2026-12-02', { judgedFen: 10000 });
    await waitFor('the decision met', async () => (await row(decision))?.met_on === '2026-12-02');
    expect(await run('2026-12-08')).toEqual({ ran: true, sent: 0 });
    expect(await run('2026-12-10')).toEqual({ ran: true, sent: 0 });

    await waitFor('the court to receive its two reminders', () => receivers.get('xichengCourt')!.events.length === 2);
    expect(
      receivers
        .get('xichengCourt')!
        .events.map((e) => e.data as { kind: string; lead: string; dueOn: string })
        .map((d) => `${d.kind}:${d.lead}:${d.dueOn}`)
        .sort(),
    ).toEqual(['MEDIATION_WINDOW:P7D:2026-10-08', 'SMALL_CLAIMS_DECISION:P7D:2026-12-09']);
    // On the court's own topic, valid against the published schema; nothing on another court's.
    const own = await probe.waitForCount(
      "the court's reminders on its topic",
      (m) => m.topic === topics.xicheng && m.headers.ce_type === REMINDER,
      2,
    );
    for (const m of own)
      expect(expectValidEvent<{ partyId: string }>(m, REMINDER).partyId).toBe(
        partyIdOfOrganisation('bj-xicheng-court'),
      );
    expect(probe.received.filter((m) => m.topic === topics.haidian)).toEqual([]);
    expect(receivers.get('haidianCourt')!.events).toEqual([]);
    // The company was reminded of its own limitation deadline only, never of the court's.
    expect(receivers.get('companyA')!.events).toHaveLength(1);
  });
  it("refuses a deadline of another producer's kind: the topic vouches for its sender", async () => {
    // A message on litigation's topic announcing a contract filing: only contracts sets those.
    const subjectId = randomUUID();
    const forged = {
      deadlineKey: `contract-filing:${subjectId}`,
      kind: 'CONTRACT_FILING',
      subjectId,
      ownerKind: 'PROPERTY_COMPANY',
      ownerOrganisationId: companyB.organisationId,
      districtCode: '110102',
      legalBasis: 'forged',
      dueOn: '2026-12-10',
      metOn: null,
      cancelled: false,
      sequence: 1,
    };
    const producer = rawProducer(t.brokers);
    await producer.connect();
    try {
      await producer.send({
        topic: `${t.topicPrefix}${LITIGATION_DEADLINES_TOPIC.name}`,
        messages: [
          asKafkaMessage(
            {
              id: randomUUID(),
              type: LITIGATION_DEADLINE_CHANGED.type,
              source: 'litigation',
              time: new Date().toISOString(),
              data: forged,
            },
            forged.deadlineKey,
          ),
        ],
      });
    } finally {
      await producer.disconnect();
    }
    const [dead] = await probe.waitForCount(
      'the forged deadline dead-lettered',
      (m) => m.topic.endsWith('feeds.dead-letter.v1'),
      1,
    );
    expect(dead.headers.dlq_reason_code).toBe('SENDER_MISMATCH');
    expect(await row(forged.deadlineKey)).toBeUndefined();
  });

  it('counts a mediation window from the day in China the mediation started, whatever zone the court reported in', async () => {
    const referral = await demandedAndReferred(accounts[2]);
    // 17:00 UTC on 4 November is 01:00 on 5 November in China: day 30 is Saturday 5 December, so the window runs to
    // Monday 7 December (art. 203). Before, the report's own date was taken: 4 November, the window ending Friday 4 December.
    await ok(xichengCourt, REPORT, {
      r: { referralId: referral.id, kind: 'MEDIATION_STARTED', occurredAt: '2026-11-04T17:00:00Z' },
    });
    const mediation = `mediation-window:${referral.id}`;
    await waitFor('the mediation window in the register', async () => (await row(mediation)) !== undefined);
    expect(await row(mediation)).toMatchObject({ due_on: '2026-12-07', met_on: null, cancelled: false });
  });
});
