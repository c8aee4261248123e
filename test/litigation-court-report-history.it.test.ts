import { Client } from 'pg';
import { addDays, addMonths, addYears } from '../kernel/calendar';
import { TestHub, identity, pinTestToday, startTestHub } from './support/hub-fixture';
import { gqlExpectations, hongjuTerms, scenario } from './support/scenario';
import { connectedClient } from './support/db-client';
import { chargedAccounts, referAfterDemand } from './support/refer-after-demand';

// Court reports the case's own history rules out (helper-269's audit): a court's report is dated by the court, and the hub keeps those dates as the case's (docketedOn,
// decidedOn) and counts the small-claims decision period (Civil Procedure Law art. 168, "应当在立案之日起两个月内审结")
// from them. A report dated before the referral reached the court, or a judgment dated before the docketing, cannot
// be true: the future is refused as a typing error (case-status.ts assertNotFuture), the past is taken as given.
const today = pinTestToday('2026-12-01');
const thisMonth = today.slice(0, 7);
const firstMonth = addMonths(thisMonth, -12);
const months = [addMonths(thisMonth, -3), addMonths(thisMonth, -2)];
const companyA = identity('PROPERTY_COMPANY', '91110102MA0000DLCA');
const xichengCourt = identity('COURT', 'bj-xicheng-court', ['110102']);

const REPORT = `mutation($r: CourtReportInput!) { reportCourtEvent(report: $r) { id status } }`;
const OVERDUE = `query($on: LocalDate) { overdueSmallClaims(asOf: $on) { referral { id } dueOn daysOverdue } }`;

