import { Migration } from '@mikro-orm/migrations';

/**
 * Litigation's enforcement-application deadline of a referral whose grant areas has not recorded yet
 * (litigation.deadlines.v1 is read in no order with litigation.referrals.v1): held here until the grant arrives,
 * which takes it (application/follow-court-case.ts). Before, such a deadline was dropped and the grant never ended.
 */
export class Migration20261231060000_court_case_pending extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "areas"."court_case_pending" (
      "referral_id" uuid not null primary key,
      "enforcement_due_on" date null,
      "enforcement_met_on" date null,
      "enforcement_cancelled" boolean not null,
      "enforcement_sequence" integer not null
    )`);
  }
}
