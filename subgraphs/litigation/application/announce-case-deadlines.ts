import type { EntityManager } from '@mikro-orm/postgresql';
import { LITIGATION_DEADLINE_CHANGED } from '../../../catalog';
import type { IsoDate } from '../../../kernel/calendar';
import { recordEvent } from '../../../platform/events/outbox';
import { calendarCaughtUp } from '../../../platform/read-models/holiday-calendar';
import { nextDeadlineSequencesOf, reannounceUndatedDeadlines } from '../../../platform/events/undated-deadlines';
import { enforcementApplicationDeadline } from '../domain/enforcement-deadline';
import { publishCaseDeadlines } from '../events/publish/deadline-events';
import { LITIGATION_EVENT_SOURCE } from '../events/publish/referral-events';
import { caseDeadlineFactsAfter, nextCaseDeadlineFacts } from '../persistence/referral.repository';

/**
 * Tells the deadline register (feeds) where a referral's court deadlines stand, in the caller's transaction (outbox):
 * after every court report that moves or fills in the case, and after a small claim's extension.
 */
export async function announceCaseDeadlines(tx: EntityManager, referralId: string): Promise<void> {
  const found = await nextCaseDeadlineFacts(tx, referralId);
  if (!found) return;
  const announced = await calendarCaughtUp(tx, 'litigation', () => publishCaseDeadlines(found.facts, found.sequence));
  for (const data of announced) {
    recordEvent(tx, LITIGATION_DEADLINE_CHANGED, {
      source: LITIGATION_EVENT_SOURCE,
      key: data.deadlineKey,
      subject: referralId,
      data,
    });
  }
}

/**
 * Once a holiday year reaches this subgraph (its holiday calendar consumer, in the inbox transaction, the year
 * installed): the open mediation windows and small-claims decisions that were announced undated for want of it (due
 * after `heldUntilBefore`, the last day held before) are announced again with their date, under the referral's next
 * deadline sequence; a deadline met or cancelled is not. Without it the register kept them undated for good. So is an
 * open deadline to apply for enforcement that was announced with its plain, provisional day and is now dated (art. 85
 * may move it later); one still past the data keeps the plain day it was announced with, and is not repeated.
 */
export async function reannounceUndatedCaseDeadlines(tx: EntityManager, heldUntilBefore: IsoDate): Promise<number> {
  return reannounceUndatedDeadlines(tx, heldUntilBefore, {
    event: LITIGATION_DEADLINE_CHANGED,
    source: LITIGATION_EVENT_SOURCE,
    candidates: async (em, after, size) =>
      (await caseDeadlineFactsAfter(em, after, size)).map((facts) => ({ id: facts.referralId, facts })),
    deadlinesOf: ({ facts }) =>
      publishCaseDeadlines(facts, 1).filter(
        (d) => d.kind !== 'ENFORCEMENT_APPLICATION' || enforcementApplicationDeadline(facts)?.provisional === false,
      ),
    nextSequences: nextDeadlineSequencesOf('litigation.referral'),
  });
}
