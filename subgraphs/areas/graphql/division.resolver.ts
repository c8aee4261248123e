import { Arg, Ctx, Field, FieldResolver, InputType, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { DomainError, ForbiddenError } from '../../../infra/errors';
import { RequestContext } from '../../../infra/subgraph/context';
import { validateDivision } from '../domain/division';
import { Division } from '../persistence/division.entity';

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
  async compoundCount(@Root() division: Division, @Ctx() ctx: RequestContext): Promise<number> {
    const column = division.level === 'COMMUNITY' ? 'community_code' : 'street_code';
    const [row] = await ctx.em.getConnection().execute<{ n: string }[]>(
      `select count(*) as n from areas.compound where ${column} like ?`,
      [`${division.code}%`],
    );
    return Number(row.n);
  }

  @Mutation(() => DivisionType, { description: 'Hub administrators maintain the hierarchy.' })
  async registerDivision(@Arg('input') input: RegisterDivisionInput, @Ctx() ctx: RequestContext): Promise<DivisionType> {
    if (ctx.identity.role !== 'ADMIN') throw new ForbiddenError('Only hub administrators maintain the administrative hierarchy');
    const division = validateDivision(input);
    return ctx.em.transactional(async (tx) => {
      if (division.parentCode && !(await tx.findOne(Division, { code: division.parentCode }))) {
        throw new DomainError('UNKNOWN_PARENT_DIVISION', `Register ${division.parentCode} first`);
      }
      if (await tx.findOne(Division, { code: division.code })) throw new DomainError('CONFLICT', `${division.code} is already registered`);
      return tx.create(Division, division);
    });
  }
}
