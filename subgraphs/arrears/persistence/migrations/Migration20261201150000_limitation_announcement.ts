import { Migration } from '@mikro-orm/migrations';

/**
 * What the register was last told of each account's limitation deadline (arrears.deadlines.v1), so the daily
 * announcement step (application/announce-limitation-deadlines.ts) announces each change once: the due date last
 * announced (null: none running was announced, or it was cancelled) and the basis it was computed on, a fingerprint of
 * the account's open charges in arrears (count and ids), so an account whose charges changed without a claim snapshot
 * (a month billed or fallen due) is found by one statement. Kept apart from the other account columns on purpose.
 */
export class Migration20261201150000_limitation_announcement extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table "arrears"."account" add column "limitation_announced_due_on" date null, add column "limitation_basis" text null`,
    );
    this.addSql(
      `create index "account_limitation_announced_index" on "arrears"."account" ("limitation_announced_due_on") where "limitation_announced_due_on" is not null`,
    );
  }
}
