import type { EntityManager } from '@mikro-orm/postgresql';
import { isYearMonth } from '../../../kernel/calendar';
import { todayInChina } from '../../../kernel/clock';
import { InvalidInputError } from '../../../kernel/errors';
import { Identity } from '../../../kernel/identity';
import { readScope } from '../domain/access';
import { CollectionGrouping, CollectionTotals, summarizeCollection } from '../domain/collection-rate';
import { collectionByBuildingMonth } from '../persistence/charge.repository';

export type RateGrouping = CollectionGrouping | 'AREA';

export interface RateFilter {
  areaId?: string | null;
  levyId?: string | null;
  fromMonth?: string | null;
  toMonth?: string | null;
  groupBy: RateGrouping;
}

/**
 * Collection rates of the monthly fees (or of one levy) in the caller's scope, over the charges that fell due before
 * today (kernel/past-due.ts: a charge not yet due is not yet owed): by households (charges settled of
 * charges due; household-months when summed over months) and by amount (collected of billed), grouped by area,
 * building, month or overall. Counts and amounts only: nothing names a household.
 */
export async function collectionRates(
  em: EntityManager,
  identity: Identity,
  filter: RateFilter,
): Promise<CollectionTotals[]> {
  const fields: Record<string, string> = {};
  if (filter.fromMonth && !isYearMonth(filter.fromMonth)) fields.fromMonth = 'a YYYY-MM month';
  if (filter.toMonth && !isYearMonth(filter.toMonth)) fields.toMonth = 'a YYYY-MM month';
  if (Object.keys(fields).length > 0) throw new InvalidInputError('The collection-rate filter is invalid', { fields });
  const scope = readScope(identity, 'STATISTICS');
  if (!scope) return [];
  const rows = await collectionByBuildingMonth(em, scope, {
    areaId: filter.areaId ?? null,
    levyId: filter.levyId ?? null,
    fromMonth: filter.fromMonth ?? null,
    toMonth: filter.toMonth ?? null,
    asOf: todayInChina(),
  });
  // Grouping by area reuses the building grouping with the area as the key.
  if (filter.groupBy === 'AREA')
    return summarizeCollection(
      rows.map((r) => ({ ...r, buildingId: r.areaId })),
      'BUILDING',
    );
  return summarizeCollection(rows, filter.groupBy);
}
