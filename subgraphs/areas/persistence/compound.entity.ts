import { randomUUID } from 'node:crypto';
import { EntitySchema } from '@mikro-orm/core';
import type { BuildingClass, CompoundKind, GovernanceModel, MaintenanceFundStatus } from '../domain/compound';

export class Compound {
  id: string = randomUUID();
  name!: string;
  districtCode!: string;
  streetCode!: string;
  communityCode?: string;
  kind!: CompoundKind;
  governanceModel!: GovernanceModel;
  yearBuilt?: number;
  propertyRightsUnits!: number;
  maintenanceFund!: MaintenanceFundStatus;
  registeredAt: Date = new Date();
}

export class Building {
  id: string = randomUUID();
  compoundId!: string;
  /** The property-management area the building belongs to, once delimited. */
  areaId?: string;
  label!: string;
  buildingClass!: BuildingClass;
  floors!: number;
  elevators!: number;
}

export class Household {
  id: string = randomUUID();
  buildingId!: string;
  unit!: string;
  room!: string;
  floorAreaCentiM2!: number;
  ownerReference!: string;
  ownerName?: string;
}

export const CompoundSchema = new EntitySchema<Compound>({
  class: Compound,
  tableName: 'compound',
  properties: {
    id: { type: 'uuid', primary: true },
    name: { type: 'text' },
    districtCode: { type: 'text' },
    streetCode: { type: 'text' },
    communityCode: { type: 'text', nullable: true },
    kind: { type: 'text' },
    governanceModel: { type: 'text' },
    yearBuilt: { type: 'integer', nullable: true },
    propertyRightsUnits: { type: 'integer' },
    maintenanceFund: { type: 'text' },
    registeredAt: { type: 'datetime', columnType: 'timestamptz' },
  },
});

export const BuildingSchema = new EntitySchema<Building>({
  class: Building,
  tableName: 'building',
  properties: {
    id: { type: 'uuid', primary: true },
    compoundId: { type: 'uuid' },
    areaId: { type: 'uuid', nullable: true },
    label: { type: 'text' },
    buildingClass: { type: 'text' },
    floors: { type: 'integer' },
    elevators: { type: 'integer' },
  },
});

export const HouseholdSchema = new EntitySchema<Household>({
  class: Household,
  tableName: 'household',
  properties: {
    id: { type: 'uuid', primary: true },
    buildingId: { type: 'uuid' },
    unit: { type: 'text' },
    room: { type: 'text' },
    floorAreaCentiM2: { type: 'integer', fieldName: 'floor_area_centi_m2' },
    ownerReference: { type: 'text' },
    ownerName: { type: 'text', nullable: true },
  },
});
