import type { EntityManager } from '@mikro-orm/core';
import { JOINT_DECISION_RECORDED, JointDecisionRecordedData, RecordedJointDecision } from '../../catalog';
import type { IsoDate } from '../../kernel/calendar';
import { isUuid } from '../../kernel/uuid';
import { sqlArray, sqlRows, sqlRun } from '../db/sql';
import { ConsumerDefinition, on } from '../events/consumer';

/**
 * The owners' joint decisions (areas.governance.v1) with the areas subgraph's verdict, as the subgraphs that rely on
 * one keep them: arrears (a levy names the fund-raising decision it is owed under), contracts (a regular contract
 * names the decision hiring its provider) and litigation (the complaint says when the owners chose the plaintiff).
 * One table shape for all, each in its own schema; a decision is kept once, redelivery and replays writing the same
 * row again.
 */
export type JointDecisionKeeper = 'arrears' | 'contracts' | 'litigation';

type DecisionRow = {
  decision_id: string;
  area_id: string;
  matter: RecordedJointDecision['matter'];
  held_on: IsoDate;
  valid: boolean;
  reasons: string[];
};
const COLUMNS = 'decision_id, area_id, matter, held_on::text as held_on, valid, reasons';
const decisionOf = (row: DecisionRow): RecordedJointDecision => ({
  decisionId: row.decision_id,
  areaId: row.area_id,
  matter: row.matter,
  heldOn: row.held_on,
  valid: row.valid,
  reasons: row.reasons,
});

export function jointDecisionViewDdl(schema: JointDecisionKeeper): string[] {
  return [
    `create table "${schema}"."joint_decision_view" (
      "decision_id" uuid primary key,
      "area_id" uuid not null,
      "matter" text not null,
      "held_on" date not null,
      "valid" boolean not null,
      "reasons" jsonb not null default '[]',
      "received_at" timestamptz not null default now())`,
  ];
}

export async function keepJointDecisionCopy(
  em: EntityManager,
  schema: JointDecisionKeeper,
  d: JointDecisionRecordedData,
): Promise<void> {
  await sqlRun(
    em,
    `insert into "${schema}".joint_decision_view (decision_id, area_id, matter, held_on, valid, reasons) values (?::uuid, ?::uuid, ?, ?::date, ?, ?::jsonb)
     on conflict (decision_id) do update set area_id = excluded.area_id, matter = excluded.matter, held_on = excluded.held_on, valid = excluded.valid, reasons = excluded.reasons`,
    [d.decisionId, d.areaId, d.matter, d.heldOn, d.valid, JSON.stringify(d.reasons)],
  );
}

/** The consumer keeping the decisions, for a subgraph that needs nothing else of the governance feed. */
export function jointDecisionConsumer(schema: Exclude<JointDecisionKeeper, 'arrears'>): ConsumerDefinition {
  return {
    name: `${schema}.governance`,
    subscriptions: [on(JOINT_DECISION_RECORDED, (em, { data }) => keepJointDecisionCopy(em, schema, data))],
  };
}

/** The decision of that id; null for an id no decision has (or that cannot be one). */
export async function findJointDecisionCopy(
  em: EntityManager,
  schema: JointDecisionKeeper,
  decisionId: string,
): Promise<RecordedJointDecision | null> {
  return (await findJointDecisionCopies(em, schema, [decisionId]))[0] ?? null;
}

/** The decisions of those ids that are kept (ids that cannot be one left out). */
export async function findJointDecisionCopies(
  em: EntityManager,
  schema: JointDecisionKeeper,
  decisionIds: readonly string[],
): Promise<RecordedJointDecision[]> {
  const ids = [...new Set(decisionIds.filter(isUuid).map((id) => id.toLowerCase()))];
  if (ids.length === 0) return [];
  const rows = await sqlRows<DecisionRow>(
    em,
    `select ${COLUMNS} from "${schema}".joint_decision_view where decision_id = any(?::uuid[])`,
    [sqlArray(ids)],
  );
  return rows.map(decisionOf);
}
