import { Migration } from '@mikro-orm/migrations';

/**
 * Where a joint decision's figures come from (domain/joint-decision.ts TallySource). Decisions recorded before are
 * left null: whether their reported totals matched the register then is not known now.
 */
export class Migration20261208010000_joint_decision_tally_source extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "areas"."joint_decision" add column "tally_source" text null
      check ("tally_source" in ('REGISTER_BALLOTS','REPORTED_TALLY_CHECKED','REPORTED_TALLY_UNCHECKED'))`);
  }
}
