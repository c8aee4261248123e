import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { DEADLINE_REMINDER_DUE, PARTY_ID_PATTERN, partyIdOfOrganisation } from '../../../catalog';
import { IsoDate, addDays } from '../../../kernel/calendar';
import { todayInChina } from '../../../kernel/clock';
import { ForbiddenError } from '../../../kernel/errors';
import { Identity } from '../../../kernel/identity';
import { recordEvent, recordPartyCopy } from '../../../platform/events/outbox';
import { DEFAULT_REMINDER_LEADS, RegisteredDeadline, assertReminderRunDay, reminderDue } from '../domain/deadlines';
import { FEEDS_EVENT_SOURCE, publishReminder } from '../events/publish/deadline-reminder';
import { reminderTopicHeldByOther } from '../domain/feed-subscriber';
import { reminderPartiesBesidesOwner, reminderRecipientsBesidesOwner } from '../domain/webhook-access';
import { subscriptionsForEventTypes } from '../persistence/webhook.repository';
import { listFeedSubscribers } from '../persistence/feed-subscriber.repository';
import {
  ReminderClaim,
  ReminderEvent,
  DEFAULT_LEADS_KEY,
  allReminderLeads,
  claimReminders,
  openDeadlinesDueBy,
  reminderClaimKey,
  setReminderEvents,
  tryLockReminderRun,
} from '../persistence/deadline.repository';
import { remindersAheadAllowed } from './deadline-reminder-config';
import { leadsOf } from './deadline-reminder-leads';
import { DispatchedEvent, dispatchWebhooks } from './dispatch-webhooks';

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
 * Sends the reminders due on `asOf`, in one transaction. A deadline's recipients are its owner and the organisations
 * whose reminder subscriptions may receive it (a bureau of a contract filing's district), or that are registered for
 * the Kafka feeds as such a bureau (by party id; one with both is one recipient), and each is reminded by its
 * own leads (domain/deadlines.ts; an organisation that set none, by the default): before, the owner's leads decided
 * for every recipient, so a company that turned its OVERDUE reminder off silenced its reviewing bureau's too
 * (helper-270's audit, test/deadlines-owner-leads.it.test.ts). Each recipient's reminder is claimed by its unique
 * (deadline, recipient, lead, due date) key so it goes out once, all of the run's in one statement; the reminder
 * subscriptions are read once, for choosing the recipients and for the deliveries alike. The recipients due the same lead share one event:
 * the owner's is recorded in the outbox for deadline.reminders.v1 and the owner's deadline.reminders.v1.<party>, as
 * before; a bureau registered for Kafka gets its copy on its own deadline.reminders.v1.<party id> (before, only its
 * webhooks were told, so one without a webhook heard nothing of its districts' filing deadlines), whether or not the
 * owner was due the same lead. Each event is fanned out to its recipients' webhook subscriptions only. A
 * transaction-scoped advisory lock keeps two instances from running at once; the one that finds it taken does nothing.
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
    const events: DispatchedEvent[] = [];
    const withoutParty: string[] = [];
    const parties = (await listFeedSubscribers(tx))
      .filter((p) => p.status === 'ACTIVE')
      .map((p) => ({ ...p, courtId: p.courtId ?? null }));
    // The organisations that set their own leads, by party id: the feed registration knows the party id alone.
    const organisationOfParty = new Map(
      [...settings.keys()].filter((o) => o !== DEFAULT_LEADS_KEY).map((o) => [partyIdOfOrganisation(o), o]),
    );
    // Loaded once: they choose the recipients here and receive the reminders' deliveries below (dispatchWebhooks).
    const subscribers = await subscriptionsForEventTypes(tx, [DEADLINE_REMINDER_DUE.type]);
    const pending: {
      deadline: RegisteredDeadline;
      dueOn: IsoDate;
      due: ReminderClaim[];
      /** The recipients' party ids whose own reminder topic gets a copy (bureaus registered for Kafka). */
      onTopic: Set<string>;
    }[] = [];
    for (const deadline of await openDeadlinesDueBy(tx, addDays(asOf, furthest))) {
      const dueOn = deadline.dueOn;
      if (dueOn === null) continue;
      const owner = deadline.ownerOrganisationId;
      // The bureaus of the district by webhook (their organisation ids) and on their reminder topic (their party
      // ids); one that has both is one recipient, its organisation id, reminded on both.
      const byWebhook = reminderRecipientsBesidesOwner(deadline, subscribers);
      const onTopic = new Set(reminderPartiesBesidesOwner(deadline, parties));
      const webhookParties = new Set(byWebhook.map(partyIdOfOrganisation));
      // A party on its topic alone is reminded as its organisation where one set leads under it (its organisation id
      // need not be its party id): by its own leads, and claimed under the id its webhook reminders use.
      const others = [
        ...byWebhook,
        ...[...onTopic]
          .filter((p) => !webhookParties.has(p))
          .map((p) => (settings.has(p) ? p : (organisationOfParty.get(p) ?? p))),
      ];
      const due = [owner, ...others].flatMap((recipient) => {
        const lead = reminderDue(deadline, leadsOf(settings, recipient), asOf);
        return lead === null ? [] : [{ deadlineKey: deadline.deadlineKey, recipient, lead, dueOn }];
      });
      if (due.length === 0) continue;
      if (!PARTY_ID_PATTERN.test(partyIdOfOrganisation(owner))) {
        withoutParty.push(deadline.deadlineKey);
        continue;
      }
      pending.push({ deadline, dueOn, due, onTopic });
    }
    // Every recipient's reminder of the run claimed in one statement (before, one per recipient and deadline).
    const claimed = await claimReminders(
      tx,
      pending.flatMap((p) => p.due),
      asOf,
    );
    const carried: ReminderEvent[] = [];
    for (const { deadline, dueOn, due, onTopic } of pending) {
      const owner = deadline.ownerOrganisationId;
      const byLead = new Map<string, string[]>();
      for (const claim of due)
        if (claimed.has(reminderClaimKey(claim)))
          byLead.set(claim.lead, [...(byLead.get(claim.lead) ?? []), claim.recipient]);
      for (const [lead, recipients] of byLead) {
        const data = publishReminder({ ...deadline, dueOn }, lead, asOf);
        const event = { source: FEEDS_EVENT_SOURCE, key: deadline.deadlineKey, subject: deadline.subjectId, data };
        // A bureau registered for Kafka gets its copy on its own reminder topic, as the owner gets its own.
        const copies = recipients
          .filter((r) => r !== owner && onTopic.has(partyIdOfOrganisation(r)))
          .map((r) => recordPartyCopy(tx, DEADLINE_REMINDER_DUE, { ...event, party: partyIdOfOrganisation(r) }));
        let id: string;
        let time: Date;
        if (recipients.includes(owner)) {
          const message = recordEvent(tx, DEADLINE_REMINDER_DUE, {
            ...event,
            withoutPartyCopy: reminderTopicHeldByOther(parties, deadline),
          });
          [id, time] = [message.eventId, message.occurredAt];
        } else if (copies.length > 0) [id, time] = [copies[0].eventId, copies[0].occurredAt];
        else [id, time] = [randomUUID(), new Date()];
        carried.push({ deadlineKey: deadline.deadlineKey, lead, dueOn, recipients, eventId: id });
        events.push({
          id,
          type: DEADLINE_REMINDER_DUE.type,
          source: FEEDS_EVENT_SOURCE,
          subject: deadline.subjectId,
          time: time.toISOString(),
          data,
          recipients,
        });
      }
    }
    await setReminderEvents(tx, carried);
    await dispatchWebhooks(tx, events, subscribers);
    return { ran: true, sent: events.length, withoutParty };
  });
}

/** The same run asked for through the API (tests, an operator catching up): the admin's alone. */
export function sendDeadlineRemindersAs(em: EntityManager, identity: Identity, asOf: IsoDate): Promise<ReminderRun> {
  if (identity.role !== 'ADMIN') throw new ForbiddenError('Only the admin runs the deadline reminders');
  assertReminderRunDay(asOf, todayInChina(), remindersAheadAllowed());
  return sendDeadlineReminders(em, asOf);
}
