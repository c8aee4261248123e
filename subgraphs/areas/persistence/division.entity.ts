import { type InferEntity, defineEntity, p } from '@mikro-orm/core';
import type { DivisionLevel } from '../domain/division';

/** The administrative hierarchy (domain/division.ts); the DDL is in migrations/. */
export const DivisionSchema = defineEntity({
  name: 'Division',
  tableName: 'division',
  properties: {
    code: p.text().primary(),
    name: p.text(),
    level: p.text().$type<DivisionLevel>(),
    parentCode: p.text().nullable().index(),
  },
});

export type Division = InferEntity<typeof DivisionSchema>;
