import { RequestContext, childrenLoader } from '../../../platform/subgraph/context';
import { packageVersions } from '../persistence/case-package.repository';
import { courtEventsOf } from '../persistence/court-event.repository';

/** Every package version of the referrals asked for in one tick, in one query. */
export const packagesLoader = (ctx: RequestContext) =>
  childrenLoader(
    ctx,
    'litigation.packages',
    (ids) => packageVersions(ctx.em, ids),
    (p) => p.referralId,
  );

/** Every court report on the referrals asked for in one tick, in one query. */
export const courtEventsLoader = (ctx: RequestContext) =>
  childrenLoader(
    ctx,
    'litigation.court-events',
    (ids) => courtEventsOf(ctx.em, ids),
    (e) => e.referralId,
  );
