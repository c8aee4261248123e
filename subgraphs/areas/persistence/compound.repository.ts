import { LockMode } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import type { RequiredEntityData } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Identity } from '../../../kernel/identity';
import { sqlArray, sqlRows } from '../../../platform/db/sql';
import { Compound, CompoundSchema } from './compound.entity';
import { visibleStreets } from './area.repository';

export interface CompoundStatistics {
  compoundId: string;
  buildings: number;
  elevators: number;
  households: number;
  floorAreaCentiM2: number;
}

export async function listVisibleCompounds(
  em: EntityManager,
  identity: Identity,
  filter: { streetCode?: string; first: number },
): Promise<Compound[]> {
  const visible = visibleStreets<Compound>(identity);
  if (!visible) return [];
  return em.find(
    CompoundSchema,
    { $and: [visible, filter.streetCode ? { streetCode: filter.streetCode } : {}] },
    {
      orderBy: { name: 'asc' },
      limit: filter.first,
    },
  );
}

export async function findVisibleCompounds(
  em: EntityManager,
  identity: Identity,
  ids: readonly string[],
): Promise<Compound[]> {
  const visible = visibleStreets<Compound>(identity);
  if (!visible || ids.length === 0) return [];
  return em.find(CompoundSchema, { $and: [{ id: { $in: [...ids] } }, visible] });
}

/**
 * One compound by id, whoever asks: the caller's access is the application's to check. `lock` holds it (FOR UPDATE,
 * read afresh) until the transaction ends.
 */
export function findCompound(
  em: EntityManager,
  id: string,
  options: { lock?: boolean } = {},
): Promise<Compound | null> {
  return em.findOne(
    CompoundSchema,
    { id },
    options.lock ? { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true } : {},
  );
}

export function findCompounds(em: EntityManager, ids: readonly string[]): Promise<Compound[]> {
  return ids.length === 0 ? Promise.resolve([]) : em.find(CompoundSchema, { id: { $in: [...ids] } });
}

/** A compound's name is unique in its street. */
export async function isCompoundNameTaken(em: EntityManager, streetCode: string, name: string): Promise<boolean> {
  return (await em.count(CompoundSchema, { streetCode, name })) > 0;
}

export function insertCompound(em: EntityManager, compound: Omit<RequiredEntityData<Compound>, 'id'>): Compound {
  return em.create(CompoundSchema, { id: randomUUID(), ...compound });
}

/** Statistics of many compounds in one set-based query (no per-compound round trips). */
export async function compoundStatistics(
  em: EntityManager,
  compoundIds: readonly string[],
): Promise<Map<string, CompoundStatistics>> {
  const rows = await sqlRows<{
    compound_id: string;
    buildings: number;
    elevators: number;
    households: number;
    floor_area: number;
  }>(
    em,
    `select c.id as compound_id,
            (select count(*) from areas.building b where b.compound_id = c.id) as buildings,
            (select coalesce(sum(b.elevators), 0) from areas.building b where b.compound_id = c.id) as elevators,
            count(h.id) as households,
            coalesce(sum(h.floor_area_centi_m2), 0) as floor_area
       from areas.compound c
       left join areas.building b on b.compound_id = c.id
       left join areas.household h on h.building_id = b.id
      where c.id = any(?::uuid[])
      group by c.id`,
    [sqlArray(compoundIds)],
  );
  return new Map(
    rows.map((r) => [
      r.compound_id,
      {
        compoundId: r.compound_id,
        buildings: r.buildings,
        elevators: r.elevators,
        households: r.households,
        floorAreaCentiM2: r.floor_area,
      },
    ]),
  );
}
