import { Arg, Ctx, Directive, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { RequestContext } from '../../../platform/subgraph/context';
import { listDivisions } from '../application/list-divisions';
import { registerDivision } from '../application/register-division';
import { compoundCountLoader } from './division.loader';
import { DivisionType, RegisterDivisionInput } from './division.type';
import { Key } from '../../../platform/graphql/scalars';

/** The hierarchy is public administrative information: every authenticated party may read it. */
@Resolver(() => DivisionType)
export class DivisionResolver {
  @Directive('@listSize(assumedSize: 50)')
  @Query(() => [DivisionType], { description: 'Children of a division, or the districts when no parent is given.' })
  divisions(
    @Ctx() ctx: RequestContext,
    @Arg('parentCode', () => Key, { nullable: true }) parentCode?: string,
  ): Promise<DivisionType[]> {
    return listDivisions(ctx.em, parentCode);
  }

  @FieldResolver(() => Int, {
    description:
      'Compounds registered in this division: a public count, as the hierarchy is; the compounds themselves are read by the register of a jurisdiction.',
  })
  compoundCount(@Root() division: DivisionType, @Ctx() ctx: RequestContext): Promise<number> {
    return compoundCountLoader(ctx).load(division.code);
  }

  @Mutation(() => DivisionType, { description: 'Hub administrators maintain the hierarchy.' })
  registerDivision(@Arg('input') input: RegisterDivisionInput, @Ctx() ctx: RequestContext): Promise<DivisionType> {
    return registerDivision(ctx.em, ctx.identity, input);
  }
}
