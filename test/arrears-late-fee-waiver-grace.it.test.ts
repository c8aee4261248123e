import { Client } from 'pg';
import { TestHub, identity, startTestHub, pinTestToday } from './support/hub-fixture';
import { HONGJU, gqlExpectations, hongjuTerms, scenario } from './support/scenario';
import { connectedClient } from './support/db-client';

// Auditor helper-268 (arrears, Low). The November 2026 fee falls due on 2026-11-30 under a contract with a late fee
// (万分之3 a day after 30 grace days). On 2026-12-01 the company agrees with the owner to forgo the late fee of that
// month (滞纳金减免, README: "waives a charge's late fee, run up and to come"), but adjustCharge(kind:
// LATE_FEE_WAIVER) is refused NO_LATE_FEE ("The charge runs no late fee to waive"), because the fee shown today is 0
// while the grace period runs: the company cannot record the agreement until the fee has started, and if it forgets
// to, the statement and the claim litigation keeps go on to charge the owner a fee the company forgave.
const company = identity('PROPERTY_COMPANY', '91110102MA0000WV68');
pinTestToday('2026-12-01');
const WAIVE = `mutation($c: ID!) { adjustCharge(chargeId: $c, kind: LATE_FEE_WAIVER, reason: "与业主协商减免滞纳金") {
  charges { chargeId lateFeeWaived lateFeeFen } } }`;

describe('arrears (helper-268): a late-fee waiver agreed while the grace period runs', () => {
  let t: TestHub;
  let db: Client;
  let chargeId: string;
  const { ok } = gqlExpectations(() => t);

  beforeAll(async () => {
    t = await startTestHub({ subgraphs: ['areas', 'contracts', 'arrears'] });
    db = await connectedClient(t.databaseUrl);
    const given = scenario(t);
    const { areaId } = await given.compound(HONGJU, { knownTo: ['contracts', 'arrears'] });
    await given.acceptedFiling(company, areaId, hongjuTerms(company, '2025-11', { number: 'HJ6-WV-268' }), {
      knownTo: ['arrears'],
    });
    await given.billedMonths(company, areaId, ['2026-11']);
    const { rows } = await db.query(
      `select c.id, c.due_on::text as due_on from arrears.charge c where c.area_id = $1 and c.company_id = $2 order by c.id limit 1`,
      [areaId, company.organisationId],
    );
    expect(rows[0].due_on).toBe('2026-11-30');
    chargeId = rows[0].id;
  });

  afterAll(async () => {
    await db?.end();
    await t?.stop();
  });

  it('is recorded: the fee the contract will run on the month is forgone, shown waived and 0', async () => {
    const { adjustCharge } = await ok(company, WAIVE, { c: chargeId });
    expect(adjustCharge.charges.find((c: { chargeId: string }) => c.chargeId === chargeId)).toMatchObject({
      lateFeeWaived: true,
      lateFeeFen: 0,
    });
  });
});
