import { Arg, Ctx, Directive, Field, ID, Int, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { RequestContext } from '../../../platform/subgraph/context';
import { Key, LocalDate, Name } from '../../../platform/graphql/scalars';
import { assignCaretaker } from '../application/assign-caretaker';
import { endSelfManagement, recordSelfManagement } from '../application/record-self-management';
import { coverage } from '../application/coverage';
import { AreaType } from './area.type';

@ObjectType('CoverageList', { description: 'The areas behind a count: `count` is always the length of `areas`.' })
export class CoverageListType {
  @Field(() => Int) count!: number;
  @Directive('@listSize(assumedSize: 100)')
  @Field(() => [AreaType])
  areas!: AreaType[];
}

@ObjectType('Coverage', {
  description: "Seed 004's coverage targets for a division: an owners' committee and a filed provider in every area.",
})
export class CoverageType {
  @Field() divisionCode!: string;
  @Field(() => Int, { description: 'Areas of the division you may read.' }) areas!: number;
  @Field(() => CoverageListType) withOwnersCommittee!: CoverageListType;
  @Field(() => CoverageListType) withoutOwnersCommittee!: CoverageListType;
  @Field(() => CoverageListType, {
    description: 'Areas a provider serves today under an accepted filing (its contract begun and not ended).',
  })
  withFiledProvider!: CoverageListType;
  @Field(() => CoverageListType) withoutFiledProvider!: CoverageListType;
  @Field(() => CoverageListType, {
    description:
      'Areas under caretaker management (包保单位兜底代管) not yet ended by a provider serving under an accepted filing.',
  })
  underCaretaker!: CoverageListType;
  @Field(() => CoverageListType, {
    description:
      'Areas whose owners manage them themselves (业主自行管理, Civil Code art. 284 para. 1), not yet ended.',
  })
  selfManaged!: CoverageListType;
  @Field(() => CoverageListType, {
    description:
      'What the target misses: areas with neither a provider serving under an accepted filing, nor self-management, nor a caretaker.',
  })
  withoutManagement!: CoverageListType;
}

@ObjectType('Caretaking', {
  description:
    'Caretaker management of an area (seed 004 §六(三)); endedOn is the first acceptance of a provider filing since it began.',
})
export class CaretakingType {
  @Field(() => ID) id!: string;
  @Field(() => ID) areaId!: string;
  @Field() caretakerUnit!: string;
  @Field() community!: string;
  @Field() startsOn!: string;
  @Field(() => String, { nullable: true }) endedOn!: string | null;
}

@ObjectType('SelfManagement', {
  description:
    "Owners' self-management of an area (Civil Code art. 284 para. 1) on their joint decision (art. 278); endedOn is the recorded end or the first acceptance of a provider filing since it began.",
})
export class SelfManagementType {
  @Field(() => ID) id!: string;
  @Field(() => ID) areaId!: string;
  @Field(() => ID) jointDecisionId!: string;
  @Field() startsOn!: string;
  @Field(() => String, { nullable: true }) endedOn!: string | null;
}

const list = (areas: AreaType[]): CoverageListType => ({ count: areas.length, areas });

@Resolver()
export class CoverageResolver {
  @Query(() => CoverageType, {
    description:
      'Street offices and bureaus: coverage of the areas of a city, district or street in your jurisdiction (seed 004 §四, §六).',
  })
  async coverage(
    @Arg('divisionCode', () => Key) divisionCode: string,
    @Ctx() ctx: RequestContext,
  ): Promise<CoverageType> {
    const c = await coverage(ctx.em, ctx.identity, divisionCode);
    return {
      divisionCode: c.divisionCode,
      areas: c.areas.length,
      withOwnersCommittee: list(c.withOwnersCommittee),
      withoutOwnersCommittee: list(c.withoutOwnersCommittee),
      withFiledProvider: list(c.withFiledProvider),
      withoutFiledProvider: list(c.withoutFiledProvider),
      underCaretaker: list(c.underCaretaker),
      selfManaged: list(c.selfManaged),
      withoutManagement: list(c.withoutManagement),
    };
  }

  @Mutation(() => CaretakingType, {
    description:
      'Street office: assigns an area without a provider a caretaker unit and the community (seed 004 §六(三)), until a provider filing is accepted.',
  })
  assignCaretaker(
    @Arg('areaId', () => ID) areaId: string,
    @Arg('caretakerUnit', () => Name) caretakerUnit: string,
    @Arg('community', () => Name) community: string,
    @Arg('startsOn', () => LocalDate) startsOn: string,
    @Ctx() ctx: RequestContext,
  ): Promise<CaretakingType> {
    return assignCaretaker(ctx.em, ctx.identity, { areaId, caretakerUnit, community, startsOn });
  }

  @Mutation(() => SelfManagementType, {
    description:
      'Street office: records that the owners of an area without a provider manage it themselves (Civil Code art. 284 para. 1) on their recorded joint decision (art. 278), from startsOn.',
  })
  recordSelfManagement(
    @Arg('areaId', () => ID) areaId: string,
    @Arg('jointDecisionId', () => ID) jointDecisionId: string,
    @Arg('startsOn', () => LocalDate) startsOn: string,
    @Ctx() ctx: RequestContext,
  ): Promise<SelfManagementType> {
    return recordSelfManagement(ctx.em, ctx.identity, { areaId, jointDecisionId, startsOn });
  }

  @Mutation(() => SelfManagementType, {
    description: "Street office: records the end of the area's running self-management.",
  })
  endSelfManagement(
    @Arg('areaId', () => ID) areaId: string,
    @Arg('endedOn', () => LocalDate) endedOn: string,
    @Ctx() ctx: RequestContext,
  ): Promise<SelfManagementType> {
    return endSelfManagement(ctx.em, ctx.identity, { areaId, endedOn });
  }
}