describe('court reports against the case history: dates before the referral or docketing, steps its path excludes', () => {
  let t: TestHub;
  let db: Client;
  const { ok, fails } = gqlExpectations(() => t);
  let accounts: { id: string; chargeIds: string[] }[];

  /** The account demanded and referred; with `sentOn`, as a referral the company sent that day (a past day). */
  const demandedAndReferred = async (account: { id: string; chargeIds: string[] }, sentOn?: string) => {
    const referral = await referAfterDemand(ok, db, companyA, account, { today, sentOn });
    expect(referral.eligible).toBe(true);
    return referral;
  };
  const report = (referralId: string, kind: string, on: string, extra: Record<string, unknown> = {}) => ({
    r: { referralId, kind, occurredAt: `${on}T10:00:00+08:00`, ...extra },
  });

  beforeAll(async () => {
    t = await startTestHub({ subgraphs: ['areas', 'contracts', 'arrears', 'litigation'] });
    db = await connectedClient(t.databaseUrl);
    const given = scenario(t);
    const areaId = await given.billedHongju(
      companyA,
      hongjuTerms(companyA, firstMonth, {
        number: 'HJ6-H269-01',
        endsOn: addDays(addYears(`${firstMonth}-01`, 3), -1),
      }),
      months,
    );
    accounts = await chargedAccounts(t, areaId, companyA.organisationId);
  });

  afterAll(async () => {
    await db?.end();
    await t?.stop();
  });

  test('a docketing dated years before the referral was submitted is refused, not counted as a small claim overdue since 2020', async () => {
    const referral = await demandedAndReferred(accounts[0]);
    expect(referral.submittedOn).toBe(today);
    // A typing error of the year (2020 for 2026): the court cannot have docketed a case the hub sent it on 2026-12-01.
    const res = await t.gql(
      xichengCourt,
      REPORT,
      report(referral.id, 'DOCKETED', '2020-12-01', { caseNumber: '(2026)京0102民初1号', procedure: 'SMALL_CLAIMS' }),
    );
    const overdue = (await ok(xichengCourt, OVERDUE, { on: today })).overdueSmallClaims as {
      referral: { id: string };
      daysOverdue: number;
    }[];
    // Today the hub lists it as a small claim overdue by about six years (due 2021-02-01) on the court's own list.
    expect(overdue.filter((o) => o.referral.id === referral.id)).toEqual([]);
    expect(res.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  test('a judgment dated before the docketing the hub recorded is refused', async () => {
    const referral = await demandedAndReferred(accounts[1]);
    await ok(
      xichengCourt,
      REPORT,
      report(referral.id, 'DOCKETED', today, { caseNumber: '(2026)京0102民初2号', procedure: 'SMALL_CLAIMS' }),
    );
    // Judged a month before it was docketed (and before the hub even sent the case): a decision date that cannot be.
    const error = await fails(
      xichengCourt,
      REPORT,
      report(referral.id, 'JUDGED', addDays(today, -40), { judgedFen: 100 }),
    );
    expect(error.extensions.code).toBe('BAD_USER_INPUT');
    const { rows } = await db.query(`select status, decided_on::text from litigation.referral where id = $1`, [
      referral.id,
    ]);
    expect(rows[0]).toEqual({ status: 'DOCKETED', decided_on: null });
  });

  test('a judgment reported on a case the court settled and is enforcing is refused, not stored beside the settlement', async () => {
    const referral = await demandedAndReferred(accounts[2], addDays(today, -4));
    const on = addDays(today, -3);
    await ok(xichengCourt, REPORT, report(referral.id, 'DOCKETED', on, { caseNumber: '(2026)京0102民初3号' }));
    // Settled by mediation (调解书), then enforced: the case has no judgment and never will.
    await ok(xichengCourt, REPORT, report(referral.id, 'SETTLED', addDays(on, 1), { settledFen: 5000 }));
    await ok(xichengCourt, REPORT, report(referral.id, 'ENFORCEMENT_STARTED', addDays(on, 2)));
    // A stray JUDGED report (another case's, or a typing error of the kind): the case cannot be judged after settling.
    const res = await t.gql(
      xichengCourt,
      REPORT,
      report(referral.id, 'JUDGED', addDays(on, 2), { judgedFen: 999_999 }),
    );
    const { rows } = await db.query(`select status, judged_fen, settled_fen from litigation.referral where id = $1`, [
      referral.id,
    ]);
    // Today: taken as a STALE report "filling in" the judgment, so the settled case shows judgedFen 999999 and the
    // bureaus' statistics count it as judged, not settled.
    expect(rows[0]).toEqual({ status: 'ENFORCEMENT', judged_fen: null, settled_fen: 5000 });
    expect(res.body.errors?.[0]?.extensions?.code).toBe('INVALID_COURT_EVENT');
  });

  test('a settlement reported on a case judged and being enforced is refused, not stored beside the judgment', async () => {
    const referral = await demandedAndReferred(accounts[3], addDays(today, -4));
    const on = addDays(today, -3);
    await ok(xichengCourt, REPORT, report(referral.id, 'DOCKETED', on, { caseNumber: '(2026)京0102民初4号' }));
    await ok(xichengCourt, REPORT, report(referral.id, 'JUDGED', addDays(on, 1), { judgedFen: 5000 }));
    await ok(xichengCourt, REPORT, report(referral.id, 'ENFORCEMENT_STARTED', addDays(on, 2)));
    // SETTLED is 调解结案 before judgment (case-status.ts); after the judgment it cannot follow (JUDGED -> SETTLED is
    // refused INVALID_COURT_EVENT), yet once enforcement started it is taken as STALE and its amount stored.
    const res = await t.gql(xichengCourt, REPORT, report(referral.id, 'SETTLED', addDays(on, 2), { settledFen: 1 }));
    const { rows } = await db.query(`select status, judged_fen, settled_fen from litigation.referral where id = $1`, [
      referral.id,
    ]);
    expect(rows[0]).toEqual({ status: 'ENFORCEMENT', judged_fen: 5000, settled_fen: null });
    expect(res.body.errors?.[0]?.extensions?.code).toBe('INVALID_COURT_EVENT');
  });

  test('a judgment reported on a case the court let the company withdraw, then closed, is refused and decides nothing', async () => {
    const referral = await demandedAndReferred(accounts[4], addDays(today, -4));
    const on = addDays(today, -3);
    await ok(
      xichengCourt,
      REPORT,
      report(referral.id, 'DOCKETED', on, { caseNumber: '(2026)京0102民初5号', procedure: 'SMALL_CLAIMS' }),
    );
    // The court allows the withdrawal (撤诉, art. 148) and closes the file: no judgment follows.
    await ok(xichengCourt, REPORT, report(referral.id, 'WITHDRAWN', addDays(on, 1)));
    await ok(xichengCourt, REPORT, report(referral.id, 'CLOSED', addDays(on, 2)));
    // JUDGED after WITHDRAWN is refused (INVALID_COURT_EVENT); after the CLOSED that followed it, it is STALE.
    const res = await t.gql(xichengCourt, REPORT, report(referral.id, 'JUDGED', addDays(on, 2), { judgedFen: 5000 }));
    const { rows } = await db.query(
      `select status, judged_fen, decided_on::text from litigation.referral where id = $1`,
      [referral.id],
    );
    // Today: judgedFen and decidedOn are stored on the withdrawn case, and its small-claims decision is re-announced
    // as met by a judgment (decidedOn) instead of cancelled.
    expect(rows[0]).toEqual({ status: 'CLOSED', judged_fen: null, decided_on: null });
    expect(res.body.errors?.[0]?.extensions?.code).toBe('INVALID_COURT_EVENT');
  });

  test('the art. 168 extension is refused on a small claim the court let the company withdraw undecided', async () => {
    const EXTEND = `mutation($id: ID!, $on: LocalDate!) { approveSmallClaimsExtension(referralId: $id, approvedOn: $on) { id } }`;
    expect(accounts.length).toBeGreaterThan(6);
    const withdrawn = await demandedAndReferred(accounts[5], addDays(today, -4));
    const on = addDays(today, -3);
    await ok(
      xichengCourt,
      REPORT,
      report(withdrawn.id, 'DOCKETED', on, { caseNumber: '(2026)京0102民初6号', procedure: 'SMALL_CLAIMS' }),
    );
    await ok(xichengCourt, REPORT, report(withdrawn.id, 'WITHDRAWN', addDays(on, 1)));
    // The case has left the court (撤诉 allowed): there is no trial period left to extend. Today it is recorded.
    const afterWithdrawal = await t.gql(xichengCourt, EXTEND, { id: withdrawn.id, on: today });
    expect(afterWithdrawal.body.errors?.[0]?.extensions?.code).toBeDefined();
  });

  test('the art. 168 extension is refused for an approval dated three weeks ahead', async () => {
    const EXTEND = `mutation($id: ID!, $on: LocalDate!) { approveSmallClaimsExtension(referralId: $id, approvedOn: $on) { id } }`;
    const on = addDays(today, -3);
    const open = await demandedAndReferred(accounts[6], addDays(today, -4));
    await ok(
      xichengCourt,
      REPORT,
      report(open.id, 'DOCKETED', on, { caseNumber: '(2026)京0102民初7号', procedure: 'SMALL_CLAIMS' }),
    );
    // The president's approval is a past act; dated three weeks ahead (a typing error), it is taken as given, as a
    // court report dated ahead is not (assertNotFuture).
    const ahead = await t.gql(xichengCourt, EXTEND, { id: open.id, on: addDays(today, 21) });
    expect(ahead.body.errors?.[0]?.extensions?.code).toBeDefined();
  });
});
