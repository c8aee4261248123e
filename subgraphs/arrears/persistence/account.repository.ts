import type { EntityManager } from '@mikro-orm/postgresql';
import type { ReferralRelation } from '../domain/referral-outcome';
import { IsoDate } from '../../../kernel/calendar';
import { Fen } from '../../../kernel/money';
import { sqlArray, sqlBulk, sqlRows, sqlRun, withoutNestedLoops } from '../../../platform/db/sql';
import { TIME_ORDERED_UUID_SQL } from '../../../platform/db/time-ordered-uuid';
import { Account, CourtAward } from '../domain/account';
import { AccountStatus } from '../domain/account-status';
import { ReadScope } from '../domain/access';
import { AccountPlace } from '../domain/arrears-list';
import { ClaimedAccount } from '../domain/claim';
import { AccountTransition } from '../domain/statement';
import { accountScopeCondition } from './read-scope.sql';

/** The columns of arrears.account that say whose account it is and where it stands. */
export interface AccountKeyColumns {
  id: string;
  company_id: string;
  household_id: string;
  area_id: string;
  building_id: string;
  status: AccountStatus;
}

/** An account's place (domain/arrears-list.ts) from its columns and the household's unit and room joined to them. */
export const accountPlaceOf = (
  accountId: string,
  r: Omit<AccountKeyColumns, 'id' | 'status'> & { unit: string | null; room: string | null },
): AccountPlace => ({
  accountId,
  companyId: r.company_id,
  householdId: r.household_id,
  areaId: r.area_id,
  buildingId: r.building_id,
  unit: r.unit,
  room: r.room,
});

/** arrears.account joined with its area's street and district (billing_area), as the database returns it. */
interface AccountColumns extends AccountKeyColumns {
  credit_fen: number;
  judged_fen: number | null;
  settled_fen: number | null;
  status_changed_on: IsoDate;
  street_code: string;
  district_code: string;
}

const accountOf = (r: AccountColumns): Account => ({
  id: r.id,
  companyId: r.company_id,
  householdId: r.household_id,
  areaId: r.area_id,
  buildingId: r.building_id,
  status: r.status,
  creditFen: r.credit_fen,
  judgedFen: r.judged_fen,
  settledFen: r.settled_fen,
  statusChangedOn: r.status_changed_on,
  streetCode: r.street_code,
  districtCode: r.district_code,
});

/** The account with its place, locked for the rest of the transaction when `lock` is set; null when there is none. */
export async function findAccount(
  em: EntityManager,
  accountId: string,
  options: { lock?: boolean } = {},
): Promise<Account | null> {
  const [account] = await findAccounts(em, [accountId], options);
  return account ?? null;
}

/**
 * The accounts of those ids that exist, with their places, in id order; locked in that order for the rest of the
 * transaction when `lock` is set (two writers locking overlapping sets never deadlock on them). One query. With a
 * `scope` (domain/access.ts readScope), only the accounts in it are read, and so locked: before, a company naming
 * another's account ids (in importPayments, say) locked those rows until its NOT_FOUND rolled back.
 */
export async function findAccounts(
  em: EntityManager,
  accountIds: readonly string[],
  options: { lock?: boolean; scope?: ReadScope } = {},
): Promise<Account[]> {
  const scope = options.scope
    ? accountScopeCondition(options.scope, { account: 'a', area: 'ba' })
    : { sql: 'true', params: [] };
  const rows = await sqlRows<AccountColumns>(
    em,
    `select a.id, a.company_id, a.household_id, a.area_id, a.building_id, a.status, a.credit_fen, a.judged_fen, a.settled_fen,
            a.status_changed_on::text as status_changed_on, ba.street_code, ba.district_code
       from arrears.account a join arrears.billing_area ba on ba.area_id = a.area_id
      where a.id = any(?::uuid[]) and ${scope.sql} order by a.id ${options.lock ? 'for update of a' : ''}`,
    [sqlArray(accountIds), ...scope.params],
  );
  return rows.map(accountOf);
}

/**
 * Opens a CURRENT account for every household of the area (or of the buildings named) the company has none for
 * yet, in one statement whatever the number of households. A household with an account is skipped by a `not exists`
 * anti-join on the company's accounts of the area, run without nested loops as billServiceFees' (withoutNestedLoops:
 * read once, not once per household while the statistics are stale); `on conflict` stays as the guard against a
 * concurrent run and for an account the company opened in another area.
 *
 * Ids are time-ordered (TIME_ORDERED_UUID_SQL) and drawn in household order, so an area's accounts' ids follow its
 * households' ids: billing inserts each month's charges in account order (billServiceFees), which is then also
 * household order, and every index of the charges (and the accounts' primary key its foreign key probes) is written
 * in one sweep instead of at random pages.
 */
