import { Migration } from '@mikro-orm/migrations';
import { filingSnapshotDdl } from '../../../../platform/read-models/filing-snapshot';

/**
 * What companies and courts may read here besides the street offices' and bureaus' registers: the areas a company
 * serves under an accepted filing (from contracts.filings.v1) and the households of cases referred to a court (from
 * litigation.referrals.v1).
 */
export class Migration20261122040000_read_grants extends Migration {
  override async up(): Promise<void> {
    for (const sql of filingSnapshotDdl('areas')) this.addSql(sql);
    this.addSql(`create index "filing_snapshot_company_index" on "areas"."filing_snapshot" ("company_id", "status")`);
    this.addSql(`create table "areas"."court_household" (
      "court_id" text not null,
      "referral_id" uuid not null,
      "household_id" uuid not null,
      "area_id" uuid not null,
      "received_at" timestamptz not null default now(),
      primary key ("court_id", "referral_id"))`);
    this.addSql(`create index "court_household_index" on "areas"."court_household" ("court_id", "household_id")`);
  }
}
