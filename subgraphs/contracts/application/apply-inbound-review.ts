import type { EntityManager } from '@mikro-orm/postgresql';
import { FilingReviewDecidedData } from '../../../catalog';
import { Identity } from '../../../kernel/identity';
import { contractsError } from '../domain/errors';
import { findReviewSystem } from '../persistence/review-system.repository';
import { reviewFiling } from './review-filing';

/**
 * Applies a decision from a bureau's system as that bureau (the registry says which divisions it reviews); the
 * consumer dead-letters whatever this refuses.
 */
export async function applyInboundReview(em: EntityManager, data: FilingReviewDecidedData): Promise<void> {
  const system = await findReviewSystem(em, data.reviewerOrganisationId);
  if (!system)
    throw contractsError('UNAUTHORISED_REVIEWER', `${data.reviewerOrganisationId} is not a registered review system`);
  const reviewer: Identity = {
    subject: `system:${system.organisationId}`,
    role: system.role,
    organisationId: system.organisationId,
    jurisdictions: system.jurisdictions,
  };
  await reviewFiling(
    em,
    reviewer,
    { filingId: data.filingId, version: data.version, outcome: data.decision, returnReasons: data.returnReasons },
    'KAFKA',
  );
}
