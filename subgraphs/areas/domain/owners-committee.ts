import { InvalidInputError } from '../../../kernel/errors';
import { IsoDate, addYears, compareDates } from '../../../kernel/calendar';
import {
  CHINA_WORKING_DAYS,
  ShownDeadline,
  WorkingDayCalendar,
  isAfterPeriod,
  isLaterThanWorkingDays,
  shownPeriodEnd,
  shownWorkingDays,
} from '../../../kernel/working-days';
import { CommitteeSeat, isOwnerSeat, requireDates } from './property-management-committee';
import { OwnersCommitteeRules } from './statutes';

/**
 * The owners' committee (业主委员会) as the street office records it, or changes its members: its size, who sits on
 * it and how long its term runs, under the rules of the area's city (statutes.ts ownersCommitteeRulesOf: Beijing's
 * regulation in Beijing, the Ministry's guidance elsewhere). Before, any 1 to 99 members in any seat and any term
 * were recorded: a tenant and a residents' committee representative with a term of twenty years stood as the owners'
 * committee, and its token recorded the owners' joint decisions for all that time (an auditor's finding, helper-229).
 */

export type OwnersCommitteeProblem =
  'TOO_FEW_MEMBERS' | 'TOO_MANY_MEMBERS' | 'EVEN_MEMBER_COUNT' | 'MEMBER_NOT_AN_OWNER' | 'TERM_TOO_LONG';

export interface OwnersCommitteeFacts {
  /** Each member's seat, in the order sent. */
  seats: readonly CommitteeSeat[];
  /** The households the street office declared the area has (Area.declaredHouseholds); null until declared. */
  declaredHouseholds: number | null;
  /** The recording day and the last day of the term, when the term is given (a change of members gives neither). */
  recordedOn?: IsoDate;
  termEndsOn?: IsoDate;
  /** The day the owners elected it, where known (entered, or its named election decision's): the term runs from it. */
  electedOn?: IsoDate | null;
}

/**
 * The fewest members the area's committee may have: the rules' minimum, or a small area's (Beijing art. 39: three
 * where the area has at most 100 households) once the street office has declared a count that low. An area whose
 * households are not declared is not known to be small.
 */
export function fewestMembers(rules: OwnersCommitteeRules, declaredHouseholds: number | null): number {
  const small = rules.smallArea;
  return small !== null && declaredHouseholds !== null && declaredHouseholds <= small.maxHouseholds
    ? small.members
    : rules.minMembers;
}

/**
 * The last day a term begun on `from` may end: the corresponding day `maxTermYears` on (Civil Code art. 202). The term
 * runs from the election (termStartOf).
 */
export function latestTermEnd(from: IsoDate, rules: OwnersCommitteeRules): IsoDate {
  requireDates({ from });
  return addYears(from, rules.maxTermYears);
}

/**
 * The day a committee's term is counted from: its election where known, else its recording. Beijing art. 41 para. 1
 * ("业主委员会委员实行任期制，每届任期不超过五年") counts the term of the committee the owners elected, which sits from its
 * election (art. 42: "业主委员会应当自选举产生之日起七日内召开首次会议"; art. 43: it applies for its recording within 30
 * days of it), so a term counted from a late recording ran past five years: a committee elected on 5 January 2026 and
 * recorded on 3 June 2026 was let serve to 3 June 2031 (helper-253's audit). The recording stands in only where the
 * election day is not known (committees elected before the hub, recorded without it).
 */
export function termStartOf(facts: { electedOn?: IsoDate | null; recordedOn: IsoDate }): {
  from: IsoDate;
  counted: string;
} {
  return facts.electedOn
    ? { from: facts.electedOn, counted: `from the election on ${facts.electedOn}` }
    : { from: facts.recordedOn, counted: `from the recording on ${facts.recordedOn} (no election day known)` };
}

/**
 * The last day of an owners' committee's term: the one the street office gave, else the latest the statute lets it
 * run (latestTermEnd from its election, or its recording where the election day is not known). The law sets no term
 * of its own but a ceiling ("每届任期不超过五年", Beijing art. 41 para. 1; the guidance's art. 32 alike): a committee
 * recorded without its term holds office at most to that day, so that day is recorded and published as its term's
 * end. Before, no term was recorded and the committee stood without end: its token recorded joint decisions, and
 * arrears took its cut-off reports, for ever.
 */
