import { Migration } from '@mikro-orm/migrations';
import { cancelOpenCommitteeDeadlinesSql } from './committee-deadlines-cancelled.sql';

/**
 * Whether a property-management committee's filing and recording periods run (domain/governance-body.ts
 * filingPeriodsRun): Beijing art. 55 para. 1 sets them for a committee of an area whose owners' assembly is formed;
 * one of an area without an assembly applies for its seal instead (para. 3), with no period. Committees formed before
 * are given it by whether their area's assembly stood on their formation day. Those it does not run for had Beijing's
 * deadlines: their stored figures are cleared, and the deadlines still open in the register (the filing, unfiled; the
 * recording, filed and not recorded) are announced cancelled, as Migration20261226000000_committee_rules did for
 * committees outside Beijing.
 */
export class Migration20261227000000_committee_filing_condition extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "areas"."governance_body" add column "filing_required" boolean not null default false`);
    this.addSql(`update "areas"."governance_body" b set "filing_required" = true
      where b."kind" = 'PROPERTY_MANAGEMENT_COMMITTEE' and b."pmc_rules" is not null
        and exists (select 1 from "areas"."governance_body" a
                     where a."area_id" = b."area_id" and a."kind" = 'OWNERS_ASSEMBLY' and a."formed_on" <= b."formed_on"
                       and (a."dissolved_on" is null or a."dissolved_on" > b."formed_on"))`);
    const legalBasis =
      "Cancelled: Beijing Property Management Regulation art. 55 para. 1 sets the filing period for a committee of an area whose owners' assembly is formed; this area had none on record when the committee formed (para. 3: it applies for its seal instead)";
    this.addSql(cancelOpenCommitteeDeadlinesSql('b."pmc_rules" is not null and not b."filing_required"', legalBasis));
    this.addSql(`update "areas"."governance_body" set "filing_deadline" = null, "filed_late" = null
      where "kind" = 'PROPERTY_MANAGEMENT_COMMITTEE' and "pmc_rules" is not null and not "filing_required"`);
  }
}
