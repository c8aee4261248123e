import type { EntityManager } from '@mikro-orm/postgresql';
import { CONTRACT_DEADLINE_CHANGED } from '../../../catalog';
import type { IsoDate } from '../../../kernel/calendar';
import type { WorkingDayCalendar } from '../../../kernel/working-days';
import { recordEvent } from '../../../platform/events/outbox';
import { calendarCaughtUp } from '../../../platform/read-models/holiday-calendar';
import { nextDeadlineSequencesOf, reannounceUndatedDeadlines } from '../../../platform/events/undated-deadlines';
import { settingsCovering } from '../domain/statutes';
import { CONTRACTS_EVENT_SOURCE } from '../events/publish/filing-events';
import { publishFilingDeadline } from '../events/publish/deadline-events';
import { Contract } from '../persistence/contract.entity';
import { announcedDraftsAfter } from '../persistence/contract.repository';
import { allCitySettings } from '../persistence/city-settings.repository';

/**
 * Tells the deadline register (feeds) where the contract's filing deadline stands, in the caller's transaction:
 * set when drafted, moved when the draft's signing date changes, met when the contract is filed. A city without a
 * filing deadline (or without settings: the filing itself will say CITY_NOT_CONFIGURED) announces nothing.
 */
export async function announceFilingDeadline(
  em: EntityManager,
  contract: Contract,
  change: { metOn?: IsoDate; cancelled?: boolean } = {},
): Promise<void> {
  const found = settingsCovering(contract.districtCode, await allCitySettings(em));
  if (!found) return;
  contract.deadlineSequence += 1;
  const [data] = await calendarCaughtUp(em, 'contracts', () => [
    publishFilingDeadline(contract, found.settings, { ...change, sequence: contract.deadlineSequence }),
  ]);
  if (!data) return;
  recordEvent(em, CONTRACT_DEADLINE_CHANGED, {
    source: CONTRACTS_EVENT_SOURCE,
    key: data.deadlineKey,
    subject: contract.id,
    data,
  });
}

/**
 * Once a holiday year is recorded, in its transaction: the drafts whose filing deadline was announced undated for
 * want of it (due after `heldUntilBefore`, the last day held before) are announced again with their date, computed
 * with `calendar` (the one the year extends: this process installs it only after the commit), each under the
 * contract's next deadline sequence. Without it the register kept them undated for good: no reminder, never overdue.
 */
export async function reannounceUndatedFilingDeadlines(
  em: EntityManager,
  heldUntilBefore: IsoDate,
  calendar: WorkingDayCalendar,
): Promise<number> {
  const cities = await allCitySettings(em);
  return reannounceUndatedDeadlines(em, heldUntilBefore, {
    event: CONTRACT_DEADLINE_CHANGED,
    source: CONTRACTS_EVENT_SOURCE,
    candidates: announcedDraftsAfter,
    deadlinesOf: (draft) => {
      const found = settingsCovering(draft.districtCode, cities);
      return found ? [publishFilingDeadline(draft, found.settings, { sequence: 1 }, calendar)] : [];
    },
    nextSequences: nextDeadlineSequencesOf('contracts.contract'),
  });
}
