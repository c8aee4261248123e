import type { EntityManager } from '@mikro-orm/postgresql';
import { sqlArray, sqlRows, sqlRun } from '../../../platform/db/sql';
import type { PreparatoryMember } from '../domain/preparatory-group';

export interface PreparatoryGroup {
  id: string;
  areaId: string;
  areaName: string;
  streetCode: string;
  formedOn: string;
  members: PreparatoryMember[];
  periodDays: number | null;
  periodSource: string | null;
  deadline: string | null;
  /** The first meeting of the area's owners' assembly on or after the formation; null while none is recorded. */
  firstAssemblyOn: string | null;
}

interface Row {
  id: string;
  area_id: string;
  area_name: string;
  street_code: string;
  formed_on: string;
  members: PreparatoryMember[];
  period_days: number | null;
  period_source: string | null;
  deadline: string | null;
  first_assembly_on: string | null;
}

const groupOf = (r: Row): PreparatoryGroup => ({
  id: r.id,
  areaId: r.area_id,
  areaName: r.area_name,
  streetCode: r.street_code,
  formedOn: r.formed_on,
  members: r.members,
  periodDays: r.period_days,
  periodSource: r.period_source,
  deadline: r.deadline,
  firstAssemblyOn: r.first_assembly_on,
});

const SELECT = `select g.id, g.area_id, a.name as area_name, a.street_code, g.formed_on::text as formed_on, g.members,
    g.period_days, g.period_source, g.deadline::text as deadline,
    (select min(b.formed_on)::text from areas.governance_body b
      where b.area_id = g.area_id and b.kind = 'OWNERS_ASSEMBLY' and b.formed_on >= g.formed_on) as first_assembly_on
  from areas.preparatory_group g join areas.area a on a.id = g.area_id`;

export async function preparatoryGroupsOfAreas(em: EntityManager, areaIds: string[]): Promise<PreparatoryGroup[]> {
  if (areaIds.length === 0) return [];
  const rows = await sqlRows<Row>(em, `${SELECT} where g.area_id = any(?::uuid[]) order by g.formed_on desc`, [
    sqlArray(areaIds),
  ]);
  return rows.map(groupOf);
}

/** Groups of areas whose street code starts with one of the prefixes (every group for none), oldest first. */
export async function preparatoryGroupsUnder(
  em: EntityManager,
  prefixes: string[],
  limit: number,
): Promise<PreparatoryGroup[]> {
  const where = prefixes.length ? `where (${prefixes.map(() => 'starts_with(a.street_code, ?)').join(' or ')})` : '';
  const rows = await sqlRows<Row>(em, `${SELECT} ${where} order by g.formed_on, g.id limit ?`, [...prefixes, limit]);
  return rows.map(groupOf);
}

/** Whether the area's owners' assembly is recorded (a preparatory group is only for the first one). */
export async function hasOwnersAssembly(em: EntityManager, areaId: string): Promise<boolean> {
  const rows = await sqlRows<{ n: number }>(
    em,
    `select count(*)::int as n from areas.governance_body where area_id = ? and kind = 'OWNERS_ASSEMBLY'`,
    [areaId],
  );
  return rows[0].n > 0;
}

export async function insertPreparatoryGroup(
  em: EntityManager,
  g: {
    id: string;
    areaId: string;
    formedOn: string;
    members: PreparatoryMember[];
    periodDays: number | null;
    periodSource: string | null;
    deadline: string | null;
    formedBy: string;
  },
): Promise<void> {
  await sqlRun(
    em,
    `insert into areas.preparatory_group (id, area_id, formed_on, members, period_days, period_source, deadline, formed_by)
     values (?, ?, ?::date, ?::jsonb, ?, ?, ?::date, ?)`,
    [g.id, g.areaId, g.formedOn, JSON.stringify(g.members), g.periodDays, g.periodSource, g.deadline, g.formedBy],
  );
}