export async function openAccounts(
  em: EntityManager,
  place: { companyId: string; areaId: string; buildingIds?: readonly string[] | null },
  today: IsoDate,
): Promise<void> {
  const buildings = place.buildingIds ? sqlArray(place.buildingIds) : null;
  await withoutNestedLoops(em, () =>
    sqlRun(
      em,
      `insert into arrears.account (id, company_id, household_id, area_id, building_id, status, status_changed_on)
       select ${TIME_ORDERED_UUID_SQL}, ?, h.household_id, h.area_id, h.building_id, 'CURRENT', ?::date
         from arrears.billable_household h
        where h.area_id = ? and (?::uuid[] is null or h.building_id = any(?::uuid[]))
          and not exists (select 1 from arrears.account a
                           where a.company_id = ? and a.area_id = ? and a.household_id = h.household_id)
        order by h.household_id
       on conflict (company_id, household_id) do nothing`,
      [place.companyId, today, place.areaId, buildings, buildings, place.companyId, place.areaId],
    ),
  );
}

/** A move of an account's status, with who made it and why, for the status history. */
export interface AccountMove {
  from: AccountStatus;
  to: AccountStatus;
  reason: string | null;
  on: IsoDate;
  bySubject: string;
  byRole: string;
}

/** Sets the account's status and appends the move to its history (account_transition). */
export async function saveAccountMove(em: EntityManager, accountId: string, move: AccountMove): Promise<void> {
  await saveAccountMoves(em, [{ accountId, move }]);
}

/**
 * Saves moves of many accounts, in the order given, in two statements whatever their number: each account takes the
 * status of its last move, and every move is appended to the history.
 */
export async function saveAccountMoves(
  em: EntityManager,
  moves: readonly { accountId: string; move: AccountMove }[],
): Promise<void> {
  if (moves.length === 0) return;
  const rows = moves.map(({ accountId, move }, n) => ({ n, accountId, ...move }));
  const recordset = `json_to_recordset(?::json) as x(n int, "accountId" uuid, "from" text, "to" text, reason text, "on" date, "bySubject" text, "byRole" text)`;
  await sqlBulk(
    em,
    `update arrears.account a set status = l."to", status_changed_on = l."on"
       from (select distinct on (x."accountId") x."accountId", x."to", x."on" from ${recordset} order by x."accountId", x.n desc) l
      where a.id = l."accountId"`,
    rows,
  );
  await sqlBulk(
    em,
    `insert into arrears.account_transition (id, account_id, from_status, to_status, reason, on_date, by_subject, by_role)
     select gen_random_uuid(), x."accountId", x."from", x."to", x.reason, x."on", x."bySubject", x."byRole" from ${recordset} order by x.n`,
    rows,
  );
}

/**
 * How a referral stands to the account (referral-outcome.ts ReferralRelation): the latest it followed is FOLLOWED, an
 * earlier one FOLLOWED_BEFORE; one it never followed is ANOTHER, or NONE while it followed none.
 */
export async function referralRelation(
  em: EntityManager,
  accountId: string,
  referralId: string,
): Promise<ReferralRelation> {
  const rows = await sqlRows<{ referral_id: string; latest: boolean }>(
    em,
    `(select referral_id, true as latest from arrears.followed_referral where account_id = ? order by sequence desc limit 1)
     union all
     (select referral_id, false from arrears.followed_referral where account_id = ? and referral_id = ?)`,
    [accountId, accountId, referralId],
  );
  const latest = rows.find((r) => r.latest);
  if (!latest) return 'NONE';
  if (latest.referral_id === referralId) return 'FOLLOWED';
  return rows.some((r) => !r.latest) ? 'FOLLOWED_BEFORE' : 'ANOTHER';
}

/** The account follows the referral from now on (a repeated call changes nothing). */
export async function followReferralOf(em: EntityManager, accountId: string, referralId: string): Promise<void> {
  await sqlRun(
    em,
    `insert into arrears.followed_referral (referral_id, account_id) values (?, ?) on conflict (referral_id) do nothing`,
    [referralId, accountId],
  );
}

/** What a court awarded (judged_fen) or a settlement before it agreed (settled_fen). */
export async function saveCourtAward(em: EntityManager, accountId: string, award: CourtAward): Promise<void> {
  const column = award.kind === 'JUDGED' ? 'judged_fen' : 'settled_fen';
  await sqlRun(em, `update arrears.account set ${column} = ? where id = ?`, [award.fen, accountId]);
}

/** Adds each account's credit (what its payments left over after every charge), in one statement. */
export async function addCredits(em: EntityManager, credits: ReadonlyMap<string, Fen>): Promise<void> {
  if (credits.size === 0) return;
  await sqlRun(
    em,
    `update arrears.account a set credit_fen = a.credit_fen + x.fen from json_to_recordset(?::json) as x(id uuid, fen bigint) where a.id = x.id`,
    [JSON.stringify([...credits].map(([id, fen]) => ({ id, fen })))],
  );
}

/**
 * The company's accounts of the area that could be referred to a court (not CURRENT): few of a large area, found
 * through the partial index of the non-CURRENT accounts (Migration20261122040000_claim_version).
 */
