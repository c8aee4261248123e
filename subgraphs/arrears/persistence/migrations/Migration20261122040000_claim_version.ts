import { Migration } from '@mikro-orm/migrations';

/**
 * Counts the claim snapshots published for each account (arrears.claims.v1): litigation keeps the highest version,
 * so a snapshot delivered late never replaces a newer one. A billing run publishes the claims of the accounts that
 * are not CURRENT, a few of a large area: the partial index finds them without reading the area's other accounts.
 */
export class Migration20261122040000_claim_version extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "arrears"."account" add column "claim_version" int not null default 0`);
    this.addSql(
      `create index "account_referable_index" on "arrears"."account" ("area_id", "company_id") where "status" <> 'CURRENT'`,
    );
  }
}