export function ownersCommitteeTermEnd(
  facts: { termEndsOn?: IsoDate | null; electedOn?: IsoDate | null; recordedOn: IsoDate },
  rules: OwnersCommitteeRules,
): IsoDate {
  return facts.termEndsOn || latestTermEnd(termStartOf(facts).from, rules);
}

/** The member-count rule in words, for `details.fields.members`. */
function memberCountRule(rules: OwnersCommitteeRules, declaredHouseholds: number | null): string {
  const range =
    rules.maxMembers === null ? `${rules.minMembers} or more` : `${rules.minMembers} to ${rules.maxMembers}`;
  const small = rules.smallArea;
  if (small === null) return `${range} members, an odd number (${rules.source})`;
  if (fewestMembers(rules, declaredHouseholds) < rules.minMembers)
    return `${small.members}, or ${range}, members, an odd number (${rules.source})`;
  return `${range} members, an odd number; ${small.members} only where the area's declared households are at most ${small.maxHouseholds} (${rules.source})`;
}

/**
 * Every problem of the committee under `rules` (empty when none), with the field each concerns: the member count (at
 * least the fewest, at most the ceiling where there is one, odd), every member an owner (业主: OWNER, or a
 * property-rights unit's representative, PROPERTY_RIGHTS_UNIT; neither an occupant nor the residents' committee,
 * isOwnerSeat), and the term, when given, ending no later than `maxTermYears` after the election, or the recording
 * where the election day is not known (termStartOf).
 */
export function ownersCommitteeProblems(
  facts: OwnersCommitteeFacts,
  rules: OwnersCommitteeRules,
): { problems: OwnersCommitteeProblem[]; fields: Record<string, string> } {
  const problems: OwnersCommitteeProblem[] = [];
  const fields: Record<string, string> = {};
  const count = facts.seats.length;
  if (count < fewestMembers(rules, facts.declaredHouseholds)) problems.push('TOO_FEW_MEMBERS');
  if (rules.maxMembers !== null && count > rules.maxMembers) problems.push('TOO_MANY_MEMBERS');
  if (count % 2 === 0) problems.push('EVEN_MEMBER_COUNT');
  const notOwners = facts.seats.flatMap((seat, i) => (isOwnerSeat(seat) ? [] : [i]));
  if (problems.length > 0) fields.members = memberCountRule(rules, facts.declaredHouseholds);
  if (notOwners.length > 0) {
    problems.push('MEMBER_NOT_AN_OWNER');
    const owners = `every member an owner of the area, OWNER or PROPERTY_RIGHTS_UNIT (${rules.source}); not ${notOwners.map((i) => `members[${i}]`).join(', ')}`;
    fields.members = fields.members ? `${fields.members}; ${owners}` : owners;
  }
  if (facts.recordedOn !== undefined && facts.termEndsOn !== undefined) {
    requireDates({
      recordedOn: facts.recordedOn,
      termEndsOn: facts.termEndsOn,
      ...(facts.electedOn ? { electedOn: facts.electedOn } : {}),
    });
    const { from, counted } = termStartOf({ electedOn: facts.electedOn, recordedOn: facts.recordedOn });
    const latest = latestTermEnd(from, rules);
    if (compareDates(facts.termEndsOn, latest) > 0) {
      problems.push('TERM_TOO_LONG');
      fields.termEndsOn = `on or before ${latest}: a term of at most ${rules.maxTermYears} years ${counted} (${rules.source})`;
    }
  }
  return { problems, fields };
}

/** Throws BAD_USER_INPUT with `details.problems`, `details.fields` naming each field, and the rules' source. */
export function validateOwnersCommittee(facts: OwnersCommitteeFacts, rules: OwnersCommitteeRules): void {
  const { problems, fields } = ownersCommitteeProblems(facts, rules);
  if (problems.length > 0)
    throw new InvalidInputError("The owners' committee is not validly composed", {
      problems,
      fields,
      source: rules.source,
    });
}

// ---------------------------------------------------------------------------------------------------------------
// Its application for recording (申请备案): within 30 days of its election, and in Beijing the street office's
// recording within 5 working days of the application (statutes.ts filingDays, recordingWorkingDays). Flagged when
// late, never refused: the committee stands once elected, and refusing its record would leave the area without one.
// ---------------------------------------------------------------------------------------------------------------

