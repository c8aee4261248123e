import {
  Arg,
  Ctx,
  Directive,
  Field,
  ID,
  InputType,
  Int,
  Mutation,
  ObjectType,
  Query,
  Resolver,
  registerEnumType,
} from 'type-graphql';
import { graphqlEnum } from '../../../platform/federation/graphql-enum';
import { LocalDate, Name, Note } from '../../../platform/graphql/scalars';
import { RequestContext } from '../../../platform/subgraph/context';
import { formPreparatoryGroup } from '../application/form-preparatory-group';
import { preparatoryGroupView, preparatoryGroups } from '../application/list-preparatory-groups';
import { PREPARATORY_MEMBER_ROLES, PreparatoryMemberRole } from '../domain/preparatory-group';

export const PreparatoryMemberRoleEnum = graphqlEnum(PREPARATORY_MEMBER_ROLES);
registerEnumType(PreparatoryMemberRoleEnum, { name: 'PreparatoryMemberRole' });

@ObjectType('PreparatoryMember')
export class PreparatoryMemberType {
  @Field() name!: string;
  @Field(() => PreparatoryMemberRoleEnum) role!: PreparatoryMemberRole;
  @Field({ description: 'The group’s leader (组长).' }) leader!: boolean;
}

@ObjectType('PreparatoryGroup', {
  description:
    'The preparatory group for an area’s first owners’ assembly (首次业主大会会议筹备组, seed 004 §五(一)), formed by the street office.',
})
export class PreparatoryGroupType {
  @Field(() => ID) id!: string;
  @Field(() => ID) areaId!: string;
  @Field() areaName!: string;
  @Field() streetCode!: string;
  @Field() formedOn!: string;
  @Directive('@listSize(assumedSize: 25)')
  @Field(() => [PreparatoryMemberType])
  members!: PreparatoryMemberType[];
  @Field(() => Int, {
    nullable: true,
    description: 'The period to convene the first assembly, when one is applied (in Beijing 60 days, art. 32 para. 4).',
  })
  periodDays!: number | null;
  @Field(() => String, {
    nullable: true,
    description: 'The article the period rests on: the statute’s in Beijing, elsewhere as the street office gave it.',
  })
  periodSource!: string | null;
  @Field(() => String, {
    nullable: true,
    description:
      'The last day to convene it (Civil Code arts. 201, 203); null without a period or past the holiday data.',
  })
  deadline!: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'The first meeting of the area’s owners’ assembly: the group’s work is done.',
  })
  firstAssemblyOn!: string | null;
  @Field(() => Boolean, {
    nullable: true,
    description: 'No first assembly by the deadline; null past the holiday data.',
  })
  overdue!: boolean | null;
}

@InputType('PreparatoryMemberInput')
export class PreparatoryMemberInput {
  @Field(() => Name) name!: string;
  @Field(() => PreparatoryMemberRoleEnum) role!: PreparatoryMemberRole;
  @Field({
    defaultValue: false,
    description:
      'The group’s leader (组长), exactly one; in Beijing a residents’ or villagers’ committee staff member (RESIDENTS_COMMITTEE, art. 31 para. 1).',
  })
  leader!: boolean;
}

@InputType('PreparationPeriodInput')
export class PreparationPeriodInput {
  @Field(() => Int) days!: number;
  @Field(() => Note, { description: 'The article of the regulation the street office applies.' }) source!: string;
}

@InputType('PreparatoryGroupInput')
export class PreparatoryGroupInput {
  @Field(() => ID) areaId!: string;
  @Field(() => LocalDate) formedOn!: string;
  @Field(() => [PreparatoryMemberInput]) members!: PreparatoryMemberInput[];
  @Field(() => PreparationPeriodInput, {
    nullable: true,
    description:
      'The period to convene the first assembly, with its article. In Beijing the statute’s 60 days (art. 32 para. 4) when not given; other days are refused (BAD_USER_INPUT, details.fields["period.days"]).',
  })
  period?: PreparationPeriodInput | null;
}

@Resolver(() => PreparatoryGroupType)
export class PreparatoryGroupResolver {
  @Mutation(() => PreparatoryGroupType, {
    description:
      'Street office: forms the preparatory group for an area’s first owners’ assembly, with its members; in Beijing an odd number, owner representatives (OWNER) at least half (art. 31 para. 4), led by a residents’ or villagers’ committee staff member (art. 31 para. 1; BAD_USER_INPUT with details.problems), with 60 days to convene the assembly (art. 32 para. 4).',
  })
  async formPreparatoryGroup(
    @Arg('group', () => PreparatoryGroupInput) group: PreparatoryGroupInput,
    @Ctx() ctx: RequestContext,
  ): Promise<PreparatoryGroupType> {
    return preparatoryGroupView(
      await formPreparatoryGroup(ctx.em, ctx.identity, { ...group, period: group.period ?? null }),
    );
  }

  @Directive('@listSize(assumedSize: 100)')
  @Query(() => [PreparatoryGroupType], {
    description:
      'Preparatory groups of the streets you read, oldest first, each with whether it is overdue on asOf (today by default).',
  })
  async preparatoryGroups(
    @Ctx() ctx: RequestContext,
    @Arg('asOf', () => LocalDate, { nullable: true }) asOf?: string,
    @Arg('overdueOnly', { nullable: true }) overdueOnly?: boolean,
  ): Promise<PreparatoryGroupType[]> {
    return preparatoryGroups(ctx.em, ctx.identity, { asOf, overdueOnly });
  }
}
