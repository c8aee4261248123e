import { IsoDate, compareDates, isIsoDate } from '../../../kernel/calendar';
import { InvalidInputError } from '../../../kernel/errors';
import { PREPARATORY_MEMBER_ROLES, PreparatoryMemberRole } from '../../../catalog';
import { isAfterPeriod, periodEnd, unlessBeyondCalendar } from '../../../kernel/working-days';
import { PreparatoryGroupRules, meetsThreshold } from './statutes';

/**
 * The preparatory group for an area's first owners' assembly (首次业主大会会议筹备组), which the street office forms
 * (seed 004 §五(一): 组织成立首次业主大会会议筹备组). Its composition and the time it has to convene the first
 * assembly are set by each province's or city's regulation. In Beijing art. 31 para. 4 sets the composition (an odd
 * number, owner representatives at least half: statutes.ts preparatoryGroupRulesOf, checked by
 * preparatoryGroupProblems), art. 31 para. 1 its leader (a residents' or villagers' committee staff member) and art. 32
 * para. 4 its period (60 days: preparationPeriodUnder); elsewhere no article could be confirmed (not the
 * 吉林省物业管理条例, not the national 业主大会和业主委员会指导规则), so the hub checks no composition there beyond a
 * named leader among its members, and takes the period with the article it rests on from the street office. The
 * deadline counts the period by the hub's one calendar (Civil Code arts. 201, 203). The group's work ends when the
 * area's owners' assembly is recorded as first meeting on or after the group was formed.
 */
export { PREPARATORY_MEMBER_ROLES };
export type { PreparatoryMemberRole };

export interface PreparatoryMember {
  name: string;
  role: PreparatoryMemberRole;
  leader: boolean;
}

/** A period the street office applies, with the article it rests on. */
export interface PreparationPeriod {
  days: number;
  source: string;
}

/** Input bounds, not statutes. */
export const MAX_PREPARATORY_MEMBERS = 25;
export const MAX_PREPARATION_DAYS = 366;

export interface PreparatoryGroupInput {
  formedOn: IsoDate;
  members: PreparatoryMember[];
  period: PreparationPeriod | null;
}

/** Checks the group as the street office enters it; every problem by field, at once. */
export function definePreparatoryGroup(input: PreparatoryGroupInput, today: IsoDate): PreparatoryGroupInput {
  const fields: Record<string, string> = {};
  if (!isIsoDate(input.formedOn) || compareDates(input.formedOn, today) > 0)
    fields.formedOn = 'a date, not in the future';
  const members = input.members ?? [];
  if (members.length < 1 || members.length > MAX_PREPARATORY_MEMBERS)
    fields.members = `1 to ${MAX_PREPARATORY_MEMBERS} members`;
  else if (members.some((m) => !m.name?.trim() || !PREPARATORY_MEMBER_ROLES.includes(m.role)))
    fields.members = `every member needs a name and a role (${PREPARATORY_MEMBER_ROLES.join(', ')})`;
  else if (members.filter((m) => m.leader).length !== 1) fields.members = 'exactly one member leads the group (组长)';
  if (input.period) {
    const { days, source } = input.period;
    if (!Number.isSafeInteger(days) || days < 1 || days > MAX_PREPARATION_DAYS)
      fields['period.days'] = `1 to ${MAX_PREPARATION_DAYS} days`;
    if (!source?.trim()) fields['period.source'] = 'the article the period rests on';
  }
  if (Object.keys(fields).length > 0) throw new InvalidInputError('The preparatory group is invalid', { fields });
  return {
    formedOn: input.formedOn,
    members: members.map((m) => ({ name: m.name.trim(), role: m.role, leader: m.leader })),
    period: input.period ? { days: input.period.days, source: input.period.source.trim() } : null,
  };
}

export type PreparatoryGroupProblem =
  'EVEN_MEMBER_COUNT' | 'OWNER_MEMBERS_BELOW_HALF' | 'LEADER_NOT_RESIDENTS_COMMITTEE';

/**
 * Every composition problem of the group under its city's rules (empty when none, and always where the hub holds
 * none): an odd number of members, owner representatives (role OWNER) at least the rules' share, and a leader (组长)
 * of the role the rules name (Beijing art. 31 para. 1: a residents' or villagers' committee staff member,
 * RESIDENTS_COMMITTEE). `details.fields.members` says each rule broken, `source` the articles. Before, any membership
 * was recorded, in Beijing too: a group of two officials and one owner stood as the first assembly's preparatory
 * group, and later one led by the street office's own official.
 */
