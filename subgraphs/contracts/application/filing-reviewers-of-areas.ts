import type { EntityManager } from '@mikro-orm/postgresql';
import { Identity } from '../../../kernel/identity';
import { FilingReviewers, filingReviewersOf, mayReviewFiling } from '../domain/filing-reviewers';
import { findAreaViews } from '../persistence/area-view.repository';

export interface AreaFilingReviewers extends FilingReviewers {
  /** When the contracts subgraph last received the area from the areas feed. */
  syncedAt: Date;
}

/**
 * Where each area's contracts are filed, in the order asked: null for an area the feed has not brought yet, or
 * whose filings the caller does not review (who reviews an area tells whom its filings go to).
 */
export async function filingReviewersOfAreas(
  em: EntityManager,
  identity: Identity,
  areaIds: readonly string[],
): Promise<(AreaFilingReviewers | null)[]> {
  const views = new Map((await findAreaViews(em, areaIds)).map((view) => [view.areaId, view]));
  return areaIds.map((id) => {
    const view = views.get(id);
    return view && mayReviewFiling(identity, view) ? { ...filingReviewersOf(view), syncedAt: view.syncedAt } : null;
  });
}
