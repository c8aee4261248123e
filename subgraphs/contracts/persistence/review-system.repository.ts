import type { EntityManager } from '@mikro-orm/postgresql';
import { ReviewSystem, ReviewSystemSchema } from './review-system.entity';

export const findReviewSystem = (em: EntityManager, organisationId: string): Promise<ReviewSystem | null> =>
  em.findOne(ReviewSystemSchema, { organisationId });

/** Registers the system, or replaces what was registered for the same organisation. */
export const saveReviewSystem = (em: EntityManager, system: ReviewSystem): Promise<ReviewSystem> =>
  em.upsert(ReviewSystemSchema, system);
