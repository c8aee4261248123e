import type { EntityManager } from '@mikro-orm/postgresql';
import { CaseStatus } from '../../../catalog';
import { recordEvent } from '../../../platform/events/outbox';
import { LITIGATION_EVENT_SOURCE, referralStatusChanged, statusChangeEvent } from '../events/publish/referral-events';
import { findReferral } from '../persistence/referral.repository';
import { isSent } from '../domain/referral';

/** Publishes the referral as it now stands in the transaction, after a step moved it on from `fromStatus`. */
export async function recordStatusChange(
  tx: EntityManager,
  referralId: string,
  fromStatus: CaseStatus,
  occurredAt: string,
): Promise<void> {
  const referral = await findReferral(tx, referralId);
  if (!referral || !isSent(referral))
    throw new Error(`Referral ${referralId} moved to a status but is not a sent referral`);
  recordEvent(tx, statusChangeEvent(referral.status), {
    source: LITIGATION_EVENT_SOURCE,
    key: referral.id,
    subject: referral.id,
    data: referralStatusChanged(referral, fromStatus, occurredAt),
  });
}
