import { Migration } from '@mikro-orm/migrations';

/**
 * Owners' assemblies join the governance bodies (the standing-body index already allows one per area); the street
 * office's recording (备案) of a committee; an owners' committee's link to its assembly; and the dissolution window
 * of a property-management committee.
 */
export class Migration20261122050000_owners_assembly extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "areas"."governance_body" drop constraint "governance_body_kind_check"`);
    this.addSql(`alter table "areas"."governance_body" add constraint "governance_body_kind_check"
      check ("kind" in ('OWNERS_ASSEMBLY','OWNERS_COMMITTEE','PROPERTY_MANAGEMENT_COMMITTEE'))`);
    this.addSql(`alter table "areas"."governance_body"
      add column "recorded_on" date null,
      add column "rules_reference" text null,
      add column "assembly_id" uuid null references "areas"."governance_body" ("id"),
      add column "dissolution_deadline" date null,
      add column "dissolved_late" boolean null`);
    // Until now an owners' committee was entered on the day the street office recorded it, as its formation date;
    // and a committee dissolved by that recording was dissolved the same day, within its 30 days.
    this.addSql(`update "areas"."governance_body" set "recorded_on" = "formed_on" where "kind" = 'OWNERS_COMMITTEE'`);
    this
      .addSql(`update "areas"."governance_body" set "dissolution_deadline" = "dissolved_on" + 30, "dissolved_late" = false
      where "dissolution_reason" = 'OWNERS_COMMITTEE_RECORDED'`);
  }
}
