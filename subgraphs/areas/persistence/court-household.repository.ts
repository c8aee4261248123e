import type { EntityManager } from '@mikro-orm/postgresql';
import type { CaseStatus } from '../../../catalog';
import type { IsoDate } from '../../../kernel/calendar';
import { sqlRows, sqlRun } from '../../../platform/db/sql';
import { ownerKeySql } from './owner-key.sql';
import type { CourtCaseFacts, EnforcementApplicationFacts } from '../domain/court-case-end';

/** A court's read grant on a household (and its area), from a case referred to it, for the owner the case is against. */
export interface CourtHouseholdGrant {
  courtId: string;
  referralId: string;
  householdId: string;
  areaId: string;
  /** The owner reference the grant is for (domain/access.ts courtGrantOwner); null: no owner known. */
  ownerReference: string | null;
}

/** The owner reference the register holds for a household now; null for a household it does not hold. */
export async function registeredOwnerReference(em: EntityManager, householdId: string): Promise<string | null> {
  const [row] = await sqlRows<{ owner_reference: string | null }>(
    em,
    `select owner_reference from areas.household where id = ?::uuid`,
    [householdId],
  );
  return row?.owner_reference ?? null;
}

/** Records a grant once: a redelivered referral changes nothing. */
export async function insertCourtHouseholdGrant(em: EntityManager, grant: CourtHouseholdGrant): Promise<void> {
  await sqlRun(
    em,
    `insert into areas.court_household (court_id, referral_id, household_id, area_id, owner_reference)
     values (?, ?, ?, ?, ?) on conflict do nothing`,
    [grant.courtId, grant.referralId, grant.householdId, grant.areaId, grant.ownerReference],
  );
}

/**
 * A grant whose case is not over on `today` (domain/court-case-end.ts courtCaseOverFrom; a column compared with a
 * parameter, for every statement that asks): `case_over_from` is the first day it is over, null while it runs.
 */
export const liveGrantSql = (alias: string): string =>
  `(${alias}.case_over_from is null or ${alias}.case_over_from > ?::date)`;

/**
 * The households (and their areas) of every case referred to a court and not over on `today`, with the referral and
 * the owner it was referred against, newest first (whose particulars the court reads: domain/access.ts ownerInFull).
 * A case over gives nothing (before, a grant lasted for good: the court read the household and its defendant in full
 * years after a withdrawal).
 */
export async function courtHouseholdGrants(
  em: EntityManager,
  courtId: string,
  today: IsoDate,
): Promise<{ householdId: string; areaId: string; referralId: string; ownerReference: string | null }[]> {
  const rows = await sqlRows<{
    area_id: string;
    household_id: string;
    referral_id: string;
    owner_reference: string | null;
  }>(
    em,
    `select area_id, household_id, referral_id, owner_reference from areas.court_household g
      where court_id = ? and ${liveGrantSql('g')} order by received_at desc, referral_id`,
    [courtId, today],
  );
  return rows.map((r) => ({
    householdId: r.household_id,
    areaId: r.area_id,
    referralId: r.referral_id,
    ownerReference: r.owner_reference,
  }));
}

/**
 * Whether a court holds a referral against that owner of the household whose case is not over on `today` (its
 * grant's owner reference, compared as kernel/owner-key.ts compares them): a correction replacing the owner then keeps
 * them for that court (application/update-household.ts).
 */
export async function courtHoldsReferralAgainst(
  em: EntityManager,
  householdId: string,
  ownerReference: string,
  today: IsoDate,
): Promise<boolean> {
  const rows = await sqlRows<{ one: number }>(
    em,
    `select 1 as one from areas.court_household g
      where g.household_id = ?::uuid and g.owner_reference is not null
        and ${ownerKeySql('g.owner_reference')} = ${ownerKeySql('?::text')} and ${liveGrantSql('g')}
      limit 1`,
    [householdId, ownerReference, today],
  );
  return rows.length > 0;
}

interface CaseColumns {
  case_status: CaseStatus | null;
  case_ended_on_day: IsoDate | null;
  enforcement_due_on_day: IsoDate | null;
  enforcement_met_on_day: IsoDate | null;
  enforcement_cancelled: boolean;
  enforcement_sequence: number | null;
}

/**
 * What areas holds of each grant's case of a referral (one grant per referral in practice: the court it is addressed
 * to), locked for the change that follows; empty where no grant was recorded for it.
 */
