import type { EntityManager } from '@mikro-orm/postgresql';
import { ARREARS_DEADLINE_CHANGED } from '../../../catalog';
import { IsoDate } from '../../../kernel/calendar';
import { sqlRows } from '../../../platform/db/sql';
import { recordEvents } from '../../../platform/events/outbox';
import { publishLimitationDeadline } from '../events/publish/deadline-events';
import {
  LimitationAnnouncement,
  limitationCandidates,
  saveLimitationAnnouncements,
} from '../persistence/limitation-announcement.repository';
import { claimLinesOf } from './claim-lines.lookup';

export interface LimitationAnnouncementRun {
  /** False when another instance held the step at that moment (this run announced nothing). */
  ran: boolean;
  /** Accounts looked at again (their charges changed, or their announced date passed). */
  checked: number;
  /** Deadline events written to the outbox: set, moved or cancelled. */
  announced: number;
}

/** Accounts per transaction; nine statements each whatever the number (lock, candidates, claim lines, outbox, record). */
export const LIMITATION_BATCH = 500;

/**
 * The daily step that puts every account's limitation deadline in the register, whatever its status: an account
 * still CURRENT with a month unpaid past its due date publishes no claim snapshot, so nothing else announces it.
 * Per batch, in one transaction: one statement finds the accounts whose open charges in arrears changed since their
 * last announcement or whose announced date has passed (persistence/limitation-announcement.repository.ts), the
 * claim lines are read for all of them at once (claim-lines.lookup.ts, the statements' and snapshots' own figures),
 * the deadline is the arrears rule's (events/publish/deadline-events.ts, domain/limitation.ts: no copy here), and
 * only those whose due date differs from the one announced are written, in one statement, to the outbox
 * (arrears.deadlines.v1), each with the account's next claim version as its sequence; one more statement records
 * what was announced. A transaction-scoped advisory lock keeps two instances from running it at once.
 */
export async function announceLimitationDeadlines(
  em: EntityManager,
  asOf: IsoDate,
  batch = LIMITATION_BATCH,
): Promise<LimitationAnnouncementRun> {
  const total: LimitationAnnouncementRun = { ran: true, checked: 0, announced: 0 };
  for (;;) {
    const step = await em.transactional(async (tx) => {
      const [{ locked }] = await sqlRows<{ locked: boolean }>(
        tx,
        `select pg_try_advisory_xact_lock(hashtext('arrears.limitation-announcement')) as locked`,
      );
      if (!locked) return null;
      const candidates = await limitationCandidates(tx, asOf, batch);
      if (candidates.length === 0) return { checked: 0, announced: 0 };
      const lines = await claimLinesOf(
        tx,
        candidates.map((c) => c.account.accountId),
        asOf,
      );
      const saved: LimitationAnnouncement[] = [];
      const events = [];
      for (const { account, announcedDueOn, basis } of candidates) {
        const charges = lines.get(account.accountId)?.charges ?? [];
        const next = { ...account, version: account.version + 1 };
        const deadline = publishLimitationDeadline(next, charges, asOf);
        // Unchanged (the same date, or still none): nothing to tell the register; the new basis is recorded.
        if (deadline.dueOn === announcedDueOn) {
          saved.push({ accountId: account.accountId, dueOn: announcedDueOn, basis });
          continue;
        }
        saved.push({ accountId: account.accountId, dueOn: deadline.dueOn, basis, version: next.version });
        events.push({ source: 'arrears', key: deadline.deadlineKey, subject: account.accountId, data: deadline });
      }
      await recordEvents(tx, ARREARS_DEADLINE_CHANGED, events);
      await saveLimitationAnnouncements(tx, saved);
      return { checked: candidates.length, announced: events.length };
    });
    if (step === null) return total.checked === 0 ? { ran: false, checked: 0, announced: 0 } : total;
    total.checked += step.checked;
    total.announced += step.announced;
    if (step.checked < batch) return total;
  }
}
