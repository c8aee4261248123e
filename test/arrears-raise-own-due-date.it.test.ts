import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { addDays, addYears } from '../kernel/calendar';
import { pinHubToday } from '../kernel/clock';
import { TestHub, identity, startTestHub, pinTestToday } from './support/hub-fixture';
import { GUANGWAI_OFFICE, HONGJU, gqlExpectations, hongjuTerms, scenario } from './support/scenario';
import { waitFor } from './support/wait-for';
import { unanimousTally } from './support/register-totals';
import { connectedClient } from './support/db-client';

// A fee for 2023-03 (due 2023-03-31) paid on time, then raised by ¥100.00 by a correction on 2026-05-10: the raise
// falls due on 2026-05-31 (due-parts.ts raisedPartDueOn). Before, the limitation period and the referral dated the
// raise 2023-03-31: time-barred (three years from 2023-03-31 ended on 2026-03-31, Civil Code art. 188) and, demanded,
// past due for court, though the owner was never asked for it before May 2026. (The statement's aging and the
// account's status still read the charge's dueOn, as the arrears list does: README, Fees and arrears.)
const companyA = identity('PROPERTY_COMPANY', '91110102MA0000RAIS');
const MONTH = '2023-03';
const RAISE = 10_000;
const correctedOn = pinTestToday('2026-05-10');
const EVIDENCE = [
  { name: '物业服务合同.pdf', type: 'CONTRACT', sha256: 'c'.repeat(64) },
  { name: '催缴函.pdf', type: 'DEMAND_LETTER', sha256: 'd'.repeat(64) },
];

const STATEMENT = `query($id: ID!) { arrearsAccount(id: $id) {
  charges { chargeId month dueOn amountFen paidFen openFen owedSince limitationEndsOn } } }`;
const PAY = `mutation($p: PaymentInput!) { recordPayment(payment: $p) { paymentId } }`;
const ADJUST = `mutation($c: ID!, $k: AdjustmentKind!, $r: Note!, $amount: Fen) { adjustCharge(chargeId: $c, kind: $k, reason: $r, amountFen: $amount) { openFen } }`;
const ACTION = `mutation($a: ID!, $x: CollectionActionInput!) { recordCollectionAction(accountId: $a, action: $x) { status } }`;
const REFER = `mutation($r: ReferralInput!) { referArrears(referral: $r) { id eligible
  eligibility { eligible failures { code } claimableCharges { month amountFen } excludedCharges { month amountFen reason } }
  packages { canonicalJson } } }`;

