import type { EntityManager } from '@mikro-orm/postgresql';
import { CourtEventKind } from '../../../catalog';
import { sqlArray, sqlRows, sqlRun } from '../../../platform/db/sql';
import { CourtEventVerdict } from '../domain/case-status';

/** A report received from a court (or the company's withdrawal), with how it was judged (case-status.ts). */
export interface CourtEventRecord {
  /** The court system's id of the report (CloudEvents ce_id over Kafka), or one the hub gave it. */
  id: string;
  referralId: string;
  kind: CourtEventKind;
  occurredAt: string;
  /**
   * An INVALID report is refused, never recorded. OVERRULED: the company's withdrawal, applied, then overruled by the
   * court's report of a step on its docket (case-status.ts overrulesOwnWithdrawal).
   */
  verdict: Exclude<CourtEventVerdict, 'INVALID'> | 'OVERRULED';
  details: Record<string, unknown>;
  via: 'API' | 'KAFKA';
  /** The reporting person, or the court for a report over Kafka. */
  reportedBy: string;
}

interface CourtEventColumns {
  id: string;
  referral_id: string;
  kind: CourtEventKind;
  occurred_at: string;
  verdict: CourtEventRecord['verdict'];
  details: Record<string, unknown>;
  via: 'API' | 'KAFKA';
  reported_by: string;
  /** timestamptz arrives as text in raw queries (MikroORM's pg type overrides). */
  received_at: string;
}

const courtEventOf = (e: CourtEventColumns): CourtEventRecord & { receivedAt: Date } => ({
  id: e.id,
  referralId: e.referral_id,
  kind: e.kind,
  occurredAt: e.occurred_at,
  verdict: e.verdict,
  details: e.details,
  via: e.via,
  reportedBy: e.reported_by,
  receivedAt: new Date(e.received_at),
});

export async function insertCourtEvent(tx: EntityManager, e: CourtEventRecord): Promise<void> {
  await sqlRun(
    tx,
    `insert into litigation.court_event (court_id, id, referral_id, kind, occurred_at, verdict, details, via, reported_by)
     select r.court_id, ?, r.id, ?, ?, ?, ?::jsonb, ?, ? from litigation.referral r where r.id = ?::uuid`,
    [e.id, e.kind, e.occurredAt, e.verdict, JSON.stringify(e.details), e.via, e.reportedBy, e.referralId],
  );
}

/**
 * The company's own withdrawal through the hub that took the referral to WITHDRAWN, if that is how it got there and
 * the court has not reported a withdrawal of its own since (allowing it: then the court's word stands, even when an
 * earlier step of its docket arrives after it).
 */
export async function companyWithdrawalOf(tx: EntityManager, referralId: string): Promise<string | null> {
  const [row] = await sqlRows<{ id: string }>(
    tx,
    `select e.id from litigation.court_event e
      where e.referral_id = ?::uuid and e.kind = 'WITHDRAWN' and e.verdict = 'APPLY'
        and e.via = 'API' and e.details->>'by' = 'PLAINTIFF'
        and not exists (select 1 from litigation.court_event c
                         where c.referral_id = e.referral_id and c.kind = 'WITHDRAWN' and c.id <> e.id)
      order by e.received_at desc limit 1`,
    [referralId],
  );
  return row?.id ?? null;
}

/** Marks the company's withdrawal overruled by the court's docket: it no longer ends the case. */
export async function overruleWithdrawal(tx: EntityManager, referralId: string, eventId: string): Promise<void> {
  await sqlRun(
    tx,
    `update litigation.court_event set verdict = 'OVERRULED' where referral_id = ?::uuid and id = ? and kind = 'WITHDRAWN'`,
    [referralId, eventId],
  );
}

/**
 * The report the court recorded under this id, if any: the referral it was on and the details it carried. Ids are
 * each court's own (another court's report under the same id is not this one).
 */
export async function reportOfId(
  tx: EntityManager,
  courtId: string,
  reportId: string,
): Promise<{ referralId: string; details: Record<string, unknown> } | null> {
  const [row] = await sqlRows<Pick<CourtEventColumns, 'referral_id' | 'details'>>(
    tx,
    `select referral_id, details from litigation.court_event where court_id = ? and id = ?`,
    [courtId, reportId],
  );
  return row ? { referralId: row.referral_id, details: row.details } : null;
}

/** Every report on the referrals, in the order received: one query for a whole list of referrals. */
export async function courtEventsOf(
  em: EntityManager,
  referralIds: readonly string[],
): Promise<(CourtEventRecord & { receivedAt: Date })[]> {
  const rows = await sqlRows<CourtEventColumns>(
    em,
    `select id, referral_id, kind, occurred_at, verdict, details, via, reported_by, received_at from litigation.court_event
      where referral_id = any(?::uuid[]) order by received_at`,
    [sqlArray(referralIds)],
  );
  return rows.map(courtEventOf);
}

/**
 * The kinds of the steps the court's reports took the referral through: those applied or filled in late, not a
 * withdrawal the court's docket overruled nor a report refused (never recorded).
 */
export async function recordedStepsOf(tx: EntityManager, referralId: string): Promise<CourtEventKind[]> {
  const rows = await sqlRows<{ kind: CourtEventKind }>(
    tx,
    `select distinct kind from litigation.court_event where referral_id = ?::uuid and verdict in ('APPLY', 'STALE', 'DUPLICATE')`,
    [referralId],
  );
  return rows.map((r) => r.kind);
}
