import { Migration } from '@mikro-orm/migrations';

/**
 * The referrals each arrears account followed, in order (application/follow-referral.ts): the latest is the one whose
 * reports move the account; reports of an earlier one (withdrawn before the account was referred again, or judged
 * before a new case), its submission redelivered included, are not applied. Accounts referred before this table
 * follow their next report's referral.
 */
export class Migration20261210000000_followed_referral extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "arrears"."followed_referral" (
      "referral_id" uuid primary key,
      "account_id" uuid not null references "arrears"."account" ("id"),
      "sequence" bigint generated always as identity)`);
    this.addSql(
      `create index "followed_referral_account_index" on "arrears"."followed_referral" ("account_id", "sequence" desc)`,
    );
  }
}
