import DataLoader from 'dataloader';
import { RequestContext, childrenLoader, requestLoader } from '../../../platform/subgraph/context';
import { packageVersions } from '../persistence/case-package.repository';
import { courtEventsOf } from '../persistence/court-event.repository';
import { referralReach } from '../domain/access';
import { feeFactsOf } from '../persistence/referral.repository';
import { companyLegalNames, courtNames } from '../persistence/party-names.repository';

/** A name for each id asked in one tick, in one query; null where none is held. */
const namesLoader = (
  ctx: RequestContext,
  key: string,
  namesOf: (ids: readonly string[]) => Promise<Map<string, string>>,
) =>
  requestLoader(
    ctx,
    key,
    () =>
      new DataLoader<string, string | null>(async (ids) => {
        const names = await namesOf(ids);
        return ids.map((id) => names.get(id) ?? null);
      }),
  );

/** The plaintiffs' legal names (their particulars for complaints) of the referrals asked for. */
export const plaintiffNamesLoader = (ctx: RequestContext) =>
  namesLoader(ctx, 'litigation.plaintiff-names', (ids) => companyLegalNames(ctx.em, ids));

/** The registered names of the courts of the referrals asked for. */
export const courtNamesLoader = (ctx: RequestContext) =>
  namesLoader(ctx, 'litigation.court-names', (ids) => courtNames(ctx.em, ids));

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

/**
 * The amount and procedure of the referrals asked for in one tick, in one query, as the caller may read them (a
 * referral out of reach gives none): each key's one row, or none.
 */
export const feeFactsLoader = (ctx: RequestContext) =>
  childrenLoader(
    ctx,
    'litigation.fee-facts',
    async (ids) => {
      const reach = referralReach(ctx.identity);
      return reach ? feeFactsOf(ctx.em, reach, ids) : [];
    },
    (r) => r.id,
  );
