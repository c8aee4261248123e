import { InferEntity, defineEntity } from '@mikro-orm/core';

/**
 * An area that can be billed, as the arrears subgraph knows it from `areas.areas.v1`. Collection-rate statistics
 * for bureaus are grouped by its street and district; the access rules read the same codes. The table is created
 * by Migration20261122000000_initial.
 */
export const BillingAreaSchema = defineEntity({
  name: 'BillingArea',
  tableName: 'billing_area',
  properties: (p) => ({
    areaId: p.uuid().primary(),
    name: p.text(),
    districtCode: p.text(),
    streetCode: p.text(),
    knownSince: p.datetime().columnType('timestamptz'),
  }),
});

export type BillingArea = InferEntity<typeof BillingAreaSchema>;
