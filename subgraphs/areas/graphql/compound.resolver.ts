import DataLoader from 'dataloader';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { RequestContext, childrenLoader, requestLoader } from '../../../platform/subgraph/context';
import { assignBuildingsToArea } from '../application/assign-buildings';
import { importCompoundCsv } from '../application/import-compound-csv';
import { readableCompound, registerBuilding, registerCompound, registerHousehold, updateBuilding, updateCompound, updateHousehold } from '../application/compounds';
import { maskOwnerName, ownerNameFor } from '../domain/compound';
import { formatSquareMetres } from '../domain/floor-area';
import { Building, Compound } from '../persistence/compound.entity';
import { mayReadHousehold, seesOwnerName } from '../domain/access';
import { HouseholdRow, compoundStatistics, findHouseholds, listVisibleCompounds, pageHouseholds } from '../persistence/compound.repository';
import { readGrants } from '../persistence/read-grants.repository';
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

const statisticsLoader = (ctx: RequestContext) =>
  requestLoader(ctx, 'areas.compound-statistics', () =>
    new DataLoader<string, CompoundStatisticsType>(async (ids) => {
      const stats = await compoundStatistics(ctx.em, ids);
      return ids.map((id) => {
        const s = stats.get(id);
        return { buildings: s?.buildings ?? 0, elevators: s?.elevators ?? 0, households: s?.households ?? 0, floorAreaM2: formatSquareMetres(s?.floorAreaCentiM2 ?? 0n) };
      });
    }),
  );

/** Only the managing street office can write households, and it sees owners' names in full. */
const writerSeesName = (name?: string) => name ?? null;

const householdView = (h: HouseholdRow, nameOf: (name?: string) => string | null): HouseholdType => ({
  id: h.id,
  buildingId: h.buildingId,
  unit: h.unit,
  room: h.room,
  floorAreaM2: formatSquareMetres(h.floorAreaCentiM2),
  ownerReference: h.ownerReference,
  ownerName: nameOf(h.ownerName),
});

const householdLoader = (ctx: RequestContext) =>
  requestLoader(ctx, 'areas.household', () =>
    new DataLoader<string, HouseholdType | null>(async (ids) => {
      const found = new Map((await findHouseholds(ctx.em, ids)).map((h) => [h.id, h]));
      const grants = await readGrants(ctx.em, ctx.identity);
      return ids.map((id) => {
        const h = found.get(id);
        if (!h || !mayReadHousehold(ctx.identity, h, grants)) return null;
        return householdView(h, (name) => (seesOwnerName(ctx.identity, h, grants) ? (name ?? null) : maskOwnerName(name)));
      });
    }),
  );

/**
 * Resolves `Household` references for other subgraphs (arrears, litigation), batched: the street office and bureaus
 * of the household's street, the company serving its area and a court its case was referred to read it (domain/
 * access.ts); the owner's name in full only for the street office and that court. Anyone else gets null.
 */
export const householdReferenceResolvers = {
  Household: { __resolveReference: (ref: { id: string }, ctx: RequestContext) => householdLoader(ctx).load(ref.id) },
};

@Resolver(() => CompoundType)
export class CompoundResolver {
  @Query(() => [CompoundType], { description: 'Compounds in your jurisdiction, by name.' })
  compounds(
    @Ctx() ctx: RequestContext,
    @Arg('streetCode', () => String, { nullable: true }) streetCode?: string,
    @Arg('first', () => Int, { defaultValue: 100 }) first = 100,
  ): Promise<CompoundType[]> {
    return listVisibleCompounds(ctx.em, ctx.identity, { streetCode, first: Math.min(Math.max(first, 1), 1000) });
  }

  @Query(() => CompoundType, { description: 'NOT_FOUND when missing or outside your jurisdiction.' })
  compound(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<CompoundType> {
    return readableCompound(ctx.em, ctx.identity, id);
  }

  @FieldResolver(() => CompoundStatisticsType)
  statistics(@Root() compound: Compound, @Ctx() ctx: RequestContext): Promise<CompoundStatisticsType> {
    return statisticsLoader(ctx).load(compound.id);
  }

  @FieldResolver(() => [BuildingType])
  buildings(@Root() compound: Compound, @Ctx() ctx: RequestContext): Promise<BuildingType[]> {
    return childrenLoader(
      ctx,
      'areas.buildings-by-compound',
      (ids) => ctx.em.find(Building, { compoundId: { $in: ids } }, { orderBy: { label: 'asc' } }),
      (b) => b.compoundId,
    ).load(compound.id);
  }

  @FieldResolver(() => HouseholdPageType)
  async households(
    @Root() compound: Compound,
    @Ctx() ctx: RequestContext,
    @Arg('first', () => Int, { defaultValue: 50 }) first: number,
    @Arg('offset', () => Int, { defaultValue: 0 }) offset: number,
    @Arg('buildingId', () => ID, { nullable: true }) buildingId?: string,
  ): Promise<HouseholdPageType> {
    const { items, totalCount } = await pageHouseholds(ctx.em, {
      compoundId: compound.id,
      buildingId,
      first: Math.min(Math.max(first, 1), 500),
      offset: Math.max(offset, 0),
    });
    return { items: items.map((h) => householdView(h, (name) => ownerNameFor(ctx.identity, compound.streetCode, name))), totalCount };
  }

  @Mutation(() => CompoundType)
  registerCompound(@Arg('input') input: RegisterCompoundInput, @Ctx() ctx: RequestContext): Promise<CompoundType> {
    return registerCompound(ctx.em, ctx.identity, input);
  }

  @Mutation(() => CompoundType)
  updateCompound(@Arg('id', () => ID) id: string, @Arg('input') input: UpdateCompoundInput, @Ctx() ctx: RequestContext): Promise<CompoundType> {
    return updateCompound(ctx.em, ctx.identity, id, input);
  }

  @Mutation(() => BuildingType)
  updateBuilding(@Arg('id', () => ID) id: string, @Arg('input') input: UpdateBuildingInput, @Ctx() ctx: RequestContext): Promise<BuildingType> {
    return updateBuilding(ctx.em, ctx.identity, id, input);
  }

  @Mutation(() => HouseholdType)
  async updateHousehold(@Arg('id', () => ID) id: string, @Arg('input') input: UpdateHouseholdInput, @Ctx() ctx: RequestContext): Promise<HouseholdType> {
    return householdView(await updateHousehold(ctx.em, ctx.identity, id, input), writerSeesName);
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
    return householdView(await registerHousehold(ctx.em, ctx.identity, buildingId, input), writerSeesName);
  }

  @Mutation(() => [BuildingType], { description: 'Groups buildings into a property-management area (a compound, or adjacent buildings).' })
  assignBuildingsToArea(
    @Arg('areaId', () => ID) areaId: string,
    @Arg('buildingIds', () => [ID]) buildingIds: string[],
    @Ctx() ctx: RequestContext,
  ): Promise<BuildingType[]> {
    return assignBuildingsToArea(ctx.em, ctx.identity, areaId, buildingIds);
  }

  @Mutation(() => ImportSummaryType, {
    description:
      'Imports buildings and households from CSV (columns: building, building_class, floors, elevators, unit, room, ' +
      'floor_area_m2, owner_reference, owner_name). All or nothing: BAD_USER_INPUT lists every bad line.',
  })
  importCompoundCsv(@Arg('compoundId', () => ID) compoundId: string, @Arg('csv') csv: string, @Ctx() ctx: RequestContext): Promise<ImportSummaryType> {
    return importCompoundCsv(ctx.em, ctx.identity, compoundId, csv);
  }
}
