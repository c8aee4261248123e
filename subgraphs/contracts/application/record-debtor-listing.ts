import type { EntityManager } from '@mikro-orm/postgresql';
import { ReferralDebtorListedData } from '../../../catalog';
import { todayInChina } from '../../../kernel/clock';
import { DISHONEST_DEBTOR_BASIS } from '../domain/credit';
import { contractsError } from '../domain/errors';
import { findAreaView } from '../persistence/area-view.repository';
import { creditCityOf, recordCreditEntry } from './credit-entry.record';

/**
 * The enforcing court listed an owner as a dishonest judgment debtor for a fee judgment left unpaid (from
 * litigation.referrals.v1): the owner's only way onto a credit record. Recorded once per referral, published after
 * the city's notice period unless an objection is pending.
 */
export async function recordDebtorListing(em: EntityManager, data: ReferralDebtorListedData): Promise<void> {
  await em.transactional(async (tx) => {
    const area = await findAreaView(tx, data.areaId);
    if (!area) throw contractsError('UNKNOWN_AREA', `area ${data.areaId} of referral ${data.referralId} is unknown`);
    await recordCreditEntry(
      tx,
      {
        areaId: area.areaId,
        streetCode: area.streetCode,
        districtCode: area.districtCode,
        subjectKind: 'OWNER',
        companyId: null,
        householdId: data.householdId,
        courtId: data.courtId,
        caseNumber: data.caseNumber,
        referralId: data.referralId,
        filingId: null,
        filingVersion: null,
        kind: 'DISHONEST_JUDGMENT_DEBTOR',
        legalBasis: DISHONEST_DEBTOR_BASIS,
        occurredOn: data.listedOn,
        source: `court ${data.courtId}, enforcement case ${data.caseNumber}`,
        note: null,
      },
      await creditCityOf(tx, area.districtCode),
      todayInChina(),
    );
  });
}
