import type { EntityManager } from '@mikro-orm/postgresql';
import { advisoryLock, sqlArray, sqlRows, sqlRun } from '../../../platform/db/sql';
import { providerServingSince } from './filing-snapshot.sql';
import { todayInChina } from '../../../kernel/clock';

export interface SelfManagement {
  id: string;
  areaId: string;
  jointDecisionId: string;
  startsOn: string;
  /** The end the street office recorded or the day a provider began to serve under an accepted filing since the start (by today), the earlier; null while it runs. */
  endedOn: string | null;
}

interface SelfManagementRow {
  id: string;
  area_id: string;
  joint_decision_id: string;
  starts_on: string;
  ended_on: string | null;
}

/** The areas' self-management, newest first, each with its end (recorded, or derived from the accepted filings). */
export async function selfManagementOfAreas(em: EntityManager, areaIds: string[]): Promise<SelfManagement[]> {
  if (areaIds.length === 0) return [];
  const rows = await sqlRows<SelfManagementRow>(
    em,
    `select s.id, s.area_id, s.joint_decision_id, s.starts_on::text as starts_on,
            least(s.ended_on, ${providerServingSince('s')})::text as ended_on
       from areas.self_management s where s.area_id = any(?::uuid[]) order by s.starts_on desc, s.recorded_at desc`,
    [todayInChina(), sqlArray(areaIds)],
  );
  return rows.map((r) => ({
    id: r.id,
    areaId: r.area_id,
    jointDecisionId: r.joint_decision_id,
    startsOn: r.starts_on,
    endedOn: r.ended_on,
  }));
}

export async function insertSelfManagement(
  em: EntityManager,
  s: { id: string; areaId: string; jointDecisionId: string; startsOn: string; recordedBy: string },
): Promise<void> {
  await sqlRun(
    em,
    `insert into areas.self_management (id, area_id, joint_decision_id, starts_on, recorded_by) values (?, ?, ?, ?, ?)`,
    [s.id, s.areaId, s.jointDecisionId, s.startsOn, s.recordedBy],
  );
}

export async function endSelfManagementRow(em: EntityManager, id: string, endedOn: string): Promise<void> {
  await sqlRun(em, `update areas.self_management set ended_on = ? where id = ?`, [endedOn, id]);
}

/** Serialises the self-management records of one area. */
export async function lockAreaSelfManagement(em: EntityManager, areaId: string): Promise<void> {
  await advisoryLock(em, `areas.self_management:${areaId}`);
}
