import {
  Arg,
  Ctx,
  Directive,
  Field,
  ID,
  InputType,
  Mutation,
  ObjectType,
  Query,
  Resolver,
  registerEnumType,
} from 'type-graphql';
import { graphqlEnum } from '../../../platform/federation/graphql-enum';
import { LocalDate, Name, Note } from '../../../platform/graphql/scalars';
import { RequestContext } from '../../../platform/subgraph/context';
import { hazardView, hazards } from '../application/list-hazards';
import { recordPatrol } from '../application/record-patrol';
import { resolveHazard } from '../application/resolve-hazard';
import { HAZARD_KINDS, HazardKind, PATROLLER_KINDS, PatrollerKind } from '../domain/patrol';

export const HazardKindEnum = graphqlEnum(HAZARD_KINDS);
export const PatrollerKindEnum = graphqlEnum(PATROLLER_KINDS);
registerEnumType(HazardKindEnum, {
  name: 'HazardKind',
  description:
    'Seed 004 §四 (楼道堆物等消防隐患: FIRE_SAFETY), §五(四) (违法违规行为: VIOLATION), §五(五) (险情或安全隐患).',
});
registerEnumType(PatrollerKindEnum, { name: 'PatrollerKind' });

@ObjectType('Hazard', { description: 'A hazard a patrol found (seed 004 §五(五)), open until resolved.' })
export class HazardType {
  @Field(() => ID) id!: string;
  @Field(() => ID) patrolId!: string;
  @Field(() => ID) areaId!: string;
  @Field() areaName!: string;
  @Field() foundOn!: string;
  @Field(() => HazardKindEnum) kind!: HazardKind;
  @Field() location!: string;
  @Field(() => String, { nullable: true }) description!: string | null;
  @Field({ description: 'A cordon or warning signs set up (设置警戒线、警示标语).' }) warningSetUp!: boolean;
  @Field(() => String, { nullable: true, description: 'The unit or person responsible who was contacted.' })
  partyNotified!: string | null;
  @Field(() => String, { nullable: true }) notifiedOn!: string | null;
  @Field(() => String, { nullable: true, description: 'The date the street office set for resolving it.' })
  resolveBy!: string | null;
  @Field(() => String, { nullable: true }) resolvedOn!: string | null;
  @Field(() => String, { nullable: true }) resolutionNote!: string | null;
  @Field({ description: 'Open on asOf and past resolveBy.' }) overdue!: boolean;
}

@ObjectType('Patrol', { description: 'A patrol of an area (定期巡查, seed 004 §五(四)) with what it found.' })
export class PatrolType {
  @Field(() => ID) id!: string;
  @Field(() => ID) areaId!: string;
  @Field() patrolledOn!: string;
  @Field() patrolledBy!: string;
  @Field(() => PatrollerKindEnum) patrollerKind!: PatrollerKind;
  @Field(() => String, { nullable: true }) note!: string | null;
  @Directive('@listSize(assumedSize: 50)')
  @Field(() => [HazardType])
  hazards!: HazardType[];
}

@InputType('HazardInput')
export class HazardInput {
  @Field(() => HazardKindEnum) kind!: HazardKind;
  @Field(() => Name, { description: 'Where: building, unit, stairwell.' }) location!: string;
  @Field(() => Note, { nullable: true }) description?: string | null;
  @Field() warningSetUp!: boolean;
  @Field(() => Name, { nullable: true }) partyNotified?: string | null;
  @Field(() => LocalDate, { nullable: true }) notifiedOn?: string | null;
  @Field(() => LocalDate, { nullable: true }) resolveBy?: string | null;
}

@InputType('PatrolInput')
export class PatrolInput {
  @Field(() => ID) areaId!: string;
  @Field(() => LocalDate) patrolledOn!: string;
  @Field(() => Name) patrolledBy!: string;
  @Field(() => PatrollerKindEnum) patrollerKind!: PatrollerKind;
  @Field(() => Note, { nullable: true }) note?: string | null;
  @Field(() => [HazardInput], { defaultValue: [] }) hazards!: HazardInput[];
}

@Resolver(() => PatrolType)
export class PatrolResolver {
  @Mutation(() => PatrolType, {
    description: 'Street office: records a patrol of an area of its street and the hazards found.',
  })
  async recordPatrol(
    @Arg('patrol', () => PatrolInput) patrol: PatrolInput,
    @Ctx() ctx: RequestContext,
  ): Promise<PatrolType> {
    const recorded = await recordPatrol(ctx.em, ctx.identity, {
      ...patrol,
      note: patrol.note ?? null,
      hazards: patrol.hazards.map((h) => ({
        ...h,
        description: h.description ?? null,
        partyNotified: h.partyNotified ?? null,
        notifiedOn: h.notifiedOn ?? null,
        resolveBy: h.resolveBy ?? null,
      })),
    });
    return { ...recorded, hazards: recorded.hazards.map((h) => hazardView(h)) };
  }

  @Mutation(() => HazardType, { description: 'Street office: records a hazard of its street resolved.' })
  async resolveHazard(
    @Arg('hazardId', () => ID) hazardId: string,
    @Arg('resolvedOn', () => LocalDate) resolvedOn: string,
    @Arg('note', () => Note, { nullable: true }) note: string | undefined,
    @Ctx() ctx: RequestContext,
  ): Promise<HazardType> {
    return hazardView(await resolveHazard(ctx.em, ctx.identity, { hazardId, resolvedOn, note }));
  }

  @Directive('@listSize(assumedSize: 100)')
  @Query(() => [HazardType], {
    description:
      'Hazards of the streets you read, oldest first: open on asOf (today by default) with openOnly, past their resolve-by date with overdueOnly.',
  })
  async hazards(
    @Ctx() ctx: RequestContext,
    @Arg('asOf', () => LocalDate, { nullable: true }) asOf?: string,
    @Arg('openOnly', { nullable: true }) openOnly?: boolean,
    @Arg('overdueOnly', { nullable: true }) overdueOnly?: boolean,
    @Arg('areaId', () => ID, { nullable: true }) areaId?: string,
  ): Promise<HazardType[]> {
    return hazards(ctx.em, ctx.identity, { asOf, openOnly, overdueOnly, areaId });
  }
}
