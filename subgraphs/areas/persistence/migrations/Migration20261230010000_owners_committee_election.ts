import { Migration } from '@mikro-orm/migrations';

/**
 * An owners' committee's election day and the city rules it was recorded under (domain/owners-committee.ts: its
 * application for recording is due 30 days after the election, Beijing art. 43 and the Ministry's guidance art. 33;
 * in Beijing the street office records it within 5 working days). Committees recorded before have neither, and no
 * deadline is shown for them.
 */
export class Migration20261230010000_owners_committee_election extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "areas"."governance_body" add column "elected_on" date null`);
    this.addSql(`alter table "areas"."governance_body" add column "owners_committee_rules" text null`);
  }
}
