import { GOVERNANCE_BODY_KINDS as COMMITTEE_KINDS, type GovernanceBodyKind as CommitteeKind } from '../../../catalog';
import { IsoDate, compareDates } from '../../../kernel/calendar';
import { InvalidInputError } from '../../../kernel/errors';
import {
  CommitteeSeat,
  filingDeadline,
  isFilingLate,
  isRecordingLate,
  recordingDeadline,
  shownFilingDeadline,
  shownRecordingDeadline,
} from './property-management-committee';
import {
  isOwnersCommitteeRecordedLate,
  ownersCommitteeFilingDeadline,
  ownersCommitteeRecordingDeadline,
  ownersCommitteeTermEnd,
} from './owners-committee';
import { OwnersCommitteeDivision, PmcRules, ownersCommitteeRulesOfDivision } from './statutes';
import {
  CHINA_WORKING_DAYS,
  ShownDeadline,
  WorkingDayCalendar,
  unlessBeyondCalendar,
} from '../../../kernel/working-days';

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

/**
 * An input bound, not a statute: a committee's members are stored, listed on every read and counted into its event,
 * and only the body limit (1 MiB, some 10,000 members) bounded them. The floor the statutes set (a property-management
 * committee: at least 7 and an odd number, Beijing arts. 52–59) is the composition rule's; this ceiling is the hub's.
 */
export const MAX_COMMITTEE_MEMBERS = 99;

/** A committee's member list as the street office sends it: 1 to MAX_COMMITTEE_MEMBERS members, each named. */
export function checkMemberList(members: readonly MemberInput[]): void {
  if (members.length === 0 || members.length > MAX_COMMITTEE_MEMBERS)
    throw new InvalidInputError(`A committee has 1 to ${MAX_COMMITTEE_MEMBERS} members, not ${members.length}`, {
      fields: { members: `1 to ${MAX_COMMITTEE_MEMBERS} members` },
    });
  if (members.some((m) => !m.name?.trim()))
    throw new InvalidInputError('Name every member', { fields: { members: 'every member needs a name' } });
}

/** How a standing committee is named to the street office that tries to form a second one. */
export const committeeName = (kind: GovernanceBodyKind): string =>
  kind === 'OWNERS_COMMITTEE' ? "owners' committee" : 'property-management committee';

interface FilingFacts {
  kind: GovernanceBodyKind;
  /** The rules a property-management committee is held to (statutes.ts pmcRulesOf); none: no deadline runs. */
  pmcRules?: PmcRules | null;
  /** Whether its area's owners' assembly was on record when it formed (statutes.ts PMC_FILING_CONDITION). */
  filingRequired?: boolean | null;
}

/**
 * Whether a property-management committee's filing (30 days) and recording (5 working days) periods run: under rules
 * the hub holds (statutes.ts pmcRulesOf), for a committee formed while its area's owners' assembly was on record
 * (Beijing art. 55 para. 1; statutes.ts PMC_FILING_CONDITION). One of an area without an assembly has none (para. 3).
 */
export const filingPeriodsRun = (body: FilingFacts): boolean =>
  body.kind === 'PROPERTY_MANAGEMENT_COMMITTEE' && !!body.pmcRules && body.filingRequired === true;

/**
 * What a property-management committee's formation (or the later record of an assembly that met before it) sets:
 * whether its filing periods run, and then its filing deadline and, when filed, whether late. Past the holiday data
 * the deadline is null and computed when read (Civil Code art. 203).
 */
export function filingAssessment(
  committee: { formedOn: IsoDate; filedOn?: IsoDate | null },
  rules: PmcRules | null,
  assemblyOnRecord: boolean,
): { filingRequired: boolean; filingDeadline: IsoDate | null; filedLate: boolean | null } {
  const filingRequired = rules !== null && assemblyOnRecord;
  const { formedOn, filedOn } = committee;
  return {
    filingRequired,
    filingDeadline: filingRequired ? unlessBeyondCalendar(() => filingDeadline(formedOn)) : null,
    filedLate: filingRequired && filedOn ? unlessBeyondCalendar(() => isFilingLate(formedOn, filedOn)) : null,
  };
}

interface RecordingFacts extends FilingFacts {
  filedOn?: IsoDate | null;
  recordedOn?: IsoDate | null;
}

