import type { EntityManager } from '@mikro-orm/postgresql';
import { AREA_DEADLINE_CHANGED, DeadlineChangedData } from '../../../catalog';
import { recordEvent } from '../../../platform/events/outbox';
import { AREAS_EVENT_SOURCE } from '../events/publish/area-events';
import { publishCommitteeFilingDeadline, publishCommitteeRecordingDeadline } from '../events/publish/deadline-events';
import { filingPeriodsRun } from '../domain/governance-body';
import { GovernanceBody } from '../persistence/governance-body.entity';
import { findArea } from '../persistence/area.repository';

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
  const announced: (DeadlineChangedData | null)[] = [
    which.filing ? publishCommitteeFilingDeadline(committee, area, which.cancelled) : null,
    which.recording ? publishCommitteeRecordingDeadline(committee, area, which.cancelled) : null,
  ];
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
