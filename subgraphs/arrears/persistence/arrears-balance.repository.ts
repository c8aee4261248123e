import type { EntityManager } from '@mikro-orm/postgresql';
import { IsoDate } from '../../../kernel/calendar';
import { retryAfterLostRace, sqlRows, sqlRun } from '../../../platform/db/sql';
import { IN_ARREARS_SQL } from './in-arrears.sql';

/**
 * The stored arrears balance of each account (Migration20261201130000_arrears_balance): `arrears_fen`,
 * `arrears_charges` and `oldest_due_on` are what is open on its charges in arrears (IN_ARREARS_SQL), how many and the
 * oldest one's due date, as of the one day in `arrears.balance_day`. Every writer of charges calls
 * `refreshBalances` for the accounts it touched, in its own transaction, or inserts new charges with
 * `insertChargesRaisingBalances` (billing, levies); `rollBalancesTo` moves the day.
 *
 * Why two statements: the accounts are locked first (in id order), then recomputed by a statement whose snapshot
 * starts after the lock is held, so it sees every charge a concurrent writer of the same account committed; that
 * writer recomputes after its own lock in turn. (One UPDATE … FROM would keep the subquery's older snapshot.)
 *
 * The recompute reads only columns `charge_open_index` includes (it counts `due_on`, never null, not `id`), so it
 * is an index-only scan where the visibility map allows: billing a fifth month to 100,000 households on vacuumed
 * tables, the refresh fetched 100,010 charges from the heap (the month's own) instead of 500,000: 24.5 s → 10.4 s
 * (EXPLAIN ANALYZE, load ≈ 8).
 */
async function recompute(em: EntityManager, accountsSql: string, params: unknown[], day: IsoDate): Promise<number> {
  const [{ n }] = await sqlRows<{ n: number }>(
    em,
    `select count(*)::int as n from (select a.id from arrears.account a where a.id in (${accountsSql}) order by a.id for update of a) l`,
    params,
  );
  if (n === 0) return 0;
  return sqlRun(
    em,
    `update arrears.account a
        set arrears_fen = s.fen, arrears_charges = s.n, oldest_due_on = s.oldest
       from (select t.id, coalesce(sum(c.amount_fen - c.paid_fen - c.waived_fen), 0)::int8 as fen, count(c.due_on) as n,
                    min(c.due_on) as oldest
               from (select distinct x.id from (${accountsSql}) as x(id)) t
               left join arrears.charge c on c.account_id = t.id and c.amount_fen > c.paid_fen + c.waived_fen and ${IN_ARREARS_SQL('c')}
              group by t.id) s
      where a.id = s.id and (a.arrears_fen, a.arrears_charges, a.oldest_due_on) is distinct from (s.fen, s.n, s.oldest)`,
    [...params, day],
  );
}

/**
 * Recomputes the balances of the accounts `accountsSql` selects (one column of account ids; `params` gives its `?`
 * from the balance day), as of the balance day, holding a share lock on that day until the caller's transaction
 * ends: `rollBalancesTo` cannot move it in between, writers do not wait for each other. Call it inside the writer's
 * transaction, after the charges are written.
 */
export async function refreshBalances(
  em: EntityManager,
  accountsSql: string,
  params: (day: IsoDate) => unknown[],
): Promise<number> {
  const [{ as_of: day }] = await sqlRows<{ as_of: IsoDate }>(
    em,
    `select as_of::text as as_of from arrears.balance_day for share`,
  );
  return recompute(em, accountsSql, params(day), day);
}

/**
 * Runs `insertSql`, an `insert into arrears.charge … select …` of new charges (no `returning`; `params` gives its
 * `?`), and raises the stored balance of each account by its new charges in arrears as of the balance day, in one
 * statement (a data-modifying CTE); returns how many charges it inserted. Holds a share lock on the balance day until
 * the caller's transaction ends, as refreshBalances does.
 *
 * What refreshBalances would compute, without recomputing the accounts from all their open charges: a new charge is
 * unpaid and unwaived, so it adds its amount, one charge and its due date to the sum, count and minimum over the
 * account's charges in arrears when it is in arrears itself (IN_ARREARS_SQL, and open: a zero amount is not) and
 * nothing otherwise, and every writer keeps the stored balance equal to that recompute. A charge not yet due on the
 * balance day (a month billed before its end) changes no balance and locks no account. The accounts raised are
 * locked first in id order (`raising`) as refreshBalances locks them, so writers locking overlapping sets never
 * deadlock; the UPDATE adds to the latest committed row version (a concurrent writer's recompute committed after
 * this statement's snapshot is followed, not overwritten). Both find the accounts by `id = any(array(…))`, a scan of
 * the primary key with no join to plan: billing runs without nested loops (withoutNestedLoops), and a join there
 * read the whole account table, every area's, twice (EXPLAIN).
 */
export async function insertChargesRaisingBalances(
  em: EntityManager,
  insertSql: string,
  params: readonly unknown[],
): Promise<number> {
  const [{ as_of: day }] = await sqlRows<{ as_of: IsoDate }>(
    em,
    `select as_of::text as as_of from arrears.balance_day for share`,
  );
  const [{ inserted }] = await sqlRows<{ inserted: number }>(
    em,
    `with inserted as (${insertSql} returning account_id, amount_fen, paid_fen, waived_fen, due_on, voluntary),
     owed as (
       select c.account_id, sum(c.amount_fen - c.paid_fen - c.waived_fen)::int8 as fen, count(*)::int as n, min(c.due_on) as oldest
         from inserted c where c.amount_fen > c.paid_fen + c.waived_fen and ${IN_ARREARS_SQL('c')}
        group by c.account_id),
     raising as (
       select a.id from arrears.account a where a.id = any(array(select account_id from owed)) order by a.id for no key update of a),
     raised as (
       update arrears.account a
          set arrears_fen = a.arrears_fen + o.fen, arrears_charges = a.arrears_charges + o.n,
              oldest_due_on = least(a.oldest_due_on, o.oldest)
         from owed o
        where a.id = any(array(select id from raising)) and a.id = o.account_id
        returning 1)
     select (select count(*) from inserted)::int as inserted`,
    [...params, day],
  );
  return inserted;
}

/**
 * Moves the balances to `today`, the daily set-based step (charges falling due since the stored day become
 * arrears): in one transaction, the accounts with an open owed charge due between the stored day and `today`
 * (`charge_falling_due_index`) are recomputed as of `today` and the day is stored. A no-op when the day is already
 * `today`; either direction, so a test hub's pinned day works too. Run by the first list of the day; a deadlock with
 * a writer that straddles the change of day is run again (retryAfterLostRace). Returns whether the day moved.
 */
export async function rollBalancesTo(em: EntityManager, today: IsoDate): Promise<boolean> {
  const [current] = await sqlRows<{ as_of: IsoDate }>(em, `select as_of::text as as_of from arrears.balance_day`);
  if (current.as_of === today) return false;
  return retryAfterLostRace(() =>
    em.transactional(async (tx) => {
      const [locked] = await sqlRows<{ as_of: IsoDate }>(
        tx,
        `select as_of::text as as_of from arrears.balance_day for update`,
      );
      if (locked.as_of === today) return false;
      await recompute(
        tx,
        `select c.account_id from arrears.charge c
          where c.amount_fen > c.paid_fen + c.waived_fen and not c.voluntary
            and c.due_on >= least(?::date, ?::date) and c.due_on < greatest(?::date, ?::date)`,
        [locked.as_of, today, locked.as_of, today],
        today,
      );
      await sqlRun(tx, `update arrears.balance_day set as_of = ?::date`, [today]);
      return true;
    }),
  );
}
