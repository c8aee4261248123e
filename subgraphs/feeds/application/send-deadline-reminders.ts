import type { EntityManager } from '@mikro-orm/postgresql';
import { DEADLINE_REMINDER_DUE, PARTY_ID_PATTERN, partyIdOfOrganisation } from '../../../catalog';
import { IsoDate, addDays } from '../../../kernel/calendar';
import { todayInChina } from '../../../kernel/clock';
import { ForbiddenError } from '../../../kernel/errors';
import { Identity } from '../../../kernel/identity';
import { HubEvent } from '../../../platform/events/cloudevent';
import { recordEvent } from '../../../platform/events/outbox';
import { DEFAULT_REMINDER_LEADS, assertReminderRunDay, reminderDue } from '../domain/deadlines';
import { FEEDS_EVENT_SOURCE, publishReminder } from '../events/publish/deadline-reminder';
import { reminderTopicHeldByOther } from '../domain/feed-subscriber';
import { listFeedSubscribers } from '../persistence/feed-subscriber.repository';
import {
  allReminderLeads,
  claimReminder,
  openDeadlinesDueBy,
  setReminderEvent,
  tryLockReminderRun,
} from '../persistence/deadline.repository';
import { remindersAheadAllowed } from './deadline-reminder-config';
import { leadsOf } from './deadline-reminder-leads';
import { dispatchWebhooks } from './dispatch-webhooks';

export interface ReminderRun {
  /** False when another instance was running the reminders at that moment (this run sent nothing). */
  ran: boolean;
  sent: number;
  /**
   * The deadlines a reminder was due for whose owner has no party id on the broker (an organisation id of none of
   * its letters or digits): their reminders cannot be published, so they are left out (and logged) instead of
   * failing the run. Before, one such owner's deadline rolled back every party's reminders, hour after hour.
   */
  withoutParty: string[];
}

/**
 * Sends the reminders due on `asOf`, in one transaction: for each open deadline, the reminder its owner's leads make
 * due (domain/deadlines.ts), claimed by its unique (deadline, lead, due date) key so it goes out once, recorded in the outbox
 * for deadline.reminders.v1 and the owner's deadline.reminders.v1.<party>, and fanned out to the webhook
 * subscriptions that may receive it (the owner's, its district's bureaus'). A transaction-scoped advisory lock keeps
 * two instances from running at once; the one that finds it taken does nothing.
 */
export async function sendDeadlineReminders(em: EntityManager, asOf: IsoDate): Promise<ReminderRun> {
  return em.transactional(async (tx) => {
    if (!(await tryLockReminderRun(tx))) return { ran: false, sent: 0, withoutParty: [] };
    const settings = await allReminderLeads(tx);
    const furthest = Math.max(
      0,
      ...DEFAULT_REMINDER_LEADS.leadDays,
      ...[...settings.values()].flatMap((l) => l.leadDays),
    );
    const events: HubEvent[] = [];
    const withoutParty: string[] = [];
    const parties = (await listFeedSubscribers(tx))
      .filter((p) => p.status === 'ACTIVE')
      .map((p) => ({ ...p, courtId: p.courtId ?? null }));
    for (const deadline of await openDeadlinesDueBy(tx, addDays(asOf, furthest))) {
      const lead = reminderDue(deadline, leadsOf(settings, deadline.ownerOrganisationId), asOf);
      if (lead === null || deadline.dueOn === null) continue;
      if (!PARTY_ID_PATTERN.test(partyIdOfOrganisation(deadline.ownerOrganisationId))) {
        withoutParty.push(deadline.deadlineKey);
        continue;
      }
      const claim = { deadlineKey: deadline.deadlineKey, lead, dueOn: deadline.dueOn };
      if (!(await claimReminder(tx, { ...claim, remindedOn: asOf }))) continue;
      const data = publishReminder({ ...deadline, dueOn: deadline.dueOn }, lead, asOf);
      const message = recordEvent(tx, DEADLINE_REMINDER_DUE, {
        source: FEEDS_EVENT_SOURCE,
        key: deadline.deadlineKey,
        subject: deadline.subjectId,
        data,
        withoutPartyCopy: reminderTopicHeldByOther(parties, deadline),
      });
      await setReminderEvent(tx, claim, message.eventId);
      events.push({
        id: message.eventId,
        type: DEADLINE_REMINDER_DUE.type,
        source: FEEDS_EVENT_SOURCE,
        subject: deadline.subjectId,
        time: message.occurredAt.toISOString(),
        data,
      });
    }
    await dispatchWebhooks(tx, events);
    return { ran: true, sent: events.length, withoutParty };
  });
}

/** The same run asked for through the API (tests, an operator catching up): the admin's alone. */
export function sendDeadlineRemindersAs(em: EntityManager, identity: Identity, asOf: IsoDate): Promise<ReminderRun> {
  if (identity.role !== 'ADMIN') throw new ForbiddenError('Only the admin runs the deadline reminders');
  assertReminderRunDay(asOf, todayInChina(), remindersAheadAllowed());
  return sendDeadlineReminders(em, asOf);
}
