import { defineEntity, type InferEntity } from '@mikro-orm/core';
import type { BuildingClass } from '../domain/fee-schedule';

/**
 * The contracts subgraph's own copy of the areas it may receive contracts for, fed by `areas.areas.v1`. Filing
 * review is routed by it: Beijing art. 63 has contracts filed with the area's street office and district authority.
 * The facts (floor area, households, building classes) arrive with the area's first change.
 */
export const AreaViewSchema = defineEntity({
  name: 'AreaView',
  tableName: 'area_view',
  properties: (p) => ({
    areaId: p.uuid().primary(),
    name: p.text(),
    districtCode: p.text(),
    streetCode: p.text(),
    registeredAt: p.datetime().columnType('timestamptz'),
    syncedAt: p.datetime().columnType('timestamptz'),
    totalFloorAreaCentiM2: p.bigint('number').fieldName('total_floor_area_centi_m2').default(0),
    households: p.integer().default(0),
    buildingClasses: p.json<BuildingClass[]>().default('[]'),
  }),
});

export type AreaView = InferEntity<typeof AreaViewSchema>;
