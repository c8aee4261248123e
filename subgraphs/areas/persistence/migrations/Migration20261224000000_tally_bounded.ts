import { Migration } from '@mikro-orm/migrations';

/**
 * A meeting's tally recorded after owners changed in the register since the meeting (domain/joint-decision.ts
 * checkTallyTotals): REPORTED_TALLY_BOUNDED.
 */
export class Migration20261224000000_tally_bounded extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "areas"."joint_decision" drop constraint "joint_decision_tally_source_check",
      add constraint "joint_decision_tally_source_check"
      check ("tally_source" in ('REGISTER_BALLOTS','REPORTED_TALLY_CHECKED','REPORTED_TALLY_UNCHECKED','REPORTED_TALLY_BOUNDED'))`);
  }
}
