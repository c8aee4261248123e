import { EntitySchema } from '@mikro-orm/core';
import type { DivisionLevel } from '../domain/division';

export class Division {
  code!: string;
  name!: string;
  level!: DivisionLevel;
  parentCode?: string;
}

export const DivisionSchema = new EntitySchema<Division>({
  class: Division,
  tableName: 'division',
  properties: {
    code: { type: 'text', primary: true },
    name: { type: 'text' },
    level: { type: 'text' },
    parentCode: { type: 'text', nullable: true, index: true },
  },
});
