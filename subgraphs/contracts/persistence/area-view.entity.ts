import { EntitySchema } from '@mikro-orm/core';

/**
 * The contracts subgraph's own copy of the areas it may receive contracts for, fed by `areas.areas.v1`. Filing
 * review is routed by it: Beijing art. 63 has contracts filed with the area's street office and district authority.
 */
export class AreaView {
  areaId!: string;
  name!: string;
  districtCode!: string;
  streetCode!: string;
  registeredAt!: Date;
  syncedAt!: Date;
  totalFloorAreaCentiM2: string = '0';
  households = 0;
  buildingClasses: string[] = [];
}

export const AreaViewSchema = new EntitySchema<AreaView>({
  class: AreaView,
  tableName: 'area_view',
  properties: {
    areaId: { type: 'uuid', primary: true },
    name: { type: 'text' },
    districtCode: { type: 'text' },
    streetCode: { type: 'text' },
    registeredAt: { type: 'datetime', columnType: 'timestamptz' },
    syncedAt: { type: 'datetime', columnType: 'timestamptz' },
    totalFloorAreaCentiM2: { type: 'bigint', fieldName: 'total_floor_area_centi_m2', default: 0 },
    households: { type: 'integer', default: 0 },
    buildingClasses: { type: 'json', default: '[]' },
  },
});
