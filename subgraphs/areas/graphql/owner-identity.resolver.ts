import { Arg, Ctx, Directive, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { RequestContext } from '../../../platform/subgraph/context';
import { ownerDataAccessLog } from '../application/owner-data-access-log';
import { HouseholdOwnerIdentityView } from '../domain/owner-identity';
import { ownerIdentityLoader, ownerNameLoader } from './owner-identity.loaders';
import { HouseholdType } from './compound.type';
import { OwnerDataAccessPageType, OwnerIdentityType } from './owner-identity.type';

/** The owner's personal data on `Household`: resolved only when asked for, so only what is returned is logged. */
@Resolver(() => HouseholdType)
export class HouseholdOwnerResolver {
  @FieldResolver(() => String, {
    nullable: true,
    description:
      'In full for the street office of the household’s street and, for a court holding a referral of the household (name it ' +
      'as referralId, else its latest), the owner that referral is against, the owner now or one who has sold since (each ' +
      'read logged); masked (张**), the owner now, for everyone else.',
  })
  ownerName(
    @Root() household: HouseholdType,
    @Ctx() ctx: RequestContext,
    @Arg('referralId', () => ID, { nullable: true }) referralId?: string | null,
  ): Promise<string | null> {
    return ownerNameLoader(ctx).load({ householdId: household.id, referralId: referralId ?? null });
  }

  @FieldResolver(() => OwnerIdentityType, {
    nullable: true,
    description:
      'The owner’s identity, null when none is recorded. In full for the street office of the household’s street (the owner now) ' +
      'and a court holding a referral of the household (name it as referralId, else its latest: the access log records it as ' +
      'the reason), of the owner that referral is against: the owner now, or one who has sold since, as the register keeps ' +
      'former owners (ownerReference says whose). Masked, the owner now, for everyone else.',
  })
  ownerIdentity(
    @Root() household: HouseholdType,
    @Ctx() ctx: RequestContext,
    @Arg('referralId', () => ID, { nullable: true }) referralId?: string | null,
  ): Promise<HouseholdOwnerIdentityView | null> {
    return ownerIdentityLoader(ctx).load({ householdId: household.id, referralId: referralId ?? null });
  }
}

@Resolver()
export class OwnerDataAccessResolver {
  @Directive('@listSize(slicingArguments: ["first"], sizedFields: ["items"])')
  @Query(() => OwnerDataAccessPageType, {
    description:
      'Reads in full of owners’ personal data, newest first: the street office sees those of its streets’ households, a court ' +
      'those of the households referred to it. Other roles: FORBIDDEN.',
  })
  ownerDataAccessLog(
    @Ctx() ctx: RequestContext,
    @Arg('householdId', () => ID, { nullable: true }) householdId?: string | null,
    @Arg('referralId', () => ID, { nullable: true }) referralId?: string | null,
    @Arg('first', () => Int, { defaultValue: 50 }) first = 50,
    @Arg('offset', () => Int, { defaultValue: 0 }) offset = 0,
  ): Promise<OwnerDataAccessPageType> {
    return ownerDataAccessLog(ctx.em, ctx.identity, { householdId, referralId, first, offset });
  }
}
