import { RequestContext, childrenLoader } from '../../../platform/subgraph/context';
import { listArrears } from '../application/list-arrears';
import { ArrearsListItem } from '../domain/arrears-list';

/**
 * The accounts of every household the gateway asks about in one request, in one listing: the caller's scope
 * applies as for `arrears`, and accounts are listed whatever they owe. At most 500 accounts per request.
 */
export const accountsOfHouseholds = (ctx: RequestContext) =>
  childrenLoader<ArrearsListItem>(
    ctx,
    'arrears.accounts-by-household',
    async (householdIds) =>
      (await listArrears(ctx.em, ctx.identity, { householdIds }, { first: 500, offset: 0 })).items,
    (item) => item.householdId,
  );
