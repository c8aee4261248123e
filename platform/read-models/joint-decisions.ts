import type { EntityManager } from '@mikro-orm/core';
import type { IsoDate } from '../../kernel/calendar';
import { isUuid } from '../../kernel/uuid';
import { sqlRows, sqlRun } from '../db/sql';

/**
 * The owners' joint decisions (areas.governance.v1) with the areas subgraph's verdict, as the subgraphs that rely on
 * one keep them: arrears (a levy names the fund-raising decision it is owed under) and contracts (a regular contract
 * names the decision hiring its provider). One table shape for both, each in its own schema; a decision is kept once,
 * redelivery and replays writing the same row again.
 */
export type JointDecisionKeeper = 'arrears' | 'contracts';

/** A joint decision as the areas feed published it. */
export interface RecordedJointDecision {
  decisionId: string;
  areaId: string;
  matter: string;
  heldOn: IsoDate;
  valid: boolean;
  reasons: string[];
}

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
  d: RecordedJointDecision,
): Promise<void> {
  await sqlRun(
    em,
    `insert into "${schema}".joint_decision_view (decision_id, area_id, matter, held_on, valid, reasons) values (?::uuid, ?::uuid, ?, ?::date, ?, ?::jsonb)
     on conflict (decision_id) do update set area_id = excluded.area_id, matter = excluded.matter, held_on = excluded.held_on, valid = excluded.valid, reasons = excluded.reasons`,
    [d.decisionId, d.areaId, d.matter, d.heldOn, d.valid, JSON.stringify(d.reasons)],
  );
}

/** The decision of that id; null for an id no decision has (or that cannot be one). */
export async function findJointDecisionCopy(
  em: EntityManager,
  schema: JointDecisionKeeper,
  decisionId: string,
): Promise<RecordedJointDecision | null> {
  if (!isUuid(decisionId)) return null;
  const [row] = await sqlRows<{
    decision_id: string;
    area_id: string;
    matter: string;
    held_on: IsoDate;
    valid: boolean;
    reasons: string[];
  }>(
    em,
    `select decision_id, area_id, matter, held_on::text as held_on, valid, reasons from "${schema}".joint_decision_view where decision_id = ?::uuid`,
    [decisionId],
  );
  return row
    ? {
        decisionId: row.decision_id,
        areaId: row.area_id,
        matter: row.matter,
        heldOn: row.held_on,
        valid: row.valid,
        reasons: row.reasons,
      }
    : null;
}
