import type { EntityManager } from '@mikro-orm/postgresql';
import { LITIGATION_DEADLINE_CHANGED } from '../../../catalog';
import { recordEvent } from '../../../platform/events/outbox';
import { publishCaseDeadlines } from '../events/publish/deadline-events';
import { LITIGATION_EVENT_SOURCE } from '../events/publish/referral-events';
import { nextCaseDeadlineFacts } from '../persistence/referral.repository';

/**
 * Tells the deadline register (feeds) where a referral's court deadlines stand, in the caller's transaction (outbox):
 * after every court report that moves or fills in the case, and after a small claim's extension.
 */
export async function announceCaseDeadlines(tx: EntityManager, referralId: string): Promise<void> {
  const found = await nextCaseDeadlineFacts(tx, referralId);
  if (!found) return;
  for (const data of publishCaseDeadlines(found.facts, found.sequence)) {
    recordEvent(tx, LITIGATION_DEADLINE_CHANGED, {
      source: LITIGATION_EVENT_SOURCE,
      key: data.deadlineKey,
      subject: referralId,
      data,
    });
  }
}
