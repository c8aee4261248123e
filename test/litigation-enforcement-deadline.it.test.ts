import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { COURT_CASE_EVENTS_TOPIC, COURT_CASE_EVENT_REPORTED } from '../catalog';
import { asKafkaMessage } from './support/events';
import { rawProducer } from './support/kafka-probe';
import { partyTopics } from './support/party-topics';
import { addDays, addMonths, addYears } from '../kernel/calendar';
import { TestHub, identity, pinTestToday, startTestHub } from './support/hub-fixture';
import { gqlExpectations, hongjuTerms, scenario } from './support/scenario';
import { waitFor } from './support/wait-for';
import { connectedClient } from './support/db-client';
import { chargedAccounts, referAfterDemand } from './support/refer-after-demand';

// The two years a property company has to apply for enforcement of a judgment or settlement (Civil Procedure Law
// art. 250), computed by litigation from what the court reports and announced on the deadline register to the company.
const today = pinTestToday('2026-12-01');
const thisMonth = today.slice(0, 7);
const firstMonth = addMonths(thisMonth, -12);
const companyA = identity('PROPERTY_COMPANY', '91110102MA0000ENFA');
const companyB = identity('PROPERTY_COMPANY', '91110102MA0000ENFB');
const xichengCourt = identity('COURT', 'bj-xicheng-court', ['110102']);
const haidianCourt = identity('COURT', 'bj-haidian-court', ['110108']);
const admin = identity('ADMIN', 'hub-operator');

const REPORT = `mutation($r: CourtReportInput!) { reportCourtEvent(report: $r) { id status performanceDueOn } }`;
const REFERRAL = `query($id: ID!) { referral(id: $id) { id status performanceDueOn
  enforcementApplicationDeadline { countedFrom countedFromKind dueOn provisional awaitsHolidayYear metOn cancelled legalBasis } } }`;
const UPCOMING = `query($w: Int!, $on: LocalDate) { upcomingDeadlines(within: $w, asOf: $on) {
  key kind subjectId ownerKind ownerOrganisationId legalBasis dueOn metOn state } }`;

