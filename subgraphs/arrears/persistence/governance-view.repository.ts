import type { EntityManager } from '@mikro-orm/postgresql';
import { IsoDate } from '../../../kernel/calendar';
import { sqlRows, sqlRun } from '../../../platform/db/sql';
import { RecordedJointDecision } from '../domain/levy';
import { CommitteeMandate } from '../domain/utility-violation';
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
  c: { bodyId: string; areaId: string; kind: string; formedOn: IsoDate; termEndsOn: IsoDate | null },
): Promise<void> {
  await sqlRun(
    em,
    `insert into arrears.committee_view (body_id, area_id, kind, formed_on, term_ends_on)
     values (?::uuid, ?::uuid, ?, ?::date, ?::date)
     on conflict (body_id) do update set area_id = excluded.area_id, kind = excluded.kind, formed_on = excluded.formed_on,
       term_ends_on = excluded.term_ends_on`,
    [c.bodyId, c.areaId, c.kind, c.formedOn, c.termEndsOn],
  );
}

export async function dissolveCommittee(em: EntityManager, bodyId: string, dissolvedOn: IsoDate): Promise<void> {
  await sqlRun(em, `update arrears.committee_view set dissolved_on = ?::date where body_id = ?::uuid`, [
    dissolvedOn,
    bodyId,
  ]);
}

/** The committee of that id in the area, with its kind, formation, term and dissolution; null when the body is none of the area's. */
export async function findCommitteeOf(
  em: EntityManager,
  bodyId: string,
  areaId: string,
): Promise<CommitteeMandate | null> {
  if (!isUuid(bodyId)) return null;
  const [row] = await sqlRows<{
    kind: string;
    formed_on: string;
    term_ends_on: string | null;
    dissolved_on: string | null;
  }>(
    em,
    `select kind, formed_on::text as formed_on, term_ends_on::text as term_ends_on, dissolved_on::text as dissolved_on
       from arrears.committee_view where body_id = ?::uuid and area_id = ?::uuid`,
    [bodyId, areaId],
  );
  return row
    ? { kind: row.kind, formedOn: row.formed_on, termEndsOn: row.term_ends_on, dissolvedOn: row.dissolved_on }
    : null;
}
