import type { EntityManager } from '@mikro-orm/postgresql';
import { todayInChina } from '../../../kernel/clock';
import { advisoryLock, sqlArray, sqlRows, sqlRun } from '../../../platform/db/sql';
import { SERVING_PROVIDER, providerServingSince } from './filing-snapshot.sql';

export interface Caretaking {
  id: string;
  areaId: string;
  caretakerUnit: string;
  community: string;
  startsOn: string;
  /** The day a provider began to serve the area under an accepted filing, on or after the start (by today); null while it runs. */
  endedOn: string | null;
}

interface CaretakingRow {
  id: string;
  area_id: string;
  caretaker_unit: string;
  community: string;
  starts_on: string;
  ended_on: string | null;
}

const caretakingOf = (r: CaretakingRow): Caretaking => ({
  id: r.id,
  areaId: r.area_id,
  caretakerUnit: r.caretaker_unit,
  community: r.community,
  startsOn: r.starts_on,
  endedOn: r.ended_on,
});

/** The areas' caretaking, newest first, each with its end derived from the accepted filings. */
export async function caretakingOfAreas(em: EntityManager, areaIds: string[]): Promise<Caretaking[]> {
  if (areaIds.length === 0) return [];
  const rows = await sqlRows<CaretakingRow>(
    em,
    `select c.id, c.area_id, c.caretaker_unit, c.community, c.starts_on::text as starts_on,
            ${providerServingSince('c')}::text as ended_on
       from areas.caretaking c where c.area_id = any(?::uuid[]) order by c.starts_on desc, c.assigned_at desc`,
    [todayInChina(), sqlArray(areaIds)],
  );
  return rows.map(caretakingOf);
}

/**
 * Whether a provider serves the area today under an accepted filing whose contract has begun and not ended (China
 * time). A contract reaching its end date changes no filing's status: before, an area whose contract had run out
 * counted as served for good, and the street office could assign it no caretaker (the unmanaged compound, 失管小区,
 * it is for).
 */
export async function hasAcceptedProvider(em: EntityManager, areaId: string): Promise<boolean> {
  const rows = await sqlRows<{ n: number }>(
    em,
    `select count(*)::int as n from areas.filing_snapshot f where f.area_id = ? and ${SERVING_PROVIDER}`,
    [areaId, todayInChina()],
  );
  return rows[0].n > 0;
}

export async function insertCaretaking(
  em: EntityManager,
  c: { id: string; areaId: string; caretakerUnit: string; community: string; startsOn: string; assignedBy: string },
): Promise<void> {
  await sqlRun(
    em,
    `insert into areas.caretaking (id, area_id, caretaker_unit, community, starts_on, assigned_by) values (?, ?, ?, ?, ?, ?)`,
    [c.id, c.areaId, c.caretakerUnit, c.community, c.startsOn, c.assignedBy],
  );
}

/** Serialises caretaker assignments of one area. */
export async function lockAreaCaretaking(em: EntityManager, areaId: string): Promise<void> {
  await advisoryLock(em, `areas.caretaking:${areaId}`);
}
