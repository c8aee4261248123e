import { randomUUID } from 'node:crypto';
import { EntitySchema } from '@mikro-orm/core';

export class Area {
  id: string = randomUUID();
  name!: string;
  districtCode!: string;
  streetCode!: string;
  registeredBy!: string;
  registeredAt: Date = new Date();
}

export const AreaSchema = new EntitySchema<Area>({
  class: Area,
  tableName: 'area',
  properties: {
    id: { type: 'uuid', primary: true },
    name: { type: 'text' },
    districtCode: { type: 'text' },
    streetCode: { type: 'text', index: true },
    registeredBy: { type: 'text' },
    registeredAt: { type: 'datetime', columnType: 'timestamptz' },
  },
});
