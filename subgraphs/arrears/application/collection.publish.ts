import type { EntityManager } from '@mikro-orm/postgresql';
import { YearMonth } from '../../../kernel/calendar';
import { COLLECTION_SUMMARIZED } from '../../../catalog';
import { recordEvent } from '../../../platform/events/outbox';
import { collectionSummarized } from '../events/publish/collection-events';
import { advisoryLock } from '../../../platform/db/sql';
import { areasOfTouched, collectionOfTouchedMonths } from '../persistence/charge.repository';

/**
 * Publishes on arrears.collection.v1, in the caller's transaction, each (area, month) of service fees that the given
 * accounts (or the given area's month) were billed in, as it now stands: the contracts subgraph keeps them to
 * publicise the provider's collection rate (Civil Code art. 943, 履行情况). Keyed by area, so an area's summaries
 * arrive in order and the latest of a month is the one kept. Call it at the end of every use case that bills,
 * pays or adjusts service fees.
 *
 * Each area is locked (in id order) before it is counted, to the end of the transaction: two changes of one area
 * committing at once each counted the month without the other's (read committed), and the one kept last missed a
 * payment until something else changed that month, for a past month perhaps never. Waiting, the second counts after
 * the first committed.
 */
export async function publishCollection(
  tx: EntityManager,
  touched: { accountIds: readonly string[]; areaId?: string; month?: YearMonth },
): Promise<void> {
  for (const areaId of await areasOfTouched(tx, touched)) await advisoryLock(tx, `arrears.collection:${areaId}`);
  for (const month of await collectionOfTouchedMonths(tx, touched)) {
    recordEvent(tx, COLLECTION_SUMMARIZED, {
      source: 'arrears',
      key: month.areaId,
      subject: `${month.areaId}/${month.month}`,
      data: collectionSummarized(month),
    });
  }
}
