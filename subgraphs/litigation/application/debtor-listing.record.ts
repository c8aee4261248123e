import type { EntityManager } from '@mikro-orm/postgresql';
import { REFERRAL_DEBTOR_LISTED } from '../../../catalog';
import { todayInChina } from '../../../kernel/clock';
import { recordEvent } from '../../../platform/events/outbox';
import { SentReferral } from '../domain/referral';
import { LITIGATION_EVENT_SOURCE } from '../events/publish/referral-events';

/**
 * The enforcing court listed the owner as a dishonest judgment debtor (Civil Procedure Law art. 266): published in
 * the report's transaction for the credit records, with the enforcement case number and the household id only.
 * The listing day is the China Standard Time date of the court's report.
 */
export function recordDebtorListed(tx: EntityManager, referral: SentReferral, caseNumber: string, occurredAt: string) {
  recordEvent(tx, REFERRAL_DEBTOR_LISTED, {
    source: LITIGATION_EVENT_SOURCE,
    key: referral.id,
    subject: referral.id,
    data: {
      referralId: referral.id,
      courtId: referral.courtId,
      companyId: referral.companyId,
      householdId: referral.householdId,
      areaId: referral.areaId,
      caseNumber,
      listedOn: todayInChina(new Date(occurredAt)),
    },
  });
}