describe('the period to apply for enforcement: reported by the court, announced to the company', () => {
  let t: TestHub;
  let db: Client;
  const { ok, fails } = gqlExpectations(() => t);
  let accounts: { id: string; chargeIds: string[] }[];

  const row = async (key: string) =>
    (
      await db.query(
        `select kind, due_on::text, met_on::text, cancelled, owner_kind, owner_organisation_id from feeds.deadline where deadline_key = $1`,
        [key],
      )
    ).rows[0] as Record<string, unknown> | undefined;
  const report = (referralId: string, kind: string, on: string, extra: Record<string, unknown> = {}) =>
    ok(xichengCourt, REPORT, { r: { referralId, kind, occurredAt: `${on}T10:00:00+08:00`, ...extra } });
  const deadlineOf = async (who: typeof companyA, id: string) =>
    (await ok(who, REFERRAL, { id })).referral.enforcementApplicationDeadline;
  const referred = async (account: { id: string; chargeIds: string[] }) =>
    (await referAfterDemand(ok, db, companyA, account, { today, sentOn: addDays(today, -183) })).id;

  beforeAll(async () => {
    t = await startTestHub({ subgraphs: ['areas', 'contracts', 'arrears', 'litigation', 'feeds'] });
    db = await connectedClient(t.databaseUrl);
    const given = scenario(t);
    const areaId = await given.billedHongju(
      companyA,
      hongjuTerms(companyA, firstMonth, {
        number: 'HJ6-ENF-01',
        endsOn: addDays(addYears(`${firstMonth}-01`, 3), -1),
      }),
      [addMonths(thisMonth, -3), addMonths(thisMonth, -2)],
    );
    accounts = await chargedAccounts(t, areaId, companyA.organisationId);
  });

  afterAll(async () => {
    await db?.end();
    await t?.stop();
  });

  it('dates it from the performance period a judgment reports, for the company and its court only; met once enforcement starts', async () => {
    const referralId = await referred(accounts[0]);
    await report(referralId, 'DOCKETED', '2026-10-09', {
      caseNumber: '(2026)京0102民初9951号',
      procedure: 'SIMPLE_OR_ORDINARY',
    });
    // Bounded: a performance period ending before the judgment is refused, nothing recorded.
    const early = await fails(xichengCourt, REPORT, {
      r: {
        referralId,
        kind: 'JUDGED',
        occurredAt: '2026-11-20T10:00:00+08:00',
        judgedFen: 10000,
        performanceDueOn: '2026-11-19',
      },
    });
    expect(early.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { fields: { performanceDueOn: expect.any(String) } },
    });
    const judged = await report(referralId, 'JUDGED', '2026-11-20', {
      judgedFen: 10000,
      performanceDueOn: '2026-11-30',
    });
    expect(judged.reportCourtEvent).toMatchObject({ status: 'JUDGED', performanceDueOn: '2026-11-30' });

    // Two years from 30 November 2026: 30 November 2028, past the holiday data the hub holds, so that day unmoved
    // (provisional: a later notice can only move it later, art. 85).
    const expected = {
      countedFrom: '2026-11-30',
      countedFromKind: 'PERFORMANCE_DUE',
      dueOn: '2028-11-30',
      provisional: true,
      awaitsHolidayYear: 2028,
      metOn: null,
      cancelled: false,
    };
    expect(await deadlineOf(companyA, referralId)).toMatchObject(expected);
    expect(await deadlineOf(xichengCourt, referralId)).toMatchObject(expected);
    expect((await deadlineOf(companyA, referralId)).legalBasis).toMatch(/art\. 250.*申请执行的期间为二年/);
    // The admin reads the referral, not the company's deadline nor the period it counts from; another company or court
    // not the referral at all.
    expect(await deadlineOf(admin, referralId)).toBeNull();
    expect((await ok(admin, REFERRAL, { id: referralId })).referral).toMatchObject({
      status: 'JUDGED',
      performanceDueOn: null,
    });
    expect((await ok(xichengCourt, REFERRAL, { id: referralId })).referral.performanceDueOn).toBe('2026-11-30');
    expect((await ok(companyA, REFERRAL, { id: referralId })).referral.performanceDueOn).toBe('2026-11-30');
    for (const other of [companyB, haidianCourt])
      expect((await fails(other, REFERRAL, { id: referralId })).extensions?.code).toBe('NOT_FOUND');

    const key = `enforcement-application:${referralId}`;
    await waitFor('the enforcement deadline in the register', async () => (await row(key)) !== undefined);
    expect(await row(key)).toEqual({
      kind: 'ENFORCEMENT_APPLICATION',
      due_on: '2028-11-30',
      met_on: null,
      cancelled: false,
      owner_kind: 'PROPERTY_COMPANY',
      owner_organisation_id: companyA.organisationId,
    });
    const own = (await ok(companyA, UPCOMING, { w: 30, on: '2028-11-20' })).upcomingDeadlines;
    expect(own).toEqual([
      expect.objectContaining({
        key,
        kind: 'ENFORCEMENT_APPLICATION',
        subjectId: referralId,
        ownerKind: 'PROPERTY_COMPANY',
        dueOn: '2028-11-30',
        metOn: null,
        state: 'UPCOMING',
      }),
    ]);
    for (const other of [companyB, xichengCourt, haidianCourt])
      expect((await ok(other, UPCOMING, { w: 30, on: '2028-11-20' })).upcomingDeadlines).toEqual([]);

    // The court reports enforcement started: the company applied in time.
    await report(referralId, 'ENFORCEMENT_STARTED', '2026-12-01', { caseNumber: '(2026)京0102执1951号' });
    await waitFor('the enforcement deadline met', async () => (await row(key))?.met_on === '2026-12-01');
    expect(await deadlineOf(companyA, referralId)).toMatchObject({ metOn: '2026-12-01', cancelled: false });
    expect((await ok(companyA, UPCOMING, { w: 30, on: '2028-11-20' })).upcomingDeadlines).toEqual([
      expect.objectContaining({ key, metOn: '2026-12-01', state: 'MET' }),
    ]);
  });

  it('dates it from a settlement’s day where none is reported, and withdraws it once the case is closed paid', async () => {
    const referralId = await referred(accounts[1]);
    await report(referralId, 'DOCKETED', '2026-10-09', {
      caseNumber: '(2026)京0102民初9952号',
      procedure: 'SIMPLE_OR_ORDINARY',
    });
    await report(referralId, 'SETTLED', '2026-11-20', { settledFen: 9000 });
    expect(await deadlineOf(companyA, referralId)).toMatchObject({
      countedFrom: '2026-11-20',
      countedFromKind: 'MEDIATION_DOCUMENT',
      dueOn: '2028-11-20',
    });
    const key = `enforcement-application:${referralId}`;
    await waitFor('the enforcement deadline in the register', async () => (await row(key))?.due_on === '2028-11-20');

    await report(referralId, 'CLOSED', '2026-12-01');
    await waitFor('the enforcement deadline withdrawn', async () => (await row(key))?.cancelled === true);
    expect(await deadlineOf(companyA, referralId)).toMatchObject({ metOn: null, cancelled: true });
    const listed = (await ok(companyA, UPCOMING, { w: 30, on: '2028-11-15' })).upcomingDeadlines as { key: string }[];
    expect(listed.map((d) => d.key)).not.toContain(key);
  });

  it('invents no date for an appealable judgment reported without its performance period, and takes one corrected in', async () => {
    const referralId = await referred(accounts[2]);
    await report(referralId, 'DOCKETED', '2026-10-09', {
      caseNumber: '(2026)京0102民初9953号',
      procedure: 'SIMPLE_OR_ORDINARY',
    });
    await report(referralId, 'JUDGED', '2026-11-20', { judgedFen: 10000 });
    expect(await deadlineOf(companyA, referralId)).toBeNull();
    const key = `enforcement-application:${referralId}`;
    await waitFor('the undated deadline in the register', async () => (await row(key)) !== undefined);
    expect(await row(key)).toMatchObject({ due_on: null, cancelled: false });

    // The ruling on the judgment gives its performance period: the amount unchanged, the period dated.
    await report(referralId, 'JUDGMENT_CORRECTED', '2026-11-25', { judgedFen: 10000, performanceDueOn: '2026-12-10' });
    expect(await deadlineOf(companyA, referralId)).toMatchObject({ countedFrom: '2026-12-10', dueOn: '2028-12-10' });
    await waitFor('the deadline dated', async () => (await row(key))?.due_on === '2028-12-10');
  });

  it('bounds a corrected performance period by the judgment’s day, not the ruling’s: a period already ended is taken', async () => {
    const referralId = await referred(accounts[4]);
    await report(referralId, 'DOCKETED', '2026-10-09', {
      caseNumber: '(2026)京0102民初9955号',
      procedure: 'SIMPLE_OR_ORDINARY',
    });
    await report(referralId, 'JUDGED', '2026-10-20', { judgedFen: 10000 });
    // Before the judgment's day: refused, nothing recorded.
    const early = await fails(xichengCourt, REPORT, {
      r: {
        referralId,
        kind: 'JUDGMENT_CORRECTED',
        occurredAt: '2026-11-30T10:00:00+08:00',
        judgedFen: 10000,
        performanceDueOn: '2026-10-19',
      },
    });
    expect(early.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      details: {
        fields: {
          performanceDueOn: "the last day of the performance period cannot be before the judgment's day 2026-10-20",
        },
      },
    });
    expect((await ok(companyA, REFERRAL, { id: referralId })).referral.performanceDueOn).toBeNull();
    // The ruling of 30 November gives the period that ended on 4 November, after the judgment: taken (before, refused
    // as "The JUDGMENT_CORRECTED report is incomplete", before the report's day, the deadline undated for good).
    const corrected = await report(referralId, 'JUDGMENT_CORRECTED', '2026-11-30', {
      judgedFen: 10000,
      performanceDueOn: '2026-11-04',
    });
    expect(corrected.reportCourtEvent).toMatchObject({ status: 'JUDGED', performanceDueOn: '2026-11-04' });
    expect(await deadlineOf(companyA, referralId)).toMatchObject({
      countedFrom: '2026-11-04',
      countedFromKind: 'PERFORMANCE_DUE',
      dueOn: '2028-11-04',
      provisional: true,
    });
    const key = `enforcement-application:${referralId}`;
    await waitFor('the deadline dated', async () => (await row(key))?.due_on === '2028-11-04');
  });

  it('takes the performance period from a judgment the court reports on its own topic', async () => {
    const referralId = await referred(accounts[3]);
    await report(referralId, 'DOCKETED', '2026-10-09', {
      caseNumber: '(2026)京0102民初9954号',
      procedure: 'SMALL_CLAIMS',
    });
    const [topic] = await partyTopics(t, COURT_CASE_EVENTS_TOPIC, ['bj-xicheng-court']);
    const producer = rawProducer(t.brokers);
    await producer.connect();
    try {
      const data = {
        referralId,
        courtId: 'bj-xicheng-court',
        kind: 'JUDGED',
        occurredAt: '2026-11-20T10:00:00+08:00',
        judgedFen: 10000,
        performanceDueOn: '2026-11-30',
      };
      await producer.send({
        topic,
        messages: [
          asKafkaMessage(
            {
              id: randomUUID(),
              type: COURT_CASE_EVENT_REPORTED.type,
              source: 'court:bj-xicheng',
              time: new Date().toISOString(),
              data,
            },
            referralId,
          ),
        ],
      });
    } finally {
      await producer.disconnect();
    }
    const key = `enforcement-application:${referralId}`;
    await waitFor('the enforcement deadline in the register', async () => (await row(key))?.due_on === '2028-11-30');
    expect((await ok(companyA, REFERRAL, { id: referralId })).referral).toMatchObject({
      status: 'JUDGED',
      performanceDueOn: '2026-11-30',
      enforcementApplicationDeadline: { countedFromKind: 'PERFORMANCE_DUE', dueOn: '2028-11-30' },
    });
  });
});
