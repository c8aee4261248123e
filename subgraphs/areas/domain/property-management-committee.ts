import { InvalidInputError } from '../../../kernel/errors';
import { IsoDate, addYears, compareDates, isIsoDate } from '../../../kernel/calendar';
import {
  PMC_DECISION_POSTING_DAYS,
  PMC_DECISION_POSTING_WORKING_DAYS,
  PMC_DISSOLUTION_DAYS,
  PMC_FILING_DAYS,
  PMC_MAX_TERM_YEARS,
  PMC_MIN_MEMBERS,
  PMC_OWNER_MEMBER_SHARE,
  PMC_RECORDING_WORKING_DAYS,
  PmcRules,
  meetsThreshold,
} from './statutes';
import {
  CHINA_WORKING_DAYS,
  WorkingDayCalendar,
  addWorkingDays,
  isAfterPeriod,
  isLaterThanWorkingDays,
  periodEnd,
  ShownDeadline,
  shownPeriodEnd,
  shownWorkingDays,
} from '../../../kernel/working-days';

/**
 * The property-management committee (物业管理委员会, 物管会): formed by the street office where an owners' assembly
 * cannot be formed, it stands in for the owners until an owners' committee is recorded (Beijing Property
 * Management Regulation arts. 52–59).
 */

/** Who a seat represents: 居民委员会, 产权单位, 业主, 物业使用人. */
export const COMMITTEE_SEATS = ['RESIDENTS_COMMITTEE', 'PROPERTY_RIGHTS_UNIT', 'OWNER', 'OCCUPANT'] as const;
export type CommitteeSeat = (typeof COMMITTEE_SEATS)[number];
const SEATS: readonly CommitteeSeat[] = ['RESIDENTS_COMMITTEE', 'PROPERTY_RIGHTS_UNIT', 'OWNER', 'OCCUPANT'];

export interface CommitteeMember {
  id: string;
  seat: CommitteeSeat;
}

export type CommitteeProblem =
  | 'TOO_FEW_MEMBERS'
  | 'EVEN_MEMBER_COUNT'
  | 'OWNER_MEMBERS_BELOW_HALF'
  | 'DUPLICATE_MEMBER_ID'
  | 'UNKNOWN_SEAT'
  | 'CHAIR_NOT_A_MEMBER'
  | 'CHAIR_NOT_RESIDENTS_COMMITTEE'
  | 'TERM_NOT_AFTER_FORMATION'
  | 'TERM_TOO_LONG'
  | 'FILED_BEFORE_FORMATION'
  | 'AFTER_DISSOLUTION';

/**
 * Whether a seat counts toward the owner members (业主代表) who must be at least half of the committee. A
 * property-rights unit holds title to its units (in old public-housing compounds often many of them), which makes
 * it an owner (业主) under Civil Code art. 271; its representative therefore sits for owners. The residents'
 * committee represents the community organisation and an occupant (物业使用人, e.g. a tenant) holds no title, so
 * neither counts, even if the person happens to own a flat elsewhere.
 */
export function isOwnerSeat(seat: CommitteeSeat): boolean {
  return seat === 'OWNER' || seat === 'PROPERTY_RIGHTS_UNIT';
}

/**
 * Every composition problem (empty when none), in a fixed order: under Beijing's rules (`rules` '11') its member count,
 * owner share and chair too; where the hub holds no rules (null), only that the list is one (ids, seats, chair a member).
 */
export function compositionProblems(
  members: readonly CommitteeMember[],
  chairMemberId: string,
  rules: PmcRules | null,
): CommitteeProblem[] {
  const problems: CommitteeProblem[] = [];
  const count = members.length;
  const held = rules !== null;
  if (held && count < PMC_MIN_MEMBERS) problems.push('TOO_FEW_MEMBERS');
  if (held && count % 2 === 0) problems.push('EVEN_MEMBER_COUNT');
  const owners = members.filter((m) => isOwnerSeat(m.seat)).length;
  if (held && count > 0 && !meetsThreshold(owners, count, PMC_OWNER_MEMBER_SHARE))
    problems.push('OWNER_MEMBERS_BELOW_HALF');
  if (new Set(members.map((m) => m.id)).size !== count) problems.push('DUPLICATE_MEMBER_ID');
  if (members.some((m) => !SEATS.includes(m.seat))) problems.push('UNKNOWN_SEAT');
  // Art. 54 para. 2 gives the chair to the residents' committee representative, not to whichever member is elected
  // (statutes.ts PMC_CHAIR_SOURCE).
  const chair = members.find((m) => m.id === chairMemberId);
  if (!chair) problems.push('CHAIR_NOT_A_MEMBER');
  else if (held && chair.seat !== 'RESIDENTS_COMMITTEE') problems.push('CHAIR_NOT_RESIDENTS_COMMITTEE');
  return problems;
}

