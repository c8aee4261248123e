import { Migration } from '@mikro-orm/migrations';

/**
 * The rules a property-management committee is held to (domain/statutes.ts PMC_RULES_DIVISIONS): '11', Beijing's
 * regulation, for a committee of a Beijing area; null where the hub holds none, which is every other city. Committees
 * formed before are given them by their area's district as well.
 */
export class Migration20261226000000_committee_rules extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "areas"."governance_body" add column "pmc_rules" text null`);
    this.addSql(`update "areas"."governance_body" b set "pmc_rules" = '11' from "areas"."area" a
      where a."id" = b."area_id" and b."kind" = 'PROPERTY_MANAGEMENT_COMMITTEE' and a."district_code" like '11%'`);
  }
}
