import { Migration } from '@mikro-orm/migrations';

/** Which court may read which contract: one row per referral of arrears under it (from litigation.referrals.v1). */
export class Migration20261122030000_court_referrals extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "contracts"."court_referral" (
      "court_id" text not null,
      "referral_id" uuid not null,
      "contract_id" uuid not null,
      "received_at" timestamptz not null default now(),
      primary key ("court_id", "referral_id"))`);
    this.addSql(
      `create index "court_referral_contract_index" on "contracts"."court_referral" ("court_id", "contract_id")`,
    );
  }
}
