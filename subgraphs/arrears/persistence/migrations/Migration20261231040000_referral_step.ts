import { Migration } from '@mikro-orm/migrations';

/**
 * Each step of a referral of an account as litigation reported it (application/follow-referral.ts), of any referral
 * of the account, followed or not: a suit interrupts the limitation period of the charges it claims from its
 * submission, and the period runs afresh once its proceedings end (Civil Code art. 195 item 3; domain
 * referral-outcome.ts suitsOf). A redelivered report changes nothing (the primary key). Referrals reported before
 * this table have no steps: their suits interrupt nothing in the hub's count, the earlier date to act by.
 */
export class Migration20261231040000_referral_step extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "arrears"."referral_step" (
      "referral_id" uuid not null,
      "account_id" uuid not null references "arrears"."account" ("id"),
      "case_status" text not null,
      "on_date" date not null,
      "charge_ids" jsonb null,
      primary key ("referral_id", "case_status", "on_date"))`);
    this.addSql(`create index "referral_step_account_index" on "arrears"."referral_step" ("account_id")`);
  }
}
