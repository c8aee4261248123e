import { randomUUID } from 'node:crypto';
import { addDays, addMonths, addYears } from '../kernel/calendar';
import { DEADLINE_REMINDER_DUE } from '../catalog';
import { announceLimitationDeadlines } from '../subgraphs/arrears/application/announce-limitation-deadlines';
import { TestHub, identity, pinTestToday, startTestHub } from './support/hub-fixture';
import { GUANGWAI_OFFICE, HONGJU, gqlExpectations, hongjuTerms, scenario } from './support/scenario';
import { waitFor } from './support/wait-for';
import { TestReceiver, startReceiver } from './support/webhook-receiver';

// Issue 21: accounts never put into collection (still CURRENT) with a month unpaid past its due date get their
// limitation deadline (Civil Code art. 188) from the arrears subgraph's daily step, not only with claim snapshots.
// Company A serves 红居南街6号院 (72 households, seed figures ¥1.78 / owners ¥1.00 per m² a month, docs/domain.md),
// company B 阳光丽景 (288 households, high-rise ¥2.45 / owners ¥1.67). Nobody pays: every account stays CURRENT.
const today = pinTestToday('2026-12-01');
const thisMonth = today.slice(0, 7);
const firstMonth = addMonths(thisMonth, -40);
const oldMonthA = addMonths(thisMonth, -35); // its period ends in early 2027
const oldMonthB = addMonths(thisMonth, -34); // a month later, so A's reminder days are not B's
const recentMonthA = addMonths(thisMonth, -2);
const companyA = identity('PROPERTY_COMPANY', '91110102MA0000LCUA');
const companyB = identity('PROPERTY_COMPANY', '91110102MA0000LCUB');
const xichengBureau = identity('CITY_BUREAU', 'bureau-xicheng-lcu', ['110102']);
const admin = identity('ADMIN', 'hub-operator');
const REMINDER = DEADLINE_REMINDER_DUE.type;

const UPCOMING = `query($w: Int!, $on: LocalDate) { upcomingDeadlines(within: $w, asOf: $on) { key kind ownerOrganisationId dueOn state } }`;
const RUN = `mutation($on: LocalDate!) { sendDeadlineReminders(asOf: $on) { ran sent } }`;
const CREATE = `mutation($t: [Key!]!, $u: Url!) { createWebhookSubscription(eventTypes: $t, url: $u) { secret subscription { id } } }`;
const STATEMENT = `query($id: ID!) { arrearsAccount(id: $id) { status charges { chargeId month openFen limitationEndsOn } } }`;
const PAY = `mutation($p: PaymentInput!) { recordPayment(payment: $p) { receiptNumber } }`;

type Charge = { chargeId: string; month: string; openFen: number; limitationEndsOn: string };

const terms = (company: typeof companyA, overrides: Record<string, unknown>) =>
  hongjuTerms(company, firstMonth, { endsOn: addDays(addYears(`${firstMonth}-01`, 5), -1), ...overrides });

