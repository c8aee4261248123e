import { type InferEntity, defineEntity, p } from '@mikro-orm/core';
import type { BuildingClass, CompoundKind, GovernanceModel, MaintenanceFundStatus } from '../domain/compound';

/** The register of compounds, their buildings and households (domain/compound.ts); the DDL is in migrations/. */
export const CompoundSchema = defineEntity({
  name: 'Compound',
  tableName: 'compound',
  properties: {
    id: p.uuid().primary(),
    name: p.text(),
    districtCode: p.text(),
    streetCode: p.text(),
    communityCode: p.text().nullable(),
    kind: p.text().$type<CompoundKind>(),
    governanceModel: p.text().$type<GovernanceModel>(),
    yearBuilt: p.integer().nullable(),
    propertyRightsUnits: p.integer(),
    maintenanceFund: p.text().$type<MaintenanceFundStatus>(),
    registeredAt: p.datetime().columnType('timestamptz'),
    /**
     * 1 when registered, bumped by each correction under the compound's row lock; hub.areas.compound.changed carries
     * it, so a consumer keeps the newest copy whatever order the events arrive in.
     */
    version: p.integer().default(1),
  },
});

export const BuildingSchema = defineEntity({
  name: 'Building',
  tableName: 'building',
  properties: {
    id: p.uuid().primary(),
    compoundId: p.uuid(),
    /** The property-management area the building belongs to, once delimited. */
    areaId: p.uuid().nullable(),
    /** The day it joined its area, where added to an area delimited on an earlier day (null: part of it as delimited). */
    joinedAreaOn: p.date().nullable(),
    label: p.text(),
    buildingClass: p.text().$type<BuildingClass>(),
    floors: p.integer(),
    elevators: p.integer(),
    /** YYYY-MM: the month its elevators were last installed or replaced, where recorded. */
    elevatorsReplacedIn: p.text().nullable(),
  },
});

export const HouseholdSchema = defineEntity({
  name: 'Household',
  tableName: 'household',
  properties: {
    id: p.uuid().primary(),
    buildingId: p.uuid(),
    unit: p.text(),
    room: p.text(),
    floorAreaCentiM2: p.integer().fieldName('floor_area_centi_m2'),
    ownerReference: p.text(),
    ownerName: p.text().nullable(),
    /** The day the owner became the owner, where the register recorded a change of owner (domain/compound.ts ownerDaysOf). */
    ownerSince: p.date().nullable(),
    /** The day the registered owner died, where the register knows it (domain/compound.ts ownerDaysOf). */
    ownerDiedOn: p.date().nullable(),
  },
});

export type Compound = InferEntity<typeof CompoundSchema>;
export type Building = InferEntity<typeof BuildingSchema>;
export type Household = InferEntity<typeof HouseholdSchema>;
