import { InferEntity, defineEntity } from '@mikro-orm/core';

/** A court receiving referrals; the table's DDL is in the checked-in migrations. */
export const CourtSchema = defineEntity({
  name: 'Court',
  tableName: 'court',
  properties: (p) => ({
    /** The court's organisation id, as in its users' tokens. */
    courtId: p.text().primary(),
    name: p.text(),
    provinceCode: p.text(),
    /** Its territory: the districts whose property-fee cases it hears (domain/court.ts). */
    districtCodes: p.array().columnType('text[]'),
    registeredAt: p.datetime().columnType('timestamptz'),
  }),
});

export type Court = InferEntity<typeof CourtSchema>;
