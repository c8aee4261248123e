import { Arg, Ctx, Directive, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { checkPage } from '../../../kernel/pagination';
import { listReadableOrders } from '../application/list-orders';
import { RequestContext } from '../../../platform/subgraph/context';
import { ComplaintOrderFilter, ComplaintOrderPageType, ComplaintStatisticsType, CompoundRef } from './complaint.type';
import { orderView } from './complaint.mappers';
import { compoundComplaintStatisticsLoader } from './complaint-statistics.loaders';

/** The areas subgraph's Compound, which complaints extends with its hotline orders and their measures. */
@Resolver(() => CompoundRef)
export class CompoundComplaintsResolver {
  // Two statements per compound (its page and its total), unlike the measures batched below: priced as such, so a
  // request lists the orders of at most some thousand compounds (before, ten aliases of a thousand were admitted and
  // their 20,000 statements held the subgraph's pool).
  @Directive('@cost(weight: 20)')
  @Directive('@listSize(slicingArguments: ["first"], sizedFields: ["orders"])')
  @FieldResolver(() => ComplaintOrderPageType, {
    description: 'The compound’s hotline orders you may read, newest first.',
  })
  async complaints(
    @Root() compound: CompoundRef,
    @Arg('filter', () => ComplaintOrderFilter, { nullable: true }) filter: ComplaintOrderFilter | null,
    @Arg('first', () => Int, { defaultValue: 50 }) first: number,
    @Arg('offset', () => Int, { defaultValue: 0 }) offset: number,
    @Ctx() ctx: RequestContext,
  ): Promise<ComplaintOrderPageType> {
    checkPage({ first, offset });
    const page = await listReadableOrders(ctx.em, ctx.identity, {
      ...filter,
      compoundIds: [compound.id],
      first,
      offset,
    });
    return { total: page.total, orders: page.orders.map(orderView) };
  }

  @FieldResolver(() => ComplaintStatisticsType, {
    description:
      'The compound’s orders, the three rates, repeats and orders per 100 households, over the orders you may read.',
  })
  async complaintStatistics(
    @Root() compound: CompoundRef,
    @Ctx() ctx: RequestContext,
  ): Promise<ComplaintStatisticsType> {
    return compoundComplaintStatisticsLoader(ctx).load(compound.id);
  }
}
