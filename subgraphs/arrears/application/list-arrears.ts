import type { EntityManager } from '@mikro-orm/postgresql';
import { todayInChina } from '../../../kernel/clock';
import { Identity } from '../../../kernel/identity';
import { Page, checkPage } from '../../../kernel/pagination';
import { readScope } from '../domain/access';
import { AgingLine, agingSummary } from '../domain/aging';
import { ArrearsFilter, ArrearsList, arrearsItem, checkArrearsFilter, overdueDaysOf } from '../domain/arrears-list';
import { ArrearsQuery, countArrears, openChargesOfArrears, pageArrears } from '../persistence/arrears-list.repository';

/** The list with its aging read only when asked for: the aging reads every open charge of the filtered set. */
export type ArrearsListing = Omit<ArrearsList, 'aging'> & { aging: () => Promise<AgingLine[]> };

/**
 * The accounts the caller may read with something open (or of the statuses asked for), filtered, largest arrears
 * first, with totals, and the aging of every open charge of the whole filtered set when asked: one query for the
 * page, one for the aging, whatever the number of accounts.
 */
export async function listArrears(
  em: EntityManager,
  identity: Identity,
  filter: ArrearsFilter,
  page: Page,
): Promise<ArrearsListing> {
  checkPage(page);
  checkArrearsFilter(filter);
  const scope = readScope(identity, 'ACCOUNTS');
  const today = todayInChina();
  if (!scope) return { items: [], totalCount: 0, openFen: 0, aging: async () => agingSummary([], today) };
  const query: ArrearsQuery = {
    scope,
    areaId: filter.areaId ?? null,
    buildingId: filter.buildingId ?? null,
    statuses: filter.statuses ?? null,
    householdIds: filter.householdIds ?? null,
    minOpenFen: filter.minOpenFen ?? null,
    maxOpenFen: filter.maxOpenFen ?? null,
    overdueDays: overdueDaysOf(filter.agingBucket),
    today,
  };
  const agingOf = async () => agingSummary(await openChargesOfArrears(em, query), today);
  const found = await pageArrears(em, query, page);
  if (!found) {
    // A page past the end: the totals still count every matching account.
    const aging = await agingOf();
    return {
      items: [],
      totalCount: await countArrears(em, query),
      openFen: aging.reduce((sum, line) => sum + line.openFen, 0),
      aging: async () => aging,
    };
  }
  return {
    items: found.items.map((item) => arrearsItem(item, today)),
    totalCount: found.totalCount,
    openFen: found.openFen,
    aging: agingOf,
  };
}
