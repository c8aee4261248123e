import { randomUUID } from 'node:crypto';
import { TestHub, identity, pinTestToday, startTestHub } from './support/hub-fixture';
import { GUANGWAI_OFFICE, HONGJU, gqlExpectations, hongjuTerms, scenario } from './support/scenario';
import { waitFor } from './support/wait-for';
import { FICTITIOUS_2027, committeeFormedPastTheData } from './support/fictitious-2027';

// The hub's today: 2026-12-21, four days before the packaged holiday data ends (2026-12-24). A period running past
// it is announced to the register undated (dueOn null); README "Recording the next year" step 4 promises it becomes
// firm once the year is recorded, in the register too, not only in the API.
pinTestToday('2026-12-21');

const admin = identity('ADMIN', 'hub-operator');
const company = identity('PROPERTY_COMPANY', '91110102MA0000H217');
const xichengCourt = identity('COURT', 'bj-xicheng-court', ['110102']);

/** What the periods below end on under FICTITIOUS_2027: each plain last day is in the bridge of 31 December to 5 January. */
const DUE_UNDER_2027 = '2027-01-06';

const RECORD = `mutation($a: HolidayArrangementInput!) { recordHolidayArrangement(arrangement: $a) { year version } }`;
const DRAFT = `mutation($a: ID!, $t: ContractTermsInput!) { draftContract(areaId: $a, terms: $t) { id } }`;
const DISCARD = `mutation($c: ID!) { discardContractDraft(contractId: $c) { status } }`;
const UPCOMING = `query($w: Int!, $on: LocalDate) { upcomingDeadlines(within: $w, asOf: $on) { key dueOn state } }`;
const RUN = `mutation($on: LocalDate!) { sendDeadlineReminders(asOf: $on) { ran sent } }`;

interface RegisterRow {
  due_on: string | null;
  met_on: string | null;
  cancelled: boolean;
  sequence: number;
}

