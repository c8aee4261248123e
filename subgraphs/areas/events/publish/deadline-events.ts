import { DeadlineChangedData } from '../../../../catalog';
import type { IsoDate } from '../../../../kernel/calendar';
import { unlessBeyondCalendar } from '../../../../kernel/working-days';
import { committeeRecordingDeadline } from '../../domain/governance-body';
import { filingDeadline } from '../../domain/property-management-committee';
import {
  PMC_FILING_DAYS,
  PMC_FILING_SOURCE,
  PMC_RECORDING_SOURCE,
  PMC_RECORDING_WORKING_DAYS,
} from '../../domain/statutes';
import type { GovernanceBody } from '../../persistence/governance-body.entity';

// pmcRules and filingRequired decide whether the recording deadline runs (domain/governance-body.ts filingPeriodsRun).
type Committee = Pick<
  GovernanceBody,
  'id' | 'kind' | 'formedOn' | 'filedOn' | 'recordedOn' | 'createdBy' | 'pmcRules' | 'filingRequired'
>;
const districtOf = (area: { districtCode: string }) =>
  /^[0-9]{6}$/.test(area.districtCode) ? area.districtCode : null;

/** What an announcement of a committee deadline says: see committeeDeadlineSequence. */
export interface CommitteeDeadlineChange {
  /** The committee dissolved before the deadline was met: it no longer runs. */
  cancelled?: boolean;
  /** Announced again with the due date it lacked, once the holiday year it needed was recorded. */
  redated?: boolean;
}

/**
 * The sequence of a committee deadline's announcement, by what it says (the register keeps the highest, and a
 * committee has no counter of its announcements): announced (1), announced again with the due date it lacked once
 * the holiday year was recorded (2), met (3), cancelled (4). So a date announced late outranks the undated
 * announcement but never the deadline's meeting or cancellation, whatever order they reach the register in. Met was
 * 2 and cancelled 3 before dates were announced again: each still outranks an open deadline's 1, and neither
 * is followed by anything but a cancellation (now 4).
 */
export function committeeDeadlineSequence(metOn: IsoDate | null, change: CommitteeDeadlineChange): number {
  if (change.cancelled) return 4;
  if (metOn !== null) return 3;
  return change.redated ? 2 : 1;
}

/**
 * A property-management committee's filing deadline as the register is told it (domain/property-management-committee.ts:
 * 30 days from formation, Civil Code arts. 201 and 203), owned by the street office that formed it: announced when
 * formed, met when filed, cancelled when the committee is dissolved before either. Past the held holiday data it has
 * no due date yet: announced again (`redated`) once the year is recorded.
 */
export function publishCommitteeFilingDeadline(
  committee: Committee,
  area: { districtCode: string },
  change: CommitteeDeadlineChange = {},
): DeadlineChangedData {
  const metOn = (committee.filedOn as IsoDate | null | undefined) ?? null;
  return {
    deadlineKey: `committee-filing:${committee.id}`,
    kind: 'COMMITTEE_FILING',
    subjectId: committee.id,
    ownerKind: 'STREET_OFFICE',
    ownerOrganisationId: committee.createdBy,
    districtCode: districtOf(area),
    legalBasis: `${PMC_FILING_SOURCE}: a property-management committee is filed with the street office within ${PMC_FILING_DAYS} days of its formation; Civil Code art. 201 and art. 203`,
    dueOn: unlessBeyondCalendar(() => filingDeadline(committee.formedOn)) ?? null,
    metOn,
    cancelled: change.cancelled ?? false,
    sequence: committeeDeadlineSequence(metOn, change),
  };
}

/**
 * The street office's recording deadline of a filed committee (domain/governance-body.ts: the fifth working day after
 * the filing, Beijing art. 55): announced when the filing is recorded, met when the office records it, cancelled
 * when the committee is dissolved before. Null before the filing.
 */
export function publishCommitteeRecordingDeadline(
  committee: Committee,
  area: { districtCode: string },
  change: CommitteeDeadlineChange = {},
): DeadlineChangedData | null {
  if (!committee.filedOn) return null;
  const metOn = (committee.recordedOn as IsoDate | null | undefined) ?? null;
  return {
    deadlineKey: `committee-recording:${committee.id}`,
    kind: 'COMMITTEE_RECORDING',
    subjectId: committee.id,
    ownerKind: 'STREET_OFFICE',
    ownerOrganisationId: committee.createdBy,
    districtCode: districtOf(area),
    legalBasis: `${PMC_RECORDING_SOURCE}: the street office records a filed committee within ${PMC_RECORDING_WORKING_DAYS} working days of the filing`,
    dueOn: unlessBeyondCalendar(() => committeeRecordingDeadline(committee)) ?? null,
    metOn,
    cancelled: change.cancelled ?? false,
    sequence: committeeDeadlineSequence(metOn, change),
  };
}
