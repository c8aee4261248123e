import { Migration } from '@mikro-orm/migrations';
import { cancelOpenCommitteeDeadlinesSql } from './committee-deadlines-cancelled.sql';

/**
 * The rules a property-management committee is held to (domain/statutes.ts PMC_RULES_DIVISIONS): '11', Beijing's
 * regulation, for a committee of a Beijing area; null where the hub holds none, which is every other city. Committees
 * formed before are given them by their area's district. One formed before elsewhere was given Beijing's deadlines:
 * its stored figures are cleared, and the deadlines still open in the register (the filing, unfiled; the recording,
 * filed and not recorded) are announced cancelled, so the register stops chasing the office under Beijing's articles.
 */
export class Migration20261226000000_committee_rules extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "areas"."governance_body" add column "pmc_rules" text null`);
    this.addSql(`update "areas"."governance_body" b set "pmc_rules" = '11' from "areas"."area" a
      where a."id" = b."area_id" and b."kind" = 'PROPERTY_MANAGEMENT_COMMITTEE' and a."district_code" like '11%'`);
    const legalBasis =
      "Cancelled: Beijing Property Management Regulation arts. 52–59 do not apply to this city's committees, and the hub holds no rules of its own for them";
    this.addSql(cancelOpenCommitteeDeadlinesSql('b."pmc_rules" is null', legalBasis));
    this.addSql(`update "areas"."governance_body" set "filing_deadline" = null, "filed_late" = null,
        "dissolution_deadline" = null, "dissolved_late" = null
      where "kind" = 'PROPERTY_MANAGEMENT_COMMITTEE' and "pmc_rules" is null`);
  }
}