/** The days of an owners' committee's election, its application and its recording, as the street office enters them. */
export interface OwnersCommitteeDates {
  /** 选举产生之日: the day the owners elected it; null where not entered (committees recorded before). */
  electedOn: IsoDate | null;
  /** The day it applied to the street office for recording; null where not entered. */
  filedOn: IsoDate | null;
  recordedOn: IsoDate;
}

export type OwnersCommitteeDateProblem =
  'RECORDED_BEFORE_ELECTION' | 'FILED_BEFORE_ELECTION' | 'RECORDED_BEFORE_FILING';

/** Refuses dates out of order (BAD_USER_INPUT with `details.problems` and `details.fields`): slips of the pen. */
export function validateOwnersCommitteeDates(dates: OwnersCommitteeDates): void {
  const { electedOn, filedOn, recordedOn } = dates;
  requireDates({ recordedOn, ...(electedOn ? { electedOn } : {}), ...(filedOn ? { filedOn } : {}) });
  const problems: OwnersCommitteeDateProblem[] = [];
  const fields: Record<string, string> = {};
  if (electedOn && compareDates(recordedOn, electedOn) < 0) {
    problems.push('RECORDED_BEFORE_ELECTION');
    fields.recordedOn = `on or after the election on ${electedOn}`;
  }
  if (electedOn && filedOn && compareDates(filedOn, electedOn) < 0) {
    problems.push('FILED_BEFORE_ELECTION');
    fields.filedOn = `on or after the election on ${electedOn}`;
  }
  if (filedOn && compareDates(recordedOn, filedOn) < 0) {
    problems.push('RECORDED_BEFORE_FILING');
    fields.recordedOn = `on or after the application on ${filedOn}`;
  }
  if (problems.length > 0)
    throw new InvalidInputError("The owners' committee's dates are out of order", { problems, fields });
}

/**
 * The last day to apply for recording: `filingDays` after the election, the election day not counted (Civil Code art.
 * 201), moved past rest days to the next working day (art. 203); provisional (the plain count) past the holiday data.
 * Undefined without an election day.
 */
export function ownersCommitteeFilingDeadline(
  electedOn: IsoDate | null,
  rules: OwnersCommitteeRules,
  calendar: WorkingDayCalendar = CHINA_WORKING_DAYS,
): ShownDeadline | undefined {
  return electedOn ? shownPeriodEnd(electedOn, rules.filingDays, calendar) : undefined;
}

/**
 * Whether the committee applied after its deadline: by the application day where entered; without it, not late when
 * it was recorded within the period (it applied before), unknown otherwise. Undefined without an election day, and
 * while the answer depends on a holiday notice the hub does not hold (OUTSIDE_HOLIDAY_CALENDAR is thrown then).
 */
export function isOwnersCommitteeFiledLate(
  dates: OwnersCommitteeDates,
  rules: OwnersCommitteeRules,
  calendar: WorkingDayCalendar = CHINA_WORKING_DAYS,
): boolean | undefined {
  const { electedOn, filedOn, recordedOn } = dates;
  if (!electedOn) return undefined;
  if (filedOn) return isAfterPeriod(electedOn, rules.filingDays, filedOn, calendar);
  return isAfterPeriod(electedOn, rules.filingDays, recordedOn, calendar) ? undefined : false;
}

/** The street office's last day to record an application (Beijing: the 5th working day after it); undefined elsewhere. */
export function ownersCommitteeRecordingDeadline(
  filedOn: IsoDate | null,
  rules: OwnersCommitteeRules,
  calendar: WorkingDayCalendar = CHINA_WORKING_DAYS,
): ShownDeadline | undefined {
  return filedOn && rules.recordingWorkingDays !== null
    ? shownWorkingDays(filedOn, rules.recordingWorkingDays, calendar)
    : undefined;
}

/** Whether the office recorded it after that deadline; undefined where no period runs or no application day is entered. */
export function isOwnersCommitteeRecordedLate(
  dates: OwnersCommitteeDates,
  rules: OwnersCommitteeRules,
  calendar: WorkingDayCalendar = CHINA_WORKING_DAYS,
): boolean | undefined {
  return dates.filedOn && rules.recordingWorkingDays !== null
    ? isLaterThanWorkingDays(dates.filedOn, rules.recordingWorkingDays, dates.recordedOn, calendar)
    : undefined;
}
