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

/**
 * A property-management committee's filing deadline as the register is told it (domain/property-management-committee.ts:
 * 30 days from formation, Civil Code arts. 201 and 203), owned by the street office that formed it: announced
 * (sequence 1) when formed, met (2) when filed, cancelled (3) when the committee is dissolved before either. Past the
 * held holiday data it has no due date yet.
 */
export function publishCommitteeFilingDeadline(
  committee: Committee,
  area: { districtCode: string },
  cancelled = false,
): DeadlineChangedData {
  return {
    deadlineKey: `committee-filing:${committee.id}`,
    kind: 'COMMITTEE_FILING',
    subjectId: committee.id,
    ownerKind: 'STREET_OFFICE',
    ownerOrganisationId: committee.createdBy,
    districtCode: districtOf(area),
    legalBasis: `${PMC_FILING_SOURCE}: a property-management committee is filed with the street office within ${PMC_FILING_DAYS} days of its formation; Civil Code art. 201 and art. 203`,
    dueOn: unlessBeyondCalendar(() => filingDeadline(committee.formedOn)) ?? null,
    metOn: (committee.filedOn as IsoDate | null | undefined) ?? null,
    cancelled,
    sequence: cancelled ? 3 : committee.filedOn ? 2 : 1,
  };
}

/**
 * The street office's recording deadline of a filed committee (domain/governance-body.ts: the fifth working day after
 * the filing, Beijing art. 55): announced (1) when the filing is recorded, met (2) when the office records it,
 * cancelled (3) when the committee is dissolved before. Null before the filing.
 */
export function publishCommitteeRecordingDeadline(
  committee: Committee,
  area: { districtCode: string },
  cancelled = false,
): DeadlineChangedData | null {
  if (!committee.filedOn) return null;
  return {
    deadlineKey: `committee-recording:${committee.id}`,
    kind: 'COMMITTEE_RECORDING',
    subjectId: committee.id,
    ownerKind: 'STREET_OFFICE',
    ownerOrganisationId: committee.createdBy,
    districtCode: districtOf(area),
    legalBasis: `${PMC_RECORDING_SOURCE}: the street office records a filed committee within ${PMC_RECORDING_WORKING_DAYS} working days of the filing`,
    dueOn: unlessBeyondCalendar(() => committeeRecordingDeadline(committee)) ?? null,
    metOn: (committee.recordedOn as IsoDate | null | undefined) ?? null,
    cancelled,
    sequence: cancelled ? 3 : committee.recordedOn ? 2 : 1,
  };
}
