import { Migration } from '@mikro-orm/migrations';

/**
 * Each account keeps what the arrears list sorts and filters on (issue 16): what is open on its charges in arrears
 * (past due and owed: in-arrears.sql.ts), how many there are and the oldest one's due date, all as of the day in
 * `arrears.balance_day`. Every writer of charges updates the accounts it touched in its own transaction
 * (persistence/arrears-balance.sql.ts); when the day moves, the accounts with a charge falling due in between are
 * recomputed in one statement. Backfilled here with one set-based UPDATE as of today in China. The list reads
 * `account_arrears_list_index`: a company's accounts in arrears, largest first, keyset by (arrears_fen, id).
 */
export class Migration20261201130000_arrears_balance extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "arrears"."account"
      add column "arrears_fen" bigint not null default 0 check ("arrears_fen" >= 0),
      add column "arrears_charges" int not null default 0 check ("arrears_charges" >= 0),
      add column "oldest_due_on" date null`);
    this.addSql(`create table "arrears"."balance_day" (
      "only" boolean primary key default true check ("only"),
      "as_of" date not null)`);
    this.addSql(`insert into "arrears"."balance_day" ("as_of") values ((now() at time zone 'Asia/Shanghai')::date)`);
    this.addSql(`update "arrears"."account" a
        set "arrears_fen" = s.fen, "arrears_charges" = s.n, "oldest_due_on" = s.oldest
       from (select c.account_id, sum(c.amount_fen - c.paid_fen - c.waived_fen)::int8 as fen, count(*) as n, min(c.due_on) as oldest
               from "arrears"."charge" c, "arrears"."balance_day" d
              where c.amount_fen > c.paid_fen + c.waived_fen and c.due_on < d.as_of and not c.voluntary
              group by c.account_id) s
      where a.id = s.account_id`);
    this.addSql(
      `create index "account_arrears_list_index" on "arrears"."account" ("company_id", "arrears_fen" desc, "id") where "arrears_fen" > 0`,
    );
    this.addSql(
      `create index "charge_falling_due_index" on "arrears"."charge" ("due_on") include ("account_id") where "amount_fen" > "paid_fen" + "waived_fen" and not "voluntary"`,
    );
  }
}
