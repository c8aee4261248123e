import type { EntityManager } from '@mikro-orm/postgresql';
import { RecordedJointDecision } from '../../../catalog';
import { findJointDecisionCopies } from '../../../platform/read-models/joint-decisions';
import { litigationError } from '../domain/errors';
import { FilingRecord } from '../domain/referral';

/**
 * The owners' decisions hiring the company that its filings name (for the complaint's element 2, referral.ts), from
 * litigation's copy (areas.governance.v1). A filed contract's decision was recorded when it was filed, so one the copy
 * lacks is on its way: refused (HIRING_DECISION_NOT_YET_RECORDED), as a package drawn up meanwhile would leave out,
 * for good, when the owners chose the company. Before, it was left out without a word.
 */
export async function hiringDecisionsNamed(
  tx: EntityManager,
  filings: readonly Pick<FilingRecord, 'recordNumber' | 'terms'>[],
): Promise<RecordedJointDecision[]> {
  const named = [...new Set(filings.flatMap((f) => f.terms.hiringDecisionId ?? []))];
  const found = await findJointDecisionCopies(tx, 'litigation', named);
  const missing = filings
    .filter((f) => f.recordNumber !== null)
    .flatMap((f) => f.terms.hiringDecisionId ?? [])
    .filter((id) => !found.some((d) => d.decisionId === id));
  if (missing.length > 0)
    throw litigationError(
      'HIRING_DECISION_NOT_YET_RECORDED',
      "The owners' decision hiring the company that a filed contract names has not reached litigation yet: ask again shortly",
      { decisionIds: [...new Set(missing)] },
    );
  return found;
}