/** Throws BAD_USER_INPUT with details.problems listing every composition problem. */
export function validateCommitteeComposition(
  members: readonly CommitteeMember[],
  chairMemberId: string,
  rules: PmcRules | null,
): void {
  const problems = compositionProblems(members, chairMemberId, rules);
  if (problems.length > 0)
    throw new InvalidInputError('The property-management committee is not validly composed', { problems });
}

/**
 * The last day to file the committee with the street office: 30 days after formation, the formation day not counted
 * (Civil Code art. 201), moved past rest days to the next working day (art. 203).
 */
export function filingDeadline(formedOn: IsoDate, calendar: WorkingDayCalendar = CHINA_WORKING_DAYS): IsoDate {
  requireDates({ formedOn });
  return periodEnd(formedOn, PMC_FILING_DAYS, calendar);
}

/** The filing deadline as the street office is shown it: the plain 30 days flagged provisional past the holiday data. */
export function shownFilingDeadline(
  formedOn: IsoDate,
  calendar: WorkingDayCalendar = CHINA_WORKING_DAYS,
): ShownDeadline {
  requireDates({ formedOn });
  return shownPeriodEnd(formedOn, PMC_FILING_DAYS, calendar);
}

/** The recording deadline as shown: the plain 5 days flagged provisional past the holiday data (the earliest end). */
export function shownRecordingDeadline(
  filedOn: IsoDate,
  calendar: WorkingDayCalendar = CHINA_WORKING_DAYS,
): ShownDeadline {
  requireDates({ filedOn });
  return shownWorkingDays(filedOn, PMC_RECORDING_WORKING_DAYS, calendar);
}

/**
 * Whether a filing made on `filedOn` missed the deadline. A late filing is flagged for the street office to
 * follow up, not refused: refusing it would leave the area with no governance body on record at all. For a
 * committee not filed yet, pass today's date to ask whether it is overdue.
 */
export function isFilingLate(
  formedOn: IsoDate,
  filedOn: IsoDate,
  calendar: WorkingDayCalendar = CHINA_WORKING_DAYS,
): boolean {
  requireDates({ formedOn, filedOn });
  return isAfterPeriod(formedOn, PMC_FILING_DAYS, filedOn, calendar);
}

/** The latest day a term may end: three years on, the corresponding day (Civil Code art. 202). */
export function latestTermEnd(formedOn: IsoDate): IsoDate {
  requireDates({ formedOn });
  return addYears(formedOn, PMC_MAX_TERM_YEARS);
}

/**
 * Term problems (empty when none): the term must end after formation, and under Beijing's rules no later than three
 * years on.
 */
export function termProblems(formedOn: IsoDate, termEndsOn: IsoDate, rules: PmcRules | null): CommitteeProblem[] {
  requireDates({ formedOn, termEndsOn });
  const problems: CommitteeProblem[] = [];
  if (compareDates(termEndsOn, formedOn) <= 0) problems.push('TERM_NOT_AFTER_FORMATION');
  if (rules !== null && compareDates(termEndsOn, latestTermEnd(formedOn)) > 0) problems.push('TERM_TOO_LONG');
  return problems;
}

/**
 * Filing problems (empty when none): a committee is filed with the street office once it is formed, not before, and
 * not after it was dissolved (`dissolvedOn`): a committee no longer standing is filed by nobody.
 */
export function filingProblems(
  formedOn: IsoDate,
  filedOn: IsoDate | undefined,
  dissolvedOn: IsoDate | null = null,
): CommitteeProblem[] {
  requireDates({ formedOn, filedOn, dissolvedOn: dissolvedOn ?? undefined });
  if (filedOn === undefined) return [];
  if (compareDates(filedOn, formedOn) < 0) return ['FILED_BEFORE_FORMATION'];
  return afterDissolution(filedOn, dissolvedOn);
}