/**
 * The recording deadline of a filed property-management committee (see recordingDeadline); undefined for other
 * bodies and before the filing; OUTSIDE_HOLIDAY_CALENDAR while the deadline's year has no published holiday notice.
 */
export function committeeRecordingDeadline(
  body: RecordingFacts,
  calendar: WorkingDayCalendar = CHINA_WORKING_DAYS,
): IsoDate | undefined {
  if (!filingPeriodsRun(body) || !body.filedOn) return undefined;
  return recordingDeadline(body.filedOn, calendar);
}

/** Whether a property-management committee was recorded late (see isRecordingLate); undefined until recorded. */
export function isCommitteeRecordedLate(
  body: RecordingFacts,
  calendar: WorkingDayCalendar = CHINA_WORKING_DAYS,
): boolean | undefined {
  if (!filingPeriodsRun(body) || !body.filedOn || !body.recordedOn) return undefined;
  return isRecordingLate(body.filedOn, body.recordedOn, calendar);
}

interface BodyDeadlineFacts extends RecordingFacts {
  formedOn: IsoDate;
  /** An owners' committee's election day, and the city rules it was recorded under (null: the national guidance). */
  electedOn?: IsoDate | null;
  ownersCommitteeRules?: OwnersCommitteeDivision | null;
}

const ownersCommitteeRules = (body: BodyDeadlineFacts) =>
  ownersCommitteeRulesOfDivision(body.ownersCommitteeRules ?? null);

/**
 * The filing deadline a body shows: a property-management committee's 30 days from its formation where its periods run
 * (filingPeriodsRun), an owners' committee's 30 days from its election (owners-committee.ts); undefined otherwise.
 */
export function shownBodyFilingDeadline(body: BodyDeadlineFacts): ShownDeadline | undefined {
  if (body.kind === 'OWNERS_COMMITTEE')
    return ownersCommitteeFilingDeadline(body.electedOn ?? null, ownersCommitteeRules(body));
  return filingPeriodsRun(body) ? shownFilingDeadline(body.formedOn) : undefined;
}

/** The recording deadline a body shows, from its filing (or an owners' committee's application); undefined otherwise. */
export function shownBodyRecordingDeadline(body: BodyDeadlineFacts): ShownDeadline | undefined {
  if (body.kind === 'OWNERS_COMMITTEE')
    return ownersCommitteeRecordingDeadline(body.filedOn ?? null, ownersCommitteeRules(body));
  return filingPeriodsRun(body) && body.filedOn ? shownRecordingDeadline(body.filedOn) : undefined;
}

/** Whether a body was recorded after its recording deadline; undefined where none runs or until recorded. */
export function isBodyRecordedLate(body: BodyDeadlineFacts): boolean | undefined {
  if (body.kind !== 'OWNERS_COMMITTEE') return isCommitteeRecordedLate(body);
  return body.recordedOn
    ? isOwnersCommitteeRecordedLate(
        { electedOn: body.electedOn ?? null, filedOn: body.filedOn ?? null, recordedOn: body.recordedOn },
        ownersCommitteeRules(body),
      )
    : undefined;
}

/**
 * Why a standing committee is on the street office's overdue list. FILING_DEADLINE_BEYOND_CALENDAR: unfiled after
 * the plain 30 days, but whether art. 203 extends the period depends on a holiday notice the hub does not hold yet.
 */
export type GovernanceOverdueReason = 'FILING_OVERDUE' | 'FILING_DEADLINE_BEYOND_CALENDAR' | 'TERM_EXPIRED';

interface OverdueFacts extends FilingFacts {
  formedOn: IsoDate;
  termEndsOn?: IsoDate | null;
  filedOn?: IsoDate | null;
  dissolvedOn?: IsoDate | null;
  /** An owners' committee's recording and election, and the city rules it was recorded under (termEndOf). */
  recordedOn?: IsoDate | null;
  electedOn?: IsoDate | null;
  ownersCommitteeRules?: OwnersCommitteeDivision | null;
}

/**
 * The last day of a committee's term: the one recorded, or for an owners' committee recorded without one (before
 * the hub recorded the statutory ceiling in its place, owners-committee.ts ownersCommitteeTermEnd) the latest its term
 * can lawfully have run, 5 years from its election or recording. Null for an owners' assembly, and for a 物管会
 * without a term (none is formed without one). Before, an owners' committee recorded without a term was never past it.
 */
