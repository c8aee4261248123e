import type { EntityManager } from '@mikro-orm/postgresql';
import { ReferralSubmittedData } from '../../../catalog';
import { insertCourtReferralGrant } from '../persistence/court-referral.repository';

/**
 * A court reads the contract and filings a case referred to it is under. The grant stays after the case ends: the
 * court's file keeps what it was sent.
 */
export async function grantCourtReferral(em: EntityManager, data: ReferralSubmittedData): Promise<void> {
  await insertCourtReferralGrant(em, {
    courtId: data.courtId,
    referralId: data.referralId,
    contractId: data.contractId,
  });
}