describe('arrears and litigation: a fee raised by a correction is due for court, demanded and time-barred from the raise’s own due date', () => {
  let t: TestHub;
  let db: Client;
  let accounts: { id: string; chargeId: string; billedFen: number }[];
  const { ok } = gqlExpectations(() => t);

  const statement = async (accountId: string) => (await ok(companyA, STATEMENT, { id: accountId })).arrearsAccount;
  const letter = (accountId: string, chargeId: string, on: string) =>
    ok(companyA, ACTION, {
      a: accountId,
      x: { kind: 'LETTER', on, deliveredOn: on, chargeIds: [chargeId], note: '催缴函' },
    });
  /** Litigation holds the account's claim with the raise owed since its own due date and this many demands. */
  const claimKnown = (accountId: string, demands: number) =>
    waitFor(`litigation to hold the claim of ${accountId}`, async () => {
      const { rows } = await db.query(`select claim from litigation.claim_account where account_id = $1`, [accountId]);
      const claim = rows[0]?.claim;
      return claim?.demands.length === demands && claim.charges[0]?.owedSince === '2026-05-31';
    });
  /** Referred on `today`, the owner having declined mediation that day. */
  const refer = async (accountId: string, today: string) =>
    (
      await ok(companyA, REFER, {
        r: { courtId: 'bj-xicheng-court', accountIds: [accountId], evidence: EVIDENCE, mediationWaivedOn: today },
      })
    ).referArrears[0];

  beforeAll(async () => {
    t = await startTestHub({ subgraphs: ['areas', 'contracts', 'arrears', 'litigation'] });
    db = await connectedClient(t.databaseUrl);
    const given = scenario(t);
    await given.courts();
    const { areaId } = await given.compound(HONGJU, { knownTo: ['contracts', 'arrears'] });
    const { recordJointDecision } = await ok(
      GUANGWAI_OFFICE,
      `mutation($i: RecordJointDecisionInput!) { recordJointDecision(input: $i) { id } }`,
      {
        i: {
          areaId,
          matter: 'HIRE_OR_DISMISS_PROVIDER',
          heldOn: addDays(`${MONTH}-01`, -20),
          tally: await unanimousTally(t, areaId),
        },
      },
    );
    const hiringDecisionId = recordJointDecision.id;
    for (const schema of ['contracts', 'litigation'])
      await waitFor(`${schema} to keep the hiring decision`, async () => {
        const kept = await t.sql(`select 1 from ${schema}.joint_decision_view where decision_id = $1`, [
          hiringDecisionId,
        ]);
        return kept.length === 1;
      });
    await given.acceptedFiling(
      companyA,
      areaId,
      hongjuTerms(companyA, MONTH, {
        number: 'HJ6-RAISE-01',
        hiringDecisionId,
        endsOn: addDays(addYears(`${MONTH}-01`, 5), -1),
        lateFee: { dailyRatePerTenThousand: 3, graceDays: 30, capPercentOfPrincipal: 20 },
      }),
      { knownTo: ['arrears', 'litigation'] },
    );
    await given.billedMonths(companyA, areaId, [MONTH]);
    const { rows } = await db.query(
      `select a.id, c.id as charge_id, c.amount_fen, c.due_on::text as due_on
         from arrears.account a join arrears.charge c on c.account_id = a.id
        where a.area_id = $1 and a.company_id = $2 order by a.household_id limit 3`,
      [areaId, companyA.organisationId],
    );
    expect(rows.map((r) => r.due_on)).toEqual(['2023-03-31', '2023-03-31', '2023-03-31']);
    accounts = rows.map((r) => ({
      id: r.id,
      chargeId: r.charge_id,
      billedFen: Number(r.amount_fen),
    }));
    // Every owner paid the fee as billed on its due date; on 2026-05-10 the company raised three of them by ¥100.00
    // (面积更正), and a letter delivered that day named each, before the raise fell due.
    const { rows: all } = await db.query(
      `select a.id, c.amount_fen from arrears.account a join arrears.charge c on c.account_id = a.id
        where a.area_id = $1 and a.company_id = $2`,
      [areaId, companyA.organisationId],
    );
    for (const r of all)
      await ok(companyA, PAY, {
        p: {
          accountId: r.id,
          amountFen: Number(r.amount_fen),
          paidOn: '2023-03-31',
          method: 'BANK_TRANSFER',
          idempotencyKey: randomUUID(),
        },
      });
    for (const a of accounts) {
      await ok(companyA, ADJUST, { c: a.chargeId, k: 'CORRECTION', r: '面积更正', amount: a.billedFen + RAISE });
      await letter(a.id, a.chargeId, correctedOn);
    }
  });

  afterAll(async () => {
    pinHubToday(correctedOn);
    await db?.end();
    await t?.stop();
  });

  it('is not time-barred, and not yet due for court through 2026-05-31', async () => {
    pinHubToday('2026-05-31');
    const [a] = accounts;
    const s = await statement(a.id);
    // Before: limitationEndsOn 2026-03-31, two months before the raise was billed.
    expect(s.charges[0]).toMatchObject({
      dueOn: '2023-03-31',
      openFen: RAISE,
      owedSince: '2026-05-31',
      limitationEndsOn: '2029-05-31',
    });

    await claimKnown(a.id, 1);
    const referral = await refer(a.id, '2026-05-31');
    expect(referral.eligible).toBe(false);
    // Before: TIME_BARRED.
    expect(referral.eligibility.excludedCharges).toEqual([{ month: MONTH, amountFen: RAISE, reason: 'NOT_YET_DUE' }]);
  });

  it('is due from 2026-06-01, but a letter sent before the raise fell due did not demand it', async () => {
    pinHubToday('2026-06-15');
    const [, a] = accounts;
    const s = await statement(a.id);
    expect(s.charges[0]).toMatchObject({ openFen: RAISE, limitationEndsOn: '2029-05-31' });

    await claimKnown(a.id, 1);
    const referral = await refer(a.id, '2026-06-15');
    expect(referral.eligible).toBe(false);
    expect(referral.eligibility.excludedCharges).toEqual([{ month: MONTH, amountFen: RAISE, reason: 'NOT_DEMANDED' }]);
  });

  it('is claimed once demanded after its due date, the package stating the late fee from that date', async () => {
    const [, , a] = accounts;
    // The letter of 2026-06-15 recorded on 2026-07-20, so the claim's late fee is as of the referral's day.
    pinHubToday('2026-07-20');
    await letter(a.id, a.chargeId, '2026-06-15');
    await claimKnown(a.id, 2);
    const referral = await refer(a.id, '2026-07-20');
    expect(referral.eligibility).toMatchObject({
      eligible: true,
      claimableCharges: [{ month: MONTH, amountFen: RAISE }],
      excludedCharges: [],
    });
    // 30 grace days after 2026-05-31 end on 2026-06-30; 20 days on ¥100.00 at 万分之3: 60 fen.
    const content = JSON.parse(referral.packages[0].canonicalJson);
    expect(content.penaltyLines).toEqual([
      expect.objectContaining({
        amountFen: 60,
        computation: expect.stringContaining('¥100.00 unpaid since 2026-05-31'),
      }),
    ]);
  });
});
