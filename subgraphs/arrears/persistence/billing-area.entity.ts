import { EntitySchema } from '@mikro-orm/core';

/**
 * An area that can be billed, as the arrears subgraph knows it from `areas.areas.v1`. Collection-rate statistics
 * for bureaus are grouped by its street and district; households and fee schedules join it in later issues.
 */
export class BillingArea {
  areaId!: string;
  name!: string;
  districtCode!: string;
  streetCode!: string;
  knownSince!: Date;
}

export const BillingAreaSchema = new EntitySchema<BillingArea>({
  class: BillingArea,
  tableName: 'billing_area',
  properties: {
    areaId: { type: 'uuid', primary: true },
    name: { type: 'text' },
    districtCode: { type: 'text' },
    streetCode: { type: 'text' },
    knownSince: { type: 'datetime', columnType: 'timestamptz' },
  },
});
