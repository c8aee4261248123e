import { randomUUID } from 'node:crypto';
import type { RequiredEntityData } from '@mikro-orm/core';
import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import { Identity } from '../../../kernel/identity';
import { readableAreaIds, readableStreetPrefixes } from '../domain/access';
import { Area, AreaSchema } from './area.entity';
import { readGrants } from './read-grants.repository';

/** Rows an identity may read, as a filter: the database does the row-level rule, never a loop in memory. */
export function visibleStreets<T extends { streetCode: string }>(identity: Identity): FilterQuery<T> | undefined {
  const prefixes = readableStreetPrefixes(identity);
  if (!prefixes) return undefined;
  if (prefixes.length === 0) return {} as FilterQuery<T>;
  return { $or: prefixes.map((p) => ({ streetCode: { $like: `${p}%` } })) } as FilterQuery<T>;
}

/**
 * Street offices and bureaus read by street; a company the areas it serves and those of its own contracts, a court
 * those of its referred cases (domain/access.ts mayReadAreaGranted).
 */
async function visibleTo(em: EntityManager, identity: Identity): Promise<FilterQuery<Area> | undefined> {
  const streets = visibleStreets<Area>(identity);
  if (streets) return streets;
  const areaIds = readableAreaIds(await readGrants(em, identity));
  return areaIds.length > 0 ? { id: { $in: areaIds } } : undefined;
}

export async function findVisibleAreas(em: EntityManager, identity: Identity, ids: readonly string[]): Promise<Area[]> {
  const filter = await visibleTo(em, identity);
  if (!filter || ids.length === 0) return [];
  return em.find(AreaSchema, { $and: [{ id: { $in: [...ids] } }, filter] });
}

export async function listVisibleAreas(
  em: EntityManager,
  identity: Identity,
  page: { first: number; streetCode?: string },
): Promise<Area[]> {
  const filter = await visibleTo(em, identity);
  if (!filter) return [];
  const conditions: FilterQuery<Area>[] = [filter];
  if (page.streetCode) conditions.push({ streetCode: page.streetCode });
  return em.find(AreaSchema, { $and: conditions }, { orderBy: { registeredAt: 'asc', id: 'asc' }, limit: page.first });
}

/** One area by id, whoever asks: the caller's access is the application's to check. */
export function findArea(em: EntityManager, id: string): Promise<Area | null> {
  return em.findOne(AreaSchema, { id });
}

/** A new area in the unit of work; it is written when the transaction flushes. */
export function insertArea(em: EntityManager, area: Omit<RequiredEntityData<Area>, 'id'>): Area {
  return em.create(AreaSchema, { id: randomUUID(), ...area });
}

/** Every area in the streets the caller reads by street (street offices, bureaus, the admin); none for anyone else. */
export function areasInReadableStreets(em: EntityManager, identity: Identity): Promise<Area[]> {
  const streets = visibleStreets<Area>(identity);
  return streets ? em.find(AreaSchema, streets, { orderBy: { registeredAt: 'asc', id: 'asc' } }) : Promise.resolve([]);
}