describe('limitation deadlines of accounts still CURRENT: announced by the daily step, reminded to their company alone', () => {
  let t: TestHub;
  const { ok } = gqlExpectations(() => t);
  const receivers = new Map<string, TestReceiver>();
  let accountsA: string[];
  let accountsB: string[];
  let dueA: string;

  const step = (asOf: string) => announceLimitationDeadlines(t.hub.subgraphs.arrears!.orm.em.fork(), asOf);
  const run = async (asOf: string) => (await ok(admin, RUN, { on: asOf })).sendDeadlineReminders;
  const row = async (accountId: string) =>
    (
      await t.sql<{ due_on: string | null; cancelled: boolean; owner_organisation_id: string }>(
        `select due_on::text, cancelled, owner_organisation_id from feeds.deadline where deadline_key = $1`,
        [`arrears-limitation:${accountId}`],
      )
    )[0];
  const registered = async () =>
    (await t.sql<{ n: number }>(`select count(*)::int as n from feeds.deadline where kind = 'ARREARS_LIMITATION'`))[0]
      .n;
  const limitationKeys = async (who: typeof companyA, on: string) =>
    ((await ok(who, UPCOMING, { w: 366, on })).upcomingDeadlines as { key: string; kind: string }[])
      .filter((d) => d.kind === 'ARREARS_LIMITATION')
      .map((d) => d.key)
      .sort();
  const statement = async (accountId: string) =>
    (await ok(companyA, STATEMENT, { id: accountId })).arrearsAccount as { status: string; charges: Charge[] };
  const accountsOf = async (company: typeof companyA) =>
    (
      await t.sql<{ id: string; status: string }>(
        `select id, status from arrears.account where company_id = $1 order by id`,
        [company.organisationId],
      )
    ).map((r) => {
      expect(r.status).toBe('CURRENT');
      return r.id;
    });
  const remindersOf = (name: string, accountId?: string) =>
    receivers
      .get(name)!
      .events.map((e) => e.data as { deadlineKey: string; kind: string; lead: string; dueOn: string })
      .filter((d) => accountId === undefined || d.deadlineKey === `arrears-limitation:${accountId}`);

  beforeAll(async () => {
    process.env.HUB_WEBHOOK_ALLOWED_HOSTS = '127.0.0.1';
    process.env.HUB_WEBHOOK_POLL_MS = '100';
    process.env.HUB_DEADLINE_REMINDER_INTERVAL_MS = '0';
    process.env.HUB_LIMITATION_ANNOUNCE_INTERVAL_MS = '0';
    t = await startTestHub({ subgraphs: ['areas', 'contracts', 'arrears', 'feeds'] });
    const given = scenario(t);
    const hongju = await given.compound(HONGJU, { knownTo: ['contracts', 'arrears'] });
    const yangguang = await given.compound('阳光丽景', { knownTo: ['contracts', 'arrears'] });
    await given.acceptedFiling(companyA, hongju.areaId, terms(companyA, { number: 'HJ6-LCU-01' }), {
      knownTo: ['arrears'],
    });
    await given.acceptedFiling(
      companyB,
      yangguang.areaId,
      terms(companyB, {
        number: 'YGLJ-LCU-01',
        title: '阳光丽景物业服务合同',
        feeSchedule: {
          classes: [
            { buildingClass: 'HIGH_RISE', assessedRateFenPerM2Month: 245, ownerRateFenPerM2Month: 167, subsidies: [] },
          ],
        },
      }),
      { knownTo: ['arrears'] },
    );
    await given.billedMonths(companyA, hongju.areaId, [oldMonthA, recentMonthA]);
    await given.billedMonths(companyB, yangguang.areaId, [oldMonthB]);
    accountsA = await accountsOf(companyA);
    accountsB = await accountsOf(companyB);
    for (const [name, who] of Object.entries({ companyA, companyB, xichengBureau, office: GUANGWAI_OFFICE })) {
      const receiver = await startReceiver();
      const created = (await ok(who, CREATE, { t: [REMINDER], u: receiver.url })).createWebhookSubscription;
      receiver.useSecret(created.secret);
      receivers.set(name, receiver);
    }
  });

  afterAll(async () => {
    await t?.stop();
    await Promise.all([...receivers.values()].map((r) => r.stop()));
    for (const name of [
      'HUB_WEBHOOK_ALLOWED_HOSTS',
      'HUB_WEBHOOK_POLL_MS',
      'HUB_DEADLINE_REMINDER_INTERVAL_MS',
      'HUB_LIMITATION_ANNOUNCE_INTERVAL_MS',
    ])
      delete process.env[name];
  });

  it('puts every CURRENT account with a month unpaid past due in the register once, with the date arrears computes', async () => {
    expect(accountsA).toHaveLength(72);
    expect(accountsB).toHaveLength(288);
    // Billing publishes no claim snapshot of a CURRENT account: before the step the register knows none of them.
    expect(await registered()).toBe(0);

    expect(await step(today)).toEqual({ ran: true, checked: 360, announced: 360 });
    // Each change once: the same day again finds nothing to look at.
    expect(await step(today)).toEqual({ ran: true, checked: 0, announced: 0 });
    await waitFor('the 360 limitation deadlines in the register', async () => (await registered()) === 360);

    // The due date is arrears' own: the statement's limitationEndsOn of the account's earliest open charge.
    const { charges } = await statement(accountsA[0]);
    const old = charges.find((c) => c.month === oldMonthA)!;
    dueA = old.limitationEndsOn;
    expect(dueA < addYears(today, 1)).toBe(true);
    expect(charges.every((c) => c.openFen > 0 && c.limitationEndsOn >= dueA)).toBe(true);
    expect(await row(accountsA[0])).toEqual({
      due_on: dueA,
      cancelled: false,
      owner_organisation_id: companyA.organisationId,
    });

    // Each company sees its own accounts' deadlines and none of the other's.
    const keysOf = (ids: string[]) => ids.map((id) => `arrears-limitation:${id}`).sort();
    expect(await limitationKeys(companyA, today)).toEqual(keysOf(accountsA));
    expect(await limitationKeys(companyB, today)).toEqual(keysOf(accountsB));
    expect(await limitationKeys(xichengBureau, today)).toEqual([]);
    expect(await limitationKeys(GUANGWAI_OFFICE, today)).toEqual([]);
  });

  it('reminds the company that owns the account, and nobody else', async () => {
    expect(await run(addDays(dueA, -7))).toEqual({ ran: true, sent: 72 });
    expect(await run(addDays(dueA, -7))).toEqual({ ran: true, sent: 0 });
    await waitFor('company A to receive its 72 reminders', () => remindersOf('companyA').length === 72);
    expect(new Set(remindersOf('companyA').map((d) => d.deadlineKey)).size).toBe(72);
    for (const d of remindersOf('companyA'))
      expect(d).toMatchObject({ kind: 'ARREARS_LIMITATION', lead: 'P7D', dueOn: dueA });
    expect(remindersOf('companyB')).toEqual([]);
    expect(remindersOf('xichengBureau')).toEqual([]);
    expect(remindersOf('office')).toEqual([]);
  });

  it('moves the deadline when the charge is paid and ends it when everything is: no more reminders for it', async () => {
    const [paying] = accountsA;
    const before = await statement(paying);
    const old = before.charges.find((c) => c.month === oldMonthA)!;
    const recent = before.charges.find((c) => c.month === recentMonthA)!;
    // Paying the old month (applied oldest first) leaves the recent month: its date is now the deadline.
    await ok(companyA, PAY, {
      p: {
        accountId: paying,
        amountFen: old.openFen,
        paidOn: today,
        method: 'WECHAT_PAY',
        idempotencyKey: randomUUID(),
      },
    });
    const after = await statement(paying);
    expect(after.charges.find((c) => c.month === oldMonthA)!.openFen).toBe(0);
    const recentEnds = after.charges.find((c) => c.month === recentMonthA)!.limitationEndsOn;
    expect(recentEnds > dueA).toBe(true);
    await waitFor('the deadline moved to the recent month', async () => (await row(paying))?.due_on === recentEnds);
    // The payment announced it with its claim snapshot: the daily step does not announce it again.
    expect(await step(today)).toEqual({ ran: true, checked: 0, announced: 0 });

    // A day before the old date: the 71 others are reminded, the paid account is not.
    expect(await run(addDays(dueA, -1))).toEqual({ ran: true, sent: 71 });
    await waitFor('company A to receive 71 more reminders', () => remindersOf('companyA').length === 72 + 71);
    expect(remindersOf('companyA', paying).map((d) => d.lead)).toEqual(['P7D']);

    // Everything paid: the deadline is cancelled (nothing open runs a period), and nothing more is sent for it.
    await ok(companyA, PAY, {
      p: {
        accountId: paying,
        amountFen: recent.openFen,
        paidOn: today,
        method: 'WECHAT_PAY',
        idempotencyKey: randomUUID(),
      },
    });
    await waitFor('the deadline ended', async () => (await row(paying))?.cancelled === true);
    expect(await limitationKeys(companyA, today)).not.toContain(`arrears-limitation:${paying}`);
    // (The next test's overdue run, which reminds the 71 others, sends it nothing either.)
  });

  it('keeps a passed date for its overdue day, then the step moves each account to its next charge', async () => {
    const [, other] = accountsA;
    // The day after the last day: still the deadline, so the register sends the overdue reminder (71 accounts).
    expect(await step(addDays(dueA, 1))).toEqual({ ran: true, checked: 0, announced: 0 });
    expect(await run(addDays(dueA, 1))).toEqual({ ran: true, sent: 71 });
    await waitFor('the overdue reminders', () => remindersOf('companyA').length === 72 + 71 + 71);
    expect(remindersOf('companyA', other).map((d) => d.lead)).toEqual(['P7D', 'P1D', 'OVERDUE']);
    // From the next day the old month is time-barred: each account's deadline is its recent month's, announced once.
    expect(await step(addDays(dueA, 2))).toEqual({ ran: true, checked: 71, announced: 71 });
    expect(await step(addDays(dueA, 2))).toEqual({ ran: true, checked: 0, announced: 0 });
    const recentEnds = (await statement(other)).charges.find((c) => c.month === recentMonthA)!.limitationEndsOn;
    await waitFor('the deadline moved on', async () => (await row(other))?.due_on === recentEnds);
    // The paid account got nothing after its payment; company B's accounts, due a month later, nothing yet.
    expect(remindersOf('companyA', accountsA[0]).map((d) => d.lead)).toEqual(['P7D']);
    expect((await row(accountsB[0]))?.owner_organisation_id).toBe(companyB.organisationId);
    expect(remindersOf('companyB')).toEqual([]);
    expect(remindersOf('xichengBureau')).toEqual([]);
    expect(remindersOf('office')).toEqual([]);
  });
});
