import type { JointDecisionMatter } from './statutes';

/**
 * Civil Code art. 284 para. 1: 业主可以自行管理建筑物及其附属设施，也可以委托物业服务企业或者其他管理人管理. Choosing
 * how the area is managed is the owners' joint decision on hiring or dismissing a provider or other manager
 * (art. 278 para. 1 item 4), or another major matter (item 9). The returned problems are empty when the decision
 * supports self-management starting on `startsOn`.
 */
export const SELF_MANAGEMENT_MATTERS: ReadonlySet<JointDecisionMatter> = new Set<JointDecisionMatter>([
  'HIRE_OR_DISMISS_PROVIDER',
  'OTHER_MAJOR_MATTER',
]);

export interface SelfManagementDecision {
  areaId: string;
  matter: JointDecisionMatter;
  heldOn: string;
  valid: boolean;
}

export function selfManagementProblems(areaId: string, decision: SelfManagementDecision, startsOn: string): string[] {
  const problems: string[] = [];
  if (decision.areaId !== areaId) problems.push('the joint decision is of another area');
  if (!decision.valid) problems.push('the joint decision did not pass (Civil Code art. 278 para. 2)');
  if (!SELF_MANAGEMENT_MATTERS.has(decision.matter))
    problems.push(
      'the joint decision is not on hiring or dismissing a manager or another major matter (art. 278 para. 1 items 4, 9)',
    );
  if (startsOn < decision.heldOn) problems.push('self-management cannot start before the owners decided it');
  return problems;
}