/**
 * AFTER_DISSOLUTION when a committee's filing or recording is dated after the committee was dissolved: the street
 * office may enter one that happened while it stood, never one after (before, such a filing announced a live
 * recording deadline for a body that no longer existed, and its reminders and overdue notices followed).
 */
export function afterDissolution(on: IsoDate, dissolvedOn: IsoDate | null): CommitteeProblem[] {
  return dissolvedOn !== null && compareDates(on, dissolvedOn) > 0 ? ['AFTER_DISSOLUTION'] : [];
}

/** The last day for the committee to be dissolved once an owners' committee of the area is recorded (art. 203 applied). */
export function dissolutionDeadline(
  ownersCommitteeRecordedOn: IsoDate,
  calendar: WorkingDayCalendar = CHINA_WORKING_DAYS,
): IsoDate {
  requireDates({ ownersCommitteeRecordedOn });
  return periodEnd(ownersCommitteeRecordedOn, PMC_DISSOLUTION_DAYS, calendar);
}

/** Problems with the order of governance dates, each naming the later event that came too early. */
export type GovernanceDateProblem =
  'RECORDED_BEFORE_FILING' | 'DISSOLVED_BEFORE_OWNERS_COMMITTEE_RECORDED' | 'POSTED_BEFORE_MEETING';

export interface DissolutionAssessment {
  dissolutionDeadline: IsoDate;
  /** A dissolution after the deadline is flagged for the street office, not refused: the committee is gone either way. */
  dissolvedLate: boolean;
}

/**
 * The committee's dissolution after the area's owners' committee was recorded (Beijing arts. 52–59: within 30 days).
 * A dissolution before that recording is refused: until then the committee is the only body standing in for the
 * owners, so an earlier date is a slip of the pen, not a fact to flag.
 */
export function assessDissolution(
  ownersCommitteeRecordedOn: IsoDate,
  dissolvedOn: IsoDate,
  calendar: WorkingDayCalendar = CHINA_WORKING_DAYS,
): DissolutionAssessment {
  requireDates({ ownersCommitteeRecordedOn, dissolvedOn });
  if (compareDates(dissolvedOn, ownersCommitteeRecordedOn) < 0) {
    throw new InvalidInputError(
      "The property-management committee cannot be dissolved before the owners' committee is recorded",
      {
        problems: ['DISSOLVED_BEFORE_OWNERS_COMMITTEE_RECORDED' satisfies GovernanceDateProblem],
        fields: { propertyManagementCommitteeDissolvedOn: `before ${ownersCommitteeRecordedOn}` },
      },
    );
  }
  const deadline = dissolutionDeadline(ownersCommitteeRecordedOn, calendar);
  return {
    dissolutionDeadline: deadline,
    dissolvedLate: isAfterPeriod(ownersCommitteeRecordedOn, PMC_DISSOLUTION_DAYS, dissolvedOn, calendar),
  };
}

/**
 * The last day for the street office to record (备案) a filed committee: the fifth working day after the filing,
 * the filing day not counted (Beijing art. 55). OUTSIDE_HOLIDAY_CALENDAR when that depends on a notice not yet held.
 */
export function recordingDeadline(filedOn: IsoDate, calendar: WorkingDayCalendar = CHINA_WORKING_DAYS): IsoDate {
  requireDates({ filedOn });
  return addWorkingDays(filedOn, PMC_RECORDING_WORKING_DAYS, calendar);
}

/** Refuses a recording dated before the filing it records. */
export function validateRecording(filedOn: IsoDate, recordedOn: IsoDate): void {
  requireDates({ filedOn, recordedOn });
  if (compareDates(recordedOn, filedOn) < 0) {
    throw new InvalidInputError('A committee cannot be recorded before it was filed', {
      problems: ['RECORDED_BEFORE_FILING' satisfies GovernanceDateProblem],
      fields: { recordedOn: `before the filing on ${filedOn}` },
    });
  }
}

/**
 * Whether the street office recorded the committee after the fifth working day: flagged, never refused (the
 * committee is on record either way, and the delay is the office's own). OUTSIDE_HOLIDAY_CALENDAR when the answer
 * depends on a holiday notice not yet held.
 */
