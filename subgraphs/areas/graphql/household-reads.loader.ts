import DataLoader from 'dataloader';
import { RequestContext, requestLoader } from '../../../platform/subgraph/context';
import { HouseholdReads } from '../application/household-reads';
import { ReadGrants } from '../domain/access';
import { LocatedHousehold, findLocatedHouseholds } from '../persistence/household.repository';
import { readGrants } from '../persistence/read-grants.repository';

/**
 * The request's reads of households and of the caller's grants, each read once per request: the `_entities` batch of
 * a page's households (householdLoader) reads the households and the grants, and the batches of their `ownerName`
 * and `ownerIdentity` that follow reuse them instead of reading both again.
 */
export const requestHouseholdReads = (ctx: RequestContext): HouseholdReads =>
  requestLoader(ctx, 'areas.household-reads', () => {
    const located = new DataLoader<string, LocatedHousehold | null>(async (ids) => {
      const found = new Map((await findLocatedHouseholds(ctx.em, ids)).map((h) => [h.id, h]));
      return ids.map((id) => found.get(id) ?? null);
    });
    let grants: Promise<ReadGrants> | undefined;
    return {
      households: async (ids) => {
        const households: LocatedHousehold[] = [];
        for (const h of await located.loadMany(ids)) {
          if (h instanceof Error) throw h;
          if (h) households.push(h);
        }
        return households;
      },
      grants: () => (grants ??= readGrants(ctx.em, ctx.identity)),
    };
  });
