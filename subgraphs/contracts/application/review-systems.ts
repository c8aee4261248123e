import type { EntityManager } from '@mikro-orm/postgresql';
import { Identity } from '../../../kernel/identity';
import { DomainError, ForbiddenError, InvalidInputError } from '../../../kernel/errors';
import { FilingReviewDecidedData } from '../../../catalog';
import { ReviewSystem } from '../persistence/contract.entity';
import { reviewFiling } from './filings';

/**
 * The admin registers a bureau's own system before it may send decisions on the inbound topic: Kafka ACLs decide
 * who can write to the topic, the registry decides which filings a writer may decide.
 */
export async function registerReviewSystem(
  em: EntityManager,
  identity: Identity,
  input: { organisationId: string; name: string; role: 'STREET_OFFICE' | 'CITY_BUREAU'; jurisdictions: string[] },
): Promise<ReviewSystem> {
  if (identity.role !== 'ADMIN') throw new ForbiddenError('Only the admin registers review systems');
  const fields: Record<string, string> = {};
  if (!input.organisationId?.trim()) fields.organisationId = 'must not be empty';
  if (!input.name?.trim()) fields.name = 'must not be empty';
  if (input.role !== 'STREET_OFFICE' && input.role !== 'CITY_BUREAU') fields.role = 'STREET_OFFICE or CITY_BUREAU';
  if (input.jurisdictions.length === 0 || input.jurisdictions.some((j) => !/^[0-9]{2,12}$/.test(j))) fields.jurisdictions = 'division codes of 2–12 digits';
  if (Object.keys(fields).length > 0) throw new InvalidInputError('The review system is incomplete', { fields });
  return em.transactional(async (tx) => {
    const system = await tx.upsert(ReviewSystem, {
      organisationId: input.organisationId.trim(),
      name: input.name.trim(),
      role: input.role,
      jurisdictions: [...new Set(input.jurisdictions)],
      registeredAt: new Date(),
    });
    return system;
  });
}

/** Applies a decision from a bureau's system as that bureau; the consumer dead-letters whatever this refuses. */
export async function applyInboundReview(em: EntityManager, data: FilingReviewDecidedData): Promise<void> {
  const system = await em.findOne(ReviewSystem, { organisationId: data.reviewerOrganisationId });
  if (!system) throw new DomainError('UNAUTHORISED_REVIEWER', `${data.reviewerOrganisationId} is not a registered review system`);
  const reviewer: Identity = { subject: `system:${system.organisationId}`, role: system.role, organisationId: system.organisationId, jurisdictions: system.jurisdictions };
  await reviewFiling(em, reviewer, { filingId: data.filingId, version: data.version, outcome: data.decision, returnReasons: data.returnReasons }, 'KAFKA');
}
