import { Arg, Ctx, Directive, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { NotFoundError } from '../../../kernel/errors';
import { RequestContext } from '../../../platform/subgraph/context';
import { listAreas } from '../application/list-areas';
import { registerArea } from '../application/register-area';
import { declareAreaHouseholds } from '../application/declare-area-households';
import { areaLoader } from './area.loader';
import { AreaType, RegisterAreaInput } from './area.type';
import { Key } from '../../../platform/graphql/scalars';

@Resolver(() => AreaType)
export class AreaResolver {
  @Query(() => AreaType, { description: 'One area; NOT_FOUND when it does not exist or is outside your jurisdiction.' })
  async area(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<AreaType> {
    const area = await areaLoader(ctx).load(id);
    if (!area) throw new NotFoundError('Area', id);
    return area;
  }

  @Directive('@listSize(slicingArguments: ["first"])')
  @Query(() => [AreaType], { description: 'Areas you may read, oldest first.' })
  areas(
    @Ctx() ctx: RequestContext,
    @Arg('first', () => Int, { defaultValue: 50 }) first: number,
    @Arg('streetCode', () => Key, { nullable: true }) streetCode?: string,
  ): Promise<AreaType[]> {
    return listAreas(ctx.em, ctx.identity, { first, streetCode });
  }

  @Mutation(() => AreaType, { description: 'Street offices register a property-management area in their street.' })
  registerArea(@Arg('input') input: RegisterAreaInput, @Ctx() ctx: RequestContext): Promise<AreaType> {
    return registerArea(ctx.em, ctx.identity, input);
  }

  @Mutation(() => AreaType, {
    description:
      "The area's street office declares how many households the area has: joint decisions are refused while the register holds fewer (REGISTER_INCOMPLETE).",
  })
  declareAreaHouseholds(
    @Arg('areaId', () => ID) areaId: string,
    @Arg('households', () => Int) households: number,
    @Ctx() ctx: RequestContext,
  ): Promise<AreaType> {
    return declareAreaHouseholds(ctx.em, ctx.identity, { areaId, households });
  }
}