export function isRecordingLate(
  filedOn: IsoDate,
  recordedOn: IsoDate,
  calendar: WorkingDayCalendar = CHINA_WORKING_DAYS,
): boolean {
  validateRecording(filedOn, recordedOn);
  return isLaterThanWorkingDays(filedOn, PMC_RECORDING_WORKING_DAYS, recordedOn, calendar);
}

export interface DecisionPosting {
  /** The last day to post the meeting and its decisions: three days after the meeting (arts. 201 and 203). */
  postBy: IsoDate;
  postedLate: boolean;
  /** The last day of the ten working days of posting. */
  postingEndsOn: IsoDate;
}

/**
 * The posting of a committee decision (Beijing art. 57): posted within three days after the meeting, for ten
 * working days counted from the day after posting. A late posting is flagged: the decision stands, posted.
 */
export function decisionPosting(
  meetingOn: IsoDate,
  postedOn: IsoDate,
  calendar: WorkingDayCalendar = CHINA_WORKING_DAYS,
): DecisionPosting {
  requireDates({ meetingOn, postedOn });
  if (compareDates(postedOn, meetingOn) < 0) {
    throw new InvalidInputError('A decision cannot be posted before the meeting that made it', {
      problems: ['POSTED_BEFORE_MEETING' satisfies GovernanceDateProblem],
      fields: { postedOn: `before the meeting on ${meetingOn}` },
    });
  }
  const postBy = periodEnd(meetingOn, PMC_DECISION_POSTING_DAYS, calendar);
  const postingEndsOn = addWorkingDays(postedOn, PMC_DECISION_POSTING_WORKING_DAYS, calendar);
  return { postBy, postedLate: isAfterPeriod(meetingOn, PMC_DECISION_POSTING_DAYS, postedOn, calendar), postingEndsOn };
}

export interface PropertyManagementCommittee {
  members: readonly CommitteeMember[];
  chairMemberId: string;
  formedOn: IsoDate;
  termEndsOn: IsoDate;
  /** Undefined until the committee is filed with the street office. */
  filedOn?: IsoDate;
}

/**
 * Checks composition, term and filing day together, under the rules of the committee's city (statutes.ts pmcRulesOf:
 * Beijing's, or null for none), and throws BAD_USER_INPUT with every problem in details.problems. Whether its filing
 * periods run, and its deadline, are governance-body.ts filingAssessment's (they depend on the area's assembly too).
 */
export function validatePropertyManagementCommittee(
  committee: PropertyManagementCommittee,
  rules: PmcRules | null,
): void {
  requireDates({ formedOn: committee.formedOn, termEndsOn: committee.termEndsOn, filedOn: committee.filedOn });
  const problems = [
    ...compositionProblems(committee.members, committee.chairMemberId, rules),
    ...termProblems(committee.formedOn, committee.termEndsOn, rules),
    ...filingProblems(committee.formedOn, committee.filedOn),
  ];
  if (problems.length > 0) throw new InvalidInputError('The property-management committee is invalid', { problems });
}

/**
 * A committee is recorded once it was formed: each given date that is after `today` (China time) is BAD_USER_INPUT,
 * all at once (a formation dated 2062 for 2026 read as a standing committee that never stood, and its term was
 * never checked).
 */
export function requireNotAfter(today: IsoDate, dates: Record<string, IsoDate | undefined>): void {
  requireDates(dates);
  const fields: Record<string, string> = {};
  for (const [field, value] of Object.entries(dates))
    if (value !== undefined && compareDates(value, today) > 0) fields[field] = `not after today (${today})`;
  if (Object.keys(fields).length > 0) throw new InvalidInputError('A date lies in the future', { fields });
}

/** Rejects malformed dates by field name; undefined values are optional dates left out. */
export function requireDates(dates: Record<string, IsoDate | undefined>): void {
  const fields: Record<string, string> = {};
  for (const [field, value] of Object.entries(dates)) {
    if (value !== undefined && !isIsoDate(value)) fields[field] = `${field} must be a YYYY-MM-DD calendar date`;
  }
  if (Object.keys(fields).length > 0) throw new InvalidInputError('A date is invalid', { fields });
}
