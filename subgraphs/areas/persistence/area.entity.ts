import { type InferEntity, defineEntity, p } from '@mikro-orm/core';

/** A property-management area as stored (domain/area.ts); the DDL is in migrations/. */
export const AreaSchema = defineEntity({
  name: 'Area',
  tableName: 'area',
  properties: {
    id: p.uuid().primary(),
    name: p.text(),
    districtCode: p.text(),
    streetCode: p.text().index(),
    registeredBy: p.text(),
    registeredAt: p.datetime().columnType('timestamptz'),
    /** The households the street office declares the area has; null until declared. */
    declaredHouseholds: p.integer().nullable(),
    /** The day its first buildings were assigned (domain/area.ts joinedAreaOn); null until then, and for areas delimited before the column. */
    delimitedOn: p.date().nullable(),
  },
});

export type Area = InferEntity<typeof AreaSchema>;
