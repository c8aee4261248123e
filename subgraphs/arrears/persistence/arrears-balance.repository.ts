import type { EntityManager } from '@mikro-orm/postgresql';
import { IsoDate } from '../../../kernel/calendar';
import { retryAfterLostRace, sqlRows, sqlRun } from '../../../platform/db/sql';
import { IN_ARREARS_SQL } from './in-arrears.sql';

/**
 * The stored arrears balance of each account (Migration20261201130000_arrears_balance): `arrears_fen`,
 * `arrears_charges` and `oldest_due_on` are what is open on its charges in arrears (IN_ARREARS_SQL), how many and the
 * oldest one's due date, as of the one day in `arrears.balance_day`. Every writer of charges calls
 * `refreshBalances` for the accounts it touched, in its own transaction; `rollBalancesTo` moves the day.
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
