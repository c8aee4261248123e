import DataLoader from 'dataloader';
import { Arg, Ctx, Field, FieldResolver, InputType, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { RequestContext, requestLoader } from '../../../platform/subgraph/context';
import { registerDivision } from '../application/divisions';
import { Division } from '../persistence/division.entity';
import { compoundCounts } from '../persistence/division.repository';

@ObjectType('Division', { description: 'A district (区), street (街道) or community (社区).' })
export class DivisionType {
  @Field()
  code!: string;

  @Field()
  name!: string;

  @Field()
  level!: string;

  @Field(() => String, { nullable: true })
  parentCode?: string;
}

@InputType()
export class RegisterDivisionInput {
  @Field()
  code!: string;

  @Field()
  name!: string;
}

/** The hierarchy is public administrative information: every authenticated party may read it. */
@Resolver(() => DivisionType)
export class DivisionResolver {
  @Query(() => [DivisionType], { description: 'Children of a division, or the districts when no parent is given.' })
  divisions(@Ctx() ctx: RequestContext, @Arg('parentCode', () => String, { nullable: true }) parentCode?: string): Promise<DivisionType[]> {
    return ctx.em.find(Division, parentCode ? { parentCode } : { level: 'DISTRICT' }, { orderBy: { code: 'asc' } });
  }

  @FieldResolver(() => Int, { description: 'Compounds registered in this division.' })
  compoundCount(@Root() division: Division, @Ctx() ctx: RequestContext): Promise<number> {
    const loader = requestLoader(ctx, 'areas.division-compound-counts', () =>
      new DataLoader<string, number>(async (codes) => {
        const counts = await compoundCounts(ctx.em, codes);
        return codes.map((c) => counts.get(c) ?? 0);
      }),
    );
    return loader.load(division.code);
  }

  @Mutation(() => DivisionType, { description: 'Hub administrators maintain the hierarchy.' })
  registerDivision(@Arg('input') input: RegisterDivisionInput, @Ctx() ctx: RequestContext): Promise<DivisionType> {
    return registerDivision(ctx.em, ctx.identity, input);
  }
}
