import DataLoader from 'dataloader';
import { RequestContext, requestLoader } from '../../../platform/subgraph/context';
import { OwnerNameRequest, readOwnerNames } from '../application/owner-data-reads';
import { OwnerIdentityRequest, readOwnerIdentities } from '../application/read-owner-identities';
import { HouseholdOwnerIdentityView } from '../domain/owner-identity';
import { requestHouseholdReads } from './household-reads.loader';

/** Every ownerIdentity asked for in one tick (a page, an `_entities` batch) read together: one batched read. */
export const ownerIdentityLoader = (ctx: RequestContext) =>
  requestLoader(
    ctx,
    'areas.owner-identity',
    () =>
      new DataLoader<OwnerIdentityRequest, HouseholdOwnerIdentityView | null, string>(
        (requests) => readOwnerIdentities(ctx.em, requestHouseholdReads(ctx), ctx.identity, requests),
        {
          cacheKeyFn: (r) => `${r.householdId}|${r.referralId ?? ''}`,
        },
      ),
  );

/** Every ownerName asked for in one tick read together, from the households and grants the request has read. */
export const ownerNameLoader = (ctx: RequestContext) =>
  requestLoader(
    ctx,
    'areas.owner-name',
    () =>
      new DataLoader<OwnerNameRequest, string | null, string>(
        (requests) => readOwnerNames(ctx.em, requestHouseholdReads(ctx), ctx.identity, requests),
        { cacheKeyFn: (r) => `${r.householdId}|${r.referralId ?? ''}` },
      ),
  );
