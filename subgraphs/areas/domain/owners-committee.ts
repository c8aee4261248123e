import { InvalidInputError } from '../../../kernel/errors';
import { IsoDate, addYears, compareDates } from '../../../kernel/calendar';
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

/** The last day a term recorded on `recordedOn` may end: the corresponding day `maxTermYears` on (Civil Code art. 202). */
export function latestTermEnd(recordedOn: IsoDate, rules: OwnersCommitteeRules): IsoDate {
  requireDates({ recordedOn });
  return addYears(recordedOn, rules.maxTermYears);
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
 * isOwnerSeat), and the term, when given, ending no later than `maxTermYears` after the recording.
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
    requireDates({ recordedOn: facts.recordedOn, termEndsOn: facts.termEndsOn });
    const latest = latestTermEnd(facts.recordedOn, rules);
    if (compareDates(facts.termEndsOn, latest) > 0) {
      problems.push('TERM_TOO_LONG');
      fields.termEndsOn = `on or before ${latest}: a term of at most ${rules.maxTermYears} years (${rules.source})`;
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
