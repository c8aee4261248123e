import type { EntityManager } from '@mikro-orm/postgresql';
import { CollectionSummarizedData } from '../../../catalog';
import { upsertCollectionMonth } from '../persistence/collection-month.repository';

/** A month of an area's service fees as the arrears subgraph now counts it, kept for the provider's publicity. */
export async function recordCollectionMonth(em: EntityManager, data: CollectionSummarizedData): Promise<void> {
  await upsertCollectionMonth(em, { ...data });
}
