import { type NamedDecisionProblem, namedDecisionProblems, problemsNamed } from '../../../catalog';
import { InvalidInputError } from '../../../kernel/errors';
import { IsoDate, compareDates } from '../../../kernel/calendar';
import { requireDates } from './property-management-committee';
import { ELECTION_DECISION_MATTER, ELECTION_DECISION_SOURCE } from './statutes';

/**
 * The owners' assembly (业主大会): all owners of a property-management area, one assembly per area (State Council
 * Property Management Regulation arts. 8–9, see statutes.ts). It is formed (成立) at its first meeting, which adopts
 * its rules of procedure (业主大会议事规则) and elects the owners' committee (业主委员会), the body that carries out
 * its decisions. The hub records it so that a committee can be traced to the assembly that elected it.
 *
 * Recording an owners' committee for an area whose assembly is not on record is allowed, and flagged: the hub
 * started long after many assemblies met (阳光丽景's committee predates it), and refusing the committee would leave
 * the area with no body on record at all. The street office clears the flag by recording the assembly, which links
 * the standing committee to it. What is refused is a committee recorded before the assembly that elected it met.
 */

export type AssemblyProblem = 'RULES_REFERENCE_TOO_LONG' | 'COMMITTEE_RECORDED_BEFORE_ASSEMBLY';

/** A reference to the rules as adopted (a document number, a title and date), not the rules' text. */
export const RULES_REFERENCE_MAX_LENGTH = 200;

export interface OwnersAssemblyInput {
  firstMeetingOn: IsoDate;
  rulesReference?: string;
}

export interface OwnersAssembly {
  formedOn: IsoDate;
  /** Trimmed; a blank reference is no reference. */
  rulesReference?: string;
}

/** Checks and normalises an assembly as the street office records it; BAD_USER_INPUT with every problem. */
export function validateOwnersAssembly(input: OwnersAssemblyInput): OwnersAssembly {
  requireDates({ firstMeetingOn: input.firstMeetingOn });
  const rulesReference = input.rulesReference?.trim() || undefined;
  if (rulesReference !== undefined && [...rulesReference].length > RULES_REFERENCE_MAX_LENGTH) {
    throw new InvalidInputError(`The rules reference is longer than ${RULES_REFERENCE_MAX_LENGTH} characters`, {
      problems: ['RULES_REFERENCE_TOO_LONG' satisfies AssemblyProblem],
      fields: { rulesReference: `at most ${RULES_REFERENCE_MAX_LENGTH} characters` },
    });
  }
  return { formedOn: input.firstMeetingOn, ...(rulesReference === undefined ? {} : { rulesReference }) };
}

/** An owners' committee is elected by the assembly, so it cannot have been recorded before the assembly first met. */
export function validateCommitteeOfAssembly(assemblyFormedOn: IsoDate, committeeRecordedOn: IsoDate): void {
  requireDates({ assemblyFormedOn, committeeRecordedOn });
  if (compareDates(committeeRecordedOn, assemblyFormedOn) < 0) {
    throw new InvalidInputError(
      "An owners' committee cannot be recorded before the owners' assembly that elects it first met",
      {
        problems: ['COMMITTEE_RECORDED_BEFORE_ASSEMBLY' satisfies AssemblyProblem],
        assemblyFormedOn,
        committeeRecordedOn,
      },
    );
  }
}

/** An owners' committee's term, when given, ends after the day it is recorded. */
export function checkCommitteeTerm(recordedOn: IsoDate, termEndsOn: IsoDate | undefined): void {
  if (termEndsOn !== undefined && compareDates(termEndsOn, recordedOn) <= 0)
    throw new InvalidInputError('The term ends before it began', { fields: { termEndsOn: 'after recordedOn' } });
}

/** The flag on an owners' committee: recorded while the area's assembly is not on record. */
export function isAssemblyMissing(committee: { kind: string; assemblyId?: string | null }): boolean | undefined {
  return committee.kind === 'OWNERS_COMMITTEE' ? !committee.assemblyId : undefined;
}

export type ElectionDecisionProblem =
  | 'ELECTED_ON_NOT_DECISION_DAY'
  | 'ELECTION_DECISION_NOT_RECORDED'
  | 'ELECTION_DECISION_INVALID'
  | 'NOT_AN_ELECTION_DECISION'
  | 'ELECTION_DECISION_AFTER_RECORDING';

/** The problems of catalog/named-decision.ts as a committee's recording names them, in the order it names them. */
const ELECTION_DECISION_PROBLEMS: readonly (readonly [NamedDecisionProblem, ElectionDecisionProblem])[] = [
  ['NOT_RECORDED', 'ELECTION_DECISION_NOT_RECORDED'],
  ['OTHER_MATTER', 'NOT_AN_ELECTION_DECISION'],
  ['INVALID', 'ELECTION_DECISION_INVALID'],
  ['HELD_AFTER', 'ELECTION_DECISION_AFTER_RECORDING'],
];

/** A joint decision as the areas subgraph recorded it (persistence/joint-decision.entity.ts), with its verdict. */
export interface ElectionDecision {
  id: string;
  areaId: string;
  matter: string;
  heldOn: IsoDate;
  valid: boolean;
}

/**
 * The owners' joint decision an owners' committee's recording names as electing it (Civil Code art. 278 para. 1
 * item 3, 选举业主委员会或者更换业主委员会成员): the area's (`ELECTION_DECISION_NOT_RECORDED` otherwise), valid, on
 * electing the committee or replacing members, and held by the recording day. BAD_USER_INPUT with every problem.
 * Naming one stays optional, as a committee of an assembly not on record is recorded and flagged (above): the hub
 * started long after many committees were elected. Whether a later decision replaced members is not asked: the
 * matter does not tell an election from a replacement, and the members are the recording's own.
 */
export function checkElectionDecision(named: ElectionDecision | null, areaId: string, recordedOn: IsoDate): void {
  const found = namedDecisionProblems(named, { areaId, matter: ELECTION_DECISION_MATTER, heldBy: recordedOn });
  const problems = problemsNamed(found, ELECTION_DECISION_PROBLEMS);
  if (problems.length > 0)
    throw new InvalidInputError("The joint decision named is not the owners' election of this committee", {
      problems,
      fields: { electionDecisionId: problems.join(', ') },
      source: ELECTION_DECISION_SOURCE,
    });
}

/**
 * The day the owners elected the committee, where its recording names the decision that elected it: that decision's
 * day (`heldOn`), the meeting that elected it (选举产生之日; Beijing art. 43 para. 1 counts the committee's 30 days to
 * apply for recording from it, "业主委员会应当自选举产生之日起三十日内…申请备案"). An election day entered beside it is
 * taken when it is that day and refused otherwise (BAD_USER_INPUT, `ELECTED_ON_NOT_DECISION_DAY`,
 * `details.fields.electedOn` naming the decision's day): before, the clerk's day was kept, and a committee elected on
 * 1 March was shown an application deadline in June and flagged nothing (helper-253's audit).
 */
export function electionDayOf(named: ElectionDecision, electedOn: IsoDate | null): IsoDate {
  if (electedOn !== null && electedOn !== named.heldOn)
    throw new InvalidInputError('The election day is not the day of the joint decision that elected the committee', {
      problems: ['ELECTED_ON_NOT_DECISION_DAY'],
      fields: { electedOn: `${named.heldOn}, the day of the election decision ${named.id}, or none entered` },
      source: ELECTION_DECISION_SOURCE,
    });
  return named.heldOn;
}
