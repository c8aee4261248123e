import type { Client } from 'pg';
import { addDays } from '../../kernel/calendar';
import type { Identity } from '../../kernel/identity';
import type { TestHub } from './hub-fixture';
import { gqlExpectations } from './scenario';
import { waitFor } from './wait-for';

const ACTION = `mutation($a: ID!, $x: CollectionActionInput!) { recordCollectionAction(accountId: $a, action: $x) { status } }`;
const REFER = `mutation($r: ReferralInput!) { referArrears(referral: $r) { id eligible status submittedOn } }`;

/**
 * The company's accounts of the area, in household order, each with its charges oldest due first: what a test demands
 * and refers.
 */
export async function chargedAccounts(
  t: Pick<TestHub, 'sql'>,
  areaId: string,
  companyId: string,
): Promise<{ id: string; chargeIds: string[] }[]> {
  const rows = await t.sql<{ id: string; charge_ids: string[] }>(
    `select a.id, json_agg(c.id order by c.due_on) as charge_ids from arrears.account a join arrears.charge c on c.account_id = a.id
      where a.area_id = $1 and a.company_id = $2 group by a.id, a.household_id order by a.household_id`,
    [areaId, companyId],
  );
  return rows.map((r) => ({ id: r.id, chargeIds: r.charge_ids }));
}

export interface ReferredAccount {
  id: string;
  eligible: boolean;
  status: string;
  submittedOn: string;
}

/**
 * A demand letter on all the account's charges, delivered 20 days before `today` and known to litigation, then the
 * account referred to Xicheng's court (mediation waived 5 days before). With `sentOn`, an eligible referral is
 * recorded as the company sent it that day (a past day): the court's reports a test dates back must not precede the
 * submission day (art. 126, assertCourtDateOrder).
 */
export async function referAfterDemand(
  ok: ReturnType<typeof gqlExpectations>['ok'],
  db: Client,
  company: Identity,
  account: { id: string; chargeIds: string[] },
  { today, sentOn }: { today: string; sentOn?: string },
): Promise<ReferredAccount> {
  await ok(company, ACTION, {
    a: account.id,
    x: {
      kind: 'LETTER',
      on: addDays(today, -20),
      deliveredOn: addDays(today, -20),
      chargeIds: account.chargeIds,
      note: '催缴函',
    },
  });
  await waitFor('litigation to hold the demand', async () => {
    const { rows } = await db.query(`select claim from litigation.claim_account where account_id = $1`, [account.id]);
    return rows[0]?.claim.demands.length === 1;
  });
  const [referral] = (
    await ok(company, REFER, {
      r: {
        courtId: 'bj-xicheng-court',
        accountIds: [account.id],
        evidence: [{ name: '催缴函.pdf', type: 'DEMAND_LETTER', sha256: 'd'.repeat(64) }],
        mediationWaivedOn: addDays(today, -5),
      },
    })
  ).referArrears;
  if (sentOn && referral.eligible) await recordAsSentOn(db, [referral.id], sentOn);
  return referral as ReferredAccount;
}

/**
 * Referrals recorded as sent on `sentOn`, a past day: the court's reports a test dates back must not precede the
 * submission day (art. 126, assertCourtDateOrder).
 */
export async function recordAsSentOn(db: Pick<Client, 'query'>, referralIds: readonly string[], sentOn: string) {
  await db.query(`update litigation.referral set submitted_on = $2 where id = any($1::uuid[])`, [referralIds, sentOn]);
}
