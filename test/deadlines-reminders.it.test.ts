import { randomUUID } from 'node:crypto';
import { DEADLINE_REMINDERS_TOPIC, DEADLINE_REMINDER_DUE, partyIdOfOrganisation } from '../catalog';
import { expectValidEvent } from './support/event-schema';
import { TestHub, identity, startTestHub } from './support/hub-fixture';
import { ProbedMessage, probeTopics } from './support/kafka-probe';
import { hubQuiet } from './support/hub-quiet';
import { partyTopics } from './support/party-topics';
import { DEMO_PMC, DEMO_STREETS } from '../hub/demo/demo-data';
import { GUANGWAI_OFFICE, HONGJU, gqlExpectations, hongjuTerms, scenario } from './support/scenario';
import { todayInChina } from '../kernel/clock';
import { waitFor } from './support/wait-for';
import { TestReceiver, startReceiver } from './support/webhook-receiver';

// Issue 21: deadlines announced before they pass. 红居南街6号院 lies in Xicheng (110102).
const companyA = identity('PROPERTY_COMPANY', '91110102MA0000DLNA');
const companyB = identity('PROPERTY_COMPANY', '91110102MA0000DLNB');
const xichengBureau = identity('CITY_BUREAU', 'bureau-xicheng-dl', ['110102']);
const haidianBureau = identity('CITY_BUREAU', 'bureau-haidian-dl', ['110108']);
const ownersCommittee = identity('OWNERS_COMMITTEE', 'owners-committee-dl');
const admin = identity('ADMIN', 'hub-operator');
const deshengOffice = DEMO_STREETS[1].office;

// Signed Wednesday 2026-09-16: the 15th day is 1 October, National Day (1–7 October off), so the filing is due on
// 8 October (Beijing art. 63, Civil Code art. 203). Explicit dates throughout: nothing depends on today.
const SIGNED_ON = '2026-09-16';
const DUE_ON = '2026-10-08';
const REMINDER = DEADLINE_REMINDER_DUE.type;

const DRAFT = `mutation($a: ID!, $t: ContractTermsInput!) { draftContract(areaId: $a, terms: $t) { id } }`;
const SUBMIT_PAPER = `mutation($c: ID!, $k: Key!, $d: [FilingDocumentInput!]!, $on: LocalDate!, $co: Key!) {
  submitFiling(contractId: $c, idempotencyKey: $k, documents: $d, submittedOn: $on, companyId: $co) { id deadline late } }`;
const UPCOMING = `query($w: Int!, $on: LocalDate) { upcomingDeadlines(within: $w, asOf: $on) {
  key kind subjectId ownerKind ownerOrganisationId districtCode legalBasis dueOn metOn state } }`;
const RUN = `mutation($on: LocalDate!) { sendDeadlineReminders(asOf: $on) { ran sent } }`;
const SET_LEADS = `mutation($d: [Int!]!, $o: Boolean!, $org: Key) { setDeadlineReminderLeads(leadDays: $d, overdue: $o, organisationId: $org) { leadDays overdue } }`;
const LEADS = `{ deadlineReminderLeads { leadDays overdue } }`;
const FORM_PMC = `mutation($i: FormPropertyManagementCommitteeInput!) { formPropertyManagementCommittee(input: $i) { id } }`;
const FILE_PMC = `mutation($b: ID!, $d: LocalDate!) { recordCommitteeFiling(bodyId: $b, filedOn: $d) { id } }`;
const CREATE = `mutation($t: [Key!]!, $u: Url!) { createWebhookSubscription(eventTypes: $t, url: $u) { secret subscription { id } } }`;

