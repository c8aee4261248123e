import type { RequiredEntityData } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { sqlArray, sqlRows } from '../../../platform/db/sql';
import { Division, DivisionSchema } from './division.entity';

/** The children of a division, or the districts when no parent is given, by code. */
export function divisionsUnder(em: EntityManager, parentCode?: string): Promise<Division[]> {
  return em.find(DivisionSchema, parentCode ? { parentCode } : { level: 'DISTRICT' }, { orderBy: { code: 'asc' } });
}

export function findDivision(em: EntityManager, code: string): Promise<Division | null> {
  return em.findOne(DivisionSchema, { code });
}

export function insertDivision(em: EntityManager, division: RequiredEntityData<Division>): Division {
  return em.create(DivisionSchema, division);
}

/** Compounds registered under each division code (street or community prefix), for many divisions in one query. */
export async function compoundCounts(em: EntityManager, codes: readonly string[]): Promise<Map<string, number>> {
  const rows = await sqlRows<{ code: string; n: number }>(
    em,
    `select d.code, count(c.id) as n
       from unnest(?::text[]) as d(code)
       left join areas.compound c on c.street_code like d.code || '%' or c.community_code like d.code || '%'
      group by d.code`,
    [sqlArray(codes)],
  );
  return new Map(rows.map((r) => [r.code, r.n]));
}