export async function lockCourtCases(
  em: EntityManager,
  referralId: string,
): Promise<{ courtId: string; facts: CourtCaseFacts }[]> {
  const rows = await sqlRows<CaseColumns & { court_id: string }>(
    em,
    `select court_id, case_status, to_char(case_ended_on, 'YYYY-MM-DD') as case_ended_on_day,
            to_char(enforcement_due_on, 'YYYY-MM-DD') as enforcement_due_on_day,
            to_char(enforcement_met_on, 'YYYY-MM-DD') as enforcement_met_on_day, enforcement_cancelled,
            enforcement_sequence
       from areas.court_household where referral_id = ?::uuid order by court_id for update`,
    [referralId],
  );
  return rows.map((r) => ({
    courtId: r.court_id,
    facts: {
      status: r.case_status,
      endedOn: r.case_ended_on_day,
      enforcementApplication:
        r.enforcement_sequence === null
          ? null
          : {
              dueOn: r.enforcement_due_on_day,
              metOn: r.enforcement_met_on_day,
              cancelled: r.enforcement_cancelled,
              sequence: r.enforcement_sequence,
            },
    },
  }));
}

/** Stores a grant's case as it now stands and the first day it is over (domain/court-case-end.ts courtCaseOverFrom). */
export async function storeCourtCase(
  em: EntityManager,
  grant: { courtId: string; referralId: string },
  facts: CourtCaseFacts,
  overFrom: IsoDate | null,
): Promise<void> {
  const deadline = facts.enforcementApplication;
  await sqlRun(
    em,
    `update areas.court_household
        set case_status = ?, case_ended_on = ?::date, enforcement_due_on = ?::date, enforcement_met_on = ?::date,
            enforcement_cancelled = ?, enforcement_sequence = ?, case_over_from = ?::date
      where court_id = ? and referral_id = ?::uuid`,
    [
      facts.status,
      facts.endedOn,
      deadline?.dueOn ?? null,
      deadline?.metOn ?? null,
      deadline?.cancelled ?? false,
      deadline?.sequence ?? null,
      overFrom,
      grant.courtId,
      grant.referralId,
    ],
  );
}

/**
 * Holds an enforcement-application deadline of a referral no grant was recorded for yet (its referral is read on
 * another topic, in no order with it), the newest announcement only, until the grant takes it (takePendingCourtCase).
 */
export async function holdPendingCourtCase(
  em: EntityManager,
  referralId: string,
  deadline: EnforcementApplicationFacts,
): Promise<void> {
  await sqlRun(
    em,
    `insert into areas.court_case_pending
       (referral_id, enforcement_due_on, enforcement_met_on, enforcement_cancelled, enforcement_sequence)
     values (?::uuid, ?::date, ?::date, ?, ?)
     on conflict (referral_id) do update
       set enforcement_due_on = excluded.enforcement_due_on, enforcement_met_on = excluded.enforcement_met_on,
           enforcement_cancelled = excluded.enforcement_cancelled, enforcement_sequence = excluded.enforcement_sequence
     where court_case_pending.enforcement_sequence < excluded.enforcement_sequence`,
    [referralId, deadline.dueOn, deadline.metOn, deadline.cancelled, deadline.sequence],
  );
}

/** Removes and returns the deadline held for a referral before its grant; null when none was. */
export async function takePendingCourtCase(
  em: EntityManager,
  referralId: string,
): Promise<EnforcementApplicationFacts | null> {
  const [row] = await sqlRows<{
    due_on_day: IsoDate | null;
    met_on_day: IsoDate | null;
    enforcement_cancelled: boolean;
    enforcement_sequence: number;
  }>(
    em,
    `delete from areas.court_case_pending where referral_id = ?::uuid
     returning to_char(enforcement_due_on, 'YYYY-MM-DD') as due_on_day,
               to_char(enforcement_met_on, 'YYYY-MM-DD') as met_on_day, enforcement_cancelled, enforcement_sequence`,
    [referralId],
  );
  return row
    ? {
        dueOn: row.due_on_day,
        metOn: row.met_on_day,
        cancelled: row.enforcement_cancelled,
        sequence: row.enforcement_sequence,
      }
    : null;
}

/**
 * Serialises, until the transaction ends, the changes to one referral's grant made from its two topics (the grant and
 * a deadline held before it, each in its own transaction, maybe on two instances): neither misses the other.
 */
export async function lockReferralGrant(em: EntityManager, referralId: string): Promise<void> {
  await sqlRun(em, `select pg_advisory_xact_lock(hashtext('areas.court_household:' || ?::text))`, [referralId]);
}
