import { Arg, Ctx, Field, InputType, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { DomainError } from '../../../infra/errors';
import { RequestContext } from '../../../infra/subgraph/context';
import { assertMayRegisterCourt, validateCourtRegistration } from '../domain/court';
import { Court } from '../persistence/court.entity';

@ObjectType('Court', { description: 'A court receiving referrals through the green channel (绿色通道).' })
export class CourtType {
  @Field()
  courtId!: string;

  @Field()
  name!: string;

  @Field({ description: 'GB/T 2260 province code; decides the small-claims threshold.' })
  provinceCode!: string;
}

@InputType()
export class RegisterCourtInput {
  @Field()
  courtId!: string;

  @Field()
  name!: string;

  @Field()
  provinceCode!: string;
}

@Resolver(() => CourtType)
export class CourtResolver {
  @Query(() => [CourtType], { description: 'Courts connected to the hub (public directory for referring parties).' })
  courts(@Ctx() ctx: RequestContext): Promise<CourtType[]> {
    return ctx.em.find(Court, {}, { orderBy: { courtId: 'asc' } });
  }

  @Mutation(() => CourtType)
  async registerCourt(@Arg('input') input: RegisterCourtInput, @Ctx() ctx: RequestContext): Promise<CourtType> {
    assertMayRegisterCourt(ctx.identity);
    const registration = validateCourtRegistration(input);
    return ctx.em.transactional(async (tx) => {
      if (await tx.findOne(Court, { courtId: registration.courtId })) {
        throw new DomainError('CONFLICT', `Court ${registration.courtId} is already registered`);
      }
      return tx.create(Court, { ...registration, registeredAt: new Date() });
    });
  }
}