describe('a deadline announced undated past the holiday data is dated in the register once the year is recorded', () => {
  let t: TestHub;
  const { ok } = gqlExpectations(() => t);
  const keys = {
    draft: '',
    discarded: '',
    committee: '',
    mediation: '',
    withdrawn: '',
    enforcement: '',
    enforcementPast2027: '',
    enforcementClosed: '',
  };

  const row = async (key: string) =>
    (
      await t.sql<RegisterRow>(
        `select due_on::text, met_on::text, cancelled, sequence from feeds.deadline where deadline_key = $1`,
        [key],
      )
    )[0] as RegisterRow | undefined;

  /** A referral before Xicheng's court whose mediation the court reported started on `startedOn`, written as stored. */
  const seedReferral = async (status: 'IN_MEDIATION' | 'WITHDRAWN', startedOn: string) => {
    const id = randomUUID();
    await t.sql(
      `insert into litigation.referral (id, company_id, court_id, account_id, household_id, area_id, area_name,
         street_code, district_code, eligible, eligibility, status, submitted_on, submitted_by, deadline_sequence)
       values ($1, $2, 'bj-xicheng-court', $3, $4, $5, '红居南街6号院', '110102020', '110102', true, '{}', $6,
         '2026-11-20', 'company-user', 1)`,
      [id, company.organisationId, randomUUID(), randomUUID(), randomUUID(), status],
    );
    await t.sql(
      `insert into litigation.court_event (id, court_id, referral_id, kind, occurred_at, verdict, details, via, reported_by)
       values ($1, 'bj-xicheng-court', $2, 'MEDIATION_STARTED', $3, 'APPLY', '{}', 'API', 'bj-xicheng-court')`,
      [randomUUID(), id, `${startedOn}T10:00:00+08:00`],
    );
    return `mediation-window:${id}`;
  };

  /**
   * A small claim before Xicheng's court judged on `judgedOn` without a performance period, written as stored with its
   * deadlines announced once (sequence 1): the company's two years to apply for enforcement (art. 250) count from it.
   */
  const seedJudgedSmallClaim = async (status: 'JUDGED' | 'CLOSED', judgedOn: string) => {
    const id = randomUUID();
    await t.sql(
      `insert into litigation.referral (id, company_id, court_id, account_id, household_id, area_id, area_name,
         street_code, district_code, eligible, eligibility, status, procedure, docketed_on, judged_fen, decided_on,
         submitted_on, submitted_by, deadline_sequence)
       values ($1, $2, 'bj-xicheng-court', $3, $4, $5, '红居南街6号院', '110102020', '110102', true, '{}', $6,
         'SMALL_CLAIMS', $7::date - 30, 10000, $7, '2024-09-02', 'company-user', 1)`,
      [id, company.organisationId, randomUUID(), randomUUID(), randomUUID(), status, judgedOn],
    );
    return `enforcement-application:${id}`;
  };

  beforeAll(async () => {
    t = await startTestHub({ subgraphs: ['areas', 'contracts', 'litigation', 'feeds'] });
    const given = scenario(t);
    await given.courts();
    const { areaId } = await given.compound(HONGJU, { knownTo: ['contracts'] });
    // Signed Sunday 2026-12-20: day 15 is Monday 2027-01-04, past the data; one draft kept, one discarded.
    const draft = async (number: string) =>
      (await ok(company, DRAFT, { a: areaId, t: hongjuTerms(company, '2027-01', { number, signedOn: '2026-12-20' }) }))
        .draftContract.id as string;
    const kept = await draft('HJ6-UNDATED-01');
    const discarded = await draft('HJ6-UNDATED-02');
    await ok(company, DISCARD, { c: discarded });
    keys.draft = `contract-filing:${kept}`;
    keys.discarded = `contract-filing:${discarded}`;

    // A committee of an area whose owners' assembly is on record, formed 2026-12-04: day 30 is Sunday 2027-01-03.
    const { registerArea } = await ok(
      GUANGWAI_OFFICE,
      'mutation { registerArea(input: { name: "红居南街6号院 未定期限区", districtCode: "110102", streetCode: "110102020" }) { id } }',
    );
    const committeeId = await committeeFormedPastTheData(ok, GUANGWAI_OFFICE, registerArea.id);
    keys.committee = `committee-filing:${committeeId}`;

    // Mediation started 2026-12-01: day 30 is Thursday 2026-12-31. One still in mediation, one withdrawn since.
    keys.mediation = await seedReferral('IN_MEDIATION', '2026-12-01');
    keys.withdrawn = await seedReferral('WITHDRAWN', '2026-12-01');
    // Judged 2025-02-08: two years end Monday 2027-02-08, announced as that plain day, provisional (in the 2027
    // Spring Festival days off: to the Saturday worked, 13 February); judged 2026-01-05: 2028-01-05, still past the
    // data once 2027 is recorded; one closed paid, its deadline cancelled.
    keys.enforcement = await seedJudgedSmallClaim('JUDGED', '2025-02-08');
    keys.enforcementPast2027 = await seedJudgedSmallClaim('JUDGED', '2026-01-05');
    keys.enforcementClosed = await seedJudgedSmallClaim('CLOSED', '2025-02-08');

    for (const key of [keys.draft, keys.discarded, keys.committee])
      await waitFor(`the register to hold ${key}`, async () => (await row(key)) !== undefined);
    await waitFor('the discarded draft cancelled in the register', async () => (await row(keys.discarded))?.cancelled);
  });

  afterAll(async () => {
    await t?.stop();
  });

  it('holds them undated before the year is recorded: no reminder, not overdue', async () => {
    expect(await row(keys.draft)).toEqual({ due_on: null, met_on: null, cancelled: false, sequence: 1 });
    expect(await row(keys.committee)).toEqual({ due_on: null, met_on: null, cancelled: false, sequence: 1 });
    expect(await row(keys.discarded)).toMatchObject({ due_on: null, cancelled: true, sequence: 2 });
    expect((await ok(company, UPCOMING, { w: 30, on: '2027-01-10' })).upcomingDeadlines).toEqual([]);
  });

  it('announces each open one again with its date, in every subgraph, under a sequence the register takes', async () => {
    await ok(admin, RECORD, { a: FICTITIOUS_2027 });

    // Contracts, in the recording's own transaction: the next sequence of the contract's announcements.
    await waitFor('the filing deadline dated', async () => (await row(keys.draft))?.due_on !== null);
    expect(await row(keys.draft)).toEqual({ due_on: DUE_UNDER_2027, met_on: null, cancelled: false, sequence: 2 });
    // Areas and litigation, when their holiday calendar consumers take the year.
    await waitFor('the committee filing deadline dated', async () => (await row(keys.committee))?.due_on !== null);
    expect(await row(keys.committee)).toEqual({ due_on: DUE_UNDER_2027, met_on: null, cancelled: false, sequence: 2 });
    await waitFor('the mediation window dated', async () => (await row(keys.mediation)) !== undefined);
    expect(await row(keys.mediation)).toEqual({ due_on: DUE_UNDER_2027, met_on: null, cancelled: false, sequence: 2 });

    // The register now reminds and lists them as any other: overdue the day after.
    const listed = (await ok(company, UPCOMING, { w: 30, on: '2027-01-07' })).upcomingDeadlines;
    expect(listed).toEqual([{ key: keys.draft, dueOn: DUE_UNDER_2027, state: 'OVERDUE' }]);
    const court = (await ok(xichengCourt, UPCOMING, { w: 30, on: '2026-12-30' })).upcomingDeadlines;
    expect(court).toEqual([{ key: keys.mediation, dueOn: DUE_UNDER_2027, state: 'DUE_SOON' }]);
    // Seven days before: the company's filing, the street office's committee filing and the court's mediation.
    expect((await ok(admin, RUN, { on: '2026-12-30' })).sendDeadlineReminders).toEqual({ ran: true, sent: 3 });
  });

  it('announces a provisional deadline to apply for enforcement again once its year is recorded, moved by it', async () => {
    // Before, decided referrals were left out of litigation's sweep: the API showed 2027-02-13, the register nothing
    // new (here, where the seeded case was never announced, nothing at all).
    await waitFor('the enforcement deadline dated', async () => (await row(keys.enforcement)) !== undefined);
    expect(await row(keys.enforcement)).toEqual({
      due_on: '2027-02-13',
      met_on: null,
      cancelled: false,
      sequence: 2,
    });
    await waitFor('litigation to hold 2027', async () => {
      const rows = await t.sql<{ version: number }>(`select version from litigation.holiday_year where year = 2027`);
      return rows[0]?.version === 1;
    });
    // Still past the data (2028): the plain day it was announced with stands, not repeated; a closed case not at all.
    const announced = await t.sql<{ key: string }>(
      `select message_key as key from litigation.outbox where message_key in ($1, $2, $3)`,
      [keys.enforcement, keys.enforcementPast2027, keys.enforcementClosed],
    );
    expect(announced.map((r) => r.key)).toEqual([keys.enforcement]);
  });

  it('leaves a cancelled deadline cancelled: a discarded draft or a withdrawn case is not announced again', async () => {
    await waitFor('litigation to hold 2027', async () => {
      const rows = await t.sql<{ version: number }>(`select version from litigation.holiday_year where year = 2027`);
      return rows[0]?.version === 1;
    });
    expect(await row(keys.discarded)).toEqual({ due_on: null, met_on: null, cancelled: true, sequence: 2 });
    expect(await row(keys.withdrawn)).toBeUndefined();
    // Each open one was announced with its date once; neither cancelled one was announced again.
    const announced = await t.sql<{ key: string }>(
      `select message_key as key from contracts.outbox where message_key in ($1, $2) and payload->>'dueOn' is not null
        union all select message_key from litigation.outbox where message_key in ($3, $4)`,
      [keys.draft, keys.discarded, keys.mediation, keys.withdrawn],
    );
    expect(announced.map((r) => r.key).sort()).toEqual([keys.draft, keys.mediation].sort());
  });
});
