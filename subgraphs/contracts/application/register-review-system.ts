import type { EntityManager } from '@mikro-orm/postgresql';
import { ForbiddenError, InvalidInputError } from '../../../kernel/errors';
import { Identity } from '../../../kernel/identity';
import { REVIEW_SYSTEM_ROLES, ReviewSystem, ReviewSystemRole } from '../persistence/review-system.entity';
import { saveReviewSystem } from '../persistence/review-system.repository';

/**
 * The most division codes one review system covers, as a hotline sender's (a city's districts and streets are far
 * fewer): kept and looked through at every review the system sends, they were bounded only by the body (115,000).
 */
export const MAX_REVIEW_JURISDICTIONS = 100;

/**
 * The admin registers a bureau's own system before it may send decisions on the inbound topic: Kafka ACLs decide
 * who can write to the topic, the registry decides which filings a writer may decide.
 */
export async function registerReviewSystem(
  em: EntityManager,
  identity: Identity,
  input: { organisationId: string; name: string; role: ReviewSystemRole; jurisdictions: string[] },
): Promise<ReviewSystem> {
  if (identity.role !== 'ADMIN') throw new ForbiddenError('Only the admin registers review systems');
  const fields: Record<string, string> = {};
  if (!input.organisationId?.trim()) fields.organisationId = 'must not be empty';
  if (!input.name?.trim()) fields.name = 'must not be empty';
  if (!REVIEW_SYSTEM_ROLES.includes(input.role)) fields.role = REVIEW_SYSTEM_ROLES.join(' or ');
  if (
    input.jurisdictions.length === 0 ||
    input.jurisdictions.length > MAX_REVIEW_JURISDICTIONS ||
    input.jurisdictions.some((j) => !/^[0-9]{2,12}$/.test(j))
  )
    fields.jurisdictions = `1–${MAX_REVIEW_JURISDICTIONS} division codes of 2–12 digits`;
  if (Object.keys(fields).length > 0) throw new InvalidInputError('The review system is incomplete', { fields });
  return em.transactional((tx) =>
    saveReviewSystem(tx, {
      organisationId: input.organisationId.trim(),
      name: input.name.trim(),
      role: input.role,
      jurisdictions: [...new Set(input.jurisdictions)],
      registeredAt: new Date(),
    }),
  );
}
