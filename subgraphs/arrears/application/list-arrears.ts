import type { EntityManager } from '@mikro-orm/postgresql';
import { todayInChina } from '../../../kernel/clock';
import { Identity } from '../../../kernel/identity';
import { Page, checkPage } from '../../../kernel/pagination';
import { readScope } from '../domain/access';
import { AgingLine, agingSummary } from '../domain/aging';
import { ArrearsFilter, ArrearsList, arrearsItem, checkArrearsFilter, overdueDaysOf } from '../domain/arrears-list';
import { rollBalancesTo } from '../persistence/arrears-balance.repository';
import {
  ArrearsQuery,
  openChargesOfArrears,
  pageArrears,
  totalsOfArrears,
} from '../persistence/arrears-list.repository';

/**
 * A page of the list; its totals and aging are read only when asked for: both go over every matching account,
 * where the page reads its own rows.
 */
export interface ArrearsListing {
  items: ArrearsList['items'];
  /** The cursor of the page's last row, for the next page; null on the last page. */
  endCursor: string | null;
  /** How many accounts match and their arrears in all (one query, shared by both fields). */
  totals: () => Promise<{ totalCount: number; openFen: number }>;
  aging: () => Promise<AgingLine[]>;
}

/**
 * The accounts the caller may read with something open (or of the statuses asked for), filtered, largest arrears
 * first, from an offset or after a cursor; the totals and the aging of every open charge of the whole filtered set
 * when asked: one query for the page, one for the totals, one for the aging, whatever the number of accounts.
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
  if (!scope)
    return {
      items: [],
      endCursor: null,
      totals: async () => ({ totalCount: 0, openFen: 0 }),
      aging: async () => agingSummary([], today),
    };
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
  // The first list of the day moves every stored balance to it, once. The page says which day its balances are as of
  // (read in its own snapshot), so a list on a day already rolled, all but the first, costs its page alone; a page
  // as of another day, or an empty one (which cannot say), rolls the day (a no-op if it is today's by then) and is
  // read again.
  let found = await pageArrears(em, query, page);
  if (found.balanceDay !== today) {
    await rollBalancesTo(em, today);
    found = await pageArrears(em, query, page);
  }
  let totals: Promise<{ totalCount: number; openFen: number }> | undefined;
  return {
    items: found.items.map((item) => arrearsItem(item, today)),
    endCursor: found.endCursor,
    totals: () => (totals ??= totalsOfArrears(em, query)),
    aging: async () => agingSummary(await openChargesOfArrears(em, query), today),
  };
}
