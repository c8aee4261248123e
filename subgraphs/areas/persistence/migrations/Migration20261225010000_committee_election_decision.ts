import { Migration } from '@mikro-orm/migrations';

/**
 * The owners' joint decision electing an owners' committee, where its recording names one (domain/owners-assembly.ts
 * checkElectionDecision); committees recorded before name none.
 */
export class Migration20261225010000_committee_election_decision extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "areas"."governance_body" add column "election_decision_id" uuid null`);
  }
}
