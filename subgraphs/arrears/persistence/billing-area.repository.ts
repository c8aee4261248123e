import type { EntityManager } from '@mikro-orm/postgresql';
import { BillingArea, BillingAreaSchema } from './billing-area.entity';

/** Records the area, or refreshes its name and place when it was known already. */
export async function saveBillingArea(
  em: EntityManager,
  area: Omit<BillingArea, 'knownSince'>,
  knownSince: Date,
): Promise<void> {
  await em.upsert(BillingAreaSchema, { ...area, knownSince });
}
