import { Arg, Ctx, Directive, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { NotFoundError } from '../../../kernel/errors';
import { RequestContext } from '../../../platform/subgraph/context';
import { assignBuildingsToArea } from '../application/assign-buildings';
import { importCompoundCsv } from '../application/import-compound-csv';
import { listCompounds } from '../application/list-compounds';
import { pageCompoundHouseholds } from '../application/page-compound-households';
import { registerBuilding } from '../application/register-building';
import { registerCompound } from '../application/register-compound';
import { registerHousehold } from '../application/register-household';
import { updateBuilding } from '../application/update-building';
import { updateCompound } from '../application/update-compound';
import { updateHousehold } from '../application/update-household';
import { buildingsLoader, compoundLoader, compoundStatisticsLoader } from './compound.loaders';
import { compoundStatisticsType, householdType } from './compound.mappers';
import {
  BuildingType,
  CompoundStatisticsType,
  CompoundType,
  HouseholdPageType,
  HouseholdType,
  ImportSummaryType,
  RegisterBuildingInput,
  RegisterCompoundInput,
  RegisterHouseholdInput,
  UpdateBuildingInput,
  UpdateCompoundInput,
  UpdateHouseholdInput,
} from './compound.type';
import { CsvText, Key, LocalDate } from '../../../platform/graphql/scalars';

@Resolver(() => CompoundType)
export class CompoundResolver {
  @Directive('@listSize(slicingArguments: ["first"])')
  @Query(() => [CompoundType], { description: 'Compounds in your jurisdiction, by name.' })
  compounds(
    @Ctx() ctx: RequestContext,
    @Arg('streetCode', () => Key, { nullable: true }) streetCode?: string,
    @Arg('first', () => Int, { defaultValue: 100 }) first = 100,
  ): Promise<CompoundType[]> {
    return listCompounds(ctx.em, ctx.identity, { streetCode, first });
  }

  @Query(() => CompoundType, { description: 'NOT_FOUND when missing or outside your jurisdiction.' })
  async compound(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<CompoundType> {
    const compound = await compoundLoader(ctx).load(id);
    if (!compound) throw new NotFoundError('Compound', id);
    return compound;
  }

  @FieldResolver(() => CompoundStatisticsType)
  async statistics(@Root() compound: CompoundType, @Ctx() ctx: RequestContext): Promise<CompoundStatisticsType> {
    return compoundStatisticsType(await compoundStatisticsLoader(ctx).load(compound.id));
  }

  @Directive('@listSize(assumedSize: 50)')
  @FieldResolver(() => [BuildingType])
  buildings(@Root() compound: CompoundType, @Ctx() ctx: RequestContext): Promise<BuildingType[]> {
    return buildingsLoader(ctx).load(compound.id);
  }

  @Directive('@listSize(slicingArguments: ["first"], sizedFields: ["items"])')
  @FieldResolver(() => HouseholdPageType)
  async households(
    @Root() compound: CompoundType,
    @Ctx() ctx: RequestContext,
    @Arg('first', () => Int, { defaultValue: 50 }) first: number,
    @Arg('offset', () => Int, { defaultValue: 0 }) offset: number,
    @Arg('buildingId', () => ID, { nullable: true }) buildingId?: string,
    @Arg('after', () => Key, {
      nullable: true,
      description: "The previous page's endCursor: the next page, read in order however deep.",
    })
    after?: string | null,
  ): Promise<HouseholdPageType> {
    const page = await pageCompoundHouseholds(ctx.em, compound, { first, offset, buildingId, after });
    return { items: page.items.map(householdType), endCursor: page.endCursor, countTotal: page.totalCount };
  }

  @Mutation(() => CompoundType)
  registerCompound(@Arg('input') input: RegisterCompoundInput, @Ctx() ctx: RequestContext): Promise<CompoundType> {
    return registerCompound(ctx.em, ctx.identity, input);
  }

  @Mutation(() => CompoundType)
  updateCompound(
    @Arg('id', () => ID) id: string,
    @Arg('input') input: UpdateCompoundInput,
    @Ctx() ctx: RequestContext,
  ): Promise<CompoundType> {
    return updateCompound(ctx.em, ctx.identity, id, input);
  }

  @Mutation(() => BuildingType)
  updateBuilding(
    @Arg('id', () => ID) id: string,
    @Arg('input') input: UpdateBuildingInput,
    @Ctx() ctx: RequestContext,
  ): Promise<BuildingType> {
    return updateBuilding(ctx.em, ctx.identity, id, input);
  }

  @Mutation(() => HouseholdType)
  async updateHousehold(
    @Arg('id', () => ID) id: string,
    @Arg('input') input: UpdateHouseholdInput,
    @Ctx() ctx: RequestContext,
  ): Promise<HouseholdType> {
    return householdType(await updateHousehold(ctx.em, ctx.identity, id, input));
  }

  @Mutation(() => BuildingType)
  registerBuilding(
    @Arg('compoundId', () => ID) compoundId: string,
    @Arg('input') input: RegisterBuildingInput,
    @Ctx() ctx: RequestContext,
  ): Promise<BuildingType> {
    return registerBuilding(ctx.em, ctx.identity, compoundId, input);
  }

  @Mutation(() => HouseholdType)
  async registerHousehold(
    @Arg('buildingId', () => ID) buildingId: string,
    @Arg('input') input: RegisterHouseholdInput,
    @Ctx() ctx: RequestContext,
  ): Promise<HouseholdType> {
    return householdType(await registerHousehold(ctx.em, ctx.identity, buildingId, input));
  }

  @Directive('@listSize(assumedSize: 50)')
  @Mutation(() => [BuildingType], {
    description:
      'Groups buildings into a property-management area (a compound, or adjacent buildings). The buildings assigned on ' +
      'the day the area gets its first buildings are the area as delimited; a building assigned on a later day joins ' +
      'it that day, unless `joinedOn` or `asDelimited` says otherwise: a joint decision of a meeting before the day it ' +
      'joined does not count its owners. What is stated applies to the named buildings already of the area too, and is ' +
      'refused where it would move a building in or out on the day of a decision already recorded.',
  })
  assignBuildingsToArea(
    @Arg('areaId', () => ID) areaId: string,
    @Arg('buildingIds', () => [ID]) buildingIds: string[],
    @Arg('joinedOn', () => LocalDate, {
      nullable: true,
      description:
        'The day the buildings joined the area (the street office’s decision), where it is not today: an enlargement ' +
        'entered after the fact. Not after today.',
    })
    joinedOn: string | null | undefined,
    @Arg('asDelimited', () => Boolean, {
      nullable: true,
      description:
        'The buildings are part of the area as delimited (no day they joined): the rest of an area entered over ' +
        'several days, or one delimited before the hub kept the day. Not with joinedOn.',
    })
    asDelimited: boolean | null | undefined,
    @Ctx() ctx: RequestContext,
  ): Promise<BuildingType[]> {
    return assignBuildingsToArea(ctx.em, ctx.identity, areaId, buildingIds, { joinedOn, asDelimited });
  }

  @Mutation(() => ImportSummaryType, {
    description:
      'Imports buildings and households from CSV (columns: building, building_class, floors, elevators, unit, room, ' +
      'floor_area_m2, owner_reference, owner_name; optionally owner_legal_name, owner_id_type, owner_id_number, owner_phone, ' +
      'owner_service_address, kept encrypted). All or nothing: BAD_USER_INPUT lists every bad line (never the values).',
  })
  importCompoundCsv(
    @Arg('compoundId', () => ID) compoundId: string,
    @Arg('csv', () => CsvText) csv: string,
    @Ctx() ctx: RequestContext,
    @Arg('idempotencyKey', () => Key, {
      nullable: true,
      description: 'Your id of this import (8–128 of A–Z a–z 0–9 . _ : -): a retry with it returns the same summary.',
    })
    idempotencyKey?: string | null,
  ): Promise<ImportSummaryType> {
    return importCompoundCsv(ctx.em, ctx.identity, compoundId, csv, idempotencyKey);
  }
}

@Resolver(() => HouseholdPageType)
export class HouseholdPageResolver {
  @FieldResolver(() => Int, { description: 'How many households in all; counted only when selected.' })
  totalCount(@Root() page: HouseholdPageType): Promise<number> {
    return page.countTotal();
  }
}
