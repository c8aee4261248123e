import { IsoDate, compareDates } from '../kernel/calendar';
import type { JointDecisionMatterCode } from './vocabulary';

/** How a named owners' joint decision fails to carry what names it, in the order namedDecisionProblems gives them. */
export type NamedDecisionProblem = 'NOT_RECORDED' | 'INVALID' | 'OTHER_MATTER' | 'HELD_AFTER';

/** A recorded joint decision (RecordedJointDecision, or a subgraph's own copy of it) as far as the check reads it. */
export interface NamedDecision {
  areaId: string;
  matter: string;
  heldOn: IsoDate;
  valid: boolean;
}

/**
 * Whether the owners' joint decision something names (Civil Code art. 278: the owners jointly decide its matters) is
 * the one it needs: recorded for the same area (another area's is as if not recorded, NOT_RECORDED alone), valid, on
 * the matter of art. 278 para. 1 it needs, and held by the given day (that day itself counts; null: the day is not
 * known, and this is not asked). Every problem, in the order of NamedDecisionProblem; empty when it holds. Each check
 * (a levy, a committee's recording, a contract's filing, a referral) names these in its own codes and order.
 */
export function namedDecisionProblems(
  decision: NamedDecision | null,
  needed: { areaId: string; matter: JointDecisionMatterCode; heldBy: IsoDate | null },
): NamedDecisionProblem[] {
  if (!decision || decision.areaId !== needed.areaId) return ['NOT_RECORDED'];
  const problems: NamedDecisionProblem[] = [];
  if (!decision.valid) problems.push('INVALID');
  if (decision.matter !== needed.matter) problems.push('OTHER_MATTER');
  if (needed.heldBy !== null && compareDates(decision.heldOn, needed.heldBy) > 0) problems.push('HELD_AFTER');
  return problems;
}

/**
 * The problems as a check names them: `codes` lists each generic problem with the check's own code, in the order the
 * check reports them.
 */
export function problemsNamed<Code extends string>(
  found: readonly NamedDecisionProblem[],
  codes: readonly (readonly [NamedDecisionProblem, Code])[],
): Code[] {
  return codes.filter(([problem]) => found.includes(problem)).map(([, code]) => code);
}
