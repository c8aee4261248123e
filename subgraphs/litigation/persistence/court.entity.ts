import { EntitySchema } from '@mikro-orm/core';

export class Court {
  /** The court's organisation id, as in its users' tokens. */
  courtId!: string;
  name!: string;
  provinceCode!: string;
  registeredAt: Date = new Date();
}

export const CourtSchema = new EntitySchema<Court>({
  class: Court,
  tableName: 'court',
  properties: {
    courtId: { type: 'text', primary: true },
    name: { type: 'text' },
    provinceCode: { type: 'text' },
    registeredAt: { type: 'datetime', columnType: 'timestamptz' },
  },
});
