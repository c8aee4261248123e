import { Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import { RequestContext } from '../../../platform/subgraph/context';
import { listItemView } from './arrears.mappers';
import { ArrearsListItemType } from './arrears.type';
import { accountsOfHouseholds } from './household.loader';
import { HouseholdRef } from './household.type';

@Resolver(() => HouseholdRef)
export class HouseholdArrearsResolver {
  @Directive('@listSize(assumedSize: 5)')
  @FieldResolver(() => [ArrearsListItemType], {
    description:
      "The household's arrears accounts you may read: a company its own, the street office those of its street.",
  })
  async arrearsAccounts(@Root() household: HouseholdRef, @Ctx() ctx: RequestContext): Promise<ArrearsListItemType[]> {
    return (await accountsOfHouseholds(ctx).load(household.id)).map(listItemView);
  }
}
