import { InvalidInputError } from '../../../kernel/errors';
import { RequestContext, childrenLoader } from '../../../platform/subgraph/context';
import { listArrears } from '../application/list-arrears';
import { ArrearsListItem } from '../domain/arrears-list';

/** Accounts read a page at a time, and at most this many pages for one request's households. */
const PAGE = 500;
const MAX_PAGES = 40;

/**
 * The accounts of every household the gateway asks about in one request, in one listing paged by its cursor: the
 * caller's scope applies as for `arrears`, and accounts are listed whatever they owe. Every account comes back (before,
 * only the first 500 of a batch, the rest of its households shown without accounts); past 20,000 the request is
 * refused as too large rather than answered in part.
 */
export const accountsOfHouseholds = (ctx: RequestContext) =>
  childrenLoader<ArrearsListItem>(
    ctx,
    'arrears.accounts-by-household',
    async (householdIds) => {
      // Each page is read on its own: an account a payment moves across the cursor meanwhile is listed once.
      const items = new Map<string, ArrearsListItem>();
      let after: string | null = null;
      for (let pages = 0; ; pages++) {
        if (pages === MAX_PAGES)
          throw new InvalidInputError(
            `The households asked for hold more than ${PAGE * MAX_PAGES} accounts: ask for fewer`,
          );
        const page = await listArrears(ctx.em, ctx.identity, { householdIds }, { first: PAGE, offset: 0, after });
        for (const item of page.items) if (!items.has(item.accountId)) items.set(item.accountId, item);
        if (page.items.length < PAGE || !page.endCursor) return [...items.values()];
        after = page.endCursor;
      }
    },
    (item) => item.householdId,
  );
