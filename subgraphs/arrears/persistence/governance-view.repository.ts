import type { EntityManager } from '@mikro-orm/postgresql';
import { IsoDate } from '../../../kernel/calendar';
import { sqlRows, sqlRun } from '../../../platform/db/sql';
import { RecordedJointDecision } from '../domain/levy';
import { isUuid } from '../../../kernel/uuid';
import { findJointDecisionCopy } from '../../../platform/read-models/joint-decisions';

/*
 * What arrears keeps of areas.governance.v1: the owners' joint decisions with the areas subgraph's verdict (levies
 * must name a valid one, levy.ts; platform/read-models/joint-decisions.ts) and the standing committees (an owners'
 * committee reports utility cut-offs).
 */

/** The decision of that id; null for an id no decision has (or that cannot be one). */
export const findJointDecision = (em: EntityManager, decisionId: string): Promise<RecordedJointDecision | null> =>
  findJointDecisionCopy(em, 'arrears', decisionId);

export async function saveCommittee(
  em: EntityManager,
  c: { bodyId: string; areaId: string; kind: string; formedOn: IsoDate },
): Promise<void> {
  await sqlRun(
    em,
    `insert into arrears.committee_view (body_id, area_id, kind, formed_on) values (?::uuid, ?::uuid, ?, ?::date)
     on conflict (body_id) do update set area_id = excluded.area_id, kind = excluded.kind, formed_on = excluded.formed_on`,
    [c.bodyId, c.areaId, c.kind, c.formedOn],
  );
}

export async function dissolveCommittee(em: EntityManager, bodyId: string, dissolvedOn: IsoDate): Promise<void> {
  await sqlRun(em, `update arrears.committee_view set dissolved_on = ?::date where body_id = ?::uuid`, [
    dissolvedOn,
    bodyId,
  ]);
}

/** Whether the body is a committee of the area, standing (not dissolved). */
export async function isStandingCommitteeOf(em: EntityManager, bodyId: string, areaId: string): Promise<boolean> {
  if (!isUuid(bodyId)) return false;
  const [row] = await sqlRows<{ n: number }>(
    em,
    `select count(*)::int as n from arrears.committee_view where body_id = ?::uuid and area_id = ?::uuid and dissolved_on is null`,
    [bodyId, areaId],
  );
  return row.n > 0;
}