export function preparatoryGroupProblems(
  members: readonly { role: PreparatoryMemberRole; leader: boolean }[],
  rules: PreparatoryGroupRules | null,
): { problems: PreparatoryGroupProblem[]; fields: Record<string, string>; sources: string[] } {
  const problems: PreparatoryGroupProblem[] = [];
  if (rules === null) return { problems, fields: {}, sources: [] };
  const count = members.length;
  const owners = members.filter((m) => m.role === 'OWNER').length;
  if (rules.oddMembers && count % 2 === 0) problems.push('EVEN_MEMBER_COUNT');
  if (count > 0 && !meetsThreshold(owners, count, rules.ownerShare)) problems.push('OWNER_MEMBERS_BELOW_HALF');
  const said: string[] = [];
  const sources: string[] = [];
  if (problems.length > 0) {
    said.push(
      `an odd number of members, owner representatives (OWNER) at least half: ${owners} of ${count} (${rules.source})`,
    );
    sources.push(rules.source);
  }
  const leader = members.find((m) => m.leader);
  if (rules.leader !== null && leader !== undefined && leader.role !== rules.leader.role) {
    problems.push('LEADER_NOT_RESIDENTS_COMMITTEE');
    said.push(`the leader (组长) a ${rules.leader.role} member, not ${leader.role} (${rules.leader.source})`);
    sources.push(rules.leader.source);
  }
  return { problems, fields: said.length === 0 ? {} : { members: said.join('; ') }, sources };
}

/**
 * Throws BAD_USER_INPUT with `details.problems`, `details.fields.members` and `details.source`, the article of the
 * rules broken (both, joined by "; ", when the composition and the leader are wrong).
 */
export function validatePreparatoryGroupComposition(
  members: readonly { role: PreparatoryMemberRole; leader: boolean }[],
  rules: PreparatoryGroupRules | null,
): void {
  const { problems, fields, sources } = preparatoryGroupProblems(members, rules);
  if (problems.length > 0)
    throw new InvalidInputError('The preparatory group is not validly composed', {
      problems,
      fields,
      source: sources.join('; '),
    });
}

/**
 * The period the group is held to: its city's, where the rules set one (Beijing art. 32 para. 4: 60 days), taken
 * when the street office enters none and refused (BAD_USER_INPUT, `details.fields['period.days']` and
 * `details.source`) when it enters another number of days; an entered period of the statutory days is kept with the
 * statute's own source. Where the hub holds no rules, or they set no period, the period entered (or none). Before, a
 * Beijing group was held to whatever period the clerk entered, or none, and then never overdue.
 */
export function preparationPeriodUnder(
  entered: PreparationPeriod | null,
  rules: PreparatoryGroupRules | null,
): PreparationPeriod | null {
  const statutory = rules?.preparationPeriod ?? null;
  if (statutory === null) return entered;
  if (entered !== null && entered.days !== statutory.days)
    throw new InvalidInputError('The preparatory group’s period is set by statute', {
      fields: { 'period.days': `${statutory.days} days, or none entered (${statutory.source})` },
      source: statutory.source,
    });
  return { days: statutory.days, source: statutory.source };
}

/**
 * The last day to convene the first assembly: the period counted from the day after formation, a last day on a rest
 * day moved to the next working day. Null without a period, or when it ends past the holiday data.
 */
export function preparationDeadline(formedOn: IsoDate, period: PreparationPeriod | null): IsoDate | null {
  if (!period) return null;
  return unlessBeyondCalendar(() => periodEnd(formedOn, period.days));
}

/**
 * Whether the group is overdue on `asOf`: no first assembly recorded by the end of its period. A day within the plain
 * count is never overdue; past it, the holiday data decides (null when `asOf` lies past the data).
 */
export function isPreparationOverdue(
  group: { formedOn: IsoDate; period: PreparationPeriod | null; firstAssemblyOn: IsoDate | null },
  asOf: IsoDate,
): boolean | null {
  if (!group.period) return false;
  if (group.firstAssemblyOn !== null && compareDates(group.firstAssemblyOn, asOf) <= 0) return false;
  return unlessBeyondCalendar(() => isAfterPeriod(group.formedOn, group.period!.days, asOf));
}
