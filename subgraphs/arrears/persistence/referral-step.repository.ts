import type { EntityManager } from '@mikro-orm/postgresql';
import { IsoDate } from '../../../kernel/calendar';
import type { CaseStatus } from '../../../catalog';
import { sqlArray, sqlRows } from '../../../platform/db/sql';
import { ReferralStep } from '../domain/referral-outcome';
import { groupRows } from './group-rows';

/** Records a referral's step for the account; false when it was recorded before (a redelivered report). */
export async function recordReferralStep(em: EntityManager, accountId: string, step: ReferralStep): Promise<boolean> {
  const rows = await sqlRows<{ referral_id: string }>(
    em,
    `insert into arrears.referral_step (referral_id, account_id, case_status, on_date, charge_ids)
     values (?, ?, ?, ?, ?::jsonb) on conflict do nothing returning referral_id`,
    [
      step.referralId,
      accountId,
      step.caseStatus,
      step.on,
      step.chargeIds === null ? null : JSON.stringify(step.chargeIds),
    ],
  );
  return rows.length > 0;
}

interface ReferralStepColumns {
  account_id: string;
  referral_id: string;
  case_status: CaseStatus;
  on_date: IsoDate;
  charge_ids: string[] | null;
}

/** The referral steps recorded for each account. */
export async function referralStepsOfAccounts(
  em: EntityManager,
  accountIds: readonly string[],
): Promise<Map<string, ReferralStep[]>> {
  const rows = await sqlRows<ReferralStepColumns>(
    em,
    `select account_id, referral_id, case_status, on_date::text as on_date, charge_ids
       from arrears.referral_step where account_id = any(?::uuid[]) order by on_date`,
    [sqlArray(accountIds)],
  );
  return groupRows(
    rows,
    (r) => r.account_id,
    (r): ReferralStep => ({
      referralId: r.referral_id,
      caseStatus: r.case_status,
      on: r.on_date,
      chargeIds: r.charge_ids,
    }),
  );
}
