import type { EntityManager } from '@mikro-orm/postgresql';
import { IsoDate } from '../../../kernel/calendar';
import { sqlArray, sqlRows, sqlRun } from '../../../platform/db/sql';
import { AccountStatus } from '../domain/account-status';
import { ClaimedAccount } from '../domain/claim';
import { IN_ARREARS_SQL } from './in-arrears.sql';

/**
 * The basis an account's limitation deadline was computed on, for the charge rows `c` of one account: a fingerprint
 * (how many, and a sum of their ids' hashes) of its open charges in arrears on the as-of date (IN_ARREARS_SQL, one `?`).
 * Null when it has none. It changes when a month is billed or falls due, or a charge is paid off or waived; what
 * moves a date without changing the set (a demand, a part payment, a status change) publishes a claim snapshot, which
 * records its own announcement (saveLimitationAnnouncements). Callers read the basis before the charges they compute
 * from, so a charge written in between makes the saved basis stale, and the next look checks the account again.
 */
const BASIS_OF = (c: string) => `count(${c}.id)::text || ':' || sum(hashtext(${c}.id::text)::bigint)::text`;
const OPEN_IN_ARREARS = (c: string) => `${c}.amount_fen > ${c}.paid_fen + ${c}.waived_fen and ${IN_ARREARS_SQL(c)}`;

/** An account whose limitation deadline may have changed since it was last announced, locked for the transaction. */
export interface LimitationCandidate {
  account: Pick<ClaimedAccount, 'accountId' | 'companyId' | 'districtCode' | 'status' | 'version'>;
  announcedDueOn: IsoDate | null;
  /** Its open charges in arrears as the statement found them (BASIS_OF). */
  basis: string | null;
}

/**
 * Up to `limit` accounts, in one statement, whose limitation deadline may differ from the one announced on `asOf`:
 * their open charges in arrears are not those the announcement was computed on (none announced yet, a month billed or
 * fallen due, a charge paid off or waived), or the date announced ended before yesterday (the day after it is kept for
 * its overdue reminder, deadline-events.ts). Locked (`skip locked`: an account a payment holds is left to that
 * payment's own snapshot and looked at again next time). The rule itself is not here: the caller computes each one.
 */
export async function limitationCandidates(
  em: EntityManager,
  asOf: IsoDate,
  limit: number,
): Promise<LimitationCandidate[]> {
  const rows = await sqlRows<{
    id: string;
    company_id: string;
    status: AccountStatus;
    claim_version: number;
    district_code: string;
    announced_due_on: IsoDate | null;
    basis: string | null;
  }>(
    em,
    `with basis as (
       select c.account_id, ${BASIS_OF('c')} as basis from arrears.charge c
        where ${OPEN_IN_ARREARS('c')} group by c.account_id),
     candidate as (
       select a.id, b.basis from arrears.account a left join basis b on b.account_id = a.id
        where a.limitation_basis is distinct from b.basis or a.limitation_announced_due_on < ?::date - 1
        order by a.id limit ?)
     select a.id, a.company_id, a.status, a.claim_version, ba.district_code,
            a.limitation_announced_due_on::text as announced_due_on, candidate.basis
       from arrears.account a join candidate using (id) join arrears.billing_area ba on ba.area_id = a.area_id
      order by a.id
        for update of a skip locked`,
    [asOf, asOf, limit],
  );
  return rows.map((r) => ({
    account: {
      accountId: r.id,
      companyId: r.company_id,
      status: r.status,
      version: r.claim_version,
      districtCode: r.district_code,
    },
    announcedDueOn: r.announced_due_on,
    basis: r.basis,
  }));
}

/** The basis (BASIS_OF) of each account's open charges in arrears on `asOf`, read before computing from them. */
export async function limitationBases(
  em: EntityManager,
  accountIds: readonly string[],
  asOf: IsoDate,
): Promise<Map<string, string>> {
  const rows = await sqlRows<{ account_id: string; basis: string }>(
    em,
    `select c.account_id, ${BASIS_OF('c')} as basis from arrears.charge c
      where c.account_id = any(?::uuid[]) and ${OPEN_IN_ARREARS('c')} group by c.account_id`,
    [sqlArray(accountIds), asOf],
  );
  return new Map(rows.map((r) => [r.account_id, r.basis]));
}

/** What was announced for one account: the due date (null: none running), and the claim version it used if new. */
export interface LimitationAnnouncement {
  accountId: string;
  dueOn: IsoDate | null;
  /** The basis it was computed on (limitationCandidates, limitationBases); null: no charge in arrears. */
  basis: string | null;
  /** The sequence of a new announcement (the account's next claim version); omitted when nothing was announced. */
  version?: number;
}

/**
 * Records, in one statement, what the register was told of each account's limitation deadline and the basis it was
 * computed on, so the next look finds the account only once something changed.
 */
export async function saveLimitationAnnouncements(
  em: EntityManager,
  announcements: readonly LimitationAnnouncement[],
): Promise<void> {
  if (announcements.length === 0) return;
  await sqlRun(
    em,
    `update arrears.account a
        set limitation_announced_due_on = x."dueOn", limitation_basis = x.basis,
            claim_version = coalesce(x.version, a.claim_version)
       from json_to_recordset(?::json) as x("accountId" uuid, "dueOn" date, basis text, version int)
      where a.id = x."accountId"`,
    [JSON.stringify(announcements)],
  );
}
