import type { EntityManager } from '@mikro-orm/postgresql';
import { AREA_DEADLINE_CHANGED, DeadlineChangedData } from '../../../catalog';
import type { IsoDate } from '../../../kernel/calendar';
import { recordEvent } from '../../../platform/events/outbox';
import { calendarCaughtUp } from '../../../platform/read-models/holiday-calendar';
import { reannounceUndatedDeadlines } from '../../../platform/events/undated-deadlines';
import { AREAS_EVENT_SOURCE } from '../events/publish/area-events';
import { publishCommitteeFilingDeadline, publishCommitteeRecordingDeadline } from '../events/publish/deadline-events';
import { filingPeriodsRun } from '../domain/governance-body';
import { GovernanceBody } from '../persistence/governance-body.entity';
import { findArea } from '../persistence/area.repository';
import { standingCommitteesWithDeadlinesAfter } from '../persistence/governance-body.repository';

/**
 * Tells the deadline register (feeds) where a property-management committee's deadlines stand, in the caller's
 * transaction: its filing deadline (`filing`) and, once filed, the street office's recording deadline (`recording`);
 * with `cancelled`, that they no longer run (the committee dissolved before they were met).
 */
export async function announceCommitteeDeadlines(
  em: EntityManager,
  committee: GovernanceBody,
  which: { filing: boolean; recording: boolean; cancelled?: boolean },
): Promise<void> {
  // A committee held to no rules the hub knows (statutes.ts pmcRulesOf), or of an area without an owners' assembly
  // when it formed (Beijing art. 55 para. 3), has no deadlines to announce (domain filingPeriodsRun).
  if (!filingPeriodsRun(committee)) return;
  const area = await findArea(em, committee.areaId);
  if (!area) throw new Error(`Area ${committee.areaId} of committee ${committee.id} is missing`);
  const announced = await calendarCaughtUp(em, 'areas', (): (DeadlineChangedData | null)[] => [
    which.filing ? publishCommitteeFilingDeadline(committee, area, { cancelled: which.cancelled }) : null,
    which.recording ? publishCommitteeRecordingDeadline(committee, area, { cancelled: which.cancelled }) : null,
  ]);
  for (const data of announced) {
    if (!data) continue;
    recordEvent(em, AREA_DEADLINE_CHANGED, {
      source: AREAS_EVENT_SOURCE,
      key: data.deadlineKey,
      subject: committee.id,
      data,
    });
  }
}

/**
 * Once a holiday year reaches this subgraph (its holiday calendar consumer, in the inbox transaction, the year
 * installed): the open filing and recording deadlines of standing committees that were announced undated for want
 * of it (due after `heldUntilBefore`, the last day held before) are announced again with their date (sequence 2,
 * events/publish/deadline-events.ts committeeDeadlineSequence). Without it the register kept them undated for good.
 */
export async function reannounceUndatedCommitteeDeadlines(
  em: EntityManager,
  heldUntilBefore: IsoDate,
): Promise<number> {
  return reannounceUndatedDeadlines(em, heldUntilBefore, {
    event: AREA_DEADLINE_CHANGED,
    source: AREAS_EVENT_SOURCE,
    candidates: standingCommitteesWithDeadlinesAfter,
    deadlinesOf: ({ committee, area }) =>
      filingPeriodsRun(committee)
        ? [
            publishCommitteeFilingDeadline(committee, area, { redated: true }),
            publishCommitteeRecordingDeadline(committee, area, { redated: true }),
          ]
        : [],
  });
}
