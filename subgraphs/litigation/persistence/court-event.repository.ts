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
  /** An INVALID report is refused, never recorded. */
  verdict: Exclude<CourtEventVerdict, 'INVALID'>;
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
  verdict: Exclude<CourtEventVerdict, 'INVALID'>;
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
