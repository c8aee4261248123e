import { Arg, Ctx, Directive, Field, InputType, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { RequestContext } from '../../../platform/subgraph/context';
import { listCourts } from '../application/list-courts';
import { registerCourt } from '../application/register-court';
import { Key, Name } from '../../../platform/graphql/scalars';

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
  @Field(() => Key)
  courtId!: string;

  @Field(() => Name)
  name!: string;

  @Field(() => Key)
  provinceCode!: string;
}

@Resolver(() => CourtType)
export class CourtResolver {
  @Directive('@listSize(assumedSize: 50)')
  @Query(() => [CourtType], { description: 'Courts connected to the hub (public directory for referring parties).' })
  courts(@Ctx() ctx: RequestContext): Promise<CourtType[]> {
    return listCourts(ctx.em);
  }

  @Mutation(() => CourtType, { description: 'Hub administrators connect a court to the hub.' })
  registerCourt(@Arg('input') input: RegisterCourtInput, @Ctx() ctx: RequestContext): Promise<CourtType> {
    return registerCourt(ctx.em, ctx.identity, input);
  }
}