export async function referableAccountIdsOfArea(
  em: EntityManager,
  companyId: string,
  areaId: string,
): Promise<string[]> {
  const rows = await sqlRows<{ id: string }>(
    em,
    `select id from arrears.account where area_id = ? and company_id = ? and status <> 'CURRENT'`,
    [areaId, companyId],
  );
  return rows.map((r) => r.id);
}

/** The accounts billed a levy that could be referred to a court (not CURRENT). */
export async function referableAccountIdsOfLevy(em: EntityManager, levyId: string): Promise<string[]> {
  const rows = await sqlRows<{ id: string }>(
    em,
    `select a.id from arrears.account a join arrears.charge c on c.account_id = a.id where c.levy_id = ? and a.status <> 'CURRENT'`,
    [levyId],
  );
  return rows.map((r) => r.id);
}

interface ClaimedAccountColumns extends AccountKeyColumns {
  claim_version: number;
  area_name: string;
  street_code: string;
  district_code: string;
  unit: string | null;
  room: string | null;
  floor_area_centi_m2: number | null;
  owner_reference: string | null;
  owner_since: IsoDate | null;
  owner_died_on: IsoDate | null;
}

const claimedAccountOf = (r: ClaimedAccountColumns): ClaimedAccount => ({
  accountId: r.id,
  companyId: r.company_id,
  householdId: r.household_id,
  areaId: r.area_id,
  areaName: r.area_name,
  streetCode: r.street_code,
  districtCode: r.district_code,
  buildingId: r.building_id,
  unit: r.unit,
  room: r.room,
  floorAreaCentiM2: r.floor_area_centi_m2,
  ownerReference: r.owner_reference,
  ownerSince: r.owner_since,
  ownerDiedOn: r.owner_died_on,
  status: r.status,
  version: r.claim_version,
});

/**
 * Counts one more claim snapshot for each account and returns the accounts as the snapshots name them, with their
 * new versions, in id order: two statements whatever the number of accounts. The accounts are locked (in id order)
 * by a statement of their own first, so the version and the household are read by a statement that starts after any
 * other writer of the account has committed: in one statement, a publish that waited on the version of an account
 * whose owner the roster was changing read the household as it was before, and published the former owner (or an
 * owner alive) under a higher version than the roster's, which litigation kept (a helper's attacker audit).
 */
export async function nextClaimVersions(em: EntityManager, accountIds: readonly string[]): Promise<ClaimedAccount[]> {
  await sqlRun(em, `select id from arrears.account where id = any(?::uuid[]) order by id for update`, [
    sqlArray(accountIds),
  ]);
  const rows = await sqlRows<ClaimedAccountColumns>(
    em,
    `with bumped as (
       update arrears.account set claim_version = claim_version + 1 where id = any(?::uuid[])
       returning id, company_id, household_id, area_id, building_id, status, claim_version)
     select b.*, ba.name as area_name, ba.street_code, ba.district_code, h.unit, h.room, h.floor_area_centi_m2, h.owner_reference,
            to_char(h.owner_since, 'YYYY-MM-DD') as owner_since, to_char(h.owner_died_on, 'YYYY-MM-DD') as owner_died_on
       from bumped b join arrears.billing_area ba on ba.area_id = b.area_id left join arrears.billable_household h on h.household_id = b.household_id
      order by b.id`,
    [sqlArray(accountIds)],
  );
  return rows.map(claimedAccountOf);
}

interface TransitionColumns {
  from_status: AccountStatus;
  to_status: AccountStatus;
  reason: string | null;
  on_date: IsoDate;
  by_role: string;
}

const transitionOf = (r: TransitionColumns): AccountTransition => ({
  from: r.from_status,
  to: r.to_status,
  reason: r.reason,
  on: r.on_date,
  byRole: r.by_role,
});

/** The accounts of those households (of any company that billed them), in id order. */
export async function accountIdsOfHouseholds(em: EntityManager, householdIds: readonly string[]): Promise<string[]> {
  const rows = await sqlRows<{ id: string }>(
    em,
    `select id from arrears.account where household_id = any(?::uuid[]) order by id`,
    [sqlArray(householdIds)],
  );
  return rows.map((r) => r.id);
}

export async function lastReferredOn(em: EntityManager, accountId: string): Promise<IsoDate | null> {
  const [row] = await sqlRows<{ on_date: IsoDate }>(
    em,
    `select on_date::text as on_date from arrears.account_transition where account_id = ? and to_status = 'REFERRED'
      order by at desc limit 1`,
    [accountId],
  );
  return row?.on_date ?? null;
}

/** The account's status history, oldest first. */
export async function transitionsOf(em: EntityManager, accountId: string): Promise<AccountTransition[]> {
  const rows = await sqlRows<TransitionColumns>(
    em,
    `select from_status, to_status, reason, on_date::text as on_date, by_role from arrears.account_transition where account_id = ? order by at`,
    [accountId],
  );
  return rows.map(transitionOf);
}