describe('deadlines: the register, upcomingDeadlines and reminders once per deadline and lead', () => {
  let t: TestHub;
  const { ok, fails } = gqlExpectations(() => t);
  let areaId: string;
  const receivers = new Map<string, TestReceiver>();
  const subscriptions = new Map<string, string>();
  let probe: Awaited<ReturnType<typeof probeTopics>>;
  let topics: { all: string; a: string; b: string };
  /** X: company A's contract, never filed; Y: company A's, filed on paper on 2 October; W: company B's. */
  const contracts: Record<'X' | 'Y' | 'W', string> = { X: '', Y: '', W: '' };
  const key = (contractId: string) => `contract-filing:${contractId}`;

  const draft = async (who: typeof companyA, number: string) =>
    (await ok(who, DRAFT, { a: areaId, t: hongjuTerms(who, '2026-10', { number, signedOn: SIGNED_ON }) })).draftContract
      .id as string;
  const registered = (contractId: string, met = false) =>
    waitFor(`the register to hold ${contractId}${met ? ' met' : ''}`, async () => {
      const rows = await t.sql<{ met_on: string | null }>(
        `select met_on::text from feeds.deadline where deadline_key = $1`,
        [key(contractId)],
      );
      return rows.length === 1 && (rows[0].met_on !== null) === met;
    });
  const run = async (asOf: string) => (await ok(admin, RUN, { on: asOf })).sendDeadlineReminders;
  /** The reminders (deadline key, lead) delivered by webhook to a party's receiver. */
  const webhookReminders = (who: string) =>
    receivers
      .get(who)!
      .events.map((e) => e.data as { deadlineKey: string; lead: string })
      .map(
        (d) =>
          `${d.deadlineKey.slice(-36) === contracts.X ? 'X' : d.deadlineKey.slice(-36) === contracts.Y ? 'Y' : 'W'}:${d.lead}`,
      )
      .sort();
  const deliveriesTo = async (who: string) =>
    (
      await t.sql<{ n: number }>(`select count(*)::int as n from feeds.webhook_delivery where subscription_id = $1`, [
        subscriptions.get(who),
      ])
    )[0].n;

  beforeAll(async () => {
    process.env.HUB_WEBHOOK_ALLOWED_HOSTS = '127.0.0.1';
    process.env.HUB_WEBHOOK_POLL_MS = '100';
    // Retries every 0.2–1 s, within the production window of 24 h: a failing receiver is retried quickly.
    process.env.HUB_WEBHOOK_RETRY = '200,1000,86400000';
    // No periodic run on the real date: the test runs the scheduler with explicit dates.
    process.env.HUB_DEADLINE_REMINDER_INTERVAL_MS = '0';
    t = await startTestHub({ subgraphs: ['areas', 'contracts', 'feeds'] });
    areaId = (await scenario(t).compound(HONGJU, { knownTo: ['contracts'] })).areaId;
    const [a, b] = await partyTopics(t, DEADLINE_REMINDERS_TOPIC, [
      partyIdOfOrganisation(companyA.organisationId),
      partyIdOfOrganisation(companyB.organisationId),
    ]);
    topics = { all: `${t.topicPrefix}${DEADLINE_REMINDERS_TOPIC.name}`, a, b };
    probe = await probeTopics(t.brokers, [topics.all, topics.a, topics.b]);
    for (const [name, who] of Object.entries({ companyA, companyB, xichengBureau, haidianBureau, GUANGWAI_OFFICE })) {
      const receiver = await startReceiver();
      const created = (await ok(who, CREATE, { t: [REMINDER], u: receiver.url })).createWebhookSubscription;
      receiver.useSecret(created.secret);
      receivers.set(name, receiver);
      subscriptions.set(name, created.subscription.id);
    }
  });

  afterAll(async () => {
    await probe?.stop();
    await t?.stop();
    await Promise.all([...receivers.values()].map((r) => r.stop()));
    delete process.env.HUB_WEBHOOK_ALLOWED_HOSTS;
    delete process.env.HUB_WEBHOOK_POLL_MS;
    delete process.env.HUB_WEBHOOK_RETRY;
    delete process.env.HUB_DEADLINE_REMINDER_INTERVAL_MS;
  });

  it("registers a drafted contract's filing deadline from the contracts rule: a National Day 15th day moves it to 8 October", async () => {
    contracts.X = await draft(companyA, 'HJ6-DL-X');
    contracts.Y = await draft(companyA, 'HJ6-DL-Y');
    await registered(contracts.X);
    await registered(contracts.Y);

    const own = (await ok(companyA, UPCOMING, { w: 30, on: '2026-09-20' })).upcomingDeadlines;
    expect(own.map((d: { subjectId: string }) => d.subjectId).sort()).toEqual([contracts.X, contracts.Y].sort());
    expect(own.find((d: { subjectId: string }) => d.subjectId === contracts.X)).toEqual({
      key: key(contracts.X),
      kind: 'CONTRACT_FILING',
      subjectId: contracts.X,
      ownerKind: 'PROPERTY_COMPANY',
      ownerOrganisationId: companyA.organisationId,
      districtCode: '110102',
      legalBasis: expect.stringMatching(/art\. 63.*art\. 203/),
      dueOn: DUE_ON,
      metOn: null,
      state: 'UPCOMING',
    });
    // Within its scope only: the district's bureau sees them, another company and another district's bureau do not.
    expect((await ok(xichengBureau, UPCOMING, { w: 30, on: '2026-09-20' })).upcomingDeadlines).toHaveLength(2);
    expect((await ok(companyB, UPCOMING, { w: 30, on: '2026-09-20' })).upcomingDeadlines).toEqual([]);
    expect((await ok(haidianBureau, UPCOMING, { w: 30, on: '2026-09-20' })).upcomingDeadlines).toEqual([]);
    // Not yet within 10 days of 20 September; DUE_SOON from 1 October.
    expect((await ok(companyA, UPCOMING, { w: 10, on: '2026-09-20' })).upcomingDeadlines).toEqual([]);
    expect(
      (await ok(companyA, UPCOMING, { w: 7, on: '2026-10-01' })).upcomingDeadlines.map(
        (d: { state: string }) => d.state,
      ),
    ).toEqual(['DUE_SOON', 'DUE_SOON']);
  });

  it('bounds `within` and refuses roles without deadlines and non-admins running the scheduler', async () => {
    for (const w of [0, 367])
      expect((await fails(companyA, UPCOMING, { w, on: '2026-09-20' })).extensions.code).toBe('BAD_USER_INPUT');
    expect((await fails(ownersCommittee, UPCOMING, { w: 30 })).extensions.code).toBe('FORBIDDEN');
    expect((await fails(companyA, RUN, { on: '2026-10-01' })).extensions.code).toBe('FORBIDDEN');
    expect((await fails(companyA, SET_LEADS, { d: [3], o: true, org: companyB.organisationId })).extensions.code).toBe(
      'FORBIDDEN',
    );
    expect((await fails(companyA, SET_LEADS, { d: [91], o: true })).extensions.code).toBe('BAD_USER_INPUT');
    expect((await ok(companyA, LEADS)).deadlineReminderLeads).toEqual({ leadDays: [7, 1], overdue: true });
  });

  it('reminds 7 days and 1 day before 8 October and once overdue, each once; a met deadline gets nothing more', async () => {
    expect(await run('2026-09-30')).toEqual({ ran: true, sent: 0 });
    expect(await run('2026-10-01')).toEqual({ ran: true, sent: 2 }); // X and Y, 7 days before
    expect(await run('2026-10-01')).toEqual({ ran: true, sent: 0 }); // once per deadline and lead

    // Y is filed on paper on 2 October (the admin enters it): on time, and met in the register.
    const filed = (
      await ok(admin, SUBMIT_PAPER, {
        c: contracts.Y,
        k: randomUUID(),
        d: [{ name: '物业服务合同.pdf', type: 'CONTRACT_TEXT', sizeBytes: 1000, sha256: 'a'.repeat(64) }],
        on: '2026-10-02',
        co: companyA.organisationId,
      })
    ).submitFiling;
    expect(filed).toMatchObject({ deadline: DUE_ON, late: false });
    await registered(contracts.Y, true);
    const y = (await ok(companyA, UPCOMING, { w: 30, on: '2026-10-03' })).upcomingDeadlines.find(
      (d: { subjectId: string }) => d.subjectId === contracts.Y,
    );
    expect(y).toMatchObject({ state: 'MET', metOn: '2026-10-02' });

    expect(await run('2026-10-06')).toEqual({ ran: true, sent: 0 });
    expect(await run('2026-10-07')).toEqual({ ran: true, sent: 1 }); // X alone, the day before
    expect(await run('2026-10-08')).toEqual({ ran: true, sent: 0 });
    expect(await run('2026-10-09')).toEqual({ ran: true, sent: 1 }); // X overdue
    expect(await run('2026-10-20')).toEqual({ ran: true, sent: 0 });
    expect(
      (await ok(companyA, UPCOMING, { w: 30, on: '2026-10-09' })).upcomingDeadlines.map(
        (d: { subjectId: string; state: string }) => [d.subjectId, d.state],
      ),
    ).toEqual([[contracts.X, 'OVERDUE']]);

    const expected = ['X:OVERDUE', 'X:P1D', 'X:P7D', 'Y:P7D'];
    await waitFor('company A to receive its four reminders', () => webhookReminders('companyA').length === 4);
    expect(webhookReminders('companyA')).toEqual(expected);
    await waitFor("Xicheng's bureau to receive the four", () => webhookReminders('xichengBureau').length === 4);
    expect(webhookReminders('xichengBureau')).toEqual(expected);
    const reminderRows = await t.sql<{ lead: string; reminded_on: string }>(
      `select distinct lead, reminded_on::text from feeds.deadline_reminder where deadline_key = $1 order by reminded_on`,
      [key(contracts.X)],
    );
    expect(reminderRows).toEqual([
      { lead: 'P7D', reminded_on: '2026-10-01' },
      { lead: 'P1D', reminded_on: '2026-10-07' },
      { lead: 'OVERDUE', reminded_on: '2026-10-09' },
    ]);

    // On the topic and on company A's own topic, valid against the published schema.
    const onTopic = (topic: string) => (m: ProbedMessage) => m.topic === topic && m.headers.ce_type === REMINDER;
    await probe.waitForCount('the reminders on deadline.reminders.v1', onTopic(topics.all), 4);
    const ownTopic = await probe.waitForCount("the reminders on company A's topic", onTopic(topics.a), 4);
    const data = ownTopic.map((m) => expectValidEvent<{ dueOn: string; partyId: string; lead: string }>(m, REMINDER));
    expect(new Set(data.map((d) => d.dueOn))).toEqual(new Set([DUE_ON]));
    expect(new Set(data.map((d) => d.partyId))).toEqual(new Set([partyIdOfOrganisation(companyA.organisationId)]));
    // Four and no more: counted once every outbox is published and the probe has read both topics to their end (the
    // waits above return at four or more).
    const quiet = hubQuiet(t);
    try {
      await quiet.wait();
    } finally {
      await quiet.stop();
    }
    await probe.readToEnd([topics.all, topics.a]);
    expect(probe.received.filter(onTopic(topics.all))).toHaveLength(4);
    expect(probe.received.filter(onTopic(topics.a))).toHaveLength(4);
  });

  it("never reaches a party outside the deadline's scope, by webhook or on its topic", async () => {
    // Deliveries are written in the reminders' own transaction: another company's or district's have none.
    expect(await deliveriesTo('companyB')).toBe(0);
    expect(await deliveriesTo('haidianBureau')).toBe(0);
    expect(receivers.get('companyB')!.events).toEqual([]);
    expect(receivers.get('haidianBureau')!.events).toEqual([]);
    expect(probe.received.filter((m) => m.topic === topics.b)).toEqual([]);
  });

  it("uses the owner's own leads: company B, reminded 10 days before and not once overdue, and only company B", async () => {
    expect((await ok(companyB, SET_LEADS, { d: [10], o: false })).setDeadlineReminderLeads).toEqual({
      leadDays: [10],
      overdue: false,
    });
    contracts.W = await draft(companyB, 'HJ6-DL-W');
    await registered(contracts.W);
    expect(await run('2026-09-27')).toEqual({ ran: true, sent: 0 });
    expect(await run('2026-09-28')).toEqual({ ran: true, sent: 1 });
    // No OVERDUE for B; X's went out already. Xicheng's bureau, by its own (default) leads, is told W is overdue: B's
    // leads are B's alone (before, they silenced the bureau's reminder too; test/deadlines-owner-leads.it.test.ts).
    expect(await run('2026-10-09')).toEqual({ ran: true, sent: 1 });
    await waitFor('company B to receive its reminder', () => webhookReminders('companyB').length === 1);
    expect(webhookReminders('companyB')).toEqual(['W:P10D']);
    const onB = await probe.waitForCount("the reminder on company B's topic", (m) => m.topic === topics.b, 1);
    expect(expectValidEvent<{ ownerOrganisationId: string }>(onB[0], REMINDER).ownerOrganisationId).toBe(
      companyB.organisationId,
    );
    expect(await deliveriesTo('companyA')).toBe(4);
    expect(await deliveriesTo('haidianBureau')).toBe(0);
  });

  it("registers a committee's filing and recording deadlines for its street office alone, from the areas rules", async () => {
    // The area's owners' assembly on record: art. 55 para. 1's filing and recording periods run for its committee.
    await ok(GUANGWAI_OFFICE, `mutation($i: RecordOwnersAssemblyInput!) { recordOwnersAssembly(input: $i) { id } }`, {
      i: { areaId, firstMeetingOn: '2026-06-01' },
    });
    const formed = (
      await ok(GUANGWAI_OFFICE, FORM_PMC, {
        i: {
          areaId,
          formedOn: '2026-09-01',
          termEndsOn: '2029-08-31',
          chairIndex: DEMO_PMC.chairIndex,
          members: DEMO_PMC.members,
        },
      })
    ).formPropertyManagementCommittee.id as string;
    const committeeDeadline = async (kind: string) =>
      (await ok(GUANGWAI_OFFICE, UPCOMING, { w: 30, on: '2026-09-20' })).upcomingDeadlines.find(
        (d: { kind: string }) => d.kind === kind,
      );
    // Formed 1 September: day 30 is National Day, so it files by 8 October (art. 203).
    await waitFor('the committee filing deadline in the register', () => committeeDeadline('COMMITTEE_FILING'));
    expect(await committeeDeadline('COMMITTEE_FILING')).toMatchObject({
      key: `committee-filing:${formed}`,
      ownerKind: 'STREET_OFFICE',
      ownerOrganisationId: GUANGWAI_OFFICE.organisationId,
      dueOn: DUE_ON,
      state: 'UPCOMING',
    });
    await ok(GUANGWAI_OFFICE, FILE_PMC, { b: formed, d: '2026-09-28' });
    // Filed 28 September: the office records it within 5 working days, by Saturday 10 October (a working day).
    await waitFor('the recording deadline in the register', () => committeeDeadline('COMMITTEE_RECORDING'));
    expect(await committeeDeadline('COMMITTEE_RECORDING')).toMatchObject({ dueOn: '2026-10-10', metOn: null });
    expect(await committeeDeadline('COMMITTEE_FILING')).toMatchObject({ state: 'MET', metOn: '2026-09-28' });
    // Another street office, the district's bureau (which reviews contract filings, not committees) see neither.
    expect((await ok(deshengOffice, UPCOMING, { w: 60, on: '2026-09-20' })).upcomingDeadlines).toEqual([]);
    const bureau = (await ok(xichengBureau, UPCOMING, { w: 60, on: '2026-09-20' })).upcomingDeadlines;
    expect(bureau.map((d: { kind: string }) => d.kind)).not.toContain('COMMITTEE_RECORDING');

    const bureauDeliveries = await deliveriesTo('xichengBureau');
    expect(await run('2026-10-09')).toEqual({ ran: true, sent: 1 }); // the recording, the day before
    await waitFor(
      'the street office to receive its reminder',
      () => receivers.get('GUANGWAI_OFFICE')!.events.length === 1,
    );
    expect(receivers.get('GUANGWAI_OFFICE')!.events[0].data).toMatchObject({
      deadlineKey: `committee-recording:${formed}`,
      lead: 'P1D',
      dueOn: '2026-10-10',
    });
    expect(await deliveriesTo('xichengBureau')).toBe(bureauDeliveries);
    expect(await deliveriesTo('companyA')).toBe(4);
  });
  it("registers a failing webhook subscription's retry window for its owner alone, reminds it, and meets it once deliveries succeed", async () => {
    let down = true;
    const receiver = await startReceiver(() => down);
    receivers.set('companyBDown', receiver);
    const created = (await ok(companyB, CREATE, { t: [REMINDER], u: receiver.url })).createWebhookSubscription;
    receiver.useSecret(created.secret);
    const key = `webhook-retry:${created.subscription.id}`;
    const windowRow = async () =>
      (
        await t.sql<{
          due_on: string | null;
          met_on: string | null;
          owner_organisation_id: string;
          owner_kind: string;
        }>(
          `select due_on::text, met_on::text, owner_organisation_id, owner_kind from feeds.deadline where deadline_key = $1`,
          [key],
        )
      )[0];
    // A reminder for company B (its contract V, 10 days before) goes to both its subscriptions; the new one fails.
    const v = await draft(companyB, 'HJ6-DL-V');
    await registered(v);
    expect(await run('2026-09-28')).toEqual({ ran: true, sent: 1 });
    await waitFor('the retry window in the register', async () => (await windowRow()) !== undefined);
    const [{ first }] = await t.sql<{ first: string }>(
      `select min(first_attempt_at)::text as first from feeds.webhook_delivery where subscription_id = $1 and status = 'PENDING'`,
      [created.subscription.id],
    );
    // Due the day (in China) the 24 h after the first failed attempt end: then the subscription would be paused.
    const dueOn = todayInChina(new Date(Date.parse(first) + 86_400_000));
    expect(await windowRow()).toEqual({
      due_on: dueOn,
      met_on: null,
      owner_organisation_id: companyB.organisationId,
      owner_kind: 'PROPERTY_COMPANY',
    });
    const today = todayInChina(new Date(Date.parse(first)));
    const listed = (await ok(companyB, UPCOMING, { w: 7, on: today })).upcomingDeadlines.find(
      (d: { key: string }) => d.key === key,
    );
    expect(listed).toMatchObject({ kind: 'WEBHOOK_RETRY_WINDOW', dueOn, state: 'DUE_SOON', metOn: null });
    const others = [companyA, xichengBureau, haidianBureau];
    for (const who of others)
      expect(
        (await ok(who, UPCOMING, { w: 7, on: today })).upcomingDeadlines.map((d: { key: string }) => d.key),
      ).not.toContain(key);

    // Reminded at company B's own lead (10 days, set above: the window is within it at once), through its working
    // subscription; nobody else hears of it.
    await run(today);
    await waitFor('company B to be told its subscription is failing', () =>
      receivers.get('companyB')!.events.some((e) => (e.data as { deadlineKey: string }).deadlineKey === key),
    );
    expect(
      receivers.get('companyB')!.events.find((e) => (e.data as { deadlineKey: string }).deadlineKey === key)!.data,
    ).toMatchObject({
      kind: 'WEBHOOK_RETRY_WINDOW',
      lead: 'P10D',
      dueOn,
      ownerOrganisationId: companyB.organisationId,
    });
    for (const name of ['companyA', 'xichengBureau', 'haidianBureau'])
      expect(receivers.get(name)!.events.some((e) => (e.data as { deadlineKey: string }).deadlineKey === key)).toBe(
        false,
      );

    // The receiver is fixed: the retries go through and the window is met; nothing more is sent for it.
    down = false;
    await waitFor('the retry window met', async () => (await windowRow())?.met_on != null);
    expect(await run(dueOn)).toMatchObject({ ran: true });
    expect(
      (
        await t.sql<{ n: number }>(`select count(*)::int as n from feeds.deadline_reminder where deadline_key = $1`, [
          key,
        ])
      )[0].n,
    ).toBe(1);
  });

  it('leaves out a deadline whose owner has no party id without holding back the rest; a resume of an active subscription keeps its retry window, a deletion ends it', async () => {
    const companyC = identity('PROPERTY_COMPANY', '91110102MA0000DLRC');
    const receiver = await startReceiver(() => true); // always failing
    receivers.set('companyC', receiver);
    const created = (await ok(companyC, CREATE, { t: [REMINDER], u: receiver.url })).createWebhookSubscription;
    receiver.useSecret(created.secret);
    const [noParty, ofC] = [`test-no-party:${randomUUID()}`, `test-company-c:${randomUUID()}`];
    const insert = (deadlineKey: string, owner: string) =>
      t.sql(
        `insert into feeds.deadline (deadline_key, kind, subject_id, owner_kind, owner_organisation_id, district_code, legal_basis, due_on, met_on, cancelled, sequence, source)
         values ($1, 'CONTRACT_FILING', $2, 'PROPERTY_COMPANY', $3, '110102', 'test', '2026-11-20', null, false, 1, 'contracts')`,
        [deadlineKey, randomUUID(), owner],
      );
    // An organisation id with no letter or digit a party id on the broker can hold: its reminder cannot be published.
    await insert(noParty, '物业公司');
    await insert(ofC, companyC.organisationId);
    const RUN_ALL = `mutation($on: LocalDate!) { sendDeadlineReminders(asOf: $on) { ran sent withoutParty } }`;
    // Before, the one reminder without a party failed the run's transaction: nobody was reminded, hour after hour.
    const result = (await ok(admin, RUN_ALL, { on: '2026-11-19' })).sendDeadlineReminders;
    expect(result).toMatchObject({ ran: true, withoutParty: [noParty] });
    expect(result.sent).toBeGreaterThanOrEqual(1);
    const reminded = await t.sql<{ deadline_key: string }>(
      `select distinct deadline_key from feeds.deadline_reminder where deadline_key = any($1)`,
      [[noParty, ofC]],
    );
    expect(reminded.map((r) => r.deadline_key)).toEqual([ofC]);

    // C's receiver fails, so its retry window opens; C deletes the subscription and the window ends with it (before,
    // it stayed open, OVERDUE for ever and reminded of).
    const windowKey = `webhook-retry:${created.subscription.id}`;
    const windowRow = async () =>
      (
        await t.sql<{ cancelled: boolean }>(`select cancelled from feeds.deadline where deadline_key = $1`, [windowKey])
      )[0];
    await waitFor('the retry window in the register', async () => (await windowRow()) !== undefined);
    expect(await windowRow()).toEqual({ cancelled: false });
    // Resuming a subscription that is not paused changes nothing: before, it restarted the failing deliveries' retry
    // window, so a subscription resumed every few hours was never paused.
    const firstAttempts = () =>
      t.sql<{ first: string | null }>(
        `select first_attempt_at::text as first from feeds.webhook_delivery where subscription_id = $1 and status = 'PENDING'`,
        [created.subscription.id],
      );
    const before = await firstAttempts();
    expect(before.length).toBeGreaterThan(0);
    expect(before.every((r) => r.first !== null)).toBe(true);
    const RESUME = `mutation($s: ID!) { resumeWebhookSubscription(id: $s) { status } }`;
    expect((await ok(companyC, RESUME, { s: created.subscription.id })).resumeWebhookSubscription).toEqual({
      status: 'ACTIVE',
    });
    expect(await firstAttempts()).toEqual(before);
    const DELETE = `mutation($s: ID!) { deleteWebhookSubscription(id: $s) }`;
    expect((await ok(companyC, DELETE, { s: created.subscription.id })).deleteWebhookSubscription).toBe(true);
    expect(await windowRow()).toEqual({ cancelled: true });
    const listed = (await ok(companyC, UPCOMING, { w: 60, on: '2026-11-19' })).upcomingDeadlines.map(
      (d: { key: string }) => d.key,
    );
    expect(listed).toContain(ofC);
    expect(listed).not.toContain(windowKey);
  });
  it('reminds a bureau registered for Kafka alone on its own reminder topic, of its districts’ filings only, once', async () => {
    // Registered as the admin's registerFeedSubscriber records it (the broker's principal is not needed here: the
    // hub writes the topic, the probe reads it as the test's admin).
    const insertParty = (partyId: string, district: string) =>
      t.sql(
        `insert into feeds.feed_subscriber (party_id, kind, court_id, jurisdictions, username, status, registered_at, registered_by)
         values ($1, 'BUREAU', null, $2::jsonb, $3, 'ACTIVE', now(), 'hub-operator')`,
        [partyId, JSON.stringify([district]), `party-${partyId}`],
      );
    await insertParty('bureau-xicheng-kafka', '110102');
    await insertParty('bureau-haidian-kafka', '110108');
    const [xichengTopic, haidianTopic] = await partyTopics(t, DEADLINE_REMINDERS_TOPIC, [
      'bureau-xicheng-kafka',
      'bureau-haidian-kafka',
    ]);
    const bureauProbe = await probeTopics(t.brokers, [xichengTopic, haidianTopic]);
    try {
      const deadlineKey = `contract-filing:${randomUUID()}`;
      await t.sql(
        `insert into feeds.deadline (deadline_key, kind, subject_id, owner_kind, owner_organisation_id, district_code, legal_basis, due_on, met_on, cancelled, sequence, source)
         values ($1, 'CONTRACT_FILING', $2, 'PROPERTY_COMPANY', $3, '110102', 'test', '2026-12-20', null, false, 1, 'contracts')`,
        [deadlineKey, deadlineKey.slice(-36), companyB.organisationId],
      );
      // 7 days before, by the bureau's (default) leads; company B is due its own P10D.
      expect((await run('2026-12-13')).ran).toBe(true);
      const onXicheng = (m: ProbedMessage) => m.topic === xichengTopic && m.headers.ce_type === REMINDER;
      const [copy] = await bureauProbe.waitForCount(
        "the reminder on the Kafka bureau's topic",
        (m) => onXicheng(m) && expectValidEvent<{ deadlineKey: string }>(m, REMINDER).deadlineKey === deadlineKey,
        1,
      );
      expect(expectValidEvent(copy, REMINDER)).toMatchObject({
        deadlineKey,
        lead: 'P7D',
        dueOn: '2026-12-20',
        ownerOrganisationId: companyB.organisationId,
        partyId: partyIdOfOrganisation(companyB.organisationId),
      });
      // Once: a second run the same day adds nothing. Counted once every outbox is published and the probe has read
      // both topics to their end.
      expect(await run('2026-12-13')).toEqual({ ran: true, sent: 0 });
      const quiet = hubQuiet(t);
      try {
        await quiet.wait();
      } finally {
        await quiet.stop();
      }
      await bureauProbe.readToEnd([xichengTopic, haidianTopic]);
      const copies = bureauProbe.received
        .filter(onXicheng)
        .map((m) => expectValidEvent<{ deadlineKey: string; lead: string; kind: string; districtCode: string }>(m));
      // Its districts' contract filings only (the unmet ones before it too, overdue now, of which it heard nothing),
      // each lead once; nothing on the Haidian bureau's topic.
      expect(copies.filter((c) => c.deadlineKey === deadlineKey).map((c) => c.lead)).toEqual(['P7D']);
      expect(new Set(copies.map((c) => `${c.kind}:${c.districtCode}`))).toEqual(new Set(['CONTRACT_FILING:110102']));
      const keyed = copies.map((c) => `${c.deadlineKey}:${c.lead}`);
      expect(new Set(keyed).size).toBe(keyed.length);
      expect(bureauProbe.received.filter((m) => m.topic === haidianTopic)).toEqual([]);
    } finally {
      await bureauProbe.stop();
    }
  });
});