export function termEndOf(body: {
  kind: GovernanceBodyKind;
  formedOn: IsoDate;
  termEndsOn?: IsoDate | null;
  recordedOn?: IsoDate | null;
  electedOn?: IsoDate | null;
  ownersCommitteeRules?: OwnersCommitteeDivision | null;
}): IsoDate | null {
  if (body.kind === 'OWNERS_ASSEMBLY') return null;
  if (body.termEndsOn || body.kind !== 'OWNERS_COMMITTEE') return body.termEndsOn ?? null;
  return ownersCommitteeTermEnd(
    { electedOn: body.electedOn, recordedOn: body.recordedOn ?? body.formedOn },
    ownersCommitteeRulesOfDivision(body.ownersCommitteeRules ?? null),
  );
}

/** A body stands on `asOf` when it was formed by then and not dissolved on or before it. */
const standsOn = (body: OverdueFacts, asOf: IsoDate): boolean =>
  compareDates(body.formedOn, asOf) <= 0 && (!body.dissolvedOn || compareDates(body.dissolvedOn, asOf) > 0);

/**
 * A property-management committee still unfiled once its 30-day filing period (Beijing art. 55, Civil Code arts. 201
 * and 203) has passed on `asOf`; undefined for other bodies and for a committee whose filing periods do not run
 * (filingPeriodsRun). A committee dissolved by then is no longer the street office's to chase.
 */
export function isFilingOverdue(
  body: OverdueFacts,
  asOf: IsoDate,
  calendar: WorkingDayCalendar = CHINA_WORKING_DAYS,
): boolean | undefined {
  if (!filingPeriodsRun(body)) return undefined;
  if (!standsOn(body, asOf)) return false;
  if (body.filedOn && compareDates(body.filedOn, asOf) <= 0) return false;
  return isFilingLate(body.formedOn, asOf, calendar);
}

/**
 * A committee still standing after the last day of its term (a 物管会's at most three years, Beijing arts. 52–59;
 * an owners' committee's as its assembly set it, or the statute's five years where none was recorded, termEndOf):
 * it acts without a mandate until re-formed or re-elected. Undefined for an owners' assembly or a committee with no
 * term (termEndOf null).
 */
export function isTermExpired(body: OverdueFacts, asOf: IsoDate): boolean | undefined {
  const termEndsOn = termEndOf(body);
  if (!termEndsOn) return undefined;
  return standsOn(body, asOf) && compareDates(termEndsOn, asOf) < 0;
}

/**
 * Whether a committee recorded or formed on `on` succeeds the area's standing committee, which then stands no more
 * from that day (before, nothing could replace a committee: its term ran out and it stayed, TERM_EXPIRED, for good).
 * A newly elected owners' committee (换届) succeeds the standing one recorded before it; a property-management
 * committee is formed anew only once the standing committee's term has ended (the owners' committee's
 * term ran out without a successor elected, or the 物管会's own). A property-management committee standing when an
 * owners' committee is recorded is dissolved by that recording instead (record-owners-committee.ts).
 */
export function succeeds(
  successor: { kind: CommitteeKind; on: IsoDate },
  standing: Parameters<typeof termEndOf>[0],
): boolean {
  if (successor.kind === 'OWNERS_COMMITTEE')
    return (
      standing.kind === 'OWNERS_COMMITTEE' && compareDates(successor.on, standing.recordedOn ?? standing.formedOn) > 0
    );
  const termEndsOn = termEndOf(standing);
  return !!termEndsOn && compareDates(successor.on, termEndsOn) > 0;
}

/** Every reason the body is overdue on `asOf`, in a fixed order; empty when none. */
export function overdueReasons(
  body: OverdueFacts,
  asOf: IsoDate,
  calendar: WorkingDayCalendar = CHINA_WORKING_DAYS,
): GovernanceOverdueReason[] {
  const reasons: GovernanceOverdueReason[] = [];
  const filingOverdue = unlessBeyondCalendar(() => isFilingOverdue(body, asOf, calendar));
  if (filingOverdue) reasons.push('FILING_OVERDUE');
  if (filingOverdue === null) reasons.push('FILING_DEADLINE_BEYOND_CALENDAR');
  if (isTermExpired(body, asOf)) reasons.push('TERM_EXPIRED');
  return reasons;
}
