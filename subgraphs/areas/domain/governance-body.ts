import { GOVERNANCE_BODY_KINDS as COMMITTEE_KINDS, type GovernanceBodyKind as CommitteeKind } from '../../../catalog';
import { IsoDate } from '../../../kernel/calendar';
import { CommitteeSeat, isRecordingLate, recordingDeadline } from './property-management-committee';
import { CHINA_WORKING_DAYS, WorkingDayCalendar } from '../../../kernel/working-days';

/**
 * The governance bodies of a property-management area: the owners' assembly (业主大会), the owners' committee
 * (业主委员会) it elects, and the property-management committee (物业管理委员会, 物管会) the street office forms where
 * no owners' committee stands. At most one of each kind stands in an area at a time.
 */
export const GOVERNANCE_BODY_KINDS = ['OWNERS_ASSEMBLY', ...COMMITTEE_KINDS] as const;
export type GovernanceBodyKind = (typeof GOVERNANCE_BODY_KINDS)[number];

/** The kinds with a member list, which sign for the owners (the published vocabulary's governance bodies). */
export { COMMITTEE_KINDS, type CommitteeKind };

/** A committee member as the street office names them. */
export interface MemberInput {
  name: string;
  seat: CommitteeSeat;
  /** The residents' committee or property-rights unit the member represents. */
  represents?: string | null;
}

/** How a standing committee is named to the street office that tries to form a second one. */
export const committeeName = (kind: GovernanceBodyKind): string => (kind === 'OWNERS_COMMITTEE' ? "owners' committee" : 'property-management committee');

interface RecordingFacts {
  kind: GovernanceBodyKind;
  filedOn?: IsoDate | null;
  recordedOn?: IsoDate | null;
}

/**
 * The recording deadline of a filed property-management committee (see recordingDeadline); undefined for other
 * bodies and before the filing; OUTSIDE_HOLIDAY_CALENDAR while the deadline's year has no published holiday notice.
 */
export function committeeRecordingDeadline(body: RecordingFacts, calendar: WorkingDayCalendar = CHINA_WORKING_DAYS): IsoDate | undefined {
  if (body.kind !== 'PROPERTY_MANAGEMENT_COMMITTEE' || !body.filedOn) return undefined;
  return recordingDeadline(body.filedOn, calendar);
}

/** Whether a property-management committee was recorded late (see isRecordingLate); undefined until recorded. */
export function isCommitteeRecordedLate(body: RecordingFacts, calendar: WorkingDayCalendar = CHINA_WORKING_DAYS): boolean | undefined {
  if (body.kind !== 'PROPERTY_MANAGEMENT_COMMITTEE' || !body.filedOn || !body.recordedOn) return undefined;
  return isRecordingLate(body.filedOn, body.recordedOn, calendar);
}
